// The stored form of the records, shared by the SQLite and PostgreSQL stores: a
// region's, a partnership's (without "events") and an event's canonical JSON, read
// back without the dossier reader's checks (they were checked when imported).
// Implemented in sqlite_store.cc, beside its parser. Private to src/.
#ifndef KEMBAR_SRC_STORE_RECORD_CODEC_H_
#define KEMBAR_SRC_STORE_RECORD_CODEC_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/model/dossier.h"

namespace kembar::store {

// Reads stored records into the model; false when the text is not what the store
// writes (corruption). Reuses its buffers: keep one per read.
class RecordDecoder {
 public:
  RecordDecoder();
  ~RecordDecoder();
  bool ReadRegion(std::string_view json, Region* r);
  bool ReadPartnership(std::string_view json, Partnership* p);
  bool ReadEvent(std::string_view json, Event* e);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// A region's stored JSON.
std::string StoredRegionJson(const Region& r);
// A partnership's stored JSON (without its events).
std::string StoredPartnershipJson(const Partnership& p);
// An event's stored JSON.
std::string StoredEventJson(const Event& e);
// Every region id a partnership names (parties, sides, hosts...), sorted, each once.
std::vector<std::string> NamedRegionIds(const Partnership& p);
// The day after the YYYY-MM-DD day `s`, in the same form.
std::string DayAfter(const std::string& s);

}  // namespace kembar::store

#endif  // KEMBAR_SRC_STORE_RECORD_CODEC_H_
