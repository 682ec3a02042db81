// GET /api/health: whether the server runs and its database answers. No login.
#ifndef KEMBAR_SERVER_SERVICE_HEALTH_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_HEALTH_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class HealthService {
 public:
  explicit HealthService(const ServiceEnv& env) : env_(env) {}
  // 200 {"status":"ok","version":...,"partnerships":N}; 503 when the database fails.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_HEALTH_SERVICE_H_
