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

}  // namespace kembar::network
