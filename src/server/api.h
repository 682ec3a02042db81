// The API: routes every request to its service after the access checks (login,
// admin role, CSRF on cookie-authenticated changes), and adds the security headers.
// Knows nothing of sockets; http_server.cc feeds it, the tests call it directly.
#ifndef KEMBAR_SERVER_API_H_
#define KEMBAR_SERVER_API_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/router.h"
#include "server/service/health_service.h"
#include "server/service/me_service.h"
#include "server/service/openapi_service.h"
#include "server/service/partnerships_service.h"
#include "server/service/service.h"
#include "server/service/session_service.h"
#include "server/service/tokens_service.h"
#include "server/service/users_service.h"

namespace kembar::server {

class Api {
 public:
  struct Options {
    ServiceOptions service;
    LoginThrottle::Limits throttle;
    Clock clock;  // null: the system clock
    // Kembar is safe to call from several threads (kembar.h); true serialises the
    // calls anyway, for tests that compare.
    bool serialize_kembar = false;
  };

  // `kembar` and `accounts` must outlive the Api.
  Api(Kembar& kembar, AccountStore& accounts, Options options);

  // Answers one request; never throws (a bug gives 500 with code "internal").
  HttpResponse Handle(const HttpRequest& request) const;

  // Every route as "METHOD pattern".
  std::vector<std::string> Routes() const { return router_.Describe(); }

 private:
  HttpResponse Dispatch(const HttpRequest& request, std::string* user) const;
  void Register();

  Options options_;
  mutable std::mutex kembar_mu_;
  mutable LoginThrottle throttle_;
  ServiceEnv env_;
  HealthService health_;
  OpenApiService openapi_;
  SessionService session_;
  MeService me_;
  UsersService users_;
  TokensService tokens_;
  PartnershipsService partnerships_;
  Router router_;
};

// Adds the security headers every response carries (nosniff, a strict CSP without
// inline script, frame-ancestors 'none', Referrer-Policy) and, under /api, no-store.
void AddSecurityHeaders(const std::string& path, HttpResponse* response);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_API_H_
