// GET /api/me, PUT /api/me, POST /api/me/feed: the logged-in user, its preferences
// and its calendar feed token.
#ifndef KEMBAR_SERVER_SERVICE_ME_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_ME_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class MeService {
 public:
  explicit MeService(const ServiceEnv& env) : env_(env) {}
  // 200 {"user":{...},"credential":"session"|"api_token","expires_at":N|null,
  // "feed_token"} (the read-only calendar feed token, AccountStore::FeedToken).
  HttpResponse Get(RequestContext& ctx) const;
  // {"language":"id"|"en"} -> 200 {"user":{...},"feed_token"}; other members are
  // refused (400).
  HttpResponse Put(RequestContext& ctx) const;
  // Replaces the caller's feed token (the old one stops working): 200 {"feed_token"}.
  HttpResponse RotateFeed(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_ME_SERVICE_H_
