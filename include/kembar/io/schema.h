// The dossier-v1 JSON Schema, shipped inside the binary.
#ifndef KEMBAR_IO_SCHEMA_H_
#define KEMBAR_IO_SCHEMA_H_

#include <string_view>

namespace kembar::io {

// The text of schemas/dossier-v1.schema.json as built into this binary.
std::string_view DossierSchemaText();

}  // namespace kembar::io

#endif  // KEMBAR_IO_SCHEMA_H_
