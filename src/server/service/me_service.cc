#include "server/service/me_service.h"

namespace kembar::server {

HttpResponse MeService::Get(RequestContext& ctx) const {
  const Authenticated& a = *ctx.auth;
  nlohmann::json out = {
      {"user", UserJson(a.user)},
      {"credential", a.kind == Authenticated::Kind::kSession ? "session" : "api_token"},
      {"expires_at", nullptr}};
  if (a.expires_at) out["expires_at"] = a.expires_at;
  auto feed = env_.accounts->FeedToken(a.user.name);
  if (!feed.ok()) return ctx.Error(feed.status());
  out["feed_token"] = *feed;
  return JsonResponse(200, out);
}

HttpResponse MeService::Put(RequestContext& ctx) const {
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  for (const auto& [key, value] : body->items()) {
    if (key != "language") {
      return ctx.Error(
          BadRequest("\"" + key + "\" cannot be changed here; only \"language\"", key));
    }
  }
  auto lang = OptString(*body, "language");
  if (!lang.ok()) return ctx.Error(BadRequest(lang.status().message(), "language"));
  UserUpdate update;
  update.language = *lang;
  auto user = env_.accounts->UpdateUser(ctx.auth->user.name, update, ctx.actor());
  if (!user.ok()) {
    ApiError e = ErrorFromStatus(user.status());
    e.field = "language";
    return ctx.Error(e);
  }
  auto feed = env_.accounts->FeedToken(user->name);
  if (!feed.ok()) return ctx.Error(feed.status());
  return JsonResponse(200, {{"user", UserJson(*user)}, {"feed_token", *feed}});
}

HttpResponse MeService::RotateFeed(RequestContext& ctx) const {
  auto feed = env_.accounts->RotateFeed(ctx.auth->user.name, ctx.actor());
  if (!feed.ok()) return ctx.Error(feed.status());
  return JsonResponse(200, {{"feed_token", *feed}});
}

}  // namespace kembar::server
