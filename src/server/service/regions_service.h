// GET /api/regions and GET /api/regions/{id}: the stored regions.
#ifndef KEMBAR_SERVER_SERVICE_REGIONS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_REGIONS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class RegionsService {
 public:
  explicit RegionsService(const ServiceEnv& env) : env_(env) {}
  // ?text=&lang= -> 200 {"items":[{"id","name","country","country_name","level",
  // "names"}...],"total":N}, in the store's order; text matches the id or any name,
  // case-insensitively. Country names in the caller's language.
  HttpResponse List(RequestContext& ctx) const;
  // {id} is a region id or any of its names -> 200 {"region":{...},"partnerships":
  // [partnership summaries]}; 404 for an unknown region, 400 for an ambiguous name.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_REGIONS_SERVICE_H_
