// UTC offsets of IANA time zones on a given day (ICU's zone data, so they follow
// daylight-saving rules and historical changes: Europe/London is +0 in January and +1
// in July).
#ifndef KEMBAR_GEO_TIME_ZONES_H_
#define KEMBAR_GEO_TIME_ZONES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kembar/model/date.h"
#include "kembar/model/status.h"

namespace kembar::geo {

// Caches one zone object per name; not thread-safe (one per thread).
class TimeZones {
 public:
  TimeZones();
  ~TimeZones();
  TimeZones(const TimeZones&) = delete;
  TimeZones& operator=(const TimeZones&) = delete;

  // The offset from UTC, in minutes, of zone `iana` at 12:00 local time on `day`.
  // NotFound for a name ICU does not know.
  Result<int> OffsetMinutes(std::string_view iana, Day day);

 private:
  struct Zone;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::unique_ptr<Zone>, Hash, std::equal_to<>> zones_;
};

}  // namespace kembar::geo

#endif  // KEMBAR_GEO_TIME_ZONES_H_
