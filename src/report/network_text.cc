#include "kembar/report/network_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "kembar/geo/countries.h"
#include "kembar/io/json_writer.h"
#include "kembar/report/cli_text.h"
#include "kembar/report/profile_text.h"
#include "report/width.h"

namespace kembar::report {

namespace {

// The decimals that show a score with two significant digits (at least 3): the learned
// score is the chance of a tie with that candidate among all 135k, often 0.00002.
int ScoreDecimals(double score) {
  if (!(score > 0)) return 3;
  return std::clamp(1 - static_cast<int>(std::floor(std::log10(score))), 3, 12);
}

// `v` rounded to six significant digits (JSON: a score is often far below 0.0001).
double SixDigits(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return std::strtod(buf, nullptr);
}

}  // namespace

using network::DistanceStats;
using network::EgoNetwork;
using network::Graph;
using network::Hub;
using network::LoadReport;
using network::NetNode;
using network::PartnerCountry;
using network::Stats;

namespace {

void WriteHubs(io::JsonWriter& w, const std::vector<Hub>& hubs, const char* value_name,
               bool integer) {
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
    for (const auto& [text, rows] : l.not_a_state)
      skipped += " (" + text + ": " + Thousands(rows) + ")";
    skipped += ", " + Thousands(l.skipped_empty_country) + " without a country, " +
               Thousands(l.self_loops) + " self-loops";
    line("rows skipped", skipped);
    line("merged", Thousands(l.both_side_merged) + " listed on both sides, " +
                       Thousands(l.duplicates_merged) + " listed twice");
    if (l.country_from_name)
      line("country taken from the name",
           Thousands(l.country_from_name) + " sides (\"Varna, Bulgaria\")");
    if (l.homonyms)
      line("homonyms", Thousands(l.homonyms) +
                           " places seen > 50 km apart under one name (first coordinates kept)");
  }
  line("places (nodes)", Thousands(s.nodes));
  line("ties (edges)", Thousands(s.edges));
  line("mean / max degree", Fixed(s.mean_degree, 2) + " / " + Thousands(s.max_degree));
  line("components", Thousands(s.components) + " (largest " + Thousands(s.largest_component) +
                         " places, " +
                         (s.nodes ? Fixed(100.0 * static_cast<double>(s.largest_component) /
                                              static_cast<double>(s.nodes),
                                          1)
                                  : "0") +
                         "%)");
  line("clustering", "transitivity " + Fixed(s.transitivity, 3) + ", average local " +
                         Fixed(s.average_clustering, 3));
  line("degree assortativity", s.assortativity ? Fixed(*s.assortativity, 3) : "undefined");
  const std::string how = s.distances_exact
                              ? "exact"
                              : "sampled from " + std::to_string(s.distance_sources) + " sources";
  line("mean distance (largest)", Fixed(s.mean_distance, 2) + " hops (" + how + ")");
  line("diameter (largest)",
       (s.distances_exact ? "" : ">= ") + std::to_string(s.diameter) + " hops");
  if (s.power_law.fitted) {
    std::string pl = "alpha " + Fixed(s.power_law.alpha, 2) +
                     " for degree >= " + Fixed(s.power_law.xmin, 0) + " (" +
                     Thousands(s.power_law.tail) + " places), KS D " + Fixed(s.power_law.ks_d, 3) +
                     ", log-likelihood " + Fixed(s.power_law.log_likelihood, 1);
    if (s.power_law.p_value) pl += ", KS p-value " + Fixed(*s.power_law.p_value, 2);
    line("power-law tail", pl);
  }
  const DistanceStats& d = s.distance;
  line("tie length", "median " + Thousands(static_cast<size_t>(d.median_km + 0.5)) + " km, mean " +
                         Thousands(static_cast<size_t>(d.mean_km + 0.5)) + " km (" +
                         Thousands(d.edges_with_coordinates) + " ties with coordinates)");
  line("ties within 500/1,000/5,000 km", Fixed(100 * d.share_within_500, 1) + "% / " +
                                             Fixed(100 * d.share_within_1000, 1) + "% / " +
                                             Fixed(100 * d.share_within_5000, 1) + "%");
  line("same country / abroad", Thousands(d.same_country) + " / " + Thousands(d.abroad) + " (" +
                                    Fixed(100 * d.share_same_country, 1) + "% domestic)");
  o += "top hubs by degree:\n";
  for (const Hub& h : s.top_degree)
    o += "  " + std::to_string(static_cast<size_t>(h.value)) + "  " + h.name + ", " + h.country +
         "\n";
  o +=
      std::string("top hubs by betweenness (") +
      (s.betweenness_exact ? "exact"
                           : "sampled from " + std::to_string(s.betweenness_sources) + " sources") +
      "):\n";
  for (const Hub& h : s.top_betweenness)
    o += "  " + Fixed(h.value, 0) + "  " + h.name + ", " + h.country + "\n";
  if (s.ties_with_year > 0) {
    o += "ties by decade of signing (" + Thousands(s.ties_with_year) + " with a known year):";
    for (const auto& [decade, ties] : s.ties_by_decade) {
      o += " " + std::to_string(decade) + "s " + Thousands(ties);
    }
    o += "\n";
  }
  if (!s.focus_country.empty()) {
    o += s.focus_country + ": " + Thousands(s.focus_places) + " places; ties by partner country:\n";
    for (const PartnerCountry& p : s.partner_countries)
      o += "  " + p.country + "  " + Thousands(p.ties) + "\n";
  }
  if (!s.attribution.empty()) o += "data: " + s.attribution + "\n";
  return o;
}

std::string EgoToJson(const Graph& graph, const EgoNetwork& ego, int indent, size_t max_edges) {
  // The ring of each place: 0 the center, d+1 for rings[d].
  std::unordered_map<size_t, size_t> ring;
  ring.emplace(ego.center, 0);
  for (size_t d = 0; d < ego.rings.size(); ++d) {
    for (size_t i : ego.rings[d]) ring.emplace(i, d + 1);
  }
  auto ring_of = [&](size_t ego_node) { return ring.at(ego.original[ego_node]); };
  // The ties nearest the center first (the center's, then those among and from its
  // partners, ...), so that a cut keeps what a drawing of the rings needs most.
  std::vector<size_t> order(ego.graph.edge_count());
  for (size_t j = 0; j < order.size(); ++j) order[j] = j;
  auto rings_of = [&](size_t j) {
    const auto& e = ego.graph.edges()[j];
    const size_t ra = ring_of(e.a), rb = ring_of(e.b);
    return std::pair(std::min(ra, rb), std::max(ra, rb));
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return rings_of(x) < rings_of(y); });
  const bool truncated = order.size() > max_edges;
  if (truncated) order.resize(max_edges);

  std::string out;
  io::JsonWriter w(&out, indent, 2);
  auto place = [&](size_t i, std::optional<size_t> r) {
    const NetNode& n = graph.node(i);
    w.BeginObject();
    w.Key("id");
    w.String(n.id);
    w.Key("name");
    w.String(n.name);
    w.Key("country");
    w.String(n.country);
    if (n.lat && n.lon) {
      w.Key("lat");
      w.Number(std::round(*n.lat * 1e5) / 1e5);
      w.Key("lon");
      w.Number(std::round(*n.lon * 1e5) / 1e5);
    }
    Uint(w, "degree", graph.degree(i));
    if (r) Uint(w, "ring", *r);
    w.EndObject();
  };
  w.BeginObject();
  w.Key("center");
  place(ego.center, std::nullopt);
  Uint(w, "depth", static_cast<size_t>(ego.depth));
  Uint(w, "node_count", ego.graph.node_count());
  Uint(w, "edge_count", ego.graph.edge_count());
  w.Key("nodes");
  w.BeginArray();
  place(ego.center, 0);
  for (size_t d = 0; d < ego.rings.size(); ++d) {
    for (size_t i : ego.rings[d]) place(i, d + 1);
  }
  w.EndArray();
  w.Key("edges");
  w.BeginArray();
  for (size_t j : order) {
    const auto& e = ego.graph.edges()[j];
    w.BeginObject();
    w.Key("source");
    w.String(ego.graph.node(e.a).id);
    w.Key("target");
    w.String(ego.graph.node(e.b).id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("truncated");
  w.Bool(truncated);
  w.EndObject();
  out.push_back('\n');
  return out;
}

// The finder's answer in the `--json` contract: {"region": ID, "candidates": [{"name",
// "country" (ISO), "lat", "lon", "level", "score", "components": {...}, "flags": [...], "id",
// "distance_km", "tz_gap_hours", "relations", "strengths_meeting_needs"}]}, best first.

std::string CandidatesJson(std::string_view region_id, std::span<const finder::Place> places,
                           const std::vector<finder::Candidate>& candidates, bool needs_unscored) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginObject();
  w.Key("region");
  w.String(region_id);
  auto write = [&](const finder::Candidate& c) {
    const finder::Place& p = places[c.place];
    w.BeginObject();
    w.Key("name");
    w.String(p.name);
    w.Key("country");
    w.String(p.country);
    w.Key("lat");
    w.Number(std::round(p.lat * 1e5) / 1e5);
    w.Key("lon");
    w.Number(std::round(p.lon * 1e5) / 1e5);
    w.Key("level");
    w.String(ToString(c.level));
    w.Key("score");
    // Six significant digits: a score is often far below 0.0001.
    w.Number(SixDigits(c.score));
    w.Key("components");
    w.BeginObject();
    for (auto [key, value] :
         {std::pair{"level", c.components.level}, std::pair{"similarity", c.components.similarity},
          std::pair{"complementarity", c.components.complementarity},
          std::pair{"proximity", c.components.proximity},
          std::pair{"network", c.components.network}}) {
      w.Key(key);
      w.Number(std::round(value * 1e4) / 1e4);
    }
    w.EndObject();
    w.Key("flags");
    w.BeginArray();
    for (const std::string& f : c.flags) w.String(f);
    w.EndArray();
    w.Key("id");
    w.String(p.id);
    w.Key("distance_km");
    w.Number(std::round(c.distance_km * 10) / 10);
    w.Key("tz_gap_hours");
    w.Number(c.tz_gap_hours);
    w.Key("relations");
    w.String(geo::ToString(c.relations));
    auto fields = [&](std::string_view key, const std::vector<Field>& list) {
      w.Key(key);
      w.BeginArray();
      for (Field f : list) w.String(ToString(f));
      w.EndArray();
    };
    fields("strengths_meeting_needs", c.strengths_meeting_needs);
    // The learned ranking (docs/finder.md): each feature's part of the logit, and
    // whether the candidate's strengths are known at all (complementarity 0 with
    // strengths_known false is no finding).
    w.Key("strengths_known");
    w.Bool(c.strengths_known);
    // The other direction (profiles): what the region offers that the candidate seeks.
    fields("offers_meeting_seeks", c.offers_meeting_seeks);
    w.Key("seeks_known");
    w.Bool(c.seeks_known);
    w.Key("rank");
    w.Number(static_cast<double>(c.rank));
    w.Key("learned");
    w.BeginObject();
    w.Key("logit");
    w.Number(std::round(c.learned * 1e4) / 1e4);
    for (size_t f = 0; f < finder::kFeatureCount; ++f) {
      w.Key(finder::FeatureName(static_cast<finder::Feature>(f)));
      w.Number(std::round(c.contributions[f] * 1e4) / 1e4);
    }
    w.EndObject();
    w.Key("country_ties");
    w.Number(c.country_ties);
    w.Key("common_partners");
    w.Number(c.common_partners);
    w.Key("area_ties");
    w.Number(c.area_ties);
    w.Key("degree");
    w.Number(c.degree);
    w.EndObject();
  };
  // The top; then, apart, the two-way matches ranked below it (`limit` stays exact).
  w.Key("candidates");
  w.BeginArray();
  for (const finder::Candidate& c : candidates) {
    if (!c.beyond_top) write(c);
  }
  w.EndArray();
  if (std::any_of(candidates.begin(), candidates.end(),
                  [](const finder::Candidate& c) { return c.beyond_top; })) {
    w.Key("two_way_below");
    w.BeginArray();
    for (const finder::Candidate& c : candidates) {
      if (c.beyond_top) write(c);
    }
    w.EndArray();
  }
  if (needs_unscored) {
    w.Key("needs_scored");
    w.Bool(false);
  }
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string CandidatesText(const FindReport& r, Lang lang) {
  std::string out;
  char line[512];
  out += CliText(r.candidates.size() == 1 ? "find.title_one" : "find.title", lang,
                 {{"name", r.region_name},
                  {"id", r.region_id},
                  {"n", CliNumber(static_cast<double>(r.candidates.size()), 0, lang)}}) +
         "\n";
  if (r.needs_unscored) out += std::string(CliText("find.needs_unscored", lang)) + "\n";
  // The columns' heads, at most as wide as their columns.
  const bool id = lang == Lang::kId;
  std::snprintf(line, sizeof line, "%-5s %-28s %-3s %9s  %5s %5s %5s %5s %5s  %8s  %s\n",
                id ? "URUT" : "RANK", id ? "TEMPAT" : "PLACE", id ? "NG" : "CC",
                id ? "SKOR" : "SCORE", id ? "TKT" : "LEVEL", id ? "MIRIP" : "SIMIL",
                id ? "KOMPL" : "COMPL", id ? "DEKAT" : "PROX", id ? "JARNG" : "NETW", "KM",
                id ? "TANDA" : "FLAGS");
  out += line;
  bool beyond = false;
  for (const finder::Candidate& c : r.candidates) {
    const finder::Place& p = r.places[c.place];
    if (c.beyond_top && !beyond) {
      beyond = true;
      out += std::string(CliText("find.two_way_beyond", lang)) + "\n";
    }
    std::string flags;
    for (const std::string& f : c.flags) flags += (flags.empty() ? "" : ", ") + f;
    // A number in its column, with the reader's decimal sign ("0,29" in Indonesian).
    auto cell = [id](const char* format, double v, int decimals = -1) {
      char text[32];
      if (decimals >= 0) {
        std::snprintf(text, sizeof text, format, decimals, v);
      } else {
        std::snprintf(text, sizeof text, format, v);
      }
      std::string s = text;
      if (id) std::replace(s.begin(), s.end(), '.', ',');
      return s;
    };
    // Complementarity is shown only where the candidate's strengths are known.
    const std::string compl_cell = c.complementarity_measured || c.strengths_known
                                       ? cell("%5.2f", c.components.complementarity)
                                       : std::string("    -");
    // The place padded by display columns ("Cissé", "北九州市" line up); a score too
    // small for nine columns in two significant digits as 3.3e-09, not as zeros.
    const int decimals = ScoreDecimals(c.score);
    const std::string score_cell =
        decimals <= 7 ? cell("%9.*f", c.score, decimals) : cell("%9.1e", c.score);
    const std::string place = PadTo(ClipTo(p.name, 28), 28);
    std::snprintf(line, sizeof line, "%-5zu %s %-3.3s %s  %s %s %s %s %s  %8.0f  %s\n", c.rank,
                  place.c_str(), std::string(p.country).c_str(), score_cell.c_str(),
                  cell("%5.2f", c.components.level).c_str(),
                  cell("%5.2f", c.components.similarity).c_str(), compl_cell.c_str(),
                  cell("%5.2f", c.components.proximity).c_str(),
                  cell("%5.2f", c.components.network).c_str(), c.distance_km, flags.c_str());
    out += line;
    out += "      " + CandidateExplanation(p, c, lang, r.region_name) + "\n";
  }
  return out;
}

namespace {

// One reason of the learned score in words: "54 ties between the two countries".
std::string Reason(const finder::Place& p, const finder::Candidate& c, finder::Feature f,
                   Lang lang) {
  const bool id = lang == Lang::kId;
  auto num = [&](double v, int decimals) { return CliNumber(v, decimals, lang); };
  // English counts: "1 twin tie", "2 twin ties" (Indonesian does not inflect).
  auto ties = [&](uint32_t n) { return num(n, 0) + (n == 1 ? " twin tie" : " twin ties"); };
  switch (f) {
    case finder::kLogDistance:
      return id ? "berjarak " + num(c.distance_km, 0) + " km" : num(c.distance_km, 0) + " km away";
    case finder::kPopulationGap: {
      const double fold = std::pow(10.0, c.features[f]);
      return id ? "jumlah penduduk berbeda " + num(fold, 1) + " kali lipat"
                : "a population " + num(fold, 1) + " times as different";
    }
    case finder::kLogPopulation:
      return id ? num(p.population, 0) + " penduduk" : num(p.population, 0) + " inhabitants";
    case finder::kCountryAffinity:
      return id ? num(c.country_ties, 0) +
                      " hubungan kota kembar antara kedua negara, dibandingkan dengan yang "
                      "diharapkan dari semua hubungan luar negeri keduanya dan dari negara "
                      "tetangga di kawasannya"
                : ties(c.country_ties) +
                      " between the two countries, against what all their ties abroad and "
                      "the neighbouring countries' ties would lead one to expect";
    case finder::kCommonPartners:
      return id ? num(c.common_partners, 0) + " mitra yang sama"
                : num(c.common_partners, 0) +
                      (c.common_partners == 1 ? " partner in common" : " partners in common");
    case finder::kAdamicAdar:
      return id ? "mitra bersama yang tidak banyak mitranya"
                : "shared partners with few partners of their own";
    case finder::kAreaTies:
      return id ? num(c.area_ties, 0) +
                      " hubungan kota kembar antara tempat-tempat di sekitar keduanya"
                : ties(c.area_ties) + " between places around the two";
    case finder::kLogDegree:
      return id ? num(c.degree, 0) + " hubungan kota kembar miliknya"
                : ties(c.degree) + " of its own";
    case finder::kPortPair:
      return id ? "sama-sama kota pelabuhan" : "both are ports";
    case finder::kCapital:
      return id ? "ibu kota negara atau provinsi" : "a national or provincial capital";
    case finder::kSameLevel:
      return id ? "tingkat pemerintahan yang setara" : "the same level of government";
    case finder::kSharedLanguage:
      return id ? "bahasa resmi yang sama" : "a shared official language";
    case finder::kSameName:
      return id ? "nama yang sama" : "the same name";
    case finder::kCapitalPair:
      return id ? "keduanya ibu kota negara" : "both are national capitals";
    default:
      return "";
  }
}

}  // namespace

std::string CandidateExplanation(const finder::Place& p, const finder::Candidate& c, Lang lang,
                                 std::string_view subject_name) {
  const bool id = lang == Lang::kId;
  auto num = [&](double v, int decimals) { return CliNumber(v, decimals, lang); };
  std::string out = std::string(p.name) + " (" + geo::CountryName(p.country, id) +
                    "): " + (id ? "skor " : "score ") + num(c.score, ScoreDecimals(c.score));
  // The learned score's reasons, the weightiest first: what raised it and what lowered it.
  std::vector<size_t> order;
  for (size_t f = 0; f < finder::kFeatureCount; ++f) {
    if (c.contributions[f] != 0) order.push_back(f);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::abs(c.contributions[a]) > std::abs(c.contributions[b]);
  });
  if (order.size() > 5) order.resize(5);
  if (!order.empty()) {
    out += id ? ", karena " : ", because of ";
    for (size_t k = 0; k < order.size(); ++k) {
      const double v = c.contributions[order[k]];
      out += (k ? ", " : "") + Reason(p, c, static_cast<finder::Feature>(order[k]), lang) + " (" +
             (v > 0 ? "+" : "\u2212") + num(std::abs(v), 2) + ")";
    }
  }
  out += std::string("; ") + (id ? "selisih waktu " : "") + num(c.tz_gap_hours, 1) +
         (id ? " jam" : " h time difference") + "; " +
         std::string(CliText("rel." + std::string(geo::ToString(c.relations)), lang));
  // Both directions, in words: "Liverpool offers port and logistics, which Surabaya
  // seeks; Surabaya offers environment, which Liverpool seeks".
  const std::string candidate_name(p.name);
  const std::string subject = subject_name.empty() ? std::string(id ? "daerah ini" : "the region")
                                                   : std::string(subject_name);
  if (!c.strengths_meeting_needs.empty()) {
    out += "; " + CliText("find.offers_sought", lang,
                          {{"offerer", candidate_name},
                           {"fields", FieldWords(c.strengths_meeting_needs, lang)},
                           {"seeker", subject}});
  }
  if (!c.offers_meeting_seeks.empty()) {
    out += "; " + CliText("find.offers_sought", lang,
                          {{"offerer", subject},
                           {"fields", FieldWords(c.offers_meeting_seeks, lang)},
                           {"seeker", candidate_name}});
  }
  if (c.strengths_meeting_needs.empty() && !c.strengths_known &&
      std::find(c.flags.begin(), c.flags.end(), "no_known_strengths") != c.flags.end()) {
    out += id ? "; kekuatannya belum diketahui, jadi kecocokan dengan kebutuhan tidak dinilai"
              : "; its strengths are not known, so the fit with the needs is not scored";
  }
  if (!c.flags.empty()) {
    out += id ? "; penanda: " : "; flags: ";
    for (size_t i = 0; i < c.flags.size(); ++i) out += (i ? ", " : "") + c.flags[i];
  }
  return out + ".";
}

std::string EgoToText(const Graph& g, const EgoNetwork& ego, Lang lang) {
  const network::NetNode& c = g.node(ego.center);
  std::string out =
      CliText("ego.center", lang,
              {{"name", c.name},
               {"country", c.country},
               {"n", CliNumber(static_cast<double>(g.degree(ego.center)), 0, lang)}}) +
      "\n";
  for (size_t d = 0; d < ego.rings.size(); ++d) {
    out += CliText(d == 0 ? "ego.partners" : "ego.step", lang,
                   {{"step", std::to_string(d + 1)},
                    {"n", CliNumber(static_cast<double>(ego.rings[d].size()), 0, lang)}}) +
           "\n";
    size_t shown = 0;
    for (size_t i : ego.rings[d]) {
      if (shown++ == 40) {
        out += "  " +
               CliText("ego.more", lang,
                       {{"n", CliNumber(static_cast<double>(ego.rings[d].size() - 40), 0, lang)}}) +
               "\n";
        break;
      }
      out += "  " + g.node(i).name + " (" + g.node(i).country + ")\n";
    }
  }
  return out;
}

namespace {

double MatchRate(const MatchReport& m) {
  return m.places ? 100.0 * static_cast<double>(m.matched) / static_cast<double>(m.places) : 0;
}

}  // namespace

std::string MatchJson(const MatchReport& m, size_t limit, size_t guessed_limit) {
  std::string out;
  io::JsonWriter w(&out, 2, 2);
  w.BeginObject();
  w.Key("places");
  w.Uint(m.places);
  w.Key("matched");
  w.Uint(m.matched);
  w.Key("match_rate");
  w.Number(std::round(MatchRate(m) * 100) / 100);
  w.Key("guessed_count");
  w.Uint(m.guessed.size());
  w.Key("unmatched");
  w.BeginArray();
  for (size_t k = 0; k < m.unmatched.size() && k < limit; ++k) w.String(m.unmatched[k]);
  w.EndArray();
  w.Key("guessed");
  w.BeginArray();
  for (size_t k = 0; k < m.guessed.size() && k < guessed_limit; ++k) {
    w.BeginObject();
    w.Key("place");
    w.String(m.guessed[k].first);
    w.Key("gazetteer");
    w.String(m.guessed[k].second);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string MatchText(const MatchReport& m, size_t limit, Lang lang, size_t guessed_limit) {
  std::string out =
      CliText("match.line", lang,
              {{"matched", CliNumber(static_cast<double>(m.matched), 0, lang)},
               {"places", CliNumber(static_cast<double>(m.places), 0, lang)},
               {"rate", CliNumber(MatchRate(m), 1, lang)},
               {"unmatched", CliNumber(static_cast<double>(m.unmatched.size()), 0, lang)}}) +
      "\n";
  for (size_t k = 0; k < m.unmatched.size() && k < limit; ++k) out += "  " + m.unmatched[k] + "\n";
  out += CliText("match.guessed", lang,
                 {{"n", CliNumber(static_cast<double>(m.guessed.size()), 0, lang)}}) +
         "\n";
  for (size_t k = 0; k < m.guessed.size() && k < guessed_limit; ++k) {
    out += "  " + m.guessed[k].first + " -> " + m.guessed[k].second + "\n";
  }
  return out;
}

std::string RelationsJson(const RelationsReport& rr) {
  const geo::Relation& r = rr.relation;
  std::string out;
  io::JsonWriter w(&out, 2, 2);
  w.BeginObject();
  w.Key("a");
  w.String(rr.a_iso);
  w.Key("b");
  w.String(rr.b_iso);
  w.Key("status");
  w.String(geo::ToString(r.status));
  w.Key("override");
  if (r.override_source.empty()) {
    w.Raw("null");
  } else {
    w.String(r.override_source);
  }
  w.Key("via_sovereign");
  if (r.via_sovereign.empty()) {
    w.Raw("null");
  } else {
    w.String(r.via_sovereign);
  }
  w.Key("missions");
  w.BeginArray();
  for (const geo::Mission* m : r.missions) {
    w.BeginObject();
    w.Key("operator");
    w.String(m->operator_iso);
    w.Key("host");
    w.String(m->host_iso);
    w.Key("city");
    w.String(m->city);
    w.Key("type");
    w.String(m->type);
    w.Key("qid");
    w.String(m->qid);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string RelationsText(const RelationsReport& rr, Lang lang) {
  const geo::Relation& r = rr.relation;
  const std::string status(geo::ToString(r.status));
  std::string out =
      CliText("rel.line", lang,
              {{"a", geo::CountryName(rr.a_iso, lang == Lang::kId) + " (" + rr.a_iso + ")"},
               {"b", geo::CountryName(rr.b_iso, lang == Lang::kId) + " (" + rr.b_iso + ")"},
               {"status", std::string(CliText("rel." + status, lang))}}) +
      "\n";
  if (!r.override_source.empty()) {
    out += CliText("rel.override", lang, {{"source", r.override_source}}) + "\n";
  }
  if (!r.via_sovereign.empty()) {
    out += CliText("rel.territory", lang, {{"via", r.via_sovereign}}) + "\n";
  }
  for (const geo::Mission* m : r.missions) {
    const std::string type_key = "rel.type." + m->type;
    const std::string_view type = CliText(type_key, lang);
    out += "  " +
           CliText("rel.mission", lang,
                   {{"operator", m->operator_iso},
                    {"type", type == type_key ? m->type : std::string(type)},
                    {"city", m->city},
                    {"host", m->host_iso},
                    {"qid", m->qid}}) +
           "\n";
  }
  if (r.missions.empty()) out += "  " + std::string(CliText("rel.no_mission", lang)) + "\n";
  return out;
}

}  // namespace kembar::report
