// GET /api/regions and GET /api/regions/{id}: the stored regions.
#ifndef KEMBAR_SERVER_SERVICE_REGIONS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_REGIONS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class RegionsService {
 public:
  explicit RegionsService(const ServiceEnv& env) : env_(env) {}
  // ?text=&lang= -> 200 {"items":[{"id","name","country","country_name","level",
  // "names","parent","lat"?,"lon"?}...],"total":N} (RegionRowJson), in the store's
  // order; text matches the id or any name, case-insensitively. Country names in the
  // caller's language.
  HttpResponse List(RequestContext& ctx) const;
  // {id} is a region id or any of its names; ?as_of=&lang= -> 200 {"region":{...},
  // "as_of","profile":{its partner-wanted profile}|null,"partnerships":[partnership
  // summaries, each party with "lat"/"lon" when known, and "condition" and
  // "distance_km" from the dashboards' assessment snapshot (Kembar::AssessAll) as of
  // ?as_of=]}; 404 for an unknown region, 400 for an ambiguous name or a bad as_of or
  // lang.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_REGIONS_SERVICE_H_
