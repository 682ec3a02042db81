// The network use cases: the worldwide graph (Wikipedia pairs and stored
// partnerships), its statistics, ego networks, exports, gazetteer match, and
// storing or removing the Wikipedia pairs beside the user's partnerships.
#ifndef KEMBAR_SRC_ENGINE_NETWORK_H_
#define KEMBAR_SRC_ENGINE_NETWORK_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/engine.h"
#include "kembar/api.h"

namespace kembar::engine {

// The gazetteer place of a network place (docs/network.md, "Matching places"): by
// folded name and country, the nearest of several namesakes within 50 km of its
// coordinates, else the most populous. Failing that, and only for a node with
// coordinates: a variant of its name (NameVariants) within 50 km, then a place of
// similar name within 10 km (another transliteration, or the name with a part:
// "Nara-shi"), never for a district with a number or an area ("County Mayo"), and
// never a place in `taken` (held by another node under its own name). -1 when none.
long MatchNode(const network::NetNode& node, const std::unordered_set<long>* taken = nullptr);

// The other forms of a place name the gazetteer may know it by: without a place in
// brackets or after a comma ("Suzhou (Anhui)", "Suzhou, Anhui" -> "Suzhou"), without
// "City" ("Iloilo City", "City of Makati") or a French article ("Le Mont-Dore").
// Descriptors in brackets ("(rural gmina)", "(district)") are kept: another government.
std::vector<std::string> NameVariants(std::string_view name);

// The Wikipedia graph of `world` joined with `stored`; `region_nodes`, when given,
// receives stored region id -> node.
Result<network::Graph> WorldNetworkOf(const World& world, const Dossier& stored,
                                      std::unordered_map<std::string, size_t>* region_nodes);

// See Kembar::WorldNetwork.
Result<std::shared_ptr<const network::Graph>> WorldNetwork(
    const Engine& engine, std::unordered_map<std::string, size_t>* region_nodes);

// See Kembar::NetworkStats, NetworkEgo, NetworkGraph, NetworkMatchReport.
Result<NetworkStatsReport> NetworkStats(const Engine& engine, const NetworkStatsParams& params);
// How many statistics the current view of the store has computed (not served from
// its memo): for tests.
uint64_t NetworkStatsComputed(const Engine& engine);
Result<EgoReport> NetworkEgo(const Engine& engine, const EgoParams& params);
Result<std::shared_ptr<const network::Graph>> NetworkGraph(const Engine& engine,
                                                           const NetworkScope& scope);
Result<MatchReport> NetworkMatchReport(const Engine& engine, const MatchParams& params);

// See Kembar::ImportWorldNetwork.
Result<store::ImportStats> ImportWorldNetwork(const Engine& engine,
                                              const NetworkImportParams& params);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_NETWORK_H_
