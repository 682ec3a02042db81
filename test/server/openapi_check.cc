#include "server/openapi_check.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#include <vector>

#include "server/service/openapi_service.h"

namespace kembar::server {

namespace {

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool IsJsonMediaType(const std::string& media_type) {
  return media_type == "application/json" || media_type.ends_with("+json");
}

// One compiled schema per JSON pointer of the document, shared by the tests.
class SchemaCache {
 public:
  // The schema at `pointer` (e.g. "/components/schemas/User"), compiled with the
  // document's components beside it so that "#/components/..." refs resolve.
  const valijson::Schema& Get(const std::string& pointer) {
    std::lock_guard lock(mu_);
    auto it = schemas_.find(pointer);
    if (it != schemas_.end()) return *it->second;
    const nlohmann::json& doc = OpenApiDocument();
    nlohmann::json root = {
        {"allOf", nlohmann::json::array({doc.at(nlohmann::json::json_pointer(pointer))})},
        {"components", doc.at("components")}};
    auto schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(root);
    parser.populateSchema(adapter, *schema);
    return *schemas_.emplace(pointer, std::move(schema)).first->second;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> schemas_;
};

SchemaCache& Schemas() {
  static auto* cache = new SchemaCache();
  return *cache;
}

std::string Escape(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// Validates `body` (JSON text) against the schema at `pointer`.
Status ValidateJson(const std::string& pointer, const std::string& body) {
  nlohmann::json value = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return Status::InvalidInput("the body is not JSON: " + body);
  valijson::Validator validator;
  valijson::adapters::NlohmannJsonAdapter target(value);
  valijson::ValidationResults results;
  if (validator.validate(Schemas().Get(pointer), target, &results)) return Status::Ok();
  std::string why;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string at;
    for (const auto& c : e.context) at += c;
    why += "\n  " + at + ": " + e.description;
  }
  std::string shown = body.size() > 600 ? body.substr(0, 600) + "..." : body;
  return Status::InvalidInput("the body does not match " + pointer + ":" + why +
                              "\n  body: " + shown);
}

// Checks an answer for which the document has no operation: a 404 or 405 Error (or
// 429, when requests without a login are rate-limited before routing).
Status ValidateUndescribed(const std::string& what, int status, const std::string& body) {
  if (status != 404 && status != 405 && status != 429) {
    return Status::InvalidInput(what + " is not in the OpenAPI document, yet answered " +
                                std::to_string(status));
  }
  return ValidateJson("/components/schemas/Error", body);
}

}  // namespace

const nlohmann::json& OpenApiDocument() {
  static const auto* doc = new nlohmann::json(nlohmann::json::parse(OpenApiJson()));
  return *doc;
}

std::optional<std::string> FindOpenApiPath(const std::string& path_and_query) {
  const std::string path = path_and_query.substr(0, path_and_query.find('?'));
  const std::vector<std::string> want = Segments(path);
  std::optional<std::string> best;
  int best_literals = -1;
  for (const auto& [key, item] : OpenApiDocument().at("paths").items()) {
    const std::vector<std::string> have = Segments(key);
    if (have.size() != want.size()) continue;
    int literals = 0;
    bool match = true;
    for (size_t i = 0; i < have.size() && match; ++i) {
      const bool variable = have[i].size() > 2 && have[i].front() == '{' && have[i].back() == '}';
      if (variable) {
        match = !want[i].empty();
      } else {
        match = have[i] == want[i];
        ++literals;
      }
    }
    if (match && literals > best_literals) {
      best = key;
      best_literals = literals;
    }
  }
  return best;
}

Status ValidateResponse(const std::string& method, const std::string& path_and_query, int status,
                        const std::string& content_type, const std::string& body) {
  const std::string path = path_and_query.substr(0, path_and_query.find('?'));
  if (path != "/api" && !path.starts_with("/api/")) return Status::Ok();
  const bool head = method == "HEAD";
  const std::string op_method = head ? "get" : Lower(method);
  const std::string what = method + " " + path;
  const nlohmann::json& doc = OpenApiDocument();
  std::optional<std::string> key = FindOpenApiPath(path);
  if (!key) return ValidateUndescribed(what, status, body);
  const nlohmann::json& item = doc.at("paths").at(*key);
  if (!item.contains(op_method)) return ValidateUndescribed(what, status, body);
  const std::string op_name = method + " " + *key;
  const nlohmann::json& responses = item.at(op_method).at("responses");
  const std::string code = std::to_string(status);
  if (!responses.contains(code)) {
    return Status::InvalidInput(op_name + " answered " + code +
                                ", which the OpenAPI document does not describe: " + body);
  }
  std::string pointer = "/paths/" + Escape(*key) + "/" + op_method + "/responses/" + code;
  const nlohmann::json* response = &responses.at(code);
  if (response->contains("$ref")) {
    pointer = response->at("$ref").get<std::string>().substr(1);
    response = &doc.at(nlohmann::json::json_pointer(pointer));
  }
  if (!response->contains("content")) {
    if (!body.empty()) {
      return Status::InvalidInput(op_name + " " + code +
                                  " has no content in the document, yet a body: " + body);
    }
    return Status::Ok();
  }
  std::string media_type = Lower(content_type.substr(0, content_type.find(';')));
  while (!media_type.empty() && media_type.back() == ' ') media_type.pop_back();
  const nlohmann::json& content = response->at("content");
  if (!content.contains(media_type)) {
    return Status::InvalidInput(op_name + " " + code + " answered the media type \"" + media_type +
                                "\", which the document does not list");
  }
  if (head || !IsJsonMediaType(media_type)) return Status::Ok();
  return ValidateJson(pointer + "/content/" + Escape(media_type) + "/schema", body);
}

}  // namespace kembar::server
