// Partner-finder latency: one query scores every place of the worldwide network
// (the 17k Wikipedia places; the GeoNames gazetteer of 135k places is the next
// step). Prints the load time of the places and p50/p99 of 500 queries for random
// subjects, in process.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "kembar/finder/finder.h"
#include "kembar/network/graph.h"

int main() {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto g = kembar::network::LoadTwinPairsCsv(kembar::network::BundledTwinPairsCsv());
  if (!g.ok()) return 1;
  std::vector<kembar::finder::Place> places;
  places.reserve(g->node_count());
  for (const auto& n : g->nodes()) {
    places.push_back({n.id, n.name, n.country, n.lat.value_or(0), n.lon.value_or(0), 0, {}, false, false, false});
  }
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  std::mt19937 rng(7);
  std::vector<double> ms;
  kembar::geo::TimeZones zones;
  const auto& relations = kembar::geo::Relations::Bundled();
  (void)relations.StatusBetween("ID", "JP");  // parse the table outside the timing
  size_t offered = 0;
  for (int q = 0; q < 500; ++q) {
    const size_t i = rng() % places.size();
    if (!g->node(i).lat) continue;
    kembar::finder::Subject s;
    s.id = g->node(i).id;
    s.country = g->node(i).country;
    s.lat = *g->node(i).lat;
    s.lon = *g->node(i).lon;
    s.needs = {kembar::Field::kEnvironment};
    s.excluded.insert(i);
    for (size_t p : g->neighbours(i)) {
      s.excluded.insert(p);
      s.tied_countries.insert(g->node(p).country);
      for (size_t two : g->neighbours(p)) s.partners_of_partners.insert(two);
    }
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
