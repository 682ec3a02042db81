#include "server/service/service.h"

namespace kembar::server {

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
