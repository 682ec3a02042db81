#include "kembar/network/stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

#include "kembar/geo/countries.h"
#include "kembar/geo/geodesy.h"
#include "kembar/io/json_writer.h"
#include "network/igraph_util.h"

namespace kembar::network {

namespace {

constexpr size_t kBatch = 64;  // BFS sources per igraph_distances call (64 x n doubles)

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The `top` nodes by value, largest first, ties by index.
std::vector<Hub> TopHubs(const Graph& graph, const std::vector<double>& value, size_t top) {
  std::vector<size_t> order(value.size());
  std::iota(order.begin(), order.end(), size_t{0});
  top = std::min(top, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(top), order.end(),
                    [&](size_t x, size_t y) { return value[x] != value[y] ? value[x] > value[y] : x < y; });
  std::vector<Hub> hubs;
  for (size_t i = 0; i < top; ++i) {
    const NetNode& n = graph.node(order[i]);
    hubs.push_back({order[i], n.id, n.name, n.country, value[order[i]]});
  }
  return hubs;
}

// Exact hop histogram of a connected graph: every unordered pair once.
void ExactDistances(const igraph_t* g, Stats* s) {
  RealVector hist;
  double unconnected = 0;
  Check(igraph_path_length_hist(g, hist.get(), &unconnected, false), "path_length_hist");
  s->hop_histogram.assign(hist.size(), 0);
  for (size_t h = 0; h < hist.size(); ++h) s->hop_histogram[h] = static_cast<size_t>(hist[h]);
}

// Hop histogram over (source, target) pairs for the sampled sources, and a lower
// bound of the diameter from their eccentricities and one more sweep from the
// farthest node found (the double-sweep heuristic).
void SampledDistances(const igraph_t* g, size_t n, const std::vector<size_t>& sources, Stats* s) {
  s->hop_histogram.clear();
  size_t far_node = 0, far_dist = 0;
  auto sweep = [&](std::span<const size_t> batch, bool count) {
    VertexSelection from(batch);
    RealMatrix d(batch.size(), n);
    Check(igraph_distances(g, d.get(), from.get(), igraph_vss_all(), IGRAPH_ALL), "distances");
    for (size_t r = 0; r < batch.size(); ++r) {
      for (size_t t = 0; t < n; ++t) {
        const double x = d.at(r, t);
        if (!std::isfinite(x) || x == 0) continue;
        const size_t h = static_cast<size_t>(x);
        if (h > far_dist) far_dist = h, far_node = t;
        if (!count) continue;
        if (s->hop_histogram.size() < h) s->hop_histogram.resize(h, 0);
        ++s->hop_histogram[h - 1];
      }
    }
  };
  for (size_t i = 0; i < sources.size(); i += kBatch) {
    sweep(std::span<const size_t>(sources).subspan(i, std::min(kBatch, sources.size() - i)), true);
  }
  const size_t far[] = {far_node};
  sweep(far, false);
  s->diameter = far_dist;
}

}  // namespace

std::vector<size_t> SampleSources(size_t n, size_t k, uint64_t seed) {
  std::vector<size_t> all(n);
  std::iota(all.begin(), all.end(), size_t{0});
  if (k >= n) return all;
  uint64_t state = seed;
  for (size_t i = 0; i < k; ++i) {
    const size_t j = i + static_cast<size_t>(SplitMix64(&state) % (n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<double> SampledBetweenness(const Graph& graph, const std::vector<size_t>& sources, bool scale) {
  InitIGraph();
  const size_t n = graph.node_count();
  std::vector<double> out(n, 0);
  if (n == 0 || sources.empty()) return out;
  RealVector res;
  VertexSelection from(sources);
  Check(igraph_betweenness_subset(&graph.igraph().g, res.get(), igraph_vss_all(), false, from.get(), igraph_vss_all(),
                                  nullptr),
        "betweenness_subset");
  const double factor = scale ? static_cast<double>(n) / static_cast<double>(sources.size()) : 1.0;
  for (size_t i = 0; i < n; ++i) out[i] = res[i] * factor;
  return out;
}

std::pair<size_t, size_t> Components(const Graph& graph) {
  InitIGraph();
  IntVector membership, sizes;
  igraph_integer_t count = 0;
  Check(igraph_connected_components(&graph.igraph().g, membership.get(), sizes.get(), &count, IGRAPH_WEAK),
        "connected_components");
  size_t largest = 0;
  for (size_t c = 0; c < sizes.size(); ++c) largest = std::max(largest, static_cast<size_t>(sizes[c]));
  return {static_cast<size_t>(count), largest};
}

std::pair<double, double> Clustering(const Graph& graph) {
  InitIGraph();
  double transitivity = 0, average = 0;
  const igraph_t* g = &graph.igraph().g;
  Check(igraph_transitivity_undirected(g, &transitivity, IGRAPH_TRANSITIVITY_ZERO), "transitivity");
  Check(igraph_transitivity_avglocal_undirected(g, &average, IGRAPH_TRANSITIVITY_ZERO), "avglocal");
  return {transitivity, average};
}

Stats ComputeStats(const Graph& graph, const StatsOptions& options) {
  InitIGraph();
  Stats s;
  s.load = graph.load_report();
  s.attribution = graph.attribution();
  const size_t n = graph.node_count();
  s.nodes = n;
  s.edges = graph.edge_count();
  if (n == 0) return s;
  const igraph_t* g = &graph.igraph().g;

  // Degrees.
  std::vector<double> degree(n);
  std::map<size_t, size_t> hist;
  for (size_t i = 0; i < n; ++i) {
    degree[i] = static_cast<double>(graph.degree(i));
    ++hist[graph.degree(i)];
    s.max_degree = std::max(s.max_degree, graph.degree(i));
    s.isolated += graph.degree(i) == 0;
  }
  s.degree_histogram.assign(hist.begin(), hist.end());
  s.mean_degree = 2.0 * static_cast<double>(s.edges) / static_cast<double>(n);
  s.top_degree = TopHubs(graph, degree, options.top);

  // Components and the largest one.
  IntVector membership, sizes;
  igraph_integer_t count = 0;
  Check(igraph_connected_components(g, membership.get(), sizes.get(), &count, IGRAPH_WEAK), "connected_components");
  s.components = static_cast<size_t>(count);
  size_t largest_id = 0;
  for (size_t c = 0; c < sizes.size(); ++c) {
    if (static_cast<size_t>(sizes[c]) > s.largest_component) s.largest_component = static_cast<size_t>(sizes[c]), largest_id = c;
  }

  // Betweenness: exact below the limit, else from a seeded sample of sources.
  std::vector<double> betweenness;
  if (s.largest_component <= options.exact_limit) {
    RealVector res;
    Check(igraph_betweenness(g, res.get(), igraph_vss_all(), false, nullptr), "betweenness");
    betweenness.assign(n, 0);
    for (size_t i = 0; i < n; ++i) betweenness[i] = res[i];
  } else {
    s.betweenness_exact = false;
    const auto sources = SampleSources(n, options.sample_sources, options.seed);
    s.betweenness_sources = sources.size();
    betweenness = SampledBetweenness(graph, sources, true);
  }
  s.top_betweenness = TopHubs(graph, betweenness, options.top);

  std::tie(s.transitivity, s.average_clustering) = Clustering(graph);
  double r = 0;
  Check(igraph_assortativity_degree(g, &r, false), "assortativity_degree");
  if (std::isfinite(r)) s.assortativity = r;

  // Distances in hops within the largest component.
  std::vector<size_t> members;
  for (size_t i = 0; i < n; ++i) {
    if (static_cast<size_t>(membership[i]) == largest_id) members.push_back(i);
  }
  {
    igraph_t lcc;
    VertexSelection vs(members);
    Check(igraph_induced_subgraph(g, &lcc, vs.get(), IGRAPH_SUBGRAPH_AUTO), "induced_subgraph");
    try {
      if (members.size() <= options.exact_limit) {
        ExactDistances(&lcc, &s);
        s.diameter = s.hop_histogram.size();
      } else {
        s.distances_exact = false;
        const auto sources = SampleSources(members.size(), options.sample_sources, options.seed);
        s.distance_sources = sources.size();
        SampledDistances(&lcc, members.size(), sources, &s);
      }
    } catch (...) {
      igraph_destroy(&lcc);
      throw;
    }
    igraph_destroy(&lcc);
    double pairs = 0, total = 0;
    for (size_t h = 0; h < s.hop_histogram.size(); ++h) {
      pairs += static_cast<double>(s.hop_histogram[h]);
      total += static_cast<double>(s.hop_histogram[h]) * static_cast<double>(h + 1);
    }
    s.mean_distance = pairs > 0 ? total / pairs : 0;
  }

  // Power law of the degrees (of nodes with at least one tie), xmin chosen by igraph.
  {
    std::vector<double> positive;
    for (double d : degree) {
      if (d > 0) positive.push_back(d);
    }
    if (positive.size() >= 10) {
      igraph_vector_t view;
      igraph_vector_view(&view, positive.data(), static_cast<igraph_integer_t>(positive.size()));
      igraph_plfit_result_t fit;
      if (igraph_power_law_fit(&view, &fit, -1, false) == IGRAPH_SUCCESS && std::isfinite(fit.alpha)) {
        s.power_law.fitted = true;
        s.power_law.alpha = fit.alpha;
        s.power_law.xmin = fit.xmin;
        s.power_law.log_likelihood = fit.L;
        s.power_law.ks_d = fit.D;
        s.power_law.tail = static_cast<size_t>(
            std::count_if(positive.begin(), positive.end(), [&](double d) { return d >= fit.xmin; }));
        if (options.power_law_p_value) {
          igraph_rng_seed(igraph_rng_default(), options.seed);
          double p = 0;
          if (igraph_plfit_result_calculate_p_value(&fit, &p, 0.05) == IGRAPH_SUCCESS) s.power_law.p_value = p;
        }
      }
    }
  }

  // Geographic length of the ties (geodesic on WGS84) and domestic vs abroad.
  {
    DistanceStats& d = s.distance;
    d.bin_km = options.distance_bin_km > 0 ? options.distance_bin_km : 500;
    std::vector<double> km;
    km.reserve(s.edges);
    size_t with_both_countries = 0;
    for (const NetEdge& e : graph.edges()) {
      const NetNode &a = graph.node(e.a), &b = graph.node(e.b);
      if (a.lat && b.lat) km.push_back(geo::GeodesicDistanceMetres(*a.lat, *a.lon, *b.lat, *b.lon) / 1000.0);
      if (a.country.empty() || b.country.empty()) {
        ++d.country_unknown;
      } else {
        ++with_both_countries;
        ++(a.country == b.country ? d.same_country : d.abroad);
      }
    }
    d.edges_with_coordinates = km.size();
    if (with_both_countries) d.share_same_country = static_cast<double>(d.same_country) / static_cast<double>(with_both_countries);
    if (!km.empty()) {
      double sum = 0;
      size_t w500 = 0, w1000 = 0, w5000 = 0;
      for (double x : km) {
        sum += x;
        w500 += x <= 500;
        w1000 += x <= 1000;
        w5000 += x <= 5000;
        const size_t bin = static_cast<size_t>(x / d.bin_km);
        if (d.histogram.size() <= bin) d.histogram.resize(bin + 1, 0);
        ++d.histogram[bin];
      }
      const double m = static_cast<double>(km.size());
      d.mean_km = sum / m;
      d.share_within_500 = static_cast<double>(w500) / m;
      d.share_within_1000 = static_cast<double>(w1000) / m;
      d.share_within_5000 = static_cast<double>(w5000) / m;
      std::sort(km.begin(), km.end());
      d.median_km = km.size() % 2 ? km[km.size() / 2] : (km[km.size() / 2 - 1] + km[km.size() / 2]) / 2;
    }
  }

  // Ties of one country's places, by the partner's country.
  if (!options.focus_country.empty()) {
    auto iso = geo::ResolveCountry(options.focus_country);
    s.focus_country = iso.ok() ? iso.value() : options.focus_country;
    std::map<std::string, size_t> by;
    for (size_t i = 0; i < n; ++i) s.focus_places += graph.node(i).country == s.focus_country;
    for (const NetEdge& e : graph.edges()) {
      const std::string &ca = graph.node(e.a).country, &cb = graph.node(e.b).country;
      if (ca == s.focus_country) {
        ++by[cb.empty() ? "?" : cb];
      } else if (cb == s.focus_country) {
        ++by[ca.empty() ? "?" : ca];
      }
    }
    for (auto& [c, t] : by) s.partner_countries.push_back({c, t});
    std::stable_sort(s.partner_countries.begin(), s.partner_countries.end(),
                     [](const PartnerCountry& x, const PartnerCountry& y) { return x.ties > y.ties; });
  }
  std::map<int, size_t> decades;
  for (const NetEdge& e : graph.edges()) {
    if (!e.start_year) continue;
    ++s.ties_with_year;
    ++decades[*e.start_year - ((*e.start_year % 10) + 10) % 10];
  }
  s.ties_by_decade.assign(decades.begin(), decades.end());
  return s;
}

// ---- output ----

namespace {

void WriteHubs(io::JsonWriter& w, const std::vector<Hub>& hubs, const char* value_name, bool integer) {
  w.BeginArray();
  for (const Hub& h : hubs) {
    w.BeginObject();
    w.Key("id");
    w.String(h.id);
    w.Key("name");
    w.String(h.name);
    w.Key("country");
    w.String(h.country);
    w.Key(value_name);
    if (integer) {
      w.Uint(static_cast<uint64_t>(h.value));
    } else {
      w.Number(h.value);
    }
    w.EndObject();
  }
  w.EndArray();
}

void Uint(io::JsonWriter& w, const char* key, size_t v) {
  w.Key(key);
  w.Uint(v);
}

void Num(io::JsonWriter& w, const char* key, double v) {
  w.Key(key);
  w.Number(v);
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// 12345 -> "12,345".
std::string Thousands(size_t v) {
  const std::string digits = std::to_string(v);
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(digits[i]);
  }
  return s;
}

}  // namespace

std::string StatsToJson(const Stats& s, int indent) {
  std::string out;
  io::JsonWriter w(&out, indent, 2);
  w.BeginObject();
  Uint(w, "nodes", s.nodes);
  Uint(w, "edges", s.edges);
  Num(w, "mean_degree", s.mean_degree);
  Uint(w, "max_degree", s.max_degree);
  Uint(w, "components", s.components);
  Uint(w, "largest_component", s.largest_component);
  Uint(w, "isolated", s.isolated);
  w.Key("top_hubs");
  w.BeginObject();
  w.Key("by_degree");
  WriteHubs(w, s.top_degree, "degree", true);
  w.Key("by_betweenness");
  WriteHubs(w, s.top_betweenness, "betweenness", false);
  w.Key("betweenness_method");
  w.String(s.betweenness_exact ? "exact" : "sampled");
  if (!s.betweenness_exact) Uint(w, "betweenness_sources", s.betweenness_sources);
  w.EndObject();
  w.Key("clustering");
  w.BeginObject();
  Num(w, "transitivity", s.transitivity);
  Num(w, "average_local", s.average_clustering);
  w.EndObject();
  w.Key("assortativity");
  if (s.assortativity) {
    w.Number(*s.assortativity);
  } else {
    w.Raw("null");
  }
  w.Key("largest_component_distances");
  w.BeginObject();
  w.Key("method");
  w.String(s.distances_exact ? "exact" : "sampled");
  if (!s.distances_exact) Uint(w, "sources", s.distance_sources);
  Uint(w, "diameter", s.diameter);
  w.Key("diameter_is_lower_bound");
  w.Bool(!s.distances_exact);
  Num(w, "mean_distance", s.mean_distance);
  w.Key("hop_histogram");
  w.BeginArray();
  for (size_t c : s.hop_histogram) w.Uint(c);
  w.EndArray();
  w.EndObject();
  w.Key("degree_histogram");
  w.BeginArray();
  for (auto [k, c] : s.degree_histogram) {
    w.BeginArray();
    w.Uint(k);
    w.Uint(c);
    w.EndArray();
  }
  w.EndArray();
  w.Key("power_law");
  w.BeginObject();
  w.Key("fitted");
  w.Bool(s.power_law.fitted);
  if (s.power_law.fitted) {
    Num(w, "alpha", s.power_law.alpha);
    Num(w, "xmin", s.power_law.xmin);
    Uint(w, "tail_nodes", s.power_law.tail);
    Num(w, "log_likelihood", s.power_law.log_likelihood);
    Num(w, "ks_d", s.power_law.ks_d);
    if (s.power_law.p_value) Num(w, "ks_p_value", *s.power_law.p_value);
  }
  w.EndObject();
  w.Key("geographic_distance");
  w.BeginObject();
  const DistanceStats& d = s.distance;
  Uint(w, "edges_with_coordinates", d.edges_with_coordinates);
  Num(w, "mean_km", d.mean_km);
  Num(w, "median_km", d.median_km);
  Num(w, "share_within_500_km", d.share_within_500);
  Num(w, "share_within_1000_km", d.share_within_1000);
  Num(w, "share_within_5000_km", d.share_within_5000);
  Uint(w, "same_country", d.same_country);
  Uint(w, "abroad", d.abroad);
  Uint(w, "country_unknown", d.country_unknown);
  Num(w, "share_same_country", d.share_same_country);
  Num(w, "bin_km", d.bin_km);
  w.Key("histogram");
  w.BeginArray();
  for (size_t c : d.histogram) w.Uint(c);
  w.EndArray();
  w.EndObject();
  w.Key("time");
  w.BeginObject();
  Uint(w, "ties_with_year", s.ties_with_year);
  w.Key("ties_by_decade");
  w.BeginArray();
  for (const auto& [decade, ties] : s.ties_by_decade) {
    w.BeginObject();
    Uint(w, "decade", static_cast<size_t>(decade));
    Uint(w, "ties", ties);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  if (!s.focus_country.empty()) {
    w.Key("country");
    w.BeginObject();
    w.Key("iso");
    w.String(s.focus_country);
    Uint(w, "places", s.focus_places);
    w.Key("ties_by_partner_country");
    w.BeginArray();
    for (const PartnerCountry& p : s.partner_countries) {
      w.BeginObject();
      w.Key("country");
      w.String(p.country);
      Uint(w, "ties", p.ties);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.Key("load");
  w.BeginObject();
  const LoadReport& l = s.load;
  Uint(w, "rows", l.rows);
  Uint(w, "skipped_empty_country", l.skipped_empty_country);
  Uint(w, "country_from_name", l.country_from_name);
  Uint(w, "skipped_not_a_state", l.skipped_not_a_state);
  w.Key("not_a_state");
  w.BeginObject();
  for (const auto& [text, rows] : l.not_a_state) Uint(w, text.c_str(), rows);
  w.EndObject();
  Uint(w, "homonyms", l.homonyms);
  Uint(w, "self_loops", l.self_loops);
  Uint(w, "duplicates_merged", l.duplicates_merged);
  Uint(w, "both_side_merged", l.both_side_merged);
  w.EndObject();
  if (!s.attribution.empty()) {
    w.Key("attribution");
    w.String(s.attribution);
  }
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string StatsToText(const Stats& s) {
  std::string o;
  auto line = [&](const std::string& label, const std::string& value) {
    o += label;
    o.append(label.size() < 32 ? 32 - label.size() : 1, ' ');
    o += value + "\n";
  };
  const LoadReport& l = s.load;
  if (l.rows) {
    line("rows read", Thousands(l.rows));
    std::string skipped = Thousands(l.skipped_not_a_state) + " not a state";
    for (const auto& [text, rows] : l.not_a_state) skipped += " (" + text + ": " + Thousands(rows) + ")";
    skipped += ", " + Thousands(l.skipped_empty_country) + " without a country, " + Thousands(l.self_loops) + " self-loops";
    line("rows skipped", skipped);
    line("merged", Thousands(l.both_side_merged) + " listed on both sides, " + Thousands(l.duplicates_merged) +
                       " listed twice");
    if (l.country_from_name) line("country taken from the name", Thousands(l.country_from_name) + " sides (\"Varna, Bulgaria\")");
    if (l.homonyms) line("homonyms", Thousands(l.homonyms) + " places seen > 50 km apart under one name (first coordinates kept)");
  }
  line("places (nodes)", Thousands(s.nodes));
  line("ties (edges)", Thousands(s.edges));
  line("mean / max degree", Fixed(s.mean_degree, 2) + " / " + Thousands(s.max_degree));
  line("components", Thousands(s.components) + " (largest " + Thousands(s.largest_component) + " places, " +
                         (s.nodes ? Fixed(100.0 * static_cast<double>(s.largest_component) / static_cast<double>(s.nodes), 1) : "0") + "%)");
  line("clustering", "transitivity " + Fixed(s.transitivity, 3) + ", average local " + Fixed(s.average_clustering, 3));
  line("degree assortativity", s.assortativity ? Fixed(*s.assortativity, 3) : "undefined");
  const std::string how = s.distances_exact ? "exact" : "sampled from " + std::to_string(s.distance_sources) + " sources";
  line("mean distance (largest)", Fixed(s.mean_distance, 2) + " hops (" + how + ")");
  line("diameter (largest)", (s.distances_exact ? "" : ">= ") + std::to_string(s.diameter) + " hops");
  if (s.power_law.fitted) {
    std::string pl = "alpha " + Fixed(s.power_law.alpha, 2) + " for degree >= " + Fixed(s.power_law.xmin, 0) + " (" +
                     Thousands(s.power_law.tail) + " places), KS D " + Fixed(s.power_law.ks_d, 3) + ", log-likelihood " +
                     Fixed(s.power_law.log_likelihood, 1);
    if (s.power_law.p_value) pl += ", KS p-value " + Fixed(*s.power_law.p_value, 2);
    line("power-law tail", pl);
  }
  const DistanceStats& d = s.distance;
  line("tie length", "median " + Thousands(static_cast<size_t>(d.median_km + 0.5)) + " km, mean " +
                         Thousands(static_cast<size_t>(d.mean_km + 0.5)) + " km (" + Thousands(d.edges_with_coordinates) +
                         " ties with coordinates)");
  line("ties within 500/1,000/5,000 km", Fixed(100 * d.share_within_500, 1) + "% / " + Fixed(100 * d.share_within_1000, 1) +
                                             "% / " + Fixed(100 * d.share_within_5000, 1) + "%");
  line("same country / abroad", Thousands(d.same_country) + " / " + Thousands(d.abroad) + " (" +
                                    Fixed(100 * d.share_same_country, 1) + "% domestic)");
  o += "top hubs by degree:\n";
  for (const Hub& h : s.top_degree) o += "  " + std::to_string(static_cast<size_t>(h.value)) + "  " + h.name + ", " + h.country + "\n";
  o += std::string("top hubs by betweenness (") +
       (s.betweenness_exact ? "exact" : "sampled from " + std::to_string(s.betweenness_sources) + " sources") + "):\n";
  for (const Hub& h : s.top_betweenness) o += "  " + Fixed(h.value, 0) + "  " + h.name + ", " + h.country + "\n";
  if (s.ties_with_year > 0) {
    o += "ties by decade of signing (" + Thousands(s.ties_with_year) + " with a known year):";
    for (const auto& [decade, ties] : s.ties_by_decade) {
      o += " " + std::to_string(decade) + "s " + Thousands(ties);
    }
    o += "\n";
  }
  if (!s.focus_country.empty()) {
    o += s.focus_country + ": " + Thousands(s.focus_places) + " places; ties by partner country:\n";
    for (const PartnerCountry& p : s.partner_countries) o += "  " + p.country + "  " + Thousands(p.ties) + "\n";
  }
  if (!s.attribution.empty()) o += "data: " + s.attribution + "\n";
  return o;
}

std::string EgoToJson(const Graph& graph, const EgoNetwork& ego, int indent) {
  std::string out;
  io::JsonWriter w(&out, indent, 3);
  auto place = [&](size_t i) {
    const NetNode& n = graph.node(i);
    w.BeginObject();
    w.Key("id");
    w.String(n.id);
    w.Key("name");
    w.String(n.name);
    w.Key("country");
    w.String(n.country);
    Uint(w, "degree", graph.degree(i));
    w.EndObject();
  };
  w.BeginObject();
  w.Key("center");
  place(ego.center);
  Uint(w, "depth", static_cast<size_t>(ego.depth));
  Uint(w, "nodes", ego.graph.node_count());
  Uint(w, "edges", ego.graph.edge_count());
  w.Key("rings");
  w.BeginArray();
  for (const auto& ring : ego.rings) {
    w.BeginArray();
    for (size_t i : ring) place(i);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace kembar::network
