// The partner-finder use case: candidates for a region over the worldwide network.
#ifndef KEMBAR_SRC_ENGINE_FINDER_H_
#define KEMBAR_SRC_ENGINE_FINDER_H_

#include <functional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "kembar/api.h"

namespace kembar::engine {

// What a stored region seeks in a partner: its profile's `seeks` and its `needs`.
std::vector<Field> Seeks(const Region& region);
// What it offers: its profile's `offers` and its `strengths`.
std::vector<Field> Offers(const Region& region);

// Per node of `g`: its gazetteer place, or -1 (the Wikipedia places' match is reused
// from the world context; other nodes are matched here).
std::vector<long> NodePlaces(const World& world, const network::Graph& g);

// The gazetteer's places as the finder sees them (views into the compiled-in table).
std::vector<finder::Place> GazetteerPlaces();

// Degrees per place, ties per pair of countries and per (subregion, country) in `g`.
finder::NetworkSignals SignalsOf(const network::Graph& g, const std::vector<long>& node_places,
                                 size_t place_count);

// What the network says about the subject at `node`: its place and partners are
// excluded, their countries tied, partners of partners counted (common partners and
// Adamic-Adar).
void AddNetworkOf(const network::Graph& g, const std::vector<long>& node_places, size_t node,
                  finder::Subject* subject);

// Counts the ties between the subject's surroundings and every place's (Subject::
// area_ties): network places within `radius_km` of the subject, other than itself (its
// node `self_node`, its place `self_place`; -1: none), and their partners' places and
// the gazetteer places within `radius_km` of those. Needs `places` to be the
// gazetteer's (GazetteerPlaces).
void AddAreaTies(const network::Graph& g, const std::vector<long>& node_places,
                 const std::vector<finder::Place>& places, double radius_km, long self_node,
                 long self_place, finder::Subject* subject);

// The tie between the subject at `node` and its partner `partner` taken out of what the
// finder knows (the subject's degree, common partners and Adamic-Adar; the places'
// degrees, the countries' ties), as if it did not exist yet: the fit's examples of that
// tie, the real partner and the sampled non-ties alike, are seen as the evaluation
// sees a held-out tie. Restored when destroyed. Excluded places are kept (the partner
// is still never a sampled non-tie).
class TieRemoved {
 public:
  TieRemoved(const network::Graph& g, const std::vector<long>& node_places, size_t node,
             size_t partner, finder::Subject* subject, finder::NetworkSignals* signals);
  ~TieRemoved();
  TieRemoved(const TieRemoved&) = delete;
  TieRemoved& operator=(const TieRemoved&) = delete;

 private:
  std::vector<std::function<void()>> undo_;
};

// See Kembar::FindPartners.
Result<FindReport> FindPartners(const Engine& engine, const std::string& region,
                                const FindOptions& options);

// See Kembar::EvaluateFinder and Kembar::FitFinder (src/engine/evaluate.cc).
Result<FinderEvalReport> EvaluateFinder(const Engine& engine, const FinderEvalParams& params);
Result<FinderFitReport> FitFinder(const Engine& engine, const FinderFitParams& params);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_FINDER_H_
