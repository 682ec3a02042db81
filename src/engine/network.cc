#include "engine/network.h"

#include <algorithm>
#include <cctype>
#include <future>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "engine/edit_distance.h"
#include "engine/place_grid.h"
#include "kembar/geo/countries.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/geo/geodesy.h"
#include "kembar/io/json_writer.h"
#include "kembar/kembar.h"

namespace kembar {

namespace engine {

namespace {

// The nearest of several gazetteer namesakes within 50 km of the node, else the most
// populous when the node has no coordinates; -1 when none is near.
long NearestOf(const network::NetNode& n, const std::vector<size_t>& found,
               const std::unordered_set<long>* taken) {
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  long best = -1;
  if (!n.lat || !n.lon) {
    for (size_t k : found) {  // most populous first
      if (!taken || !taken->count(static_cast<long>(k))) return static_cast<long>(k);
    }
    return -1;
  }
  double best_km = 50;
  for (size_t k : found) {
    if (taken && taken->count(static_cast<long>(k))) continue;
    const double km =
        geo::GeodesicDistanceMetres(*n.lat, *n.lon, gaz.at(k).lat, gaz.at(k).lon) / 1000;
    if (km < best_km) {
      best_km = km;
      best = static_cast<long>(k);
    }
  }
  return best;
}

// Whether a folded name names an area rather than a town ("county mayo", "mazyr
// district", "penang island"): such a name is never matched to a town nearby.
bool NamesAnArea(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "county",  "district", "region",     "province", "municipality", "prefecture",
      "oblast",  "raion",    "rayon",      "gmina",    "governorate",  "department",
      "canton",  "state",    "territory",  "borough",  "shire",        "island",
      "islands", "kommune",  "voivodeship"};
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    const std::string_view word = folded.substr(start, end - start);
    for (std::string_view w : kWords) {
      if (word == w) return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> NameVariants(std::string_view name) {
  std::vector<std::string> out;
  auto add = [&](std::string_view v) {
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.empty() || v == name) return;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.emplace_back(v);
  };
  // "Suzhou (Anhui)" -> "Suzhou": the part before a place in brackets; "Kętrzyn
  // (rural gmina)" and "Göttingen (district)" are other governments than the town.
  if (const size_t open = name.find(" (");
      open != std::string_view::npos && open + 2 < name.size() && name.back() == ')' &&
      std::isupper(static_cast<unsigned char>(name[open + 2]))) {
    add(name.substr(0, open));
  }
  // "Suzhou, Anhui", "Mansfield, Ohio" -> the part before the first comma.
  if (const size_t comma = name.find(','); comma != std::string_view::npos) {
    add(name.substr(0, comma));
  }
  // "Iloilo City", "City of Makati", "Le Mont-Dore": the name without them.
  const size_t direct = out.size();
  for (size_t k = 0; k <= direct; ++k) {
    const std::string base = k == direct ? std::string(name) : out[k];
    const std::string_view b = base;
    if (b.size() > 5 && b.ends_with(" City")) add(b.substr(0, b.size() - 5));
    if (b.size() > 8 && b.starts_with("City of ")) add(b.substr(8));
    for (std::string_view article : {"Le ", "La ", "Les ", "L'"}) {
      if (b.size() > article.size() + 2 && b.starts_with(article)) add(b.substr(article.size()));
    }
  }
  return out;
}

namespace {

// Step 1 of MatchNode: the name itself, a namesake nearby, else the most populous; -1
// when the gazetteer has no place of that name.
long MatchByName(const network::NetNode& n) {
  const std::vector<size_t> found = geo::Gazetteer::Bundled().Find(n.name, n.country);
  if (found.empty()) return -1;
  const long near = NearestOf(n, found, nullptr);
  return near >= 0 ? near : static_cast<long>(found.front());
}

// Steps 2 and 3 of MatchNode, for a node the gazetteer has no place of that name for.
long MatchByGuess(const network::NetNode& n, const std::unordered_set<long>* taken) {
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  // What follows guesses, so it needs the node's coordinates, and never takes a
  // place that another node holds by its own name ("Prague 8" is not Prague).
  if (!n.lat || !n.lon) return -1;
  // 2. A variant of the name ("Iloilo City" is Iloilo) within 50 km.
  for (const std::string& v : NameVariants(n.name)) {
    const long near = NearestOf(n, gaz.Find(v, n.country), taken);
    if (near >= 0) return near;
  }
  // 3. A place of similar name within 10 km: the name with a part, either way
  // ("Ichikawa" is "Ichikawa-minami", "Flörsheim am Main" is "Flörsheim"), else
  // another transliteration, one edit in four letters from the same first letter
  // ("Nuremberg" is "Nürnberg"; g and k, b and p, d and t, j and c may swap: "Gimhae" is
  // "Kimhae"), the nearest; a part before a spelling. Not for districts with a number
  // ("Prague 8") or areas ("County Mayo").
  const std::string key = gaz.Fold(n.name);
  if (key.size() < 4 || NamesAnArea(key) ||
      std::any_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return -1;
  }
  auto with_part = [](std::string_view longer, std::string_view shorter) {
    return longer.size() > shorter.size() + 1 && longer.starts_with(shorter) &&
           longer[shorter.size()] == ' ';
  };
  auto same_sound = [](char a, char b) {
    if (a == b) return true;
    static constexpr std::string_view kSwaps[] = {"gk", "bp", "dt", "jc"};
    for (std::string_view s : kSwaps) {
      if ((a == s[0] && b == s[1]) || (a == s[1] && b == s[0])) return true;
    }
    return false;
  };
  long best = -1;
  int best_tier = 3;  // 1: a part, 2: a spelling
  double best_km = 10;
  PlaceGrid::Bundled().Near(*n.lat, *n.lon, 10, [&](size_t k) {
    const geo::Place& p = gaz.at(k);
    if (p.country != n.country || p.key.empty() || (taken && taken->count(static_cast<long>(k)))) {
      return;
    }
    int tier = 3;
    if (with_part(p.key, key) || with_part(key, p.key)) {
      tier = 1;
    } else if (same_sound(key[0], p.key[0]) && EditDistance(key, p.key) <= key.size() / 4) {
      tier = 2;
    }
    if (tier == 3) return;
    const double km = finder::SphereKm(*n.lat, *n.lon, p.lat, p.lon);
    if (tier < best_tier || (tier == best_tier && km < best_km)) {
      best_tier = tier;
      best_km = km;
      best = static_cast<long>(k);
    }
  });
  return best;
}

}  // namespace

long MatchNode(const network::NetNode& n, const std::unordered_set<long>* taken) {
  const long by_name = MatchByName(n);  // 1. the name itself
  return by_name >= 0 ? by_name : MatchByGuess(n, taken);
}

}  // namespace engine

NetworkMatch MatchToGazetteer(const network::Graph& graph) {
  NetworkMatch m;
  m.gazetteer_index.assign(graph.node_count(), -1);
  // Names first, so that a guess never takes a place another node holds by name.
  std::unordered_set<long> taken;
  for (size_t i = 0; i < graph.node_count(); ++i) {
    m.gazetteer_index[i] = engine::MatchByName(graph.node(i));
    if (m.gazetteer_index[i] >= 0) taken.insert(m.gazetteer_index[i]);
  }
  for (size_t i = 0; i < graph.node_count(); ++i) {
    if (m.gazetteer_index[i] < 0) {
      m.gazetteer_index[i] = engine::MatchByGuess(graph.node(i), &taken);
      if (m.gazetteer_index[i] >= 0) m.guessed.push_back(i);
    }
    if (m.gazetteer_index[i] >= 0) {
      ++m.matched;
    } else {
      m.unmatched.push_back(i);
    }
  }
  return m;
}

namespace engine {

namespace {

// The prefix of every record a network import stores.
constexpr std::string_view kWikiPrefix = "wp:";

// The part of a region id that names it inside a tie's id: a stored "wp:JP:kochi"
// is "JP:kochi" there, so tie ids read "wp:ID:surabaya--JP:kochi", not "wp:wp:...".
std::string_view TieKey(std::string_view region_id) {
  return region_id.starts_with(kWikiPrefix) ? region_id.substr(kWikiPrefix.size()) : region_id;
}

// A graph together with the stored regions' nodes, scoped to a country when asked.
struct Scoped {
  std::shared_ptr<const network::Graph> graph;
  std::unordered_map<std::string, size_t> region_nodes;  // only for the whole graph
};

Result<Scoped> ScopedGraphOf(const WorldView& view, const NetworkScope& scope) {
  Scoped out;
  if (scope.country.empty()) {
    out.graph = view.graph;
    out.region_nodes = view.region_nodes;
    return out;
  }
  auto sub = network::CountrySubgraph(*view.graph, scope.country);
  if (!sub.ok()) return sub.status();
  out.graph = std::make_shared<const network::Graph>(std::move(sub).value());
  return out;
}

Result<Scoped> ScopedGraph(const Engine& engine, const NetworkScope& scope) {
  auto view = engine.view();
  if (!view.ok()) return view.status();
  return ScopedGraphOf(**view, scope);
}

Result<NetworkStatsReport> ComputeStatsOf(const WorldView& view, const NetworkStatsParams& params) {
  auto g = ScopedGraphOf(view, params.scope);
  if (!g.ok()) return g.status();
  network::StatsOptions o;
  o.sample_sources = params.sample_sources;
  if (!params.scope.country.empty()) o.focus_country = params.scope.country;
  NetworkStatsReport out;
  out.stats = network::ComputeStats(*g->graph, o);
  out.attribution = g->graph->attribution();
  return out;
}

}  // namespace

Result<network::Graph> WorldNetworkOf(const World& world, const Dossier& stored,
                                      std::unordered_map<std::string, size_t>* region_nodes) {
  const network::Graph& wiki = world.wikipedia;
  std::vector<network::NetNode> nodes = wiki.nodes();
  std::vector<network::NetEdge> edges;  // stored first: on a merge the first kind is kept
  std::unordered_map<std::string, size_t> by_region;  // region id -> node
  for (const Region& r : stored.regions) {
    // The region's name, or any of its names in other languages ("DKI Jakarta" is
    // Wikipedia's "Jakarta"), meets the Wikipedia place.
    std::optional<size_t> found = wiki.FindId(network::NodeKey(r.name, r.country));
    for (size_t i = 0; !found && i < r.names.size(); ++i) {
      found = wiki.FindId(network::NodeKey(r.names[i].second, r.country));
    }
    if (found) {
      by_region[r.id] = *found;
      continue;
    }
    by_region[r.id] = nodes.size();
    nodes.push_back({r.id, r.name, r.country, r.lat, r.lon});
  }
  for (const Partnership& p : stored.partnerships) {
    network::NetEdge e{
        by_region.at(p.home), by_region.at(p.partner), std::string(ToString(p.kind)), {}};
    for (const Event& ev : p.events) {
      if (ev.type() == EventType::kMouSigned && (!e.start_year || ev.date.year() < *e.start_year)) {
        e.start_year = ev.date.year();
      }
    }
    edges.push_back(std::move(e));
  }
  edges.insert(edges.end(), wiki.edges().begin(), wiki.edges().end());
  auto g = network::Graph::Build(std::move(nodes), std::move(edges), wiki.load_report());
  if (!g.ok()) return g.status();
  if (region_nodes) *region_nodes = std::move(by_region);
  g->set_attribution(wiki.attribution());
  return g;
}

Result<std::shared_ptr<const network::Graph>> WorldNetwork(
    const Engine& engine, std::unordered_map<std::string, size_t>* region_nodes) {
  auto view = engine.view();
  if (!view.ok()) return view.status();
  if (region_nodes) *region_nodes = (*view)->region_nodes;
  return (*view)->graph;
}

Result<NetworkStatsReport> NetworkStats(const Engine& engine, const NetworkStatsParams& params) {
  auto view = engine.view();
  if (!view.ok()) return view.status();
  WorldView::StatsMemo& memo = *(*view)->stats_memo;
  const auto key = std::make_pair(params.scope.country, params.sample_sources);
  std::promise<Result<NetworkStatsReport>> promise;
  std::shared_future<Result<NetworkStatsReport>> ready;
  {
    std::lock_guard<std::mutex> lock(memo.mu);
    if (auto it = memo.entries.find(key); it != memo.entries.end()) {
      ready = it->second;
    } else if (memo.entries.size() < WorldView::StatsMemo::kMaxEntries) {
      // The first caller computes; the others wait for its answer instead of
      // computing the same seconds-long statistics beside it.
      memo.entries.emplace(key, promise.get_future().share());
      ++memo.computed;
    } else {
      ++memo.computed;
      return ComputeStatsOf(**view, params);
    }
  }
  if (ready.valid()) return ready.get();
  Result<NetworkStatsReport> out = ComputeStatsOf(**view, params);
  if (!out.ok()) {
    // An unknown country is the caller's mistake: not kept, so the memo holds only
    // scopes that exist.
    std::lock_guard<std::mutex> lock(memo.mu);
    memo.entries.erase(key);
  }
  promise.set_value(out);
  return out;
}

uint64_t NetworkStatsComputed(const Engine& engine) {
  auto view = engine.view();
  if (!view.ok()) return 0;
  std::lock_guard<std::mutex> lock((*view)->stats_memo->mu);
  return (*view)->stats_memo->computed;
}

namespace {

// "Kochi, JP" (a gazetteer's spelling) for the network's "Kōchi": the place of that
// country whose name is the same without case and accents (geo::FoldPlaceName), when
// exactly one is.
std::optional<size_t> FindNodeIgnoringAccents(const network::Graph& graph, std::string_view query) {
  const size_t comma = query.rfind(',');
  if (comma == std::string_view::npos) return std::nullopt;
  std::string_view cc = query.substr(comma + 1);
  while (!cc.empty() && cc.front() == ' ') cc.remove_prefix(1);
  while (!cc.empty() && cc.back() == ' ') cc.remove_suffix(1);
  auto iso = geo::ResolveCountry(cc);
  if (!iso.ok()) return std::nullopt;
  const std::string wanted = geo::FoldPlaceName(query.substr(0, comma));
  std::optional<size_t> found;
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const network::NetNode& n = graph.node(i);
    if (n.country != *iso || geo::FoldPlaceName(n.name) != wanted) continue;
    if (found) return std::nullopt;  // two places: the caller must choose
    found = i;
  }
  return found;
}

}  // namespace

Result<EgoReport> NetworkEgo(const Engine& engine, const EgoParams& params) {
  auto g = ScopedGraph(engine, params.scope);
  if (!g.ok()) return g.status();
  const network::Graph& graph = *g->graph;
  // A stored region id, a node id, or a name.
  Result<size_t> node = Status::NotFound("no place '" + params.place + "' in the network");
  if (auto it = g->region_nodes.find(params.place); it != g->region_nodes.end()) {
    node = it->second;
  } else if (auto id = graph.FindId(params.place)) {
    node = *id;
  } else {
    node = network::FindNode(graph, params.place);
    if (!node.ok() && node.status().code() == StatusCode::kNotFound) {
      if (auto i = FindNodeIgnoringAccents(graph, params.place)) node = *i;
    }
  }
  if (!node.ok()) return node.status();
  auto ego = network::Ego(graph, *node, params.depth);
  if (!ego.ok()) return ego.status();
  EgoReport out;
  out.graph = g->graph;
  out.ego = std::move(ego).value();
  return out;
}

Result<std::shared_ptr<const network::Graph>> NetworkGraph(const Engine& engine,
                                                           const NetworkScope& scope) {
  auto g = ScopedGraph(engine, scope);
  if (!g.ok()) return g.status();
  return g->graph;
}

Result<MatchReport> NetworkMatchReport(const Engine& engine, const MatchParams& params) {
  auto graph = NetworkGraph(engine, params.scope);
  if (!graph.ok()) return graph.status();
  const network::Graph& g = **graph;
  const NetworkMatch m = MatchToGazetteer(g);
  MatchReport out;
  out.places = g.node_count();
  out.matched = m.matched;
  out.unmatched.reserve(m.unmatched.size());
  for (size_t i : m.unmatched) {
    out.unmatched.push_back(g.node(i).name + ", " + g.node(i).country);
  }
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  for (size_t i : m.guessed) {
    out.guessed.emplace_back(g.node(i).name + ", " + g.node(i).country,
                             std::string(gaz.at(static_cast<size_t>(m.gazetteer_index[i])).name));
  }
  return out;
}

Result<store::ImportStats> ImportWorldNetwork(const Engine& engine,
                                              const NetworkImportParams& params) {
  auto world = engine.world();
  if (!world.ok()) return world.status();
  auto stored = engine.store().Export({});
  if (!stored.ok()) return stored.status();
  if (params.remove) {
    // What an earlier import stored: its ties, and its places that no partnership of
    // the user's own names any more.
    std::vector<std::string> ties, places;
    std::unordered_set<std::string> still_named;
    for (const Partnership& p : stored->partnerships) {
      if (p.id.starts_with(kWikiPrefix)) {
        ties.push_back(p.id);
      } else {
        still_named.insert(p.home);
        still_named.insert(p.partner);
      }
    }
    for (const Region& r : stored->regions) {
      if (r.id.starts_with(kWikiPrefix) && !still_named.count(r.id)) places.push_back(r.id);
    }
    store::ChangeRecord change;
    change.actor = params.actor.name;
    change.address = params.actor.address;
    change.action = "network.remove";
    change.record = "worldwide network";
    change.summary = "removed the worldwide network: " + std::to_string(ties.size()) + " ties, " +
                     std::to_string(places.size()) + " places";
    change.partnerships = ties;
    return engine.store().DeleteRecords(ties, places, change);
  }
  const network::Graph& g = (*world)->wikipedia;
  const NetworkMatch& match = (*world)->wikipedia_match;
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();

  // Node -> region id: a stored region of the same name (any of its names) and country,
  // else a new "wp:" id from the folded name.
  std::vector<std::string> region_of(g.node_count());
  std::unordered_map<std::string, std::string> stored_key;  // NodeKey -> region id
  for (const Region& r : stored->regions) {
    stored_key.emplace(network::NodeKey(r.name, r.country), r.id);
    for (const auto& [lang, name] : r.names) {
      stored_key.emplace(network::NodeKey(name, r.country), r.id);
    }
  }
  std::unordered_set<std::string> used;
  for (const Region& r : stored->regions) used.insert(r.id);
  Dossier d;
  std::vector<size_t> node_of;  // d.regions[i] is the place of node node_of[i]
  for (size_t i = 0; i < g.node_count(); ++i) {
    const network::NetNode& n = g.node(i);
    if (auto it = stored_key.find(n.id); it != stored_key.end()) {
      region_of[i] = it->second;
      continue;
    }
    std::string slug = geo::FoldPlaceName(n.name);
    std::replace(slug.begin(), slug.end(), ' ', '-');
    if (slug.empty()) slug = "place-" + std::to_string(i);
    std::string id = std::string(kWikiPrefix) + n.country + ":" + slug;
    for (int k = 2; used.count(id); ++k) {
      id = std::string(kWikiPrefix) + n.country + ":" + slug + "-" + std::to_string(k);
    }
    used.insert(id);
    region_of[i] = id;
    Region r;
    r.id = id;
    r.name = n.name;
    r.country = n.country;
    r.level = Level::kCity;
    r.lat = n.lat;
    r.lon = n.lon;
    if (const long gi = match.gazetteer_index[i]; gi >= 0) {
      const geo::GazPlace& gp = gaz.at(static_cast<size_t>(gi));
      if (!gp.timezone.empty()) r.timezone = std::string(gp.timezone);
      if (gp.population > 0) r.population = gp.population;
      if (gp.idn_level == "province") r.level = Level::kProvince;
      r.extra.emplace_back("geonames_id", std::to_string(gp.geonames_id));
    }
    r.extra.emplace_back("source", "\"Wikipedia\"");
    d.regions.push_back(std::move(r));
    node_of.push_back(i);
  }
  // Indonesian places get their province as parent (from the gazetteer's
  // idn-area-data), so that `status --by province` counts them there: a stored
  // province of that name, else one made here.
  std::unordered_map<std::string, std::string> province_ids;  // folded name -> region id
  for (const Region& r : stored->regions) {
    if (r.country == "ID" && r.level == Level::kProvince) {
      province_ids.emplace(geo::FoldPlaceName(r.name), r.id);
      for (const auto& [lang, name] : r.names) province_ids.emplace(geo::FoldPlaceName(name), r.id);
    }
  }
  for (const Region& r : d.regions) {
    if (r.country == "ID" && r.level == Level::kProvince) {
      province_ids.emplace(geo::FoldPlaceName(r.name), r.id);
    }
  }
  std::vector<Region> provinces;
  for (size_t i = 0, n = d.regions.size(); i < n; ++i) {
    Region& r = d.regions[i];
    const long gi = match.gazetteer_index[node_of[i]];
    if (r.country != "ID" || r.level == Level::kProvince || gi < 0) continue;
    const geo::GazPlace& gp = gaz.at(static_cast<size_t>(gi));
    if (gp.idn_province.empty()) continue;
    const std::string key = geo::FoldPlaceName(gp.idn_province);
    auto it = province_ids.find(key);
    if (it == province_ids.end()) {
      std::string slug = key;
      std::replace(slug.begin(), slug.end(), ' ', '-');
      std::string id = std::string(kWikiPrefix) + "ID:" + slug;
      for (int k = 2; used.count(id); ++k)
        id = std::string(kWikiPrefix) + "ID:" + slug + "-" + std::to_string(k);
      used.insert(id);
      Region p;
      p.id = id;
      p.name = std::string(gp.idn_province);
      p.country = "ID";
      p.level = Level::kProvince;
      p.extra.emplace_back("source", "\"gazetteer (idn-area-data)\"");
      provinces.push_back(std::move(p));
      it = province_ids.emplace(key, id).first;
    }
    r.parent = it->second;
  }
  for (Region& p : provinces) d.regions.push_back(std::move(p));
  // Ties already stored (in either direction) are left as they are.
  std::unordered_set<std::string> stored_pairs;
  for (const Partnership& p : stored->partnerships) {
    stored_pairs.insert(std::min(p.home, p.partner) + "|" + std::max(p.home, p.partner));
  }
  for (const network::NetEdge& e : g.edges()) {
    const std::string &a = region_of[e.a], &b = region_of[e.b];
    if (a == b || !stored_pairs.insert(std::min(a, b) + "|" + std::max(a, b)).second) continue;
    // Indonesian places keep the record when they are a party.
    const bool swap = g.node(e.b).country == "ID" && g.node(e.a).country != "ID";
    Partnership p;
    p.home = swap ? b : a;
    p.partner = swap ? a : b;
    p.id = std::string(kWikiPrefix) + std::string(TieKey(p.home)) + "--" +
           std::string(TieKey(p.partner));
    p.kind = PartnershipKind::kSisterCity;
    p.extra.emplace_back("source", "\"Wikipedia\"");
    d.partnerships.push_back(std::move(p));
  }
  // The licence line travels with the records; one the user's documents already
  // carry is kept, and the network's added to it, never replaced.
  std::string line = g.attribution();
  for (const auto& [key, value] : stored->extra) {
    if (key != "attribution") continue;
    const nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
    if (!parsed.is_string()) continue;
    const std::string current = parsed.get<std::string>();
    if (current.find(line) == std::string::npos)
      line = current + "; " + line;
    else
      line.clear();  // already there: leave the member as it is
  }
  if (!line.empty()) {
    std::string attribution;
    io::JsonWriter::AppendQuoted(line, &attribution);
    d.extra.emplace_back("attribution", attribution);
  }
  store::ImportRequest req;
  req.dossier = &d;
  req.source_name = "worldwide network (Wikipedia pairs, compiled in)";
  req.progress = params.progress;
  store::ChangeRecord change;
  change.actor = params.actor.name;
  change.address = params.actor.address;
  change.action = "network.import";
  change.record = "worldwide network";
  change.summary =
      "stored the worldwide network (Wikipedia pairs): " + std::to_string(d.regions.size()) +
      " places, " + std::to_string(d.partnerships.size()) + " ties";
  for (const Partnership& p : d.partnerships) change.partnerships.push_back(p.id);
  req.change = std::move(change);
  return engine.store().Import(req);
}

}  // namespace engine
}  // namespace kembar
