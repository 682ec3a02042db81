// The document use cases: validating a dossier file, and exporting stored records
// as a dossier-v1 document.
#ifndef KEMBAR_SRC_ENGINE_DOCUMENTS_H_
#define KEMBAR_SRC_ENGINE_DOCUMENTS_H_

#include <string>

#include "engine/engine.h"
#include "kembar/api.h"

namespace kembar::engine {

// See Kembar::ValidateStandalone.
io::ReadReport ValidateStandalone(const std::string& file, const io::ReadOptions& options);

// See Kembar::Validate.
io::ReadReport Validate(const Engine& engine, const ValidateParams& params);

// See Kembar::ExportJson.
Result<std::string> ExportJson(const Engine& engine, const ExportParams& params);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_DOCUMENTS_H_
