// POST /api/session (login) and DELETE /api/session (logout).
#ifndef KEMBAR_SERVER_SERVICE_SESSION_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_SESSION_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

// The session cookie's name.
inline constexpr const char* kSessionCookie = "kembar_session";

class SessionService {
 public:
  explicit SessionService(const ServiceEnv& env) : env_(env) {}
  // {"username","password"} -> 200 {"token","csrf","expires_at","user"} with the
  // session cookie (HttpOnly, SameSite=Strict, Path=/); 401 for a wrong name or
  // password (which of the two is not said); 429 with Retry-After when throttled.
  HttpResponse Login(RequestContext& ctx) const;
  // Ends the request's session and clears the cookie: 204. An API token is not a
  // session: 400 (revoke it with DELETE /api/tokens/{id}).
  HttpResponse Logout(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_SESSION_SERVICE_H_
