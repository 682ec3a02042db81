// Partner-finder latency: one query scores every place of the gazetteer (135k
// GeoNames places). Prints the gazetteer's load time and p50/p99 of 500 queries for
// random subjects (places of the worldwide network, with their partners excluded),
// in process.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "kembar/finder/finder.h"
#include "kembar/geo/gazetteer.h"
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
  std::mt19937 rng(7);
  std::vector<double> ms;
  kembar::geo::TimeZones zones;
  const auto& relations = kembar::geo::Relations::Bundled();
  (void)relations.StatusBetween("ID", "JP");  // parse the table outside the timing
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
    for (size_t p : g->neighbours(i)) s.tied_countries.insert(g->node(p).country);
    kembar::finder::Options o;
    o.top = 10;
    o.today = kembar::ParseDay("2026-01-15").value();
    const auto t = Clock::now();
    auto c = kembar::finder::FindPartners(places, s, {}, o, kembar::assess::DefaultPolicy().finder, relations, zones);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    offered += c.size();
  }
  std::sort(ms.begin(), ms.end());
  std::printf("{\"places\":%zu,\"load_ms\":%.1f,\"queries\":%zu,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"offered\":%zu}\n",
              places.size(), load_ms, ms.size(), ms[ms.size() / 2], ms[ms.size() * 99 / 100], offered);
  return 0;
}
