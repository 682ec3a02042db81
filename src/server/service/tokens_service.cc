#include "server/service/tokens_service.h"

#include <charconv>

namespace kembar::server {

HttpResponse TokensService::List(RequestContext& ctx) const {
  auto tokens = env_.accounts->Tokens();
  if (!tokens.ok()) return ctx.Error(tokens.status());
  nlohmann::json items = nlohmann::json::array();
  for (const ApiToken& t : *tokens) {
    items.push_back(
        {{"id", t.id}, {"user", t.user}, {"label", t.label}, {"created_at", t.created_at}});
  }
  return JsonResponse(200, {{"items", items}});
}

HttpResponse TokensService::Create(RequestContext& ctx) const {
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  auto user = OptString(*body, "user");
  if (!user.ok()) return ctx.Error(BadRequest(user.status().message(), "user"));
  auto label = OptString(*body, "label");
  if (!label.ok()) return ctx.Error(BadRequest(label.status().message(), "label"));
  auto token = env_.accounts->CreateToken(user->value_or(ctx.auth->user.name), label->value_or(""),
                                          ctx.actor());
  if (!token.ok()) {
    ApiError e = ErrorFromStatus(token.status());
    e.field = token.status().code() == StatusCode::kNotFound ? "user" : "label";
    return ctx.Error(e);
  }
  return JsonResponse(201, {{"id", token->info.id},
                            {"token", token->token},
                            {"user", token->info.user},
                            {"label", token->info.label},
                            {"created_at", token->info.created_at}});
}

HttpResponse TokensService::Delete(RequestContext& ctx) const {
  const std::string& text = ctx.params.at("id");
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return ctx.Error(ErrorFromStatus(Status::NotFound("no API token " + text)));
  }
  if (Status s = env_.accounts->DeleteToken(id, ctx.actor()); !s.ok()) return ctx.Error(s);
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace kembar::server
