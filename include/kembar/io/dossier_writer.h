// Writing dossier-v1 documents and their parts. Output always validates against
// schemas/dossier-v1.schema.json; members the reader kept as extras are written back
// verbatim after the modelled ones.
#ifndef KEMBAR_IO_DOSSIER_WRITER_H_
#define KEMBAR_IO_DOSSIER_WRITER_H_

#include <string>

#include "kembar/io/json_writer.h"
#include "kembar/model/dossier.h"

namespace kembar::io {

struct WriteOptions {
  bool pretty = true;  // two-space indentation, one event per line
};

// The whole document.
std::string WriteDossier(const Dossier& dossier, const WriteOptions& options = {});

// One part, as a value in `w` (used by the store to keep canonical JSON per record).
void WriteRegion(const Region& region, JsonWriter* w);
// A region's partner-wanted profile (the value of its `profile` member).
void WriteRegionProfile(const RegionProfile& profile, JsonWriter* w);
void WriteEvent(const Event& event, JsonWriter* w);
// A partnership; its events are written only when `with_events`.
void WritePartnership(const Partnership& partnership, bool with_events, JsonWriter* w);

}  // namespace kembar::io

#endif  // KEMBAR_IO_DOSSIER_WRITER_H_
