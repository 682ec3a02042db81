#include "kembar/kembar.h"

#include <fstream>
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

Result<store::Store::Counts> Kembar::Count() { return store_->Count(); }

}  // namespace kembar
