#include "engine/documents.h"

#include <algorithm>

#include "kembar/io/dossier_writer.h"

namespace kembar::engine {

io::ReadReport ValidateStandalone(const std::string& file, const io::ReadOptions& options) {
  io::ReadOptions self_contained = options;
  self_contained.allow_external_refs = false;
  io::DossierReader reader(self_contained);
  return reader.ReadFile(file, nullptr);
}

io::ReadReport Validate(const Engine& engine, const ValidateParams& params) {
  if (params.standalone) return ValidateStandalone(params.file, engine.read_options());
  io::DossierReader reader(engine.read_options());
  io::ReadReport report = reader.ReadFile(params.file, nullptr);
  if (report.external_refs.empty()) return report;
  std::vector<std::string> ids;
  ids.reserve(report.external_refs.size());
  for (const auto& ref : report.external_refs) ids.push_back(ref.id);
  auto known = engine.store().KnownRegions(ids);
  if (!known.ok()) {
    report.errors.push_back({io::Diagnostic::Kind::kSemantic, "", known.status().message(),
                             known.status().messages().id});
    return report;
  }
  std::erase_if(report.external_refs, [&](const io::ExternalRegionRef& ref) {
    return std::find(known->begin(), known->end(), ref.id) != known->end();
  });
  // Region ids neither the document nor the store defines are errors.
  for (const io::ExternalRegionRef& ref : report.external_refs) {
    report.errors.push_back(
        {io::Diagnostic::Kind::kSemantic, ref.path,
         "region '" + ref.id + "' is not defined in the document's regions",
         "daerah '" + ref.id + "' tidak didefinisikan dalam regions dokumen ini"});
  }
  report.external_refs.clear();
  return report;
}

Result<std::string> ExportJson(const Engine& engine, const ExportParams& params) {
  auto d = engine.store().Export(params.selection);
  if (!d.ok()) return d.status();
  io::WriteOptions options;
  options.pretty = params.pretty;
  return io::WriteDossier(*d, options);
}

}  // namespace kembar::engine
