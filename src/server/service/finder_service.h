// GET /api/find-partners: candidate partners for a region (Kembar::FindPartners).
#ifndef KEMBAR_SERVER_SERVICE_FINDER_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_FINDER_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class FinderService {
 public:
  explicit FinderService(const ServiceEnv& env) : env_(env) {}
  // ?region=ID|name&needs=culture,tourism&country=&level=&limit=10&lang= -> 200
  // {"region","region_name","candidates":[{"name","country","level","score",
  // "components","flags","id","distance_km","tz_gap_hours","relations",
  // "strengths_meeting_needs","country_name","explanation"}...]} best first (the
  // JSON of `kembar find-partners --json` plus the names and an explanation in the
  // caller's language); for a stored region also "region_profile": its
  // partner-wanted profile (GET /api/regions/{id}/profile) or null. 400 naming region
  // (missing or ambiguous), needs, level, limit or country; 404 for an unknown region.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_FINDER_SERVICE_H_
