// GET /api/me and PUT /api/me: the logged-in user and its preferences.
#ifndef KEMBAR_SERVER_SERVICE_ME_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_ME_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class MeService {
 public:
  explicit MeService(const ServiceEnv& env) : env_(env) {}
  // 200 {"user":{...},"credential":"session"|"api_token","expires_at":N|null}.
  HttpResponse Get(RequestContext& ctx) const;
  // {"language":"id"|"en"} -> 200 {"user":{...}}; other members are refused (400).
  HttpResponse Put(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_ME_SERVICE_H_
