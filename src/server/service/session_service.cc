#include "server/service/session_service.h"

namespace kembar::server {

namespace {

std::string SessionCookie(const std::string& value, int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

}  // namespace

HttpResponse SessionService::Login(RequestContext& ctx) const {
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  auto name = OptString(*body, "username");
  if (!name.ok()) return ctx.Error(BadRequest(name.status().message(), "username"));
  auto password = OptString(*body, "password");
  if (!password.ok()) return ctx.Error(BadRequest(password.status().message(), "password"));
  if (!*name || (*name)->empty())
    return ctx.Error(BadRequest("\"username\" is required", "username"));
  if (!*password) return ctx.Error(BadRequest("\"password\" is required", "password"));
  const std::string& user = **name;
  const std::string& address = ctx.request.remote;

  if (int64_t wait = env_.throttle->RetryAfter(user, address, env_.clock()); wait > 0) {
    HttpResponse r =
        ctx.Error(ApiError{429,
                           "rate_limited",
                           "too many failed logins; try again in " + std::to_string(wait) + " s",
                           {}});
    r.headers.emplace_back("Retry-After", std::to_string(wait));
    return r;
  }
  auto session = env_.accounts->Login(user, **password, address);
  if (!session.ok()) return ctx.Error(session.status());
  if (!session->has_value()) {
    env_.throttle->Failure(user, address, env_.clock());
    return ctx.Error(Unauthorized("wrong user name or password"));
  }
  env_.throttle->Success(user);
  const NewSession& s = **session;
  ctx.user_name = s.user.name;
  HttpResponse r = JsonResponse(200, {{"token", s.token},
                                      {"csrf", s.csrf},
                                      {"expires_at", s.expires_at},
                                      {"user", UserJson(s.user)}});
  r.headers.emplace_back("Set-Cookie", SessionCookie(s.token, env_.options.session_lifetime_s,
                                                     env_.options.secure_cookies));
  return r;
}

HttpResponse SessionService::Logout(RequestContext& ctx) const {
  if (ctx.auth->kind != Authenticated::Kind::kSession) {
    return ctx.Error(
        BadRequest("an API token is not a session: revoke it with "
                   "DELETE /api/tokens/{id}"));
  }
  if (Status s = env_.accounts->Logout(ctx.auth->credential_id, ctx.actor()); !s.ok()) {
    return ctx.Error(s);
  }
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  r.headers.emplace_back("Set-Cookie", SessionCookie("", 0, env_.options.secure_cookies));
  return r;
}

}  // namespace kembar::server
