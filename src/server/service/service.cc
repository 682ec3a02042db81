#include "server/service/service.h"

#include "server/scope.h"

namespace kembar::server {

Lang RequestContext::lang() const {
  if (auto it = request.query.find("lang"); it != request.query.end()) {
    if (it->second == "id") return Lang::kId;
    if (it->second == "en") return Lang::kEn;
  }
  if (auth) return auth->user.language == "id" ? Lang::kId : Lang::kEn;
  const std::string accept = request.Header("accept-language");
  return accept.rfind("id", 0) == 0 ? Lang::kId : Lang::kEn;
}

store::Principal RequestContext::principal() const {
  store::Principal p;
  p.address = request.remote;
  if (!auth) return p;
  p.name = auth->user.name;
  const User user = auth->user;
  p.may_write_partnership = [user](const Partnership* before, const Partnership* after) {
    if (MayWritePartnership(user, before, after)) return Status::Ok();
    if (user.role == Role::kViewer) {
      return Status::PermissionDenied("a viewer cannot change records",
                                      "peninjau (viewer) tidak dapat mengubah data");
    }
    const std::string id = before ? before->id : after ? after->id : std::string();
    return Status::PermissionDenied(
        "partnership '" + id + "' has no party among your regions",
        "kemitraan '" + id + "' tidak memiliki pihak di antara daerah Anda");
  };
  p.may_write_region = [user](const std::string& id) {
    if (MayWriteRegion(user, id)) return Status::Ok();
    return Status::PermissionDenied("region '" + id + "' is not one of your regions",
                                    "daerah '" + id + "' bukan salah satu daerah Anda");
  };
  return p;
}

nlohmann::json UserJson(const User& user) {
  return {{"name", user.name},         {"role", RoleName(user.role)},
          {"regions", user.regions},   {"language", user.language},
          {"disabled", user.disabled}, {"created_at", user.created_at}};
}

Result<std::optional<std::string>> OptString(const nlohmann::json& body, const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Status::InvalidInput("\"" + key + "\" must be a string");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<std::vector<std::string>>> OptStrings(const nlohmann::json& body,
                                                           const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<std::vector<std::string>>();
  if (!it->is_array()) return Status::InvalidInput("\"" + key + "\" must be an array of strings");
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) return Status::InvalidInput("\"" + key + "\" must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<nlohmann::json> ParseObject(const HttpRequest& request) {
  auto body = ParseJsonBody(request.body);
  if (!body.ok()) return body.status();
  if (!body->is_object()) return Status::InvalidInput("the request body must be a JSON object");
  return body;
}

}  // namespace kembar::server
