#include "kembar/report/network_export.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "kembar/io/json_writer.h"
#include "network/csv.h"

namespace kembar::report {

using network::Graph;
using network::NetEdge;
using network::NetNode;
namespace csv = network::csv;

namespace {

// Appends `s` escaped for XML text and attributes. Characters XML 1.0 forbids
// (controls other than tab, line feed and return) and bytes that are not UTF-8 become
// U+FFFD, so that a stray byte in a name cannot make the file unreadable.
void AppendXml(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&':
          out->append("&amp;");
          break;
        case '<':
          out->append("&lt;");
          break;
        case '>':
          out->append("&gt;");
          break;
        case '"':
          out->append("&quot;");
          break;
        case '\'':
          out->append("&apos;");
          break;
        default:
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out->append("\xEF\xBF\xBD");
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    // A well-formed multi-byte sequence is copied; anything else is replaced.
    const size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out->append(s.substr(i, len));
      i += len;
    } else {
      out->append("\xEF\xBF\xBD");
      ++i;
    }
  }
}

std::string Xml(std::string_view s) {
  std::string out;
  AppendXml(s, &out);
  return out;
}

// The shortest text that reads back as the same double.
std::string Num(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

// A coordinate with `decimals` digits after the point, trailing zeros dropped.
void AppendFixed(double v, int decimals, std::string* out) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  if (std::memchr(buf, '.', static_cast<size_t>(n))) {
    while (n > 0 && buf[n - 1] == '0') --n;
    if (n > 0 && buf[n - 1] == '.') --n;
  }
  if (n == 2 && buf[0] == '-' && buf[1] == '0') {  // "-0"
    buf[0] = '0';
    n = 1;
  }
  out->append(buf, static_cast<size_t>(n));
}

}  // namespace

std::string ToGexf(const Graph& graph) {
  std::string o;
  o.reserve(graph.node_count() * 400 + graph.edge_count() * 150);
  o +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
      "version=\"1.2\">\n"
      "  <meta>\n    <creator>kembar</creator>\n    <description>Twin-city network: places and "
      "their "
      "partnerships";
  if (!graph.attribution().empty()) o += ". Data: " + Xml(graph.attribution());
  o += "</description>\n  </meta>\n"
       "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n"
       "    <attributes class=\"node\">\n"
       "      <attribute id=\"key\" title=\"key\" type=\"string\"/>\n"
       "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
       "      <attribute id=\"lat\" title=\"lat\" type=\"double\"/>\n"
       "      <attribute id=\"lon\" title=\"lon\" type=\"double\"/>\n"
       "      <attribute id=\"degree\" title=\"degree\" type=\"integer\"/>\n"
       "    </attributes>\n"
       "    <attributes class=\"edge\">\n"
       "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
       "      <attribute id=\"start_year\" title=\"start_year\" type=\"integer\"/>\n"
       "    </attributes>\n"
       "    <nodes>\n";
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const NetNode& n = graph.node(i);
    o += "      <node id=\"" + std::to_string(i) + "\" label=\"" + Xml(n.name) +
         "\">\n        <attvalues>";
    o += "<attvalue for=\"key\" value=\"" + Xml(n.id) + "\"/>";
    if (!n.country.empty()) o += "<attvalue for=\"country\" value=\"" + Xml(n.country) + "\"/>";
    if (n.lat)
      o += "<attvalue for=\"lat\" value=\"" + Num(*n.lat) + "\"/><attvalue for=\"lon\" value=\"" +
           Num(*n.lon) + "\"/>";
    o += "<attvalue for=\"degree\" value=\"" + std::to_string(graph.degree(i)) +
         "\"/></attvalues>\n";
    if (n.lat)
      o += "        <viz:position x=\"" + Num(*n.lon) + "\" y=\"" + Num(*n.lat) + "\" z=\"0\"/>\n";
    o += "      </node>\n";
  }
  o += "    </nodes>\n    <edges>\n";
  for (size_t k = 0; k < graph.edge_count(); ++k) {
    const NetEdge& e = graph.edges()[k];
    o += "      <edge id=\"" + std::to_string(k) + "\" source=\"" + std::to_string(e.a) +
         "\" target=\"" + std::to_string(e.b) + "\">";
    if (!e.kind.empty() || e.start_year) {
      o += "<attvalues>";
      if (!e.kind.empty()) o += "<attvalue for=\"kind\" value=\"" + Xml(e.kind) + "\"/>";
      if (e.start_year)
        o += "<attvalue for=\"start_year\" value=\"" + std::to_string(*e.start_year) + "\"/>";
      o += "</attvalues>";
    }
    o += "</edge>\n";
  }
  o += "    </edges>\n  </graph>\n</gexf>\n";
  return o;
}

std::string ToGraphMl(const Graph& graph) {
  std::string o;
  o.reserve(graph.node_count() * 300 + graph.edge_count() * 120);
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
       "  <desc>Twin-city network: places and their partnerships (kembar)";
  if (!graph.attribution().empty()) o += ". Data: " + Xml(graph.attribution());
  o += "</desc>\n"
       "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
       "  <key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
       "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
       "  <key id=\"lat\" for=\"node\" attr.name=\"lat\" attr.type=\"double\"/>\n"
       "  <key id=\"lon\" for=\"node\" attr.name=\"lon\" attr.type=\"double\"/>\n"
       "  <key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>\n"
       "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
       "  <key id=\"start_year\" for=\"edge\" attr.name=\"start_year\" attr.type=\"int\"/>\n"
       "  <graph id=\"twin_cities\" edgedefault=\"undirected\">\n";
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const NetNode& n = graph.node(i);
    o += "    <node id=\"n" + std::to_string(i) + "\"><data key=\"name\">" + Xml(n.name) +
         "</data><data key=\"key\">" + Xml(n.id) + "</data>";
    if (!n.country.empty()) o += "<data key=\"country\">" + Xml(n.country) + "</data>";
    if (n.lat)
      o += "<data key=\"lat\">" + Num(*n.lat) + "</data><data key=\"lon\">" + Num(*n.lon) +
           "</data>";
    o += "<data key=\"degree\">" + std::to_string(graph.degree(i)) + "</data></node>\n";
  }
  for (size_t k = 0; k < graph.edge_count(); ++k) {
    const NetEdge& e = graph.edges()[k];
    o += "    <edge id=\"e" + std::to_string(k) + "\" source=\"n" + std::to_string(e.a) +
         "\" target=\"n" + std::to_string(e.b) + "\">";
    if (!e.kind.empty()) o += "<data key=\"kind\">" + Xml(e.kind) + "</data>";
    if (e.start_year) o += "<data key=\"start_year\">" + std::to_string(*e.start_year) + "</data>";
    o += "</edge>\n";
  }
  o += "  </graph>\n</graphml>\n";
  return o;
}

namespace {

using Point = std::pair<double, double>;  // (lon, lat), lon unrolled along a line

// The geodesic from a to b as points at most `step_km` apart, longitudes unrolled
// (continuous across +/-180), then split where the line crosses the antimeridian.
std::vector<std::vector<Point>> GeodesicParts(const NetNode& a, const NetNode& b, double step_km,
                                              double* km) {
  using GeographicLib::Geodesic;
  const Geodesic& wgs84 = Geodesic::WGS84();
  const GeographicLib::GeodesicLine line =
      wgs84.InverseLine(*a.lat, *a.lon, *b.lat, *b.lon,
                        Geodesic::LATITUDE | Geodesic::LONGITUDE | Geodesic::DISTANCE_IN);
  const double length_km = line.Distance() / 1000.0;
  *km = length_km;
  const int segments = std::max(1, static_cast<int>(std::ceil(length_km / std::max(step_km, 1.0))));
  std::vector<Point> points;
  points.reserve(static_cast<size_t>(segments) + 1);
  for (int i = 0; i <= segments; ++i) {
    double lat = 0, lon = 0, t = 0;
    line.GenPosition(false, line.Distance() * i / segments,
                     Geodesic::LATITUDE | Geodesic::LONGITUDE | Geodesic::LONG_UNROLL, lat, lon, t,
                     t, t, t, t, t);
    points.emplace_back(lon, lat);
  }
  std::vector<std::vector<Point>> parts(1);
  auto wrap = [](double lon) { return std::remainder(lon, 360.0); };  // [-180, 180]
  for (size_t i = 0; i < points.size(); ++i) {
    const auto [lon, lat] = points[i];
    if (i > 0) {
      const auto [plon, plat] = points[i - 1];
      const double pw = wrap(plon), qw = wrap(lon);
      if (std::fabs(qw - pw) > 180) {  // crossed +/-180 between the two points
        const bool east = lon > plon;
        const double boundary = east ? plon + (180 - pw) : plon - (pw + 180);
        const double t = lon == plon ? 0 : std::clamp((boundary - plon) / (lon - plon), 0.0, 1.0);
        const double cross_lat = plat + t * (lat - plat);
        parts.back().emplace_back(east ? 180.0 : -180.0, cross_lat);
        parts.emplace_back();
        parts.back().emplace_back(east ? -180.0 : 180.0, cross_lat);
      }
    }
    parts.back().emplace_back(wrap(lon), lat);
  }
  // Drop a degenerate part of a split line (an end exactly on the antimeridian). A tie
  // between two places geocoded to the same point stays a line of zero length.
  if (parts.size() > 1) {
    std::erase_if(parts, [](const std::vector<Point>& p) {
      for (const Point& q : p) {
        if (q != p.front()) return false;
      }
      return true;
    });
  }
  return parts;
}

// "n12" for node 12 (GCC 12 warns falsely on "n" + std::to_string(i)).
std::string Ref(char prefix, size_t i) {
  std::string s(1, prefix);
  s += std::to_string(i);
  return s;
}

void AppendPosition(const Point& p, int decimals, std::string* out) {
  out->push_back('[');
  AppendFixed(p.first, decimals, out);
  out->push_back(',');
  AppendFixed(p.second, decimals, out);
  out->push_back(']');
}

}  // namespace

std::string ToGeoJson(const Graph& graph, const GeoJsonOptions& options) {
  std::string out;
  io::JsonWriter w(&out, 1, 2);  // one feature per line
  std::string coords;
  w.BeginObject();
  w.Key("type");
  w.String("FeatureCollection");
  if (!graph.attribution().empty()) {  // a foreign member (RFC 7946, section 6.1)
    w.Key("attribution");
    w.String(graph.attribution());
  }
  w.Key("features");
  w.BeginArray();
  if (options.nodes) {
    for (size_t i = 0; i < graph.node_count(); ++i) {
      const NetNode& n = graph.node(i);
      if (!n.lat) continue;
      w.BeginObject();
      w.Key("type");
      w.String("Feature");
      w.Key("id");
      w.String(Ref('n', i));
      w.Key("geometry");
      coords.clear();
      AppendPosition({std::remainder(*n.lon, 360.0), *n.lat}, options.decimals, &coords);
      w.Raw("{\"type\":\"Point\",\"coordinates\":" + coords + "}");
      w.Key("properties");
      w.BeginObject();
      w.Key("key");
      w.String(n.id);
      w.Key("name");
      w.String(n.name);
      w.Key("country");
      w.String(n.country);
      w.Key("degree");
      w.Uint(graph.degree(i));
      w.EndObject();
      w.EndObject();
    }
  }
  if (options.edges) {
    for (size_t k = 0; k < graph.edge_count(); ++k) {
      const NetEdge& e = graph.edges()[k];
      const NetNode &a = graph.node(e.a), &b = graph.node(e.b);
      if (!a.lat || !b.lat) continue;
      double km = 0;
      const auto parts = GeodesicParts(a, b, options.densify_km, &km);
      if (parts.empty()) continue;
      coords.clear();
      auto line = [&](const std::vector<Point>& p) {
        coords.push_back('[');
        for (size_t i = 0; i < p.size(); ++i) {
          if (i) coords.push_back(',');
          AppendPosition(p[i], options.decimals, &coords);
        }
        coords.push_back(']');
      };
      if (parts.size() == 1) {
        coords += "{\"type\":\"LineString\",\"coordinates\":";
        line(parts[0]);
      } else {
        coords += "{\"type\":\"MultiLineString\",\"coordinates\":[";
        for (size_t p = 0; p < parts.size(); ++p) {
          if (p) coords.push_back(',');
          line(parts[p]);
        }
        coords.push_back(']');
      }
      coords.push_back('}');
      w.BeginObject();
      w.Key("type");
      w.String("Feature");
      w.Key("id");
      w.String(Ref('e', k));
      w.Key("geometry");
      w.Raw(coords);
      w.Key("properties");
      w.BeginObject();
      w.Key("source");
      w.String(Ref('n', e.a));
      w.Key("target");
      w.String(Ref('n', e.b));
      w.Key("source_name");
      w.String(a.name);
      w.Key("target_name");
      w.String(b.name);
      w.Key("kind");
      w.String(e.kind);
      w.Key("start_year");
      if (e.start_year) {
        w.Uint(static_cast<uint64_t>(*e.start_year));
      } else {
        w.Raw("null");
      }
      w.Key("km");
      w.Number(std::round(km * 10) / 10);
      w.EndObject();
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string NodesCsv(const Graph& graph) {
  std::string o = "id,label,key,country,lat,lon,degree\n";
  o.reserve(graph.node_count() * 64);
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const NetNode& n = graph.node(i);
    o += std::to_string(i);
    o.push_back(',');
    csv::AppendField(n.name, &o);
    o.push_back(',');
    csv::AppendField(n.id, &o);
    o.push_back(',');
    csv::AppendField(n.country, &o);
    o.push_back(',');
    if (n.lat) {
      o += Num(*n.lat);
      o.push_back(',');
      o += Num(*n.lon);
    } else {
      o.push_back(',');
    }
    o.push_back(',');
    o += std::to_string(graph.degree(i));
    o.push_back('\n');
  }
  return o;
}

std::string EdgesCsv(const Graph& graph) {
  std::string o = "source,target,kind,start_year\n";
  o.reserve(graph.edge_count() * 24);
  for (const NetEdge& e : graph.edges()) {
    o += std::to_string(e.a);
    o.push_back(',');
    o += std::to_string(e.b);
    o.push_back(',');
    csv::AppendField(e.kind, &o);
    o.push_back(',');
    if (e.start_year) o += std::to_string(*e.start_year);
    o.push_back('\n');
  }
  return o;
}

}  // namespace kembar::report
