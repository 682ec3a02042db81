// Reading a dossier-v1 document: JSON syntax, the schema (docs/dossier-v1.md and
// schemas/dossier-v1.schema.json) and what the schema cannot say (unique ids, no
// dangling region ids, real calendar days), in one pass over a simdjson DOM.
// Every problem is reported with the JSON path where it is.
#ifndef KEMBAR_IO_DOSSIER_READER_H_
#define KEMBAR_IO_DOSSIER_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/model/dossier.h"
#include "kembar/model/lang.h"
#include "kembar/model/status.h"

namespace kembar::io {

struct Diagnostic {
  enum class Kind {
    kLimit,     // input larger than the configured bound
    kSyntax,    // not well-formed JSON / not UTF-8
    kSchema,    // violates dossier-v1.schema.json
    kSemantic,  // valid under the schema, but breaks a rule the schema cannot express
  };
  Kind kind;
  std::string path;     // "partnerships[3].events[1].date"; empty for the whole document
  std::string message;  // what is wrong and, where useful, what to write instead (English)
  // The same in Indonesian; empty where there is none (schema details may be English
  // only), and readers then get the English text.
  std::string message_id = {};

  // The message in `lang`.
  const std::string& text(Lang lang) const {
    return lang == Lang::kId && !message_id.empty() ? message_id : message;
  }
  // "partnerships[3].events[1].date: ..." or the message alone for the whole document;
  // the JSON path comes first in both languages.
  std::string ToString() const;
  std::string ToString(Lang lang) const;
};

struct ReadOptions {
  // Documents larger than this are refused before parsing. A real dossier of all
  // Indonesian partnerships with full timelines is a few MB; the default leaves
  // room for national and research-sized files.
  size_t max_bytes = size_t{512} << 20;
  // Stop collecting after this many problems (the document is rejected anyway).
  size_t max_errors = 50;
  // When true, region ids a partnership names but the document does not define are
  // reported in ReadReport::external_refs for a store to resolve; when false they are
  // errors (the document must be self-contained).
  bool allow_external_refs = true;
};

// A region id a partnership names that the document itself does not define: it must
// already be known to the store, or the import fails at `path`.
struct ExternalRegionRef {
  std::string id;
  std::string path;
};

struct ReadReport {
  std::vector<Diagnostic> errors;
  bool truncated = false;  // more errors were found than max_errors
  std::vector<ExternalRegionRef> external_refs;
  size_t bytes = 0;

  bool ok() const { return errors.empty(); }
  // No syntax, schema or limit error: what valijson/ajv would decide for the schema alone.
  bool schema_valid() const;
  // InvalidInput (or TooLarge) naming the first problems, in both languages; Ok when
  // ok().
  Status ToStatus() const;
};

// Reusable reader: keeps its parser's buffers between documents. Not thread-safe;
// use one per thread.
class DossierReader {
 public:
  explicit DossierReader(ReadOptions options = {});
  ~DossierReader();
  DossierReader(const DossierReader&) = delete;
  DossierReader& operator=(const DossierReader&) = delete;

  // Checks `json` and, when it is acceptable, fills *out (which may be null to only
  // check). External region refs are reported, not judged: see ReadReport.
  ReadReport Read(std::string_view json, Dossier* out);

  // As Read, on a file. A missing or unreadable file is a kSyntax diagnostic naming it.
  ReadReport ReadFile(const std::string& path, Dossier* out);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kembar::io

#endif  // KEMBAR_IO_DOSSIER_READER_H_
