#include "engine/finder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>

#include "engine/network.h"
#include "engine/place_grid.h"
#include "engine/subject.h"
#include "kembar/geo/countries.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/geo/time_zones.h"
#include "kembar/kembar.h"

namespace kembar::engine {

namespace {

// `a` with the fields of `b` it lacks appended.
std::vector<Field> Union(std::vector<Field> a, const std::optional<std::vector<Field>>& b) {
  if (!b) return a;
  for (Field f : *b) {
    if (std::find(a.begin(), a.end(), f) == a.end()) a.push_back(f);
  }
  return a;
}

}  // namespace

std::vector<Field> Seeks(const Region& r) {
  return Union(r.profile ? r.profile->seeks.value_or(std::vector<Field>{}) : std::vector<Field>{},
               r.needs);
}

std::vector<Field> Offers(const Region& r) {
  return Union(r.profile ? r.profile->offers.value_or(std::vector<Field>{}) : std::vector<Field>{},
               r.strengths);
}

std::vector<long> NodePlaces(const World& world, const network::Graph& g) {
  std::vector<long> to_place(g.node_count(), -1);
  const network::Graph& wiki = world.wikipedia;
  const std::vector<long>& wiki_match = world.wikipedia_match.gazetteer_index;
  for (size_t i = 0; i < g.node_count(); ++i) {
    const bool same = i < wiki.node_count() && wiki.node(i).id == g.node(i).id;
    to_place[i] = same ? wiki_match[i] : MatchNode(g.node(i));
  }
  return to_place;
}

std::vector<finder::Place> GazetteerPlaces() {
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  std::vector<finder::Place> places;
  places.reserve(gaz.size());
  for (const geo::GazPlace& gp : gaz.places()) {
    finder::Place p;
    p.name = gp.name;
    p.key = gp.key;
    p.country = gp.country;
    p.lat = gp.lat;
    p.lon = gp.lon;
    p.population = gp.population;
    p.timezone = gp.timezone;
    p.port = gp.port;
    p.capital = gp.capital;
    p.admin_seat = gp.admin_seat || gp.idn_level == "province";
    places.push_back(p);
  }
  return places;
}

void AddAreaTies(const network::Graph& g, const std::vector<long>& node_places,
                 const std::vector<finder::Place>& places, double radius_km, long self_node,
                 long self_place, finder::Subject* subject) {
  const PlaceGrid& grid = PlaceGrid::Bundled();
  if (grid.size() == 0 || grid.size() != places.size()) return;  // not the gazetteer's places
  if (!std::isfinite(subject->lat) || !std::isfinite(subject->lon)) return;
  const double lat_span = radius_km / 111.0;
  for (size_t x = 0; x < g.node_count(); ++x) {
    const long px = node_places[x];
    if (px < 0 || px == self_place || static_cast<long>(x) == self_node) continue;
    const finder::Place& near = places[static_cast<size_t>(px)];
    if (std::abs(near.lat - subject->lat) > lat_span ||
        finder::SphereKm(subject->lat, subject->lon, near.lat, near.lon) > radius_km) {
      continue;
    }
    for (size_t y : g.neighbours(x)) {
      const long py = node_places[y];
      if (py < 0 || static_cast<long>(y) == self_node) continue;
      const finder::Place& there = places[static_cast<size_t>(py)];
      grid.Near(there.lat, there.lon, radius_km, [&](size_t p) {
        if (static_cast<long>(p) != self_place) ++subject->area_ties[p];
      });
    }
  }
}

finder::NetworkSignals SignalsOf(const network::Graph& g, const std::vector<long>& node_places,
                                 size_t place_count) {
  finder::NetworkSignals s;
  s.place_degree.assign(place_count, 0);
  for (size_t i = 0; i < g.node_count(); ++i) {
    const long p = node_places[i];
    if (p < 0) continue;
    // Two nodes may meet one place (spellings): the better known one counts.
    uint32_t& d = s.place_degree[static_cast<size_t>(p)];
    d = std::max(d, static_cast<uint32_t>(g.degree(i)));
  }
  for (const network::NetEdge& e : g.edges()) {
    const std::string& a = g.node(e.a).country;
    const std::string& b = g.node(e.b).country;
    if (a == b || a.empty() || b.empty()) continue;
    finder::CountTie(a, b, +1, &s);
  }
  return s;
}

void AddNetworkOf(const network::Graph& g, const std::vector<long>& node_places, size_t node,
                  finder::Subject* subject) {
  if (const long self = node_places[node]; self >= 0) {
    subject->excluded.insert(static_cast<size_t>(self));
  }
  subject->degree = static_cast<uint32_t>(g.degree(node));
  for (size_t partner : g.neighbours(node)) {
    if (const long pp = node_places[partner]; pp >= 0) {
      subject->excluded.insert(static_cast<size_t>(pp));
    }
    subject->tied_countries.insert(g.node(partner).country);
    // A partner with many ties says less about each of them (Adamic-Adar).
    const double weight = 1.0 / std::log(std::max<double>(2.0, g.degree(partner)));
    for (size_t two : g.neighbours(partner)) {
      if (two == node) continue;
      const long tp = node_places[two];
      if (tp < 0) continue;
      subject->partners_of_partners.insert(static_cast<size_t>(tp));
      ++subject->common_partners[static_cast<size_t>(tp)];
      subject->adamic_adar[static_cast<size_t>(tp)] += weight;
    }
  }
}

namespace {

Result<FindReport> FindPartnersNamed(const Engine& engine, const std::string& region,
                                     const FindOptions& options) {
  auto world_context = engine.world();
  if (!world_context.ok()) return world_context.status();
  auto view = engine.view();
  if (!view.ok()) return view.status();
  const Dossier* stored = (*view)->stored.get();
  const std::unordered_map<std::string, size_t>& region_nodes = (*view)->region_nodes;
  FindReport report;
  report.graph = (*view)->graph;
  const network::Graph& g = *report.graph;
  const assess::Policy& policy = options.policy ? *options.policy : assess::DefaultPolicy();

  // The region: a stored region id, else a place of the network by name (any of a
  // stored region's names counts, so "Jawa Timur" and "East Java" both work), else
  // any gazetteer place or Indonesian province: a city looking for its first partner
  // is the finder's main case.
  std::optional<size_t> node;
  const Region* profile = nullptr;
  if (auto it = region_nodes.find(region); it != region_nodes.end()) node = it->second;
  // Names compare as the gazetteer does: case and accents aside ("Kōchi" = "kochi").
  const std::string wanted = geo::FoldPlaceName(region);
  for (const Region& r : stored->regions) {
    bool match = r.id == region || geo::FoldPlaceName(r.name) == wanted;
    for (const auto& [lang, name] : r.names) match = match || geo::FoldPlaceName(name) == wanted;
    if (match && region_nodes.count(r.id)) {
      profile = &r;
      node = region_nodes.at(r.id);
      break;
    }
  }
  std::optional<PlaceSubject> place;  // where the subject is, when the network lacks it
  if (!node) {
    auto found = network::FindNode(g, region);
    if (found.ok()) {
      node = *found;
    } else if (found.status().code() != StatusCode::kNotFound) {
      return found.status();  // an ambiguous name lists its candidates
    } else if (auto province = ProvinceSubject(region)) {
      place = std::move(province);
    } else {
      auto gazetteer_place = GazetteerSubject(region);
      if (!gazetteer_place.ok()) return gazetteer_place.status();
      place = std::move(gazetteer_place).value();
    }
  }
  if (node && !profile) {
    for (const Region& r : stored->regions) {
      if (region_nodes.count(r.id) && region_nodes.at(r.id) == *node) profile = &r;
    }
  }
  if (node && (!g.node(*node).lat || !g.node(*node).lon)) {
    // A stored province without coordinates is measured from its capital; a stored city
    // or regency is placed where the gazetteer has it ("Kota Surakarta" at Surakarta):
    // a new record is often made without coordinates.
    const network::NetNode& self = g.node(*node);
    std::vector<std::string> names = {self.name};
    for (size_t i = 0; profile && i < profile->names.size(); ++i) {
      names.push_back(profile->names[i].second);
    }
    auto as_province = [&] {
      std::optional<PlaceSubject> found;
      for (size_t i = 0; !found && i < names.size(); ++i) found = ProvinceSubject(names[i]);
      return found;
    };
    auto as_local = [&] {
      std::optional<PlaceSubject> found;
      for (size_t i = 0; !found && i < names.size(); ++i) {
        found = LocalGovernmentPlace(names[i], self.country);
      }
      return found;
    };
    const bool is_province = !profile || profile->level == Level::kProvince;
    std::optional<PlaceSubject> located = is_province ? as_province() : as_local();
    if (!located) located = is_province ? as_local() : as_province();
    if (!located) {
      const std::string& name = g.node(*node).name;
      return Status::InvalidInput(
          "'" + name + "' has no coordinates to measure distances from; record its lat and lon",
          "'" + name + "' tidak memiliki koordinat untuk mengukur jarak; catat lat dan lon-nya");
    }
    place = std::move(located);
  }

  finder::Subject subject;
  if (node) {
    const network::NetNode& self = g.node(*node);
    report.region_id = profile ? profile->id : self.id;
    report.region_name = self.name;
    subject.country = self.country;
    if (self.lat && self.lon) {
      subject.lat = *self.lat;
      subject.lon = *self.lon;
    }
  } else {
    report.region_id = place->id;
    report.region_name = place->name;
    subject.country = place->country;
  }
  if (place) ApplyPlace(*place, &subject);  // the profile's level, if any, comes below
  subject.id = report.region_id;
  subject.name = report.region_name;
  if (profile) {
    subject.level = profile->level;
    if (profile->timezone) subject.timezone = *profile->timezone;
    if (profile->population) subject.population = static_cast<uint32_t>(*profile->population);
    if (profile->characteristics) subject.characteristics = *profile->characteristics;
    // What it seeks and offers: its partner-wanted profile with its needs and strengths.
    subject.needs = Seeks(*profile);
    subject.offers = Offers(*profile);
  }
  // Places: the gazetteer (135k places with population, port, time zone) when the
  // build could make it, else the places of the network. `to_place` maps a network
  // node to its place (-1: none).
  std::unordered_map<std::string, const Region*> stored_by_node;
  for (const Region& r : stored->regions) {
    if (auto it = region_nodes.find(r.id); it != region_nodes.end()) {
      stored_by_node[g.node(it->second).id] = &r;
    }
  }
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  std::vector<long> to_place(g.node_count(), -1);
  finder::NetworkSignals signals;
  if (!gaz.empty()) {
    // A place of the network that the gazetteer lacks cannot be offered; one it has
    // is offered under its gazetteer name.
    to_place = NodePlaces(**world_context, g);
    report.places = GazetteerPlaces();
    signals = SignalsOf(g, to_place, report.places.size());
  } else {
    report.places.reserve(g.node_count());
    for (size_t i = 0; i < g.node_count(); ++i) {
      const network::NetNode& n = g.node(i);
      finder::Place p;
      p.id = n.id;
      p.name = n.name;
      p.country = n.country;
      p.lat = n.lat.value_or(0);
      p.lon = n.lon.value_or(0);
      if (auto it = stored_by_node.find(n.id); it != stored_by_node.end()) {
        const Region& r = *it->second;
        if (r.timezone) p.timezone = *r.timezone;
        p.population = static_cast<uint32_t>(r.population.value_or(0));
        p.port = r.characteristics &&
                 std::find(r.characteristics->begin(), r.characteristics->end(), "port") !=
                     r.characteristics->end();
        p.admin_seat = r.level == Level::kProvince;
      }
      report.places.push_back(p);
      to_place[i] = n.lat && n.lon ? static_cast<long>(i) : -1;
      if (to_place[i] < 0) subject.excluded.insert(i);  // nothing to measure
    }
    signals = SignalsOf(g, to_place, report.places.size());
  }
  auto place_of = [&](size_t node_index) { return to_place[node_index]; };
  if (const long self_place = node ? place_of(*node) : -1; self_place >= 0) {
    const finder::Place& sp = report.places[static_cast<size_t>(self_place)];
    if (subject.population == 0) subject.population = sp.population;
    subject.port = subject.port || sp.port;
    subject.capital = subject.capital || sp.capital;
    if (subject.timezone.empty()) subject.timezone = std::string(sp.timezone);
  }
  if (node) {
    AddNetworkOf(g, to_place, *node, &subject);
  } else if (place && place->level != Level::kProvince && place->gazetteer_index >= 0) {
    // A gazetteer place the network knows under another spelling keeps its partners.
    for (size_t i = 0; i < g.node_count(); ++i) {
      if (to_place[i] == place->gazetteer_index) {
        AddNetworkOf(g, to_place, i, &subject);
        break;
      }
    }
  }
  // Known strengths: the fields of stored partnerships (both parties worked in them)
  // and the stored profiles.
  finder::KnownStrengths strengths;
  auto add_fields = [&](const std::string& region_id, const std::vector<Field>& fields) {
    auto it = region_nodes.find(region_id);
    if (it == region_nodes.end() || place_of(it->second) < 0) return;
    for (Field f : fields) {
      strengths[static_cast<size_t>(place_of(it->second))] |= uint32_t{1}
                                                              << static_cast<uint32_t>(f);
    }
  };
  finder::Options o;
  for (const Region& r : stored->regions) {
    add_fields(r.id, Offers(r));
    // What it seeks, for the other direction (what the subject offers that it seeks).
    auto it = region_nodes.find(r.id);
    if (it == region_nodes.end() || place_of(it->second) < 0) continue;
    for (Field f : Seeks(r)) {
      o.seeks[static_cast<size_t>(place_of(it->second))] |= uint32_t{1} << static_cast<uint32_t>(f);
    }
  }
  for (const Partnership& p : stored->partnerships) {
    std::vector<Field> fields = p.fields.value_or(std::vector<Field>{});
    for (const Event& e : p.events) {
      if (const auto* m = std::get_if<MouSigned>(&e.details); m && m->fields) {
        fields.insert(fields.end(), m->fields->begin(), m->fields->end());
      }
    }
    add_fields(p.home, fields);
    add_fields(p.partner, fields);
  }
  o.needs = options.needs;
  o.level = options.level;
  o.top = options.top;
  o.today = options.today;
  if (!options.country.empty()) {
    auto iso = geo::ResolveCountry(options.country);
    if (!iso.ok()) return iso.status();
    o.country = *iso;
  }
  geo::TimeZones zones;
  if (!o.needs.empty() || !subject.needs.empty()) {
    const std::vector<Field>& needs = !o.needs.empty() ? o.needs : subject.needs;
    uint32_t bits = 0;
    for (Field f : needs) bits |= uint32_t{1} << static_cast<uint32_t>(f);
    // Unscored when no place the finder may offer (its country, exclusions, filters,
    // relations) has a known strength meeting a need.
    const geo::Relations& relations = geo::Relations::Bundled();
    report.needs_unscored = std::none_of(strengths.begin(), strengths.end(), [&](const auto& kv) {
      const finder::Place& p = report.places[kv.first];
      return (kv.second & bits) != 0 &&
             finder::Eligible(p, kv.first, subject, o, policy.finder, signals) &&
             relations.StatusBetween(subject.country, p.country) != geo::RelationStatus::kNone;
    });
  }
  if (!gaz.empty()) {
    const long self_node = node ? static_cast<long>(*node) : -1;
    const long self_place = node ? place_of(*node) : (place ? place->gazetteer_index : -1);
    // Its name as the gazetteer folds it (namesakes): its place's, else the name asked.
    subject.name_key = self_place >= 0
                           ? std::string(report.places[static_cast<size_t>(self_place)].key)
                           : geo::FoldPlaceName(subject.name);
    AddAreaTies(g, to_place, report.places, policy.finder.area_radius_km, self_node, self_place,
                &subject);
  }
  report.candidates = finder::FindPartners(report.places, subject, strengths, o, policy.finder,
                                           geo::Relations::Bundled(), zones, signals);
  return report;
}

// Whether a regency of this name is known: a stored one, or a gazetteer place that
// idn-area-data names as a regency's ("Banyuwangi", "Sleman").
bool IsKnownRegency(const Dossier& stored, std::string_view name) {
  const std::string wanted = geo::FoldPlaceName(name);
  for (const Region& r : stored.regions) {
    if (r.level != Level::kRegency) continue;
    bool match = geo::FoldPlaceName(r.name) == wanted;
    for (const auto& [lang, other] : r.names) match = match || geo::FoldPlaceName(other) == wanted;
    if (match) return true;
  }
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  for (size_t i : gaz.Find(name, "ID")) {
    if (gaz.at(i).idn_level == "regency") return true;
  }
  return false;
}

}  // namespace

Result<FindReport> FindPartners(const Engine& engine, const std::string& region,
                                const FindOptions& options) {
  auto found = FindPartnersNamed(engine, region, options);
  if (found.ok() || found.status().code() != StatusCode::kNotFound) return found;
  // "Kota Surakarta", "Kabupaten Banyuwangi", "Provinsi Jawa Tengah": the name without
  // its kind, as long as it names a place of that kind.
  const std::optional<AdminName> admin = StripAdminKind(region);
  if (!admin) return found;
  if (admin->level == Level::kProvince && !ProvinceSubject(admin->bare)) return found;
  if (admin->level == Level::kRegency) {
    auto view = engine.view();
    if (!view.ok()) return view.status();
    if (!IsKnownRegency(*(*view)->stored, admin->bare)) {
      // Kabupaten Semarang is not Kota Semarang: never the city of the same name.
      return Status::NotFound(
          "no regency '" + admin->bare +
              "' is known (a city of that name is another "
              "government); name the regency's seat instead, e.g. its capital town",
          "tidak ada kabupaten '" + admin->bare +
              "' yang dikenal (kota dengan nama itu "
              "adalah pemerintahan lain); sebut ibu kota kabupatennya");
    }
  }
  return FindPartnersNamed(engine, admin->bare, options);
}

}  // namespace kembar::engine
