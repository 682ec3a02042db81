// Renderings of the network use cases: the statistics panel, ego networks, the
// gazetteer match, diplomatic relations and partner-finder candidates, as JSON for
// tools and as text for terminals.
#ifndef KEMBAR_REPORT_NETWORK_TEXT_H_
#define KEMBAR_REPORT_NETWORK_TEXT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/api.h"
#include "kembar/assess/messages.h"
#include "kembar/network/graph.h"
#include "kembar/network/stats.h"

namespace kembar::report {

// The stats as JSON (members nodes, edges, components, largest_component, top_hubs,
// ...; documented in docs/network.md).
std::string StatsToJson(const network::Stats& stats, int indent = 2);

// The stats as a text panel for a terminal.
std::string StatsToText(const network::Stats& stats);

// The most ties EgoToJson lists by default.
inline constexpr size_t kMaxEgoEdges = 5000;

// An ego network as JSON: {"center": place, "depth", "node_count", "edge_count",
// "nodes": [place with "ring" (0 the center, 1 its partners, ...)], "edges":
// [{"source","target"} node ids], "truncated"}. A place is {"id","name","country",
// "lat"?,"lon"?,"degree"} (coordinates when known). Every place is listed; the ties
// (the induced graph's) nearest the center first, at most `max_edges` of them, and
// "truncated" says whether some were left out.
std::string EgoToJson(const network::Graph& graph, const network::EgoNetwork& ego, int indent = 2,
                      size_t max_edges = kMaxEgoEdges);

// An ego network as text: the center, then each ring (at most 40 places listed).
std::string EgoToText(const network::Graph& graph, const network::EgoNetwork& ego,
                      Lang lang = Lang::kEn);

// The gazetteer match as JSON (places, matched, match_rate, guessed: how many were met
// by a guess, the first `limit` unmatched and the first `guessed_limit` guesses) and
// as text.
std::string MatchJson(const MatchReport& match, size_t limit, size_t guessed_limit = 0);
std::string MatchText(const MatchReport& match, size_t limit, Lang lang = Lang::kEn,
                      size_t guessed_limit = 0);

// Diplomatic relations as JSON (a, b, status, override, via_sovereign, missions) and
// as text.
std::string RelationsJson(const RelationsReport& relations);
std::string RelationsText(const RelationsReport& relations, Lang lang = Lang::kEn);

// Ranked candidates as JSON: each with its score, components, the learned ranking's
// contributions ("learned") and whether its strengths are known; "needs_scored":
// false when no candidate's strengths could be scored against the needs.
std::string CandidatesJson(std::string_view region_id, std::span<const finder::Place> places,
                           const std::vector<finder::Candidate>& candidates,
                           bool needs_unscored = false);
// The same as a text table, each candidate followed by its explanation in `lang`.
std::string CandidatesText(const FindReport& report, Lang lang = Lang::kEn);

// One sentence in `lang` explaining a candidate's rank: its country, score and the
// learned score's weightiest reasons with their part of the logit, time difference,
// diplomatic relations, what each side offers that the other seeks ("Liverpool offers
// port and logistics, which Surabaya seeks; Surabaya offers ...", or that the candidate's
// strengths are not known) and the flags. `subject_name` names the region looking for
// partners (empty: "the region").
std::string CandidateExplanation(const finder::Place& place, const finder::Candidate& candidate,
                                 Lang lang, std::string_view subject_name = {});

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_NETWORK_TEXT_H_
