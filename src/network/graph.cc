#include "kembar/network/graph.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "kembar/geo/countries.h"
#include "kembar/geo/geodesy.h"
#include "network/csv.h"
#include "network/igraph_util.h"

namespace kembar::network {

// ---- igraph plumbing (declared in igraph_util.h) ----

void InitIGraph() {
  // The handlers are thread-local in igraph's thread-safe builds: set them per thread.
  thread_local bool done = false;
  if (done) return;
  igraph_set_error_handler(igraph_error_handler_ignore);  // frees, returns the code
  igraph_set_warning_handler(igraph_warning_handler_ignore);
  done = true;
}

IGraphHandle::IGraphHandle(size_t n, std::span<const igraph_integer_t> pairs) {
  InitIGraph();
  if (pairs.empty()) {
    Check(igraph_empty(&g, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED), "empty");
    return;
  }
  igraph_vector_int_t view;
  igraph_vector_int_view(&view, pairs.data(), static_cast<igraph_integer_t>(pairs.size()));
  Check(igraph_create(&g, &view, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED), "create");
}

VertexSelection::VertexSelection(std::span<const size_t> vertices) : ids_(vertices.size()) {
  for (size_t i = 0; i < vertices.size(); ++i) ids_[i] = static_cast<igraph_integer_t>(vertices[i]);
  Check(igraph_vs_vector(&vs_, ids_.get()), "vs_vector");
}

namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Unicode full case folding ("Riß" and "Riss" are one key); ASCII without ICU.
std::string Fold(std::string_view s) {
  const bool ascii =
      std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string out;
  if (ascii) {
    out.assign(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  u.toUTF8String(out);
  return out;
}

std::string Line(size_t n) { return "line " + std::to_string(n) + ": "; }

// data/README.md: keep it wherever the file or data derived from it is shipped.
constexpr const char* kWikipediaAttribution =
    "Sister-city pairs from Wikipedia (CC BY-SA 4.0), compiled by the Hekman/twincities project; "
    "coordinates © OpenStreetMap contributors (ODbL).";

// A coordinate field: empty means unknown; otherwise a number within [-limit, limit].
bool ParseCoordinate(std::string_view text, double limit, std::optional<double>* out) {
  std::string t = Trim(text);
  if (t.empty()) {
    out->reset();
    return true;
  }
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v) || std::fabs(v) > limit)
    return false;
  *out = v;
  return true;
}

bool ParseIndex(std::string_view text, size_t* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

// Splits an unquoted record on commas without allocating; false when it has quotes.
bool SplitPlain(std::string_view line, std::vector<std::string_view>* fields) {
  fields->clear();
  if (line.find('"') != std::string_view::npos) return false;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    fields->push_back(line.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

// Splits any record into views of `storage` (quoted fields unescaped there).
bool SplitAny(std::string_view line, std::vector<std::string>* storage,
              std::vector<std::string_view>* fields) {
  if (SplitPlain(line, fields)) return true;
  if (!csv::SplitRecord(line, storage)) return false;
  fields->assign(storage->begin(), storage->end());
  return true;
}

}  // namespace

// ---- Graph ----

Graph::Graph() : igraph_(std::make_unique<IGraphHandle>(0, std::span<const igraph_integer_t>())) {}
Graph::~Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

Result<Graph> Graph::Build(std::vector<NetNode> nodes, std::vector<NetEdge> edges,
                           LoadReport report) {
  Graph g;
  const size_t n = nodes.size();
  g.by_id_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!g.by_id_.emplace(nodes[i].id, i).second) {
      return Status::InvalidInput("node " + std::to_string(i) + ": id '" + nodes[i].id +
                                  "' is used twice");
    }
  }
  // One tie per unordered pair: remember where each pair went (open addressing, as
  // std::unordered_map's node per entry made this the slowest step of loading).
  size_t capacity = 16;
  while (capacity < edges.size() * 2) capacity *= 2;
  std::vector<uint64_t> slot_key(capacity, UINT64_MAX);
  std::vector<size_t> slot_edge(capacity);
  g.edges_.reserve(edges.size());
  for (size_t k = 0; k < edges.size(); ++k) {
    NetEdge& e = edges[k];
    if (e.a >= n || e.b >= n) {
      return Status::InvalidInput("edge " + std::to_string(k) + ": node index " +
                                  std::to_string(std::max(e.a, e.b)) + " is out of range (" +
                                  std::to_string(n) + " nodes)");
    }
    if (e.a == e.b) {
      ++report.self_loops;
      continue;
    }
    const uint64_t key = static_cast<uint64_t>(std::min(e.a, e.b)) * n + std::max(e.a, e.b);
    size_t slot = (key * 0x9E3779B97F4A7C15ULL >> 20) & (capacity - 1);
    while (slot_key[slot] != UINT64_MAX && slot_key[slot] != key)
      slot = (slot + 1) & (capacity - 1);
    if (slot_key[slot] == UINT64_MAX) {
      slot_key[slot] = key;
      slot_edge[slot] = g.edges_.size();
      g.edges_.push_back(std::move(e));
      continue;
    }
    NetEdge& kept = g.edges_[slot_edge[slot]];
    ++(kept.a == e.a ? report.duplicates_merged : report.both_side_merged);
    if (e.start_year && (!kept.start_year || *e.start_year < *kept.start_year))
      kept.start_year = e.start_year;
  }
  g.nodes_ = std::move(nodes);

  // Adjacency in CSR form, each list ascending.
  g.offsets_.assign(n + 1, 0);
  for (const NetEdge& e : g.edges_) {
    ++g.offsets_[e.a + 1];
    ++g.offsets_[e.b + 1];
  }
  for (size_t i = 0; i < n; ++i) g.offsets_[i + 1] += g.offsets_[i];
  g.adjacency_.resize(g.offsets_[n]);
  std::vector<size_t> fill(g.offsets_.begin(), g.offsets_.end() - 1);
  std::vector<igraph_integer_t> pairs;
  pairs.reserve(g.edges_.size() * 2);
  for (const NetEdge& e : g.edges_) {
    g.adjacency_[fill[e.a]++] = e.b;
    g.adjacency_[fill[e.b]++] = e.a;
    pairs.push_back(static_cast<igraph_integer_t>(e.a));
    pairs.push_back(static_cast<igraph_integer_t>(e.b));
  }
  for (size_t i = 0; i < n; ++i) {
    std::sort(g.adjacency_.begin() + static_cast<ptrdiff_t>(g.offsets_[i]),
              g.adjacency_.begin() + static_cast<ptrdiff_t>(g.offsets_[i + 1]));
  }
  g.igraph_ = std::make_unique<IGraphHandle>(n, pairs);
  report.nodes = n;
  report.edges = g.edges_.size();
  g.report_ = std::move(report);
  return g;
}

std::optional<size_t> Graph::FindId(std::string_view id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

// ---- loaders ----

Result<Graph> LoadTwinPairsCsv(std::string_view csv_text) {
  static constexpr const char* kHeader[] = {"city1", "country1", "lat1", "lng1",
                                            "city2", "country2", "lat2", "lng2"};
  std::vector<NetNode> nodes;
  std::vector<NetEdge> edges;
  LoadReport report;
  std::unordered_map<std::string, size_t> node_by_key;
  std::unordered_map<std::string, std::optional<std::string>> iso_cache;  // country text -> ISO
  std::unordered_map<std::string, std::string> fold_cache;
  std::unordered_set<size_t> far_apart;  // nodes seen with coordinates > 50 km apart
  std::vector<std::string> f;
  Status error;

  // The header first, so that a file of another kind is named as such.
  {
    std::string_view first = csv_text.substr(0, csv_text.find('\n'));
    if (first.substr(0, 3) == "\xEF\xBB\xBF") first.remove_prefix(3);
    bool header_ok = csv::SplitRecord(first, &f) && f.size() == 8;
    for (size_t i = 0; header_ok && i < 8; ++i) header_ok = Trim(f[i]) == kHeader[i];
    if (!header_ok) {
      return Status::InvalidInput(
          Line(1) +
          "expected the header city1,country1,lat1,lng1,city2,country2,lat2,lng2, found '" +
          std::string(first.substr(0, 120)) + "'");
    }
  }
  csv::ForEachLine(csv_text, [&](size_t line_no, std::string_view line) {
    if (!csv::SplitRecord(line, &f)) {
      error = Status::InvalidInput(Line(line_no) +
                                   "unterminated quoted field or text after a closing quote");
      return false;
    }
    if (f.size() != 8) {
      error = Status::InvalidInput(
          Line(line_no) +
          "expected 8 fields (city1,country1,lat1,lng1,city2,country2,lat2,lng2), found " +
          std::to_string(f.size()));
      return false;
    }
    ++report.rows;
    struct Side {
      std::string city, country;
      std::optional<double> lat, lon;
    } side[2];
    for (int s = 0; s < 2; ++s) {
      const size_t o = 4 * static_cast<size_t>(s);
      side[s].city = Trim(f[o]);
      side[s].country = Trim(f[o + 1]);
      if (side[s].city.empty()) {
        error = Status::InvalidInput(Line(line_no) + kHeader[o] + " is empty");
        return false;
      }
      if (!ParseCoordinate(f[o + 2], 90, &side[s].lat) ||
          !ParseCoordinate(f[o + 3], 180, &side[s].lon) ||
          side[s].lat.has_value() != side[s].lon.has_value()) {
        error = Status::InvalidInput(
            Line(line_no) + kHeader[o + 2] + "/" + kHeader[o + 3] + " '" + f[o + 2] + "," +
            f[o + 3] + "' is not a latitude in [-90, 90] and a longitude in [-180, 180]");
        return false;
      }
    }
    std::string iso[2];
    for (int s = 0; s < 2; ++s) {
      if (side[s].country.empty()) {
        // "Varna, Bulgaria" with no country: the page put the country in the name.
        const size_t comma = side[s].city.rfind(',');
        auto r = comma == std::string::npos
                     ? Result<std::string>(Status::NotFound(""))
                     : geo::ResolveCountry(Trim(std::string_view(side[s].city).substr(comma + 1)));
        if (!r.ok()) {
          ++report.skipped_empty_country;
          return true;
        }
        ++report.country_from_name;
        side[s].city = Trim(std::string_view(side[s].city).substr(0, comma));
        side[s].country = r.value();
      }
      auto [it, inserted] = iso_cache.try_emplace(side[s].country);
      if (inserted) {
        auto r = geo::ResolveCountry(side[s].country);
        if (r.ok()) it->second = std::move(r.value());
      }
      if (!it->second) {
        ++report.skipped_not_a_state;
        ++report.not_a_state[side[s].country];
        return true;
      }
      iso[s] = *it->second;
    }
    std::string key[2];
    for (int s = 0; s < 2; ++s) {
      auto [it, inserted] = fold_cache.try_emplace(side[s].city);
      if (inserted) it->second = Fold(side[s].city);
      key[s] = iso[s] + ":" + it->second;
    }
    if (key[0] == key[1]) {  // a place twinned with itself: a listing error
      ++report.self_loops;
      return true;
    }
    size_t index[2];
    for (int s = 0; s < 2; ++s) {
      auto [it, inserted] = node_by_key.try_emplace(key[s], nodes.size());
      if (inserted) nodes.push_back({key[s], side[s].city, iso[s], side[s].lat, side[s].lon});
      index[s] = it->second;
      // Two places of one name in one country (Springfield, US) are one node by the key;
      // count those whose rows put them far apart.
      const NetNode& n = nodes[it->second];
      if (!inserted && n.lat && side[s].lat && (*n.lat != *side[s].lat || *n.lon != *side[s].lon) &&
          geo::GeodesicDistanceMetres(*n.lat, *n.lon, *side[s].lat, *side[s].lon) > 50000) {
        far_apart.insert(it->second);
      }
    }
    edges.push_back({index[0], index[1], "wikipedia", std::nullopt});
    return true;
  });
  if (!error.ok()) return error;
  report.homonyms = far_apart.size();
  auto graph = Graph::Build(std::move(nodes), std::move(edges), std::move(report));
  if (graph.ok()) graph->set_attribution(kWikipediaAttribution);
  return graph;
}

Result<Graph> LoadEdgeListCsv(std::string_view edges_csv, std::string_view nodes_csv) {
  std::vector<NetNode> nodes;
  std::vector<std::string> storage;
  std::vector<std::string_view> f;
  Status error;
  if (!nodes_csv.empty()) {
    // id,label,key,country,lat,lon,degree (NodesCsv); the degree is recomputed.
    const std::string_view header = csv::ForEachLine(nodes_csv, [&](size_t line_no,
                                                                    std::string_view line) {
      size_t id = 0;
      NetNode node;
      if (!SplitAny(line, &storage, &f) || f.size() < 6 || !ParseIndex(f[0], &id) ||
          id != nodes.size() || !ParseCoordinate(f[4], 90, &node.lat) ||
          !ParseCoordinate(f[5], 180, &node.lon) || node.lat.has_value() != node.lon.has_value()) {
        error = Status::InvalidInput("nodes " + Line(line_no) +
                                     "expected id,label,key,country,lat,lon with id " +
                                     std::to_string(nodes.size()) + " and coordinates in range");
        return false;
      }
      node.name = f[1];
      node.id = f[2];
      node.country = f[3];
      nodes.push_back(std::move(node));
      return true;
    });
    if (!error.ok()) return error;
    if (header.substr(0, 29) != "id,label,key,country,lat,lon,") {
      return Status::InvalidInput("nodes " + Line(1) +
                                  "expected the header id,label,key,country,lat,lon,degree");
    }
  }
  std::vector<NetEdge> edges;
  size_t max_index = 0, max_index_line = 0;
  const std::string_view header =
      csv::ForEachLine(edges_csv, [&](size_t line_no, std::string_view line) {
        NetEdge e;
        if (!SplitAny(line, &storage, &f) || f.size() < 2 || !ParseIndex(f[0], &e.a) ||
            !ParseIndex(f[1], &e.b)) {
          error = Status::InvalidInput("edges " + Line(line_no) +
                                       "expected source,target as node indices");
          return false;
        }
        if (f.size() > 2) e.kind = f[2];
        if (f.size() > 3 && !f[3].empty()) {
          int year = 0;
          auto [end, ec] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), year);
          if (ec != std::errc() || end != f[3].data() + f[3].size()) {
            error = Status::InvalidInput("edges " + Line(line_no) + "start_year '" +
                                         std::string(f[3]) + "' is not a year");
            return false;
          }
          e.start_year = year;
        }
        if (std::max(e.a, e.b) > max_index || max_index_line == 0) {
          max_index = std::max({max_index, e.a, e.b});
          max_index_line = line_no;
        }
        edges.push_back(std::move(e));
        return true;
      });
  if (!error.ok()) return error;
  if (header.substr(0, 13) != "source,target") {
    return Status::InvalidInput("edges " + Line(1) +
                                "expected the header source,target,kind,start_year");
  }
  if (nodes_csv.empty()) {
    // Without a node list the nodes are 0..max index. Every node with a tie is in an
    // edge (two per edge), so an index past four times the edges means that at least
    // half the nodes would have none: a typo or damage, which would also ask for memory
    // without bound (the csv fuzzer made it allocate 10^17 nodes from one line).
    if (!edges.empty() && max_index / 4 >= edges.size()) {
      return Status::InvalidInput("edges " + Line(max_index_line) + "node index " +
                                  std::to_string(max_index) + " would make " +
                                  std::to_string(max_index + 1) + " nodes for " +
                                  std::to_string(edges.size()) +
                                  " edges, half of them or more without a tie: number the nodes "
                                  "from 0 without gaps, or give the node list too "
                                  "(id,label,key,country,lat,lon,degree)");
    }
    const size_t n = edges.empty() ? 0 : max_index + 1;
    nodes.resize(n);
    for (size_t i = 0; i < n; ++i) nodes[i].id = nodes[i].name = std::to_string(i);
  }
  return Graph::Build(std::move(nodes), std::move(edges));
}

// ---- queries ----

std::string NodeKey(std::string_view name, std::string_view iso) {
  return std::string(iso) + ":" + Fold(Trim(name));
}

Result<size_t> FindNode(const Graph& graph, std::string_view query) {
  if (auto i = graph.FindId(query)) return *i;
  const std::string name = Trim(query);
  const std::string folded = Fold(name);
  std::vector<size_t> matches;
  for (size_t i = 0; i < graph.node_count(); ++i) {
    if (Fold(graph.node(i).name) == folded) matches.push_back(i);
  }
  if (matches.size() == 1) return matches[0];
  if (matches.size() > 1) {
    std::string list;
    for (size_t k = 0; k < matches.size() && k < 12; ++k) {
      list += (k ? "; " : "") + graph.node(matches[k]).name + ", " + graph.node(matches[k]).country;
    }
    return Status::InvalidInput("'" + name + "' names " + std::to_string(matches.size()) +
                                " places: " + list + " (add the country, e.g. '" + name + ", " +
                                graph.node(matches[0]).country + "')");
  }
  const size_t comma = name.rfind(',');
  if (comma != std::string::npos) {
    auto iso = geo::ResolveCountry(Trim(std::string_view(name).substr(comma + 1)));
    const std::string place = Fold(Trim(std::string_view(name).substr(0, comma)));
    if (iso.ok()) {
      for (size_t i = 0; i < graph.node_count(); ++i) {
        if (graph.node(i).country == iso.value() && Fold(graph.node(i).name) == place) return i;
      }
    }
  }
  return Status::NotFound("no place '" + name + "' in the network");
}

Result<Graph> CountrySubgraph(const Graph& graph, std::string_view country) {
  auto iso = geo::ResolveCountry(country);
  if (!iso.ok()) return iso.status();
  const size_t n = graph.node_count();
  std::vector<size_t> map(n, SIZE_MAX);
  std::vector<NetNode> nodes;
  auto take = [&](size_t i) {
    if (map[i] == SIZE_MAX) {
      map[i] = nodes.size();
      nodes.push_back(graph.node(i));
    }
  };
  for (size_t i = 0; i < n; ++i) {
    if (graph.node(i).country == iso.value()) take(i);
  }
  if (nodes.empty()) return Status::NotFound("no places in " + iso.value() + " in the network");
  const size_t places = nodes.size();
  std::vector<NetEdge> edges;
  for (const NetEdge& e : graph.edges()) {
    const bool in_a = map[e.a] != SIZE_MAX && map[e.a] < places,
               in_b = map[e.b] != SIZE_MAX && map[e.b] < places;
    if (!in_a && !in_b) continue;
    take(e.a);
    take(e.b);
    edges.push_back({map[e.a], map[e.b], e.kind, e.start_year});
  }
  auto sub = Graph::Build(std::move(nodes), std::move(edges));
  if (sub.ok()) sub->set_attribution(graph.attribution());
  return sub;
}

Result<EgoNetwork> Ego(const Graph& graph, size_t node, int depth) {
  if (node >= graph.node_count()) {
    return Status::InvalidInput("node " + std::to_string(node) + " is out of range (" +
                                std::to_string(graph.node_count()) + " nodes)");
  }
  if (depth < 1)
    return Status::InvalidInput("depth must be at least 1, got " + std::to_string(depth));
  EgoNetwork ego;
  ego.center = node;
  ego.depth = depth;
  std::vector<size_t> local(graph.node_count(), SIZE_MAX);
  local[node] = 0;
  ego.original.push_back(node);
  std::vector<size_t> frontier{node};
  for (int d = 0; d < depth && !frontier.empty(); ++d) {
    std::vector<size_t> next;
    for (size_t u : frontier) {
      for (size_t v : graph.neighbours(u)) {
        if (local[v] != SIZE_MAX) continue;
        local[v] = ego.original.size();
        ego.original.push_back(v);
        next.push_back(v);
      }
    }
    std::sort(next.begin(), next.end(), [&](size_t x, size_t y) {
      return graph.degree(x) != graph.degree(y) ? graph.degree(x) > graph.degree(y) : x < y;
    });
    if (!next.empty()) ego.rings.push_back(next);
    frontier = std::move(next);
  }
  // Local order: center, then ring by ring as sorted (largest hubs first).
  ego.original.resize(1);
  for (const auto& ring : ego.rings)
    ego.original.insert(ego.original.end(), ring.begin(), ring.end());
  for (size_t i = 0; i < ego.original.size(); ++i) local[ego.original[i]] = i;
  std::vector<NetNode> nodes;
  nodes.reserve(ego.original.size());
  for (size_t i : ego.original) nodes.push_back(graph.node(i));
  std::vector<NetEdge> edges;
  for (const NetEdge& e : graph.edges()) {
    if (local[e.a] != SIZE_MAX && local[e.b] != SIZE_MAX)
      edges.push_back({local[e.a], local[e.b], e.kind, e.start_year});
  }
  auto sub = Graph::Build(std::move(nodes), std::move(edges));
  if (!sub.ok()) return sub.status();
  ego.graph = std::move(sub).value();
  ego.graph.set_attribution(graph.attribution());
  return ego;
}

}  // namespace kembar::network
