// The statistics panel of a twin-city graph: size, degrees, components, hubs,
// clustering, assortativity, distances in hops and in kilometres, a power-law fit of
// the degree tail, and ties by partner country. Computed with igraph; where an exact
// answer would take too long (betweenness, distances of a large component) a fixed,
// seeded sample of source nodes is used and the result says so.
#ifndef KEMBAR_NETWORK_STATS_H_
#define KEMBAR_NETWORK_STATS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kembar/network/graph.h"

namespace kembar::network {

struct StatsOptions {
  size_t top = 10;                 // hubs listed by degree and by betweenness
  // A largest component of at most this many nodes gets exact betweenness, diameter
  // and mean distance; a larger one the sampled estimates below.
  size_t exact_limit = 5000;
  size_t sample_sources = 500;     // k BFS sources for the estimates
  uint64_t seed = 20240607;        // fixes the sample (and the power-law p-value)
  bool power_law_p_value = true;   // bootstrap the KS p-value (100 refits, ~0.3 s on 17k places)
  double distance_bin_km = 500;    // width of the distance histogram's bins
  std::string focus_country;       // ISO or name: count this country's ties by partner country
};

struct Hub {
  size_t node = 0;  // index in the graph
  std::string id, name, country;
  double value = 0;  // degree, or betweenness (pairs through the node, unnormalised)
};

struct PowerLawFit {
  bool fitted = false;
  double alpha = 0;           // exponent of P(k) ~ k^-alpha for k >= xmin
  double xmin = 0;
  size_t tail = 0;            // nodes with degree >= xmin
  double log_likelihood = 0;
  double ks_d = 0;            // Kolmogorov-Smirnov statistic of the fit
  std::optional<double> p_value;  // when requested
};

struct DistanceStats {
  size_t edges_with_coordinates = 0;
  double bin_km = 500;
  std::vector<size_t> histogram;  // histogram[i]: ties of [i*bin_km, (i+1)*bin_km) km
  double mean_km = 0, median_km = 0;
  double share_within_500 = 0, share_within_1000 = 0, share_within_5000 = 0;  // of ties with coordinates
  size_t same_country = 0, abroad = 0, country_unknown = 0;                 // of all ties
  double share_same_country = 0;                                            // of ties with both countries
};

struct PartnerCountry {
  std::string country;  // ISO; the focus country itself for domestic ties
  size_t ties = 0;
};

struct Stats {
  size_t nodes = 0, edges = 0;
  double mean_degree = 0;
  size_t max_degree = 0;
  std::vector<std::pair<size_t, size_t>> degree_histogram;  // (degree, nodes), ascending, no zero counts
  size_t components = 0, largest_component = 0, isolated = 0;

  std::vector<Hub> top_degree;
  std::vector<Hub> top_betweenness;
  bool betweenness_exact = true;
  size_t betweenness_sources = 0;  // the sample size when not exact (values scaled by n/k)

  double transitivity = 0;        // global clustering: 3 x triangles / connected triples
  double average_clustering = 0;  // mean local clustering, nodes of degree < 2 counting 0
  std::optional<double> assortativity;  // degree assortativity; none when undefined

  // Of the largest component, in hops.
  bool distances_exact = true;
  size_t distance_sources = 0;         // sample size when not exact
  size_t diameter = 0;                 // exact, or a lower bound when sampled
  double mean_distance = 0;            // over connected pairs (sampled: source x all)
  // hop_histogram[h]: pairs at distance h+1 (exact: each unordered pair once;
  // sampled: each (source, place) pair).
  std::vector<size_t> hop_histogram;

  PowerLawFit power_law;
  DistanceStats distance;

  // Time: ties by the decade their agreement was signed, where a start year is known
  // (the stored partnerships; Wikipedia gives no years).
  size_t ties_with_year = 0;
  std::vector<std::pair<int, size_t>> ties_by_decade;  // (1960, ties signed 1960-1969), ascending

  std::string focus_country;  // ISO
  size_t focus_places = 0;
  std::vector<PartnerCountry> partner_countries;  // most ties first

  LoadReport load;          // the graph's load report
  std::string attribution;  // the graph's credit line
};

// The panel for `graph`. Deterministic for a given graph and options.
Stats ComputeStats(const Graph& graph, const StatsOptions& options);

// The source nodes of the sampled estimates: `k` distinct indices below `n` (all of
// them when k >= n), ascending, chosen by a seeded Fisher-Yates shuffle (SplitMix64)
// that gives the same sample on every platform, so a peer tool can be handed it.
std::vector<size_t> SampleSources(size_t n, size_t k, uint64_t seed);

// Betweenness of every node from the given sources to all targets (Brandes'
// accumulation restricted to those sources), unnormalised, each unordered pair counted
// once; scaled by n / sources.size() to estimate the full value when `scale`.
std::vector<double> SampledBetweenness(const Graph& graph, const std::vector<size_t>& sources, bool scale);

// Connected components: the number and the size of the largest.
std::pair<size_t, size_t> Components(const Graph& graph);

// Global transitivity and average local clustering (degree < 2 counts 0).
std::pair<double, double> Clustering(const Graph& graph);

}  // namespace kembar::network

#endif  // KEMBAR_NETWORK_STATS_H_
