// libFuzzer target for the importer's front door: any bytes must yield a report,
// never a crash, and an accepted document must survive write -> read unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kembar/io/dossier_reader.h"
#include "kembar/io/dossier_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static kembar::io::DossierReader reader;
  kembar::Dossier dossier;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kembar::io::ReadReport report = reader.Read(text, &dossier);
  if (!report.ok()) {
    if (report.errors.empty()) std::abort();  // rejected documents always say why
    return 0;
  }
  // Round trip: what kembar writes, kembar reads back to the same document.
  const std::string written = kembar::io::WriteDossier(dossier, {.pretty = false});
  kembar::Dossier again;
  if (!reader.Read(written, &again).ok()) std::abort();
  if (kembar::io::WriteDossier(again, {.pretty = false}) != written) std::abort();
  return 0;
}
