#include "kembar/geo/time_zones.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace kembar::geo {

struct TimeZones::Zone {
  std::unique_ptr<icu::TimeZone> tz;  // null when the name is unknown
  Day cached_day{};                   // the last day asked, and its answer: bulk
  int cached_minutes = 0;             // assessments ask for the same day
  bool cached = false;
};

TimeZones::TimeZones() = default;
TimeZones::~TimeZones() = default;

Result<int> TimeZones::OffsetMinutes(std::string_view iana, Day day) {
  auto it = zones_.find(iana);
  if (it == zones_.end()) {
    auto zone = std::make_unique<Zone>();
    const auto id = icu::UnicodeString::fromUTF8(
        icu::StringPiece(iana.data(), static_cast<int32_t>(iana.size())));
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(id));
    // ICU answers an unknown id with the "Etc/Unknown" zone (GMT): detect it.
    icu::UnicodeString resolved;
    tz->getID(resolved);
    if (resolved == icu::UnicodeString("Etc/Unknown")) {
      // Zones newer than Debian 12's ICU 72, mapped to the zone they split from
      // (same offsets since their creation).
      static constexpr std::pair<std::string_view, const char*> kNewer[] = {
          {"America/Ciudad_Juarez", "America/Denver"},
          {"America/Coyhaique", "America/Punta_Arenas"},
      };
      for (const auto& [name, older] : kNewer) {
        if (iana == name) tz.reset(icu::TimeZone::createTimeZone(icu::UnicodeString(older)));
      }
      tz->getID(resolved);
    }
    if (resolved != icu::UnicodeString("Etc/Unknown")) zone->tz = std::move(tz);
    it = zones_.emplace(std::string(iana), std::move(zone)).first;
  }
  Zone& zone = *it->second;
  if (!zone.tz) {
    return Status::NotFound("unknown time zone '" + std::string(iana) + "'",
                            "zona waktu '" + std::string(iana) + "' tidak dikenal");
  }
  if (zone.cached && zone.cached_day == day) return zone.cached_minutes;
  const double noon_ms =
      (static_cast<double>(day.time_since_epoch().count()) * 86400.0 + 43200.0) * 1000.0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  // assessment-v2 compares offsets at 12:00 local time on the day.
  zone.tz->getOffset(noon_ms, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status))
    return Status::NotFound("no offset for time zone '" + std::string(iana) + "'",
                            "selisih waktu zona '" + std::string(iana) + "' tidak diketahui");
  zone.cached = true;
  zone.cached_day = day;
  zone.cached_minutes = (raw + dst) / 60000;
  return zone.cached_minutes;
}

}  // namespace kembar::geo
