// Partner-finder latency: one query scores every place of the gazetteer (135k
// GeoNames places) with the learned ranking. Prints the gazetteer's load time and
// p50/p99 of 500 queries for random subjects (places of the worldwide network, with
// their partners excluded and their partners of partners counted), in process; then
// p50/p99 of 200 queries through the facade (Kembar::FindPartners, as the CLI and the
// server ask: the subject resolved by name, its network, its surroundings' ties, on a
// database holding the bundled dossier), after one warm-up query.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include <filesystem>
#include <string>

#include "kembar/finder/finder.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/kembar.h"
#include "kembar/network/graph.h"

int main() {
  using Clock = std::chrono::steady_clock;
  auto g = kembar::network::LoadTwinPairsCsv(kembar::network::BundledTwinPairsCsv());
  if (!g.ok()) return 1;
  const auto t0 = Clock::now();
  auto gaz = kembar::geo::Gazetteer::Parse(kembar::geo::Gazetteer::BundledTable());
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!gaz.ok() || gaz->empty()) return 1;
  std::vector<kembar::finder::Place> places;
  places.reserve(gaz->size());
  for (const auto& p : gaz->places()) {
    places.push_back({{}, p.name, p.country, p.lat, p.lon, p.population, p.timezone, p.port, p.capital, p.admin_seat});
  }
  // The network's places on the gazetteer (the most populous namesake in the country),
  // and the signals the ranking reads: degrees and ties between countries.
  std::vector<long> to_place(g->node_count(), -1);
  kembar::finder::NetworkSignals signals;
  signals.place_degree.assign(places.size(), 0);
  for (size_t i = 0; i < g->node_count(); ++i) {
    auto found = gaz->FindByName(g->node(i).name, g->node(i).country);
    if (found.empty()) continue;
    to_place[i] = static_cast<long>(found.front());
    signals.place_degree[found.front()] =
        std::max<uint32_t>(signals.place_degree[found.front()], g->degree(i));
  }
  for (const auto& e : g->edges()) {
    const std::string& a = g->node(e.a).country;
    const std::string& b = g->node(e.b).country;
    if (a != b && !a.empty() && !b.empty()) kembar::finder::CountTie(a, b, +1, &signals);
  }
  std::mt19937 rng(7);
  std::vector<double> ms;
  kembar::geo::TimeZones zones;
  const auto& relations = kembar::geo::Relations::Bundled();
  (void)relations.StatusBetween("ID", "JP");  // parse the table outside the timing
  (void)kembar::finder::ShareOfficialLanguage("ID", "JP");
  size_t offered = 0;
  for (int q = 0; q < 500; ++q) {
    const size_t i = rng() % g->node_count();
    if (!g->node(i).lat) continue;
    kembar::finder::Subject s;
    s.id = g->node(i).id;
    s.country = g->node(i).country;
    s.lat = *g->node(i).lat;
    s.lon = *g->node(i).lon;
    s.needs = {kembar::Field::kEnvironment};
    const auto t = Clock::now();
    // The subject's network is part of the query (the engine builds it per request).
    if (to_place[i] >= 0) s.excluded.insert(static_cast<size_t>(to_place[i]));
    for (size_t p : g->neighbours(i)) {
      s.tied_countries.insert(g->node(p).country);
      if (to_place[p] >= 0) s.excluded.insert(static_cast<size_t>(to_place[p]));
      const double w = 1.0 / std::log(std::max<double>(2.0, g->degree(p)));
      for (size_t two : g->neighbours(p)) {
        if (two == i || to_place[two] < 0) continue;
        ++s.common_partners[static_cast<size_t>(to_place[two])];
        s.adamic_adar[static_cast<size_t>(to_place[two])] += w;
      }
    }
    kembar::finder::Options o;
    o.top = 10;
    o.today = kembar::ParseDay("2026-01-15").value();
    auto c = kembar::finder::FindPartners(places, s, {}, o, kembar::assess::DefaultPolicy().finder,
                                          relations, zones, signals);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    offered += c.size();
  }
  std::sort(ms.begin(), ms.end());
  std::printf("{\"places\":%zu,\"load_ms\":%.1f,\"queries\":%zu,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"offered\":%zu}\n",
              places.size(), load_ms, ms.size(), ms[ms.size() / 2], ms[ms.size() * 99 / 100], offered);

  // Through the facade.
  const std::string db =
      (std::filesystem::temp_directory_path() / "kembar-finder-bench.db").string();
  std::filesystem::remove(db);
  kembar::KembarOptions ko;
  ko.db_path = db;
  auto k = kembar::Kembar::Open(ko);
  if (!k.ok()) return 1;
  kembar::ImportParams ip;
  ip.file = std::string(KEMBAR_SOURCE_DIR) + "/data/indonesia.dossier.json";
  ip.actor = {"local:bench", true};
  if (!(*k)->Import(ip).ok()) return 1;
  kembar::FindOptions fo;
  fo.today = kembar::ParseDay("2026-01-15").value();
  if (!(*k)->FindPartners("Semarang", fo).ok()) return 1;  // warm: world, view, grid
  std::vector<double> facade_ms;
  size_t failed = 0;
  for (int q = 0; q < 200; ++q) {
    const size_t i = rng() % g->node_count();
    const std::string name = g->node(i).name + ", " + g->node(i).country;
    const auto t = Clock::now();
    auto r = (*k)->FindPartners(name, fo);
    const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    if (!r.ok()) {
      ++failed;  // a name the resolver finds ambiguous or unknown
      continue;
    }
    facade_ms.push_back(elapsed);
  }
  k->reset();
  std::filesystem::remove(db);
  std::sort(facade_ms.begin(), facade_ms.end());
  if (facade_ms.empty()) return 1;
  std::printf("{\"facade_queries\":%zu,\"unresolved\":%zu,\"p50_ms\":%.2f,\"p99_ms\":%.2f}\n",
              facade_ms.size(), failed, facade_ms[facade_ms.size() / 2],
              facade_ms[facade_ms.size() * 99 / 100]);
  return 0;
}
