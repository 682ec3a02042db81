// GET /api/audit: the audit log (the change log, records' and accounts' entries),
// filtered and paged, newest first (admins only).
#ifndef KEMBAR_SERVER_SERVICE_AUDIT_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_AUDIT_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class AuditService {
 public:
  explicit AuditService(const ServiceEnv& env) : env_(env) {}
  // ?user=&region=&from=&to=&action=&page=&per_page= -> 200 {"items":[{"seq","at",
  // "actor","address","action","record","summary","before","after"}...],"total",
  // "page","per_page"}; before/after are the records' JSON objects or null. 400
  // naming the bad parameter (`field`); 404 for an unknown region.
  HttpResponse List(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_AUDIT_SERVICE_H_
