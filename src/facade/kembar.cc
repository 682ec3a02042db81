#include "kembar/kembar.h"

#include <fstream>
#include <unordered_map>
#include <sstream>
#include <utility>

#include "kembar/geo/countries.h"
#include "kembar/io/dossier_writer.h"
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
  io::DossierReader reader(options_.read);
  Dossier dossier;
  io::ReadReport report = reader.ReadFile(file, &dossier);
  if (!report.ok()) return report.ToStatus();
  store::ImportRequest req;
  req.dossier = &dossier;
  req.external_refs = std::move(report.external_refs);
  req.source_name = file;
  req.progress = progress;
  return store_->Import(req);
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

Result<AssessReport> Kembar::Assess(const store::Selection& selection, const AssessOptions& options) {
  auto d = store_->Export(selection);
  if (!d.ok()) return d.status();
  return AssessLoaded(std::move(d).value(), options);
}

Result<assess::Policy> Kembar::LoadPolicy(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IoError("cannot read the policy file '" + file + "'");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > (1u << 20)) return Status::TooLarge("policy file '" + file + "' is over 1 MiB");
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
  auto wiki = network::LoadTwinPairsCsv(network::BundledTwinPairsCsv());
  if (!wiki.ok()) return wiki.status();
  auto stored = store_->Export({});
  if (!stored.ok()) return stored.status();
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
    network::NetEdge e{by_region.at(p.home), by_region.at(p.partner), std::string(ToString(p.kind)), {}};
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

Result<store::Store::Counts> Kembar::Count() { return store_->Count(); }

}  // namespace kembar
