// GET|POST /api/tokens, DELETE /api/tokens/{id}: API tokens for scripts (admins only).
#ifndef KEMBAR_SERVER_SERVICE_TOKENS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_TOKENS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class TokensService {
 public:
  explicit TokensService(const ServiceEnv& env) : env_(env) {}
  // 200 {"items":[{"id","user","label","created_at"}...]} (never the tokens).
  HttpResponse List(RequestContext& ctx) const;
  // {"user"? (default: the caller),"label"?} -> 201 {"id","token","user","label",
  // "created_at"}; the token is shown only in this response.
  HttpResponse Create(RequestContext& ctx) const;
  // 204; 404 for an unknown id.
  HttpResponse Delete(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_TOKENS_SERVICE_H_
