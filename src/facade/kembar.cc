#include "kembar/kembar.h"

#include <utility>

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

Result<store::Store::Counts> Kembar::Count() { return store_->Count(); }

}  // namespace kembar
