// The API: routes every request to its service after the access checks (login,
// admin role, CSRF on cookie-authenticated changes), and adds the security headers.
// Knows nothing of sockets; http_server.cc feeds it, the tests call it directly.
#ifndef KEMBAR_SERVER_API_H_
#define KEMBAR_SERVER_API_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/rate_limit.h"
#include "server/router.h"
#include "server/service/assessment_service.h"
#include "server/service/audit_service.h"
#include "server/service/calendar_service.h"
#include "server/service/events_service.h"
#include "server/service/finder_service.h"
#include "server/service/health_service.h"
#include "server/service/history_service.h"
#include "server/service/import_service.h"
#include "server/service/me_service.h"
#include "server/service/network_service.h"
#include "server/service/openapi_service.h"
#include "server/service/partnerships_service.h"
#include "server/service/profile_service.h"
#include "server/service/regions_service.h"
#include "server/service/relations_service.h"
#include "server/service/reports_service.h"
#include "server/service/search_service.h"
#include "server/service/service.h"
#include "server/service/session_service.h"
#include "server/service/status_service.h"
#include "server/service/todo_service.h"
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
    // Requests without a valid session or token, per client address (429 beyond).
    RateLimiter::Limits anonymous;
    // Seconds on a monotonic clock, for the rate limit; null: std::chrono::steady_clock.
    std::function<double()> monotonic_clock;
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
  mutable RateLimiter anonymous_;
  ServiceEnv env_;
  HealthService health_;
  OpenApiService openapi_;
  SessionService session_;
  MeService me_;
  UsersService users_;
  TokensService tokens_;
  AuditService audit_;
  PartnershipsService partnerships_;
  EventsService events_;
  ImportService import_;
  // The read endpoints (regions, history, assessments, dashboards, network).
  RegionsService regions_;
  ProfileService profile_;
  ReportsService reports_;
  HistoryService history_;
  AssessmentService assessment_;
  StatusService status_;
  TodoService todo_;
  CalendarService calendar_;
  SearchService search_;
  FinderService finder_;
  NetworkService network_;
  RelationsService relations_;
  Router router_;
};

// Adds the security headers every response carries (nosniff, a strict CSP without
// inline script, frame-ancestors 'none', Referrer-Policy) and, under /api, no-store.
void AddSecurityHeaders(const std::string& path, HttpResponse* response);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_API_H_
