#include "server/service/users_service.h"

namespace kembar::server {

namespace {

// 409 for a name that is taken; the table's mapping otherwise (a member's problem
// names it as the field), in the caller's language.
ApiError UserError(const Status& s, Lang lang) {
  if (s.code() == StatusCode::kInvalidInput &&
      s.message().find("already exists") != std::string::npos) {
    return {409, "conflict", s.message(lang), "name"};
  }
  return ErrorFromStatus(s, lang);
}

HttpResponse BadRole(const RequestContext& ctx) {
  return ctx.BadParam("role", "\"role\" is admin, editor or viewer",
                      "\"role\" berisi admin, editor atau viewer");
}

}  // namespace

Result<std::vector<std::string>> UsersService::ResolveRegions(
    const std::vector<std::string>& names) const {
  std::vector<std::string> ids;
  for (const std::string& n : names) {
    auto id = env_.WithKembar([&](Kembar& k) { return k.ResolveRegion(n); });
    if (!id.ok()) return id.status();
    ids.push_back(*id);
  }
  return ids;
}

HttpResponse UsersService::List(RequestContext& ctx) const {
  auto users = env_.accounts->Users();
  if (!users.ok()) return ctx.Error(users.status());
  nlohmann::json items = nlohmann::json::array();
  for (const User& u : *users) items.push_back(UserJson(u));
  return JsonResponse(200, {{"items", items}});
}

HttpResponse UsersService::Create(RequestContext& ctx) const {
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  NewUser user;
  for (const char* key : {"name", "role", "password", "language"}) {
    auto v = OptString(*body, key);
    if (!v.ok()) return ctx.Error(BadRequest(v.status().message(ctx.lang()), key));
    if (!*v && std::string(key) != "language") {
      return ctx.BadParam(key, "\"" + std::string(key) + "\" is required",
                          "\"" + std::string(key) + "\" wajib diisi");
    }
    if (!*v) continue;
    if (std::string(key) == "name") user.name = **v;
    if (std::string(key) == "password") user.password = **v;
    if (std::string(key) == "language") user.language = **v;
    if (std::string(key) == "role") {
      auto role = ParseRole(**v);
      if (!role) return BadRole(ctx);
      user.role = *role;
    }
  }
  auto regions = OptStrings(*body, "regions");
  if (!regions.ok()) return ctx.Error(BadRequest(regions.status().message(ctx.lang()), "regions"));
  if (*regions) {
    auto ids = ResolveRegions(**regions);
    if (!ids.ok()) {
      ApiError e = ErrorFromStatus(ids.status(), ctx.lang());
      e.field = "regions";
      return ctx.Error(e);
    }
    user.regions = *ids;
  }
  auto created = env_.accounts->CreateUser(user, ctx.actor());
  if (!created.ok()) return ctx.Error(UserError(created.status(), ctx.lang()));
  return JsonResponse(201, UserJson(*created));
}

HttpResponse UsersService::Update(RequestContext& ctx) const {
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  UserUpdate update;
  for (const auto& [key, value] : body->items()) {
    if (key != "role" && key != "regions" && key != "password" && key != "language" &&
        key != "disabled") {
      return ctx.BadParam(key, "unknown member \"" + key + "\"",
                          "anggota \"" + key + "\" tidak dikenal");
    }
  }
  auto role = OptString(*body, "role");
  if (!role.ok()) return ctx.Error(BadRequest(role.status().message(ctx.lang()), "role"));
  if (*role) {
    update.role = ParseRole(**role);
    if (!update.role) return BadRole(ctx);
  }
  auto password = OptString(*body, "password");
  if (!password.ok())
    return ctx.Error(BadRequest(password.status().message(ctx.lang()), "password"));
  update.password = *password;
  auto language = OptString(*body, "language");
  if (!language.ok())
    return ctx.Error(BadRequest(language.status().message(ctx.lang()), "language"));
  update.language = *language;
  if (auto it = body->find("disabled"); it != body->end() && !it->is_null()) {
    if (!it->is_boolean())
      return ctx.BadParam("disabled", "\"disabled\" must be true or false",
                          "\"disabled\" harus true atau false");
    update.disabled = it->get<bool>();
  }
  auto regions = OptStrings(*body, "regions");
  if (!regions.ok()) return ctx.Error(BadRequest(regions.status().message(ctx.lang()), "regions"));
  if (*regions) {
    auto ids = ResolveRegions(**regions);
    if (!ids.ok()) {
      ApiError e = ErrorFromStatus(ids.status(), ctx.lang());
      e.field = "regions";
      return ctx.Error(e);
    }
    update.regions = *ids;
  }
  auto updated = env_.accounts->UpdateUser(ctx.params.at("name"), update, ctx.actor());
  if (!updated.ok()) return ctx.Error(updated.status());
  return JsonResponse(200, UserJson(*updated));
}

HttpResponse UsersService::Delete(RequestContext& ctx) const {
  if (Status s = env_.accounts->DeleteUser(ctx.params.at("name"), ctx.actor()); !s.ok()) {
    return ctx.Error(s);
  }
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace kembar::server
