// The OpenAPI description (src/server/openapi.json, GET /api/openapi.json): it
// describes every route and only routes, it is served without a login, and the
// response checker the API tests use (openapi_check.h) catches a wrong answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "kembar/io/schema.h"
#include "kembar/kembar.h"
#include "server/api.h"
#include "server/openapi_check.h"
#include "testing/fixtures.h"

namespace kembar::server {
namespace {

using nlohmann::json;

// A dossier-v1 definition as openapi.json holds it under components/schemas:
// "#/$defs/x" refs renamed by `names`, and a "$ref" with siblings written as
// {"allOf": [{"$ref"}, {siblings}]} (valijson implements draft 7, which ignores them).
json AsComponent(json node, const std::map<std::string, std::string>& names) {
  if (node.is_array()) {
    for (auto& item : node) item = AsComponent(std::move(item), names);
    return node;
  }
  if (!node.is_object()) return node;
  for (auto& [key, value] : node.items()) {
    if (key == "enum" || key == "const") continue;
    if (key == "$ref") {
      value = "#/components/schemas/" + names.at(value.get<std::string>().substr(8));
    } else {
      value = AsComponent(std::move(value), names);
    }
  }
  if (node.contains("$ref") && node.size() > 1) {
    json rest = node;
    rest.erase("$ref");
    return json{{"allOf", {json{{"$ref", node["$ref"]}}, rest}}};
  }
  return node;
}

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = testing::TempDir() + "/kembar.db";
    KembarOptions o;
    o.db_path = path;
    auto k = Kembar::Open(o);
    ASSERT_TRUE(k.ok());
    kembar_ = std::move(*k);
    auto a = AccountStore::Open(path, {});
    ASSERT_TRUE(a.ok());
    accounts_ = std::move(*a);
    api_ = std::make_unique<Api>(*kembar_, *accounts_, Api::Options{});
  }

  // Every operation of the document as "METHOD /pattern".
  static std::set<std::string> Operations() {
    std::set<std::string> out;
    for (const auto& [path, item] : OpenApiDocument().at("paths").items()) {
      for (const auto& [method, op] : item.items()) {
        if (method == "parameters" || method == "summary" || method == "description") continue;
        std::string upper = method;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        out.insert(upper + " " + path);
      }
    }
    return out;
  }

  std::unique_ptr<Kembar> kembar_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<Api> api_;
};

TEST_F(OpenApiTest, EveryRouteIsDescribedAndEveryOperationIsARoute) {
  const std::set<std::string> operations = Operations();
  const std::vector<std::string> routes = api_->Routes();
  ASSERT_FALSE(routes.empty());
  for (const std::string& route : routes) {
    EXPECT_TRUE(operations.contains(route)) << route << " has no operation in openapi.json";
  }
  for (const std::string& op : operations) {
    EXPECT_NE(std::find(routes.begin(), routes.end(), op), routes.end())
        << op << " is in openapi.json but is no route";
  }
}

TEST_F(OpenApiTest, EveryOperationHasAnIdASummaryAndAnErrorSchema) {
  std::set<std::string> ids;
  for (const auto& [path, item] : OpenApiDocument().at("paths").items()) {
    for (const auto& [method, op] : item.items()) {
      EXPECT_TRUE(op.contains("summary")) << method << " " << path;
      ASSERT_TRUE(op.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << op["operationId"];
      EXPECT_TRUE(op["responses"].contains("500")) << method << " " << path;
    }
  }
}

TEST_F(OpenApiTest, DossierComponentsAreTheDossierSchemasDefinitions) {
  const std::map<std::string, std::string> names = {{"id", "DossierId"},
                                                    {"date", "DossierDate"},
                                                    {"period", "DossierPeriod"},
                                                    {"text", "DossierText"},
                                                    {"field", "Field"},
                                                    {"fields", "Fields"},
                                                    {"sector", "Sector"},
                                                    {"party", "Party"},
                                                    {"validity", "Validity"},
                                                    {"region", "Region"},
                                                    {"partnership", "Partnership"},
                                                    {"event", "Event"},
                                                    {"level", "Level"},
                                                    {"profile", "RegionProfile"}};
  json schema = json::parse(io::DossierSchemaText());
  const json& components = OpenApiDocument().at("components").at("schemas");
  ASSERT_EQ(schema["$defs"].size(), names.size()) << "a new dossier-v1 definition: add it";
  for (const auto& [key, def] : schema["$defs"].items()) {
    ASSERT_TRUE(names.contains(key)) << key;
    json have = components.at(names.at(key));
    const json want = AsComponent(def, names);
    if (!want.contains("description")) have.erase("description");
    EXPECT_EQ(have, want) << names.at(key) << " differs from schemas/dossier-v1.schema.json";
  }
  for (const char* meta : {"$schema", "$id", "$defs"}) schema.erase(meta);
  json dossier = components.at("Dossier");
  dossier.erase("description");
  EXPECT_EQ(dossier, AsComponent(schema, names));
}

TEST_F(OpenApiTest, ServedWithoutALoginAndParses) {
  HttpRequest r;
  r.method = "GET";
  r.target = r.path = "/api/openapi.json";
  r.remote = "192.0.2.7";
  HttpResponse resp = api_->Handle(r);
  ASSERT_EQ(resp.status, 200) << resp.body;
  EXPECT_EQ(resp.content_type, "application/json");
  json doc = json::parse(resp.body);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_EQ(doc, OpenApiDocument());
  EXPECT_TRUE(doc["components"]["securitySchemes"].contains("session"));
  EXPECT_TRUE(doc["components"]["securitySchemes"].contains("bearer"));
  EXPECT_TRUE(doc["paths"]["/api/openapi.json"]["get"]["security"].empty());
  EXPECT_TRUE(doc["paths"]["/api/health"]["get"]["security"].empty());
  Status s = ValidateResponse("GET", r.path, resp.status, resp.content_type, resp.body);
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(OpenApiTest, PathsMatchByLiteralsFirst) {
  EXPECT_EQ(FindOpenApiPath("/api/partnerships/p1?x=1"), "/api/partnerships/{id}");
  EXPECT_EQ(FindOpenApiPath("/api/partnerships/{id}"), "/api/partnerships/{id}");
  EXPECT_EQ(FindOpenApiPath("/api/partnerships/p1/events/e2"),
            "/api/partnerships/{id}/events/{event_id}");
  EXPECT_EQ(FindOpenApiPath("/api/calendar.ics"), "/api/calendar.ics");
  EXPECT_EQ(FindOpenApiPath("/api/nothing/here"), std::nullopt);
}

TEST_F(OpenApiTest, TheCheckerRefusesWhatTheDocumentDoesNotSay) {
  const std::string ok = R"({"status":"ok","version":"0.1.0","partnerships":3})";
  EXPECT_TRUE(ValidateResponse("GET", "/api/health", 200, "application/json", ok).ok());
  EXPECT_TRUE(ValidateResponse("HEAD", "/api/health", 200, "application/json", "").ok());
  // A missing member, a wrong type, an undocumented status, another media type.
  EXPECT_FALSE(
      ValidateResponse("GET", "/api/health", 200, "application/json", R"({"status":"ok"})").ok());
  EXPECT_FALSE(ValidateResponse("GET", "/api/health", 200, "application/json",
                                R"({"status":"ok","version":"0.1.0","partnerships":"3"})")
                   .ok());
  EXPECT_FALSE(ValidateResponse("GET", "/api/health", 418, "application/json", ok).ok());
  EXPECT_FALSE(ValidateResponse("GET", "/api/health", 200, "text/plain", ok).ok());
  // Errors: the shared Error schema, through components/responses.
  const std::string error = R"({"code":"not_found","message":"no","path":"/api/partnerships/x"})";
  EXPECT_TRUE(ValidateResponse("GET", "/api/partnerships/x", 404, "application/json", error).ok());
  EXPECT_FALSE(ValidateResponse("GET", "/api/partnerships/x", 404, "application/json",
                                R"({"code":"not_found","path":"/api/partnerships/x"})")
                   .ok());
  // Nested refs into the dossier-v1 components.
  EXPECT_FALSE(ValidateResponse("GET", "/api/partnerships/x", 200, "application/json",
                                R"({"partnership":{"id":1},"regions":[],"version":"ab"})")
                   .ok());
  // No content: no body.
  EXPECT_TRUE(ValidateResponse("DELETE", "/api/users/x", 204, "application/json", "").ok());
  EXPECT_FALSE(ValidateResponse("DELETE", "/api/users/x", 204, "application/json", "{}").ok());
  // Undescribed paths answer 404 or 405 with an Error; the web application is not checked.
  EXPECT_TRUE(ValidateResponse("GET", "/api/nothing", 404, "application/json", error).ok());
  EXPECT_FALSE(ValidateResponse("GET", "/api/nothing", 200, "application/json", "{}").ok());
  EXPECT_TRUE(ValidateResponse("GET", "/index.html", 200, "text/html", "<!doctype html>").ok());
}

}  // namespace
}  // namespace kembar::server
