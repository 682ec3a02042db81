#include "kembar/kembar.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "engine/records.h"
#include "engine/search.h"
#include "kembar/geo/countries.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/geo/geodesy.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/io/json_writer.h"
#include "kembar/store/sqlite_store.h"

namespace kembar {

namespace {

// Region ids neither the document nor the store defines are errors.
void RejectExternalRefs(io::ReadReport* report) {
  for (const io::ExternalRegionRef& ref : report->external_refs) {
    report->errors.push_back({io::Diagnostic::Kind::kSemantic, ref.path,
                              "region '" + ref.id + "' is not defined in the document's regions"});
  }
  report->external_refs.clear();
}

}  // namespace

Kembar::Kembar(KembarOptions options, std::unique_ptr<store::Store> store)
    : options_(std::move(options)), store_(std::move(store)) {}

Result<std::unique_ptr<Kembar>> Kembar::Open(const KembarOptions& options) {
  auto store = store::OpenSqliteStore(options.db_path);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Kembar>(new Kembar(options, std::move(store).value()));
}

io::ReadReport Kembar::ValidateStandalone(const std::string& file, const io::ReadOptions& options) {
  io::ReadOptions self_contained = options;
  self_contained.allow_external_refs = false;
  io::DossierReader reader(self_contained);
  return reader.ReadFile(file, nullptr);
}

io::ReadReport Kembar::Validate(const std::string& file) {
  io::DossierReader reader(options_.read);
  io::ReadReport report = reader.ReadFile(file, nullptr);
  if (!report.external_refs.empty()) {
    std::vector<std::string> ids;
    for (const auto& ref : report.external_refs) ids.push_back(ref.id);
    auto known = store_->KnownRegions(ids);
    if (!known.ok()) {
      report.errors.push_back({io::Diagnostic::Kind::kSemantic, "", known.status().message()});
      return report;
    }
    std::erase_if(report.external_refs, [&](const io::ExternalRegionRef& ref) {
      return std::find(known->begin(), known->end(), ref.id) != known->end();
    });
    RejectExternalRefs(&report);
  }
  return report;
}

Result<store::ImportStats> Kembar::ImportFile(const std::string& file,
                                              const store::ProgressFn& progress) {
  ImportParams params;
  params.file = file;
  params.mode = ImportMode::kReplace;
  params.progress = progress;
  params.actor.name = "local";
  params.actor.local_operator = true;
  return Import(params);
}

Result<store::ImportStats> Kembar::Import(const ImportParams& params) {
  return engine::Import(*store_, options_.read, params);
}

Result<EditResult> Kembar::EditEvent(const EventEdit& edit) {
  return engine::EditEvent(*store_, options_.read, edit);
}

Result<EditResult> Kembar::Delete(const DeleteParams& params) {
  return engine::DeleteRecord(*store_, params);
}

Result<std::vector<store::ChangeRecord>> Kembar::History(const std::string& id) {
  return store_->History(id);
}

Status Kembar::VerifyChangeLog() { return store_->VerifyChangeLog(); }

Result<SearchResult> Kembar::Search(const SearchParams& params) { return engine::Search(*store_, params); }

Result<std::string> Kembar::ResolveRegion(const std::string& id_or_name) {
  return engine::ResolveRegion(*store_, id_or_name);
}

Result<Dossier> Kembar::Export(const store::Selection& selection) {
  return store_->Export(selection);
}

Result<std::string> Kembar::ExportJson(const store::Selection& selection, bool pretty) {
  auto d = store_->Export(selection);
  if (!d.ok()) return d.status();
  io::WriteOptions options;
  options.pretty = pretty;
  return io::WriteDossier(*d, options);
}

Result<std::vector<store::PartnershipSummary>> Kembar::List(const store::Selection& selection) {
  return store_->List(selection);
}

namespace {

AssessReport AssessLoaded(Dossier dossier, const AssessOptions& options) {
  geo::TimeZones zones;
  assess::Context ctx;
  if (options.policy) ctx.policy = options.policy;
  ctx.relations = &geo::Relations::Bundled();
  ctx.time_zones = &zones;
  AssessReport report;
  report.assessments = assess::AssessDossier(dossier, options.as_of, ctx);
  report.dossier = std::move(dossier);
  return report;
}

}  // namespace

Result<AssessReport> Kembar::AssessFile(const std::string& file, const AssessOptions& options,
                                        const io::ReadOptions& read) {
  io::ReadOptions self_contained = read;
  self_contained.allow_external_refs = false;
  io::DossierReader reader(self_contained);
  Dossier dossier;
  io::ReadReport report = reader.ReadFile(file, &dossier);
  if (!report.ok()) return report.ToStatus();
  return AssessLoaded(std::move(dossier), options);
}

Result<AssessReport> Kembar::Assess(const store::Selection& selection,
                                    const AssessOptions& options) {
  auto d = store_->Export(selection);
  if (!d.ok()) return d.status();
  return AssessLoaded(std::move(d).value(), options);
}

Result<assess::Policy> Kembar::LoadPolicy(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IoError("cannot read the policy file '" + file + "'");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > (1u << 20))
    return Status::TooLarge("policy file '" + file + "' is over 1 MiB");
  auto p = assess::ParsePolicy(text.str());
  if (!p.ok()) return Status::InvalidInput(file + ": " + p.status().message());
  return p;
}

Result<geo::Relation> Kembar::Relations(const std::string& a, const std::string& b,
                                        std::string* a_iso, std::string* b_iso) {
  auto ia = geo::ResolveCountry(a);
  if (!ia.ok()) return ia.status();
  auto ib = geo::ResolveCountry(b);
  if (!ib.ok()) return ib.status();
  if (a_iso) *a_iso = *ia;
  if (b_iso) *b_iso = *ib;
  return geo::Relations::Bundled().Between(*ia, *ib);
}

Result<network::Graph> Kembar::WorldNetwork(std::unordered_map<std::string, size_t>* region_nodes) {
  auto stored = store_->Export({});
  if (!stored.ok()) return stored.status();
  return WorldNetworkOf(*stored, region_nodes);
}

// The network of the Wikipedia pairs and `stored`: callers that also need the stored
// records export them once.
Result<network::Graph> Kembar::WorldNetworkOf(
    const Dossier& stored_records, std::unordered_map<std::string, size_t>* region_nodes) {
  auto wiki = network::LoadTwinPairsCsv(network::BundledTwinPairsCsv());
  if (!wiki.ok()) return wiki.status();
  const Dossier* stored = &stored_records;
  std::vector<network::NetNode> nodes = wiki->nodes();
  std::vector<network::NetEdge> edges;  // stored first: on a merge the first kind is kept
  std::unordered_map<std::string, size_t> by_region;  // region id -> node
  for (const Region& r : stored->regions) {
    // The region's name, or any of its names in other languages ("DKI Jakarta" is
    // Wikipedia's "Jakarta"), meets the Wikipedia place.
    std::optional<size_t> found = wiki->FindId(network::NodeKey(r.name, r.country));
    for (size_t i = 0; !found && i < r.names.size(); ++i) {
      found = wiki->FindId(network::NodeKey(r.names[i].second, r.country));
    }
    if (found) {
      by_region[r.id] = *found;
      continue;
    }
    by_region[r.id] = nodes.size();
    nodes.push_back({r.id, r.name, r.country, r.lat, r.lon});
  }
  for (const Partnership& p : stored->partnerships) {
    network::NetEdge e{
        by_region.at(p.home), by_region.at(p.partner), std::string(ToString(p.kind)), {}};
    for (const Event& ev : p.events) {
      if (ev.type() == EventType::kMouSigned && (!e.start_year || ev.date.year() < *e.start_year)) {
        e.start_year = ev.date.year();
      }
    }
    edges.push_back(std::move(e));
  }
  edges.insert(edges.end(), wiki->edges().begin(), wiki->edges().end());
  auto g = network::Graph::Build(std::move(nodes), std::move(edges), wiki->load_report());
  if (!g.ok()) return g.status();
  if (region_nodes) *region_nodes = std::move(by_region);
  g->set_attribution(wiki->attribution());
  return g;
}

NetworkMatch MatchToGazetteer(const network::Graph& graph) {
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  NetworkMatch m;
  m.gazetteer_index.assign(graph.node_count(), -1);
  for (size_t i = 0; i < graph.node_count(); ++i) {
    const network::NetNode& n = graph.node(i);
    const std::vector<size_t> found = gaz.Find(n.name, n.country);
    long best = -1;
    if (!found.empty()) {
      best = static_cast<long>(found.front());  // the most populous namesake
      if (n.lat && n.lon) {
        double best_km = 50;
        for (size_t k : found) {
          const double km =
              geo::GeodesicDistanceMetres(*n.lat, *n.lon, gaz.at(k).lat, gaz.at(k).lon) / 1000;
          if (km < best_km) {
            best_km = km;
            best = static_cast<long>(k);
          }
        }
      }
    }
    m.gazetteer_index[i] = best;
    if (best >= 0) {
      ++m.matched;
    } else {
      m.unmatched.push_back(i);
    }
  }
  return m;
}

Result<FindReport> Kembar::FindPartners(const std::string& region, const FindOptions& options) {
  std::unordered_map<std::string, size_t> region_nodes;
  auto stored = store_->Export({});
  if (!stored.ok()) return stored.status();
  auto world = WorldNetworkOf(*stored, &region_nodes);
  if (!world.ok()) return world.status();
  FindReport report;
  report.graph = std::move(world).value();
  const network::Graph& g = report.graph;

  // The region: a stored region id, else a place of the network by name (any of a
  // stored region's names counts, so "Jawa Timur" and "East Java" both work).
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
  if (!node) {
    auto found = network::FindNode(g, region);
    if (!found.ok()) return found.status();
    node = *found;
  }
  if (!profile) {
    for (const Region& r : stored->regions) {
      if (region_nodes.count(r.id) && region_nodes.at(r.id) == *node) profile = &r;
    }
  }
  const network::NetNode& self = g.node(*node);
  if (!self.lat || !self.lon) {
    return Status::InvalidInput("'" + self.name + "' has no coordinates to measure distances from");
  }
  report.region_id = profile ? profile->id : self.id;
  report.region_name = self.name;

  finder::Subject subject;
  subject.id = report.region_id;
  subject.name = self.name;
  subject.country = self.country;
  subject.lat = *self.lat;
  subject.lon = *self.lon;
  if (profile) {
    subject.level = profile->level;
    subject.timezone = profile->timezone.value_or("");
    subject.population = static_cast<uint32_t>(profile->population.value_or(0));
    if (profile->characteristics) subject.characteristics = *profile->characteristics;
    if (profile->needs) subject.needs = *profile->needs;
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
  if (!gaz.empty()) {
    const NetworkMatch match = MatchToGazetteer(g);
    to_place = match.gazetteer_index;
    report.places.reserve(gaz.size());
    for (const geo::GazPlace& gp : gaz.places()) {
      finder::Place p;
      p.name = gp.name;
      p.country = gp.country;
      p.lat = gp.lat;
      p.lon = gp.lon;
      p.population = gp.population;
      p.timezone = gp.timezone;
      p.port = gp.port;
      p.capital = gp.capital;
      p.admin_seat = gp.admin_seat || gp.idn_level == "province";
      report.places.push_back(p);
    }
    // A place of the network that the gazetteer lacks cannot be offered; one it has
    // is offered under its gazetteer name.
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
  }
  auto place_of = [&](size_t node_index) { return to_place[node_index]; };
  if (const long self_place = place_of(*node); self_place >= 0) {
    subject.excluded.insert(static_cast<size_t>(self_place));
    const finder::Place& sp = report.places[static_cast<size_t>(self_place)];
    if (subject.population == 0) subject.population = sp.population;
    subject.port = subject.port || sp.port;
    if (subject.timezone.empty()) subject.timezone = std::string(sp.timezone);
  }
  for (size_t partner : g.neighbours(*node)) {
    if (const long pp = place_of(partner); pp >= 0)
      subject.excluded.insert(static_cast<size_t>(pp));
    subject.tied_countries.insert(g.node(partner).country);
    for (size_t two : g.neighbours(partner)) {
      if (const long tp = place_of(two); two != *node && tp >= 0) {
        subject.partners_of_partners.insert(static_cast<size_t>(tp));
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
  for (const Region& r : stored->regions) {
    if (r.strengths) add_fields(r.id, *r.strengths);
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
  finder::Options o;
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
  const assess::Policy& policy = options.policy ? *options.policy : assess::DefaultPolicy();
  report.candidates = finder::FindPartners(report.places, subject, strengths, o, policy.finder,
                                           geo::Relations::Bundled(), zones);
  return report;
}

Result<store::ImportStats> Kembar::ImportWorldNetwork(const store::ProgressFn& progress) {
  auto wiki = network::LoadTwinPairsCsv(network::BundledTwinPairsCsv());
  if (!wiki.ok()) return wiki.status();
  auto stored = store_->Export({});
  if (!stored.ok()) return stored.status();
  const network::Graph& g = *wiki;
  const NetworkMatch match = MatchToGazetteer(g);
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();

  // Node -> region id: a stored region of the same name (any of its names) and country,
  // else a new "wp:" id from the folded name.
  std::vector<std::string> region_of(g.node_count());
  std::unordered_map<std::string, std::string> stored_key;  // NodeKey -> region id
  for (const Region& r : stored->regions) {
    stored_key.emplace(network::NodeKey(r.name, r.country), r.id);
    for (const auto& [lang, name] : r.names)
      stored_key.emplace(network::NodeKey(name, r.country), r.id);
  }
  std::unordered_set<std::string> used;
  for (const Region& r : stored->regions) used.insert(r.id);
  Dossier d;
  for (size_t i = 0; i < g.node_count(); ++i) {
    const network::NetNode& n = g.node(i);
    if (auto it = stored_key.find(n.id); it != stored_key.end()) {
      region_of[i] = it->second;
      continue;
    }
    std::string slug = geo::FoldPlaceName(n.name);
    std::replace(slug.begin(), slug.end(), ' ', '-');
    if (slug.empty()) slug = "place-" + std::to_string(i);
    std::string id = "wp:" + n.country + ":" + slug;
    for (int k = 2; used.count(id); ++k)
      id = "wp:" + n.country + ":" + slug + "-" + std::to_string(k);
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
      r.extra.emplace_back("geonames_id", std::to_string(gp.geonames_id));
    }
    r.extra.emplace_back("source", "\"Wikipedia\"");
    d.regions.push_back(std::move(r));
  }
  // Ties already stored (in either direction) are left as they are.
  std::unordered_set<std::string> stored_pairs;
  for (const Partnership& p : stored->partnerships) {
    stored_pairs.insert(std::min(p.home, p.partner) + "|" + std::max(p.home, p.partner));
  }
  for (const network::NetEdge& e : g.edges()) {
    const std::string &a = region_of[e.a], &b = region_of[e.b];
    if (a == b || stored_pairs.count(std::min(a, b) + "|" + std::max(a, b))) continue;
    // Indonesian places keep the record when they are a party.
    const bool swap = g.node(e.b).country == "ID" && g.node(e.a).country != "ID";
    Partnership p;
    p.home = swap ? b : a;
    p.partner = swap ? a : b;
    p.id = "wp:" + p.home + "--" + p.partner;
    p.kind = PartnershipKind::kSisterCity;
    p.extra.emplace_back("source", "\"Wikipedia\"");
    d.partnerships.push_back(std::move(p));
  }
  std::string attribution;
  io::JsonWriter::AppendQuoted(g.attribution(), &attribution);
  d.extra.emplace_back("attribution", attribution);
  store::ImportRequest req;
  req.dossier = &d;
  req.source_name = "worldwide network (Wikipedia pairs, compiled in)";
  req.progress = progress;
  return store_->Import(req);
}

Result<store::Store::Counts> Kembar::Count() { return store_->Count(); }

}  // namespace kembar
