// GET|POST /api/users, PUT|DELETE /api/users/{name} (admins only).
#ifndef KEMBAR_SERVER_SERVICE_USERS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_USERS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class UsersService {
 public:
  explicit UsersService(const ServiceEnv& env) : env_(env) {}
  // 200 {"items":[user...]}.
  HttpResponse List(RequestContext& ctx) const;
  // {"name","role","password","regions"?,"language"?} -> 201 user; regions may be
  // stored ids or names (resolved to ids, 404 when unknown); 409 when the name is taken.
  HttpResponse Create(RequestContext& ctx) const;
  // {"role"?,"regions"?,"password"?,"language"?,"disabled"?} -> 200 user; 404 unknown.
  HttpResponse Update(RequestContext& ctx) const;
  // 204; 404 unknown; 400 for the last enabled admin.
  HttpResponse Delete(RequestContext& ctx) const;

 private:
  // Region ids for `names` (ids or names of stored regions).
  Result<std::vector<std::string>> ResolveRegions(const std::vector<std::string>& names) const;
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_USERS_SERVICE_H_
