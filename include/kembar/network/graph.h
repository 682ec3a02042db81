// The twin-city graph: places (nodes) and the ties between them (undirected edges),
// independent of where they come from (the Wikipedia pairs, a dossier, an edge list).
// The analytics run on igraph, which stays inside src/network: this header shows only
// an opaque handle.
#ifndef KEMBAR_NETWORK_GRAPH_H_
#define KEMBAR_NETWORK_GRAPH_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kembar/model/status.h"

namespace kembar::network {

struct NetNode {
  std::string id;       // stable key, "<ISO>:<case-folded name>" for the Wikipedia pairs
  std::string name;     // as first written
  std::string country;  // ISO 3166-1 alpha-2; empty when unknown
  std::optional<double> lat, lon;  // degrees, WGS84
};

struct NetEdge {
  size_t a = 0, b = 0;     // node indices, a != b
  std::string kind;        // "wikipedia", "sister_city", ...
  std::optional<int> start_year;
};

// What a loader read, kept, dropped and merged, so that the numbers can be checked.
struct LoadReport {
  size_t rows = 0;                     // data rows (header excluded)
  size_t skipped_empty_country = 0;    // a side without a country (none in the name either)
  size_t country_from_name = 0;        // sides without a country whose name ends in one
  size_t skipped_not_a_state = 0;      // a side whose country is not a state or unknown
  std::map<std::string, size_t> not_a_state;  // that text -> rows
  size_t homonyms = 0;                 // nodes whose rows give coordinates > 50 km apart
  size_t self_loops = 0;               // both sides the same place: dropped
  size_t duplicates_merged = 0;        // the same pair again, the same way round
  size_t both_side_merged = 0;         // B-A after A-B: one tie listed on both pages
  size_t nodes = 0;
  size_t edges = 0;                    // after merging
};

// Owns the igraph graph; defined in src/network.
struct IGraphHandle;

// Nodes, edges (no self-loops, no parallel edges), an adjacency list and the igraph
// graph built from them. Move-only.
class Graph {
 public:
  // An empty graph.
  Graph();
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  // Builds a graph. Self-loops are dropped and parallel edges merged (A-B and B-A are
  // one tie; the first edge's kind and the earliest known start year are kept). The
  // loader's counts in `report` are kept; Build adds self_loops, the merges, nodes
  // and edges. InvalidInput when two nodes share an id or an edge names a node that
  // does not exist.
  static Result<Graph> Build(std::vector<NetNode> nodes, std::vector<NetEdge> edges,
                             LoadReport report = {});

  size_t node_count() const { return nodes_.size(); }
  size_t edge_count() const { return edges_.size(); }
  const std::vector<NetNode>& nodes() const { return nodes_; }
  const std::vector<NetEdge>& edges() const { return edges_; }
  // Requires i < node_count().
  const NetNode& node(size_t i) const { return nodes_[i]; }
  // The partners of node i, ascending. Requires i < node_count().
  std::span<const size_t> neighbours(size_t i) const {
    return {adjacency_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
  }
  size_t degree(size_t i) const { return offsets_[i + 1] - offsets_[i]; }
  // The index of the node with this id.
  std::optional<size_t> FindId(std::string_view id) const;

  // What the loader read, dropped and merged.
  const LoadReport& load_report() const { return report_; }

  // The credit line the data's licence asks for; the exports and charts carry it.
  const std::string& attribution() const { return attribution_; }
  void set_attribution(std::string text) { attribution_ = std::move(text); }

  // The igraph graph (vertex i = node i, edge j = edges()[j]); for src/network.
  const IGraphHandle& igraph() const { return *igraph_; }

 private:
  std::vector<NetNode> nodes_;
  std::vector<NetEdge> edges_;
  std::vector<size_t> offsets_{0};  // CSR: neighbours of i at [offsets_[i], offsets_[i+1])
  std::vector<size_t> adjacency_;
  struct IdHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, size_t, IdHash, std::equal_to<>> by_id_;
  LoadReport report_;
  std::string attribution_;
  std::unique_ptr<IGraphHandle> igraph_;
};

// Reads data/twin_cities_wikipedia.csv (header city1,country1,lat1,lng1,city2,country2,
// lat2,lng2; RFC 4180 quoting, so "Suzhou, Anhui" is one field). Countries are
// normalised with geo::ResolveCountry (England -> GB); a side with an empty country
// whose name ends in one ("Varna, Bulgaria") is read as that place and country; other
// rows with an empty country or one that is not a state (Northern Cyprus) are skipped
// and counted. A node is a (case-folded name, ISO) pair and keeps the first
// coordinates seen (keys whose rows lie more than 50 km apart are counted as
// homonyms); self-loops are dropped, a pair listed from both sides or twice is one
// edge of kind "wikipedia". The graph's attribution() is the data's credit line
// (Wikipedia, CC BY-SA 4.0; OpenStreetMap, ODbL). InvalidInput names the line for a wrong header, a wrong
// number of fields, an unterminated quote, an empty city or a coordinate that is not
// a number in range.
Result<Graph> LoadTwinPairsCsv(std::string_view csv_text);

// Reads the edge list written by EdgesCsv() (header source,target,kind,start_year;
// source and target are node indices) and, when given, the node list written by
// NodesCsv(). Without a node list the nodes are 0..max index with the index as id.
// No attribution is set (the CSV files have no place for it).
// InvalidInput names the line (and the file: "edges" or "nodes").
Result<Graph> LoadEdgeListCsv(std::string_view edges_csv, std::string_view nodes_csv = {});

// The node id of a place as the loaders key it: "<ISO>:<case-folded name>"
// ("ID:surabaya"), so that places from other sources meet the same node.
std::string NodeKey(std::string_view name, std::string_view iso);

// The Wikipedia pairs compiled into the binary (data/twin_cities_wikipedia.csv).
std::string_view BundledTwinPairsCsv();

// A node by id ("ID:surabaya"), by name ("Surabaya", case-insensitive) or by name and
// country ("Surabaya, ID", "Portland, United States"). NotFound when nothing matches;
// InvalidInput listing the candidates when a bare name is ambiguous.
Result<size_t> FindNode(const Graph& graph, std::string_view query);

// The places of one country plus all their ties (domestic and abroad) with the
// partners at the other end; `country` is an ISO code or a name. NotFound for an
// unknown country or one without places in the graph. Keeps the attribution.
Result<Graph> CountrySubgraph(const Graph& graph, std::string_view country);

// A place, its partners, their partners, ... up to `depth` steps.
struct EgoNetwork {
  size_t center = 0;                          // index in the original graph
  int depth = 0;
  std::vector<std::vector<size_t>> rings;     // rings[d]: original indices at distance d+1
  Graph graph;                                // induced on center + rings; node 0 is center
  std::vector<size_t> original;               // graph node i = original node original[i]
};

// The ego network of `node` to `depth` steps (1: partners; 2: and partners of
// partners). InvalidInput for a node out of range or a depth below 1.
Result<EgoNetwork> Ego(const Graph& graph, size_t node, int depth);

}  // namespace kembar::network

#endif  // KEMBAR_NETWORK_GRAPH_H_
