// GET /api/partnerships and GET /api/partnerships/{id}: reading the records.
#ifndef KEMBAR_SERVER_SERVICE_PARTNERSHIPS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_PARTNERSHIPS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class PartnershipsService {
 public:
  // Items per page unless ?per_page= says otherwise (at most kMaxPerPage).
  static constexpr size_t kPerPage = 50;
  static constexpr size_t kMaxPerPage = 500;

  explicit PartnershipsService(const ServiceEnv& env) : env_(env) {}
  // ?region=ID|name&text=&page=1&per_page=50 -> 200 {"items":[...],"total":N,"page":P,
  // "per_page":K}; text matches id, title-less names and the partner's country,
  // case-insensitively. 404 for an unknown region, 400 for a bad page.
  HttpResponse List(RequestContext& ctx) const;
  // 200 {"partnership":{dossier-v1 partnership},"regions":[the regions it names]}
  // with an ETag of the partnership's content; 404 for an unknown id.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_PARTNERSHIPS_SERVICE_H_
