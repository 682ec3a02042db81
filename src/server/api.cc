#include "server/api.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>

#include "kembar/io/digest.h"
#include "kembar/web/assets.h"

namespace kembar::server {

namespace {

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int64_t SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void AddSecurityHeaders(const std::string& path, HttpResponse* r) {
  r->headers.emplace_back("X-Content-Type-Options", "nosniff");
  r->headers.emplace_back("Content-Security-Policy",
                          "default-src 'self'; script-src 'self'; object-src 'none'; "
                          "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  r->headers.emplace_back("X-Frame-Options", "DENY");
  r->headers.emplace_back("Referrer-Policy", "no-referrer");
  if (path == "/api" || path.starts_with("/api/")) {
    r->headers.emplace_back("Cache-Control", "no-store");
  }
}

Api::Api(Kembar& kembar, AccountStore& accounts, Options options)
    : options_(std::move(options)),
      throttle_(options_.throttle),
      anonymous_(options_.anonymous),
      env_{&kembar,    options_.serialize_kembar ? &kembar_mu_ : nullptr,  &accounts,
           &throttle_, options_.clock ? options_.clock : Clock(SystemNow), options_.service},
      health_(env_),
      session_(env_),
      me_(env_),
      users_(env_),
      tokens_(env_),
      audit_(env_),
      partnerships_(env_),
      events_(env_),
      import_(env_),
      regions_(env_),
      profile_(env_),
      reports_(env_),
      history_(env_),
      assessment_(env_),
      status_(env_),
      todo_(env_),
      calendar_(env_),
      search_(env_),
      finder_(env_),
      network_(env_),
      relations_(env_) {
  Register();
}

void Api::Register() {
  auto bind = [](const auto* service, auto method) {
    return [service, method](RequestContext& ctx) { return (service->*method)(ctx); };
  };
  Router& r = router_;
  r.Add("GET", "/api/health", Access::kPublic, bind(&health_, &HealthService::Get));
  r.Add("GET", "/api/openapi.json", Access::kPublic, bind(&openapi_, &OpenApiService::Get));
  r.Add("POST", "/api/session", Access::kPublic, bind(&session_, &SessionService::Login));
  r.Add("DELETE", "/api/session", Access::kUser, bind(&session_, &SessionService::Logout));
  r.Add("GET", "/api/me", Access::kUser, bind(&me_, &MeService::Get));
  r.Add("PUT", "/api/me", Access::kUser, bind(&me_, &MeService::Put));
  r.Add("GET", "/api/users", Access::kAdmin, bind(&users_, &UsersService::List));
  r.Add("POST", "/api/users", Access::kAdmin, bind(&users_, &UsersService::Create));
  r.Add("PUT", "/api/users/{name}", Access::kAdmin, bind(&users_, &UsersService::Update));
  r.Add("DELETE", "/api/users/{name}", Access::kAdmin, bind(&users_, &UsersService::Delete));
  r.Add("GET", "/api/tokens", Access::kAdmin, bind(&tokens_, &TokensService::List));
  r.Add("POST", "/api/tokens", Access::kAdmin, bind(&tokens_, &TokensService::Create));
  r.Add("DELETE", "/api/tokens/{id}", Access::kAdmin, bind(&tokens_, &TokensService::Delete));
  r.Add("GET", "/api/audit", Access::kAdmin, bind(&audit_, &AuditService::List));
  r.Add("POST", "/api/me/feed", Access::kUser, bind(&me_, &MeService::RotateFeed));
  r.Add("GET", "/api/partnerships", Access::kUser,
        bind(&partnerships_, &PartnershipsService::List));
  r.Add("GET", "/api/partnerships/{id}", Access::kUser,
        bind(&partnerships_, &PartnershipsService::Get));
  r.Add("POST", "/api/partnerships", Access::kUser,
        bind(&partnerships_, &PartnershipsService::Create));
  r.Add("PUT", "/api/partnerships/{id}", Access::kUser,
        bind(&partnerships_, &PartnershipsService::Update));
  r.Add("PATCH", "/api/partnerships/{id}", Access::kUser,
        bind(&partnerships_, &PartnershipsService::Update));
  r.Add("DELETE", "/api/partnerships/{id}", Access::kUser,
        bind(&partnerships_, &PartnershipsService::Delete));
  r.Add("POST", "/api/partnerships/{id}/events", Access::kUser,
        bind(&events_, &EventsService::Add));
  r.Add("PUT", "/api/partnerships/{id}/events/{event_id}", Access::kUser,
        bind(&events_, &EventsService::Update));
  r.Add("PATCH", "/api/partnerships/{id}/events/{event_id}", Access::kUser,
        bind(&events_, &EventsService::Update));
  r.Add("DELETE", "/api/partnerships/{id}/events/{event_id}", Access::kUser,
        bind(&events_, &EventsService::Delete));
  r.Add("POST", "/api/import", Access::kUser, bind(&import_, &ImportService::Import));
  r.Add("GET", "/api/export", Access::kUser, bind(&import_, &ImportService::Export));
  // The read endpoints.
  r.Add("GET", "/api/regions", Access::kUser, bind(&regions_, &RegionsService::List));
  r.Add("GET", "/api/regions/{id}", Access::kUser, bind(&regions_, &RegionsService::Get));
  r.Add("GET", "/api/regions/{id}/profile", Access::kUser, bind(&profile_, &ProfileService::Get));
  r.Add("PUT", "/api/regions/{id}/profile", Access::kUser, bind(&profile_, &ProfileService::Put));
  r.Add("DELETE", "/api/regions/{id}/profile", Access::kUser,
        bind(&profile_, &ProfileService::Delete));
  r.Add("GET", "/api/reports/partnership/{id}", Access::kUser,
        bind(&reports_, &ReportsService::Partnership));
  r.Add("GET", "/api/reports/region/{id}", Access::kUser, bind(&reports_, &ReportsService::Region));
  r.Add("GET", "/api/reports/national", Access::kUser, bind(&reports_, &ReportsService::National));
  r.Add("GET", "/api/partnerships/{id}/history", Access::kUser,
        bind(&history_, &HistoryService::Get));
  r.Add("GET", "/api/partnerships/{id}/assessment", Access::kUser,
        bind(&assessment_, &AssessmentService::Get));
  r.Add("GET", "/api/status", Access::kUser, bind(&status_, &StatusService::Get));
  r.Add("GET", "/api/todo", Access::kUser, bind(&todo_, &TodoService::Get));
  r.Add("GET", "/api/calendar", Access::kUser, bind(&calendar_, &CalendarService::Json));
  r.Add("GET", "/api/calendar.ics", Access::kFeed, bind(&calendar_, &CalendarService::IcsForUser));
  r.Add("GET", "/api/search", Access::kUser, bind(&search_, &SearchService::Get));
  r.Add("GET", "/api/find-partners", Access::kUser, bind(&finder_, &FinderService::Get));
  r.Add("GET", "/api/network/stats", Access::kUser, bind(&network_, &NetworkService::Stats));
  r.Add("GET", "/api/network/ego", Access::kUser, bind(&network_, &NetworkService::Ego));
  r.Add("GET", "/api/network/export", Access::kUser, bind(&network_, &NetworkService::Export));
  r.Add("GET", "/api/relations", Access::kUser, bind(&relations_, &RelationsService::Get));
}

HttpResponse Api::Handle(const HttpRequest& request) const {
  std::string user;
  HttpResponse r;
  try {
    r = Dispatch(request, &user);
  } catch (const std::exception& e) {
    spdlog::error("internal error on {} {}: {}", request.method, request.path, e.what());
    r = ErrorResponse({500, "internal", "internal error; the server log has the details", {}},
                      request.path);
  }
  if (request.method == "HEAD") r.body.clear();
  r.log_user = user;
  AddSecurityHeaders(request.path, &r);
  return r;
}

HttpResponse Api::Dispatch(const HttpRequest& request, std::string* user) const {
  // The credential first: a request with a valid one is never rate-limited.
  std::string token;
  bool by_cookie = false;
  const std::string authz = request.Header("authorization");
  const bool bad_authz =
      !authz.empty() &&
      !(authz.size() > 7 && (authz.starts_with("Bearer ") || authz.starts_with("bearer ")));
  if (!authz.empty()) {
    if (!bad_authz) token = authz.substr(7);
  } else {
    token = request.Cookie(kSessionCookie);
    by_cookie = true;
  }
  Result<std::optional<Authenticated>> auth = std::optional<Authenticated>();
  if (!token.empty() && !bad_authz) auth = env_.accounts->Authenticate(token);
  if (!auth.ok() || !auth->has_value()) {
    const double now = options_.monotonic_clock ? options_.monotonic_clock() : SteadySeconds();
    if (const int wait = anonymous_.Take(request.remote, now); wait > 0) {
      HttpResponse r =
          ErrorResponse({429,
                         "rate_limited",
                         "too many requests without a login from this address; try again in " +
                             std::to_string(wait) + " s",
                         {}},
                        request.path);
      r.headers.emplace_back("Retry-After", std::to_string(wait));
      return r;
    }
  }

  // Everything outside /api is the web application, compiled into the binary.
  if (auto r = web::ServeStatic({request.method, request.path, request.Header("if-none-match"),
                                 request.Header("accept-encoding")});
      r && r->status != 404) {
    HttpResponse out;
    out.status = r->status;
    for (const auto& [name, value] : r->headers) {
      if (name == "Content-Type") {
        out.content_type = std::string(value);
      } else {
        out.headers.emplace_back(std::string(name), std::string(value));
      }
    }
    out.body = std::string(r->body);
    return out;
  }
  Router::Match m = router_.Find(request.method, request.path);
  if (m.kind == Router::Match::Kind::kNotFound) {
    return ErrorResponse(ErrorFromStatus(Status::NotFound("no such resource: " + request.path)),
                         request.path);
  }
  if (m.kind == Router::Match::Kind::kMethodNotAllowed) {
    HttpResponse r = ErrorResponse({405,
                                    "method_not_allowed",
                                    request.method + " is not allowed here; allowed: " + m.allow,
                                    {}},
                                   request.path);
    r.headers.emplace_back("Allow", m.allow);
    return r;
  }
  RequestContext ctx{request, std::move(m.params), std::nullopt, {}};
  if (auto feed = request.query.find("feed");
      m.access == Access::kFeed && feed != request.query.end()) {
    // A calendar app holds no session: its read-only feed token names the user.
    auto owner = env_.accounts->AuthenticateFeed(feed->second);
    if (!owner.ok()) return ctx.Error(owner.status());
    if (!owner->has_value()) {
      return ctx.Error(Unauthorized(
          ctx.lang() == Lang::kId
              ? "token umpan kalender tidak berlaku (mungkin sudah diperbarui): salin lagi "
                "tautan langganannya"
              : "the calendar feed token is not valid (it may have been renewed): copy the "
                "subscription link again"));
    }
    Authenticated a;
    a.kind = Authenticated::Kind::kFeed;
    a.user = std::move(**owner);
    ctx.auth = std::move(a);
    *user = ctx.auth->user.name;
    return (*m.handler)(ctx);
  }
  if (m.access != Access::kPublic) {
    // A Bearer token (session or API token) needs no CSRF header; the cookie does.
    if (bad_authz) {
      return ctx.Error(Unauthorized("the Authorization header takes \"Bearer TOKEN\""));
    }
    if (token.empty()) {
      HttpResponse r = ctx.Error(Unauthorized("log in first (POST /api/session)"));
      r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"kembar\"");
      return r;
    }
    if (!auth.ok()) return ctx.Error(auth.status());
    if (!auth->has_value()) {
      HttpResponse r = ctx.Error(Unauthorized("the session has ended or the token is not valid"));
      r.headers.emplace_back("WWW-Authenticate",
                             "Bearer realm=\"kembar\", error=\"invalid_token\"");
      return r;
    }
    ctx.auth = std::move(**auth);
    *user = ctx.auth->user.name;
    if (by_cookie && ChangesState(request.method)) {
      const std::string csrf = request.Header("x-csrf-token");
      if (ctx.auth->kind != Authenticated::Kind::kSession || csrf.empty() ||
          !ConstantTimeEquals(io::Sha256Hex(csrf), ctx.auth->csrf_hash)) {
        return ctx.Error(CsrfFailed());
      }
    }
    if (m.access == Access::kAdmin && ctx.auth->user.role != Role::kAdmin) {
      return ctx.Error(Forbidden("only an admin may do this"));
    }
  }
  HttpResponse r = (*m.handler)(ctx);
  if (user->empty()) *user = ctx.user_name;
  return r;
}

}  // namespace kembar::server
