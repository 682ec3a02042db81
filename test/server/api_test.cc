// The API without sockets: access checks (401, 403, CSRF), the login throttle,
// session expiry, user and token administration, the read endpoints.
#include "server/api.h"

#include <gtest/gtest.h>

#include "kembar/kembar.h"
#include "server/openapi_check.h"
#include "testing/fixtures.h"

namespace kembar::server {
namespace {

using nlohmann::json;
constexpr const char* kPassword = "correct horse battery";

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One imported database for the suite; each test copies it.
    template_dir_ = new std::string(testing::TempDir());
    KembarOptions o;
    o.db_path = *template_dir_ + "/kembar.db";
    auto k = Kembar::Open(o);
    ASSERT_TRUE(k.ok());
    ImportParams p;
    p.file = testing::SourcePath("data/indonesia.dossier.json");
    p.actor = {"local:test", true};
    ASSERT_TRUE((*k)->Import(p).ok());
  }

  void SetUp() override {
    const std::string dir = testing::TempDir();
    path_ = dir + "/kembar.db";
    std::filesystem::copy_file(*template_dir_ + "/kembar.db", path_);
    KembarOptions o;
    o.db_path = path_;
    auto k = Kembar::Open(o);
    ASSERT_TRUE(k.ok());
    kembar_ = std::move(*k);
    AccountStore::Options ao;
    ao.session_lifetime_s = 3600;
    ao.clock = [this] { return now_; };
    auto a = AccountStore::Open(path_, ao);
    ASSERT_TRUE(a.ok());
    accounts_ = std::move(*a);
    Api::Options opts;
    opts.service.session_lifetime_s = 3600;
    opts.clock = [this] { return now_; };
    opts.throttle = {.per_user = 3, .per_address = 10, .window_s = 600};
    api_ = std::make_unique<Api>(*kembar_, *accounts_, opts);
    for (auto [name, role, regions] :
         std::vector<std::tuple<std::string, Role, std::vector<std::string>>>{
             {"admin", Role::kAdmin, {}},
             {"siti", Role::kEditor, {"id-surabaya"}},
             {"budi", Role::kViewer, {}}}) {
      ASSERT_TRUE(accounts_->CreateUser({name, role, regions, kPassword, "en"}, {"t", ""}).ok());
    }
  }

  HttpResponse Call(const std::string& method, const std::string& target,
                    const std::string& body = "", std::map<std::string, std::string> headers = {}) {
    HttpRequest r;
    r.method = method;
    r.target = target;
    EXPECT_TRUE(ParseTarget(target, &r.path, &r.query));
    r.headers = std::move(headers);
    r.body = body;
    r.remote = "192.0.2.7";
    HttpResponse response = api_->Handle(r);
    // Every answer the API tests receive must be what src/server/openapi.json says.
    if (Status s =
            ValidateResponse(method, r.path, response.status, response.content_type, response.body);
        !s.ok()) {
      ADD_FAILURE() << s.message();
    }
    return response;
  }
  struct Login {
    std::string token, csrf;
  };
  Login LogIn(const std::string& user) {
    HttpResponse r =
        Call("POST", "/api/session", json{{"username", user}, {"password", kPassword}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    json b = json::parse(r.body);
    return {b["token"], b["csrf"]};
  }
  std::map<std::string, std::string> Bearer(const Login& l) {
    return {{"authorization", "Bearer " + l.token}};
  }
  std::map<std::string, std::string> Cookie(const Login& l, bool csrf) {
    std::map<std::string, std::string> h = {{"cookie", "other=1; kembar_session=" + l.token}};
    if (csrf) h["x-csrf-token"] = l.csrf;
    return h;
  }
  static std::string Header(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return {};
  }

  static std::string* template_dir_;
  std::string path_;
  int64_t now_ = 1'800'000'000;
  std::unique_ptr<Kembar> kembar_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<Api> api_;
};

std::string* ApiTest::template_dir_ = nullptr;

TEST_F(ApiTest, HealthNeedsNoLoginAndCarriesSecurityHeaders) {
  HttpResponse r = Call("GET", "/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["status"], "ok");
  EXPECT_EQ(Header(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_NE(Header(r, "Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(Header(r, "Content-Security-Policy").find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(Header(r, "Cache-Control"), "no-store");
  EXPECT_EQ(Header(r, "Referrer-Policy"), "no-referrer");
}

TEST_F(ApiTest, LoginSetsAStrictHttpOnlyCookie) {
  HttpResponse r =
      Call("POST", "/api/session", json{{"username", "siti"}, {"password", kPassword}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  json b = json::parse(r.body);
  EXPECT_EQ(b["user"]["name"], "siti");
  EXPECT_EQ(b["user"]["role"], "editor");
  EXPECT_EQ(b["user"]["regions"], json::array({"id-surabaya"}));
  const std::string cookie = Header(r, "Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("kembar_session=" + b["token"].get<std::string>() + ";"))
      << cookie;
  for (const char* attr : {"HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=3600"}) {
    EXPECT_NE(cookie.find(attr), std::string::npos) << attr;
  }
  EXPECT_FALSE(b["user"].contains("password_hash"));
}

TEST_F(ApiTest, WrongLoginsAre401ThenThrottled429) {
  for (int i = 0; i < 3; ++i) {
    HttpResponse r = Call(
        "POST", "/api/session",
        json{{"username", "budi"}, {"password", "wrong password " + std::to_string(i)}}.dump());
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(json::parse(r.body)["code"], "unauthorized");
  }
  HttpResponse locked =
      Call("POST", "/api/session", json{{"username", "budi"}, {"password", kPassword}}.dump());
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(json::parse(locked.body)["code"], "rate_limited");
  EXPECT_EQ(Header(locked, "Retry-After"), "600");
  now_ += 600;
  EXPECT_EQ(Call("POST", "/api/session", json{{"username", "budi"}, {"password", kPassword}}.dump())
                .status,
            200);
}

TEST_F(ApiTest, MalformedLoginBodiesAre400WithLineAndColumn) {
  HttpResponse r = Call("POST", "/api/session", "{\"username\": \"budi\",\n \"password\": }");
  EXPECT_EQ(r.status, 400);
  json b = json::parse(r.body);
  EXPECT_EQ(b["code"], "invalid_input");
  EXPECT_NE(b["message"].get<std::string>().find("line 2, column"), std::string::npos) << b;
  EXPECT_EQ(b["path"], "/api/session");
  HttpResponse r2 = Call("POST", "/api/session", json{{"username", 3}}.dump());
  EXPECT_EQ(r2.status, 400);
  EXPECT_EQ(json::parse(r2.body)["field"], "username");
}

TEST_F(ApiTest, WithoutCredentials401WithBadOnes401) {
  HttpResponse r = Call("GET", "/api/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body)["code"], "unauthorized");
  EXPECT_FALSE(Header(r, "WWW-Authenticate").empty());
  EXPECT_EQ(Call("GET", "/api/me", "", {{"authorization", "Bearer kbs_nope"}}).status, 401);
  EXPECT_EQ(Call("GET", "/api/me", "", {{"authorization", "Basic YTpi"}}).status, 401);
  EXPECT_EQ(Call("GET", "/api/partnerships").status, 401);
}

TEST_F(ApiTest, SessionsExpire) {
  Login l = LogIn("budi");
  EXPECT_EQ(Call("GET", "/api/me", "", Bearer(l)).status, 200);
  now_ += 3600;
  HttpResponse r = Call("GET", "/api/me", "", Bearer(l));
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(json::parse(r.body)["message"].get<std::string>().find("ended"), std::string::npos);
}

TEST_F(ApiTest, CookieChangesNeedTheCsrfHeaderBearerDoesNot) {
  Login l = LogIn("budi");
  const std::string body = json{{"language", "id"}}.dump();
  // Reading with the cookie needs no CSRF header.
  EXPECT_EQ(Call("GET", "/api/me", "", Cookie(l, false)).status, 200);
  HttpResponse refused = Call("PUT", "/api/me", body, Cookie(l, false));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json::parse(refused.body)["code"], "csrf_failed");
  auto wrong = Cookie(l, false);
  wrong["x-csrf-token"] = std::string(64, 'a');
  EXPECT_EQ(Call("PUT", "/api/me", body, wrong).status, 403);
  HttpResponse ok = Call("PUT", "/api/me", body, Cookie(l, true));
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(json::parse(ok.body)["user"]["language"], "id");
  HttpResponse bearer = Call("PUT", "/api/me", json{{"language", "en"}}.dump(), Bearer(l));
  EXPECT_EQ(bearer.status, 200);
  EXPECT_EQ(Call("PUT", "/api/me", json{{"language", "fr"}}.dump(), Bearer(l)).status, 400);
  EXPECT_EQ(Call("PUT", "/api/me", json{{"role", "admin"}}.dump(), Bearer(l)).status, 400);
}

TEST_F(ApiTest, LogoutEndsTheSessionAndClearsTheCookie) {
  Login l = LogIn("budi");
  EXPECT_EQ(Call("DELETE", "/api/session", "", Cookie(l, false)).status, 403);  // CSRF
  HttpResponse r = Call("DELETE", "/api/session", "", Cookie(l, true));
  EXPECT_EQ(r.status, 204);
  EXPECT_NE(Header(r, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/me", "", Bearer(l)).status, 401);
}

TEST_F(ApiTest, OnlyAdminsManageUsersAndTokens) {
  Login siti = LogIn("siti");
  Login admin = LogIn("admin");
  HttpResponse forbidden = Call("GET", "/api/users", "", Bearer(siti));
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(json::parse(forbidden.body)["code"], "forbidden");
  EXPECT_EQ(Call("POST", "/api/tokens", "{}", Bearer(siti)).status, 403);

  HttpResponse list = Call("GET", "/api/users", "", Bearer(admin));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(json::parse(list.body)["items"].size(), 3u);

  HttpResponse created = Call("POST", "/api/users",
                              json{{"name", "rina"},
                                   {"role", "editor"},
                                   {"regions", {"Kota Surabaya"}},
                                   {"password", kPassword}}
                                  .dump(),
                              Bearer(admin));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json::parse(created.body)["regions"], json::array({"id-surabaya"}));
  HttpResponse dup = Call(
      "POST", "/api/users",
      json{{"name", "rina"}, {"role", "viewer"}, {"password", kPassword}}.dump(), Bearer(admin));
  EXPECT_EQ(dup.status, 409);
  HttpResponse unknown_region = Call(
      "POST", "/api/users",
      json{{"name", "eka"}, {"role", "editor"}, {"regions", {"Atlantis"}}, {"password", kPassword}}
          .dump(),
      Bearer(admin));
  EXPECT_EQ(unknown_region.status, 404);
  EXPECT_EQ(json::parse(unknown_region.body)["field"], "regions");
  HttpResponse short_pw =
      Call("POST", "/api/users",
           json{{"name", "eka"}, {"role", "viewer"}, {"password", "short"}}.dump(), Bearer(admin));
  EXPECT_EQ(short_pw.status, 400);

  HttpResponse promoted =
      Call("PUT", "/api/users/rina", json{{"role", "viewer"}}.dump(), Bearer(admin));
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  EXPECT_EQ(json::parse(promoted.body)["regions"], json::array());
  EXPECT_EQ(Call("PUT", "/api/users/ghost", json{{"role", "viewer"}}.dump(), Bearer(admin)).status,
            404);
  EXPECT_EQ(Call("DELETE", "/api/users/rina", "", Bearer(admin)).status, 204);
  EXPECT_EQ(Call("DELETE", "/api/users/rina", "", Bearer(admin)).status, 404);

  HttpResponse token = Call("POST", "/api/tokens",
                            json{{"user", "budi"}, {"label", "report"}}.dump(), Bearer(admin));
  ASSERT_EQ(token.status, 201) << token.body;
  json t = json::parse(token.body);
  HttpResponse as_budi =
      Call("GET", "/api/me", "", {{"authorization", "Bearer " + t["token"].get<std::string>()}});
  ASSERT_EQ(as_budi.status, 200);
  EXPECT_EQ(json::parse(as_budi.body)["credential"], "api_token");
  HttpResponse tokens = Call("GET", "/api/tokens", "", Bearer(admin));
  EXPECT_EQ(tokens.body.find(t["token"].get<std::string>()), std::string::npos);
  EXPECT_EQ(
      Call("DELETE", "/api/tokens/" + std::to_string(t["id"].get<int64_t>()), "", Bearer(admin))
          .status,
      204);
  EXPECT_EQ(
      Call("GET", "/api/me", "", {{"authorization", "Bearer " + t["token"].get<std::string>()}})
          .status,
      401);
  EXPECT_EQ(Call("DELETE", "/api/tokens/abc", "", Bearer(admin)).status, 404);

  // Every account change above is in the audit chain.
  auto audit = accounts_->Audit();
  ASSERT_TRUE(audit.ok());
  EXPECT_GE(audit->size(), 10u);
  EXPECT_TRUE(accounts_->VerifyAudit().ok());
}

TEST_F(ApiTest, ListsPartnershipsWithFiltersAndPages) {
  Login l = LogIn("budi");
  HttpResponse all = Call("GET", "/api/partnerships?per_page=2", "", Bearer(l));
  ASSERT_EQ(all.status, 200) << all.body;
  json b = json::parse(all.body);
  EXPECT_EQ(b["items"].size(), 2u);
  EXPECT_EQ(b["page"], 1);
  const size_t total = b["total"];
  EXPECT_GT(total, 2u);
  json item = b["items"][0];
  for (const char* key : {"id", "kind", "home", "partner", "mou_date", "last_date", "events"}) {
    EXPECT_TRUE(item.contains(key)) << key;
  }
  json last = json::parse(
      Call("GET", "/api/partnerships?per_page=2&page=" + std::to_string((total + 1) / 2), "",
           Bearer(l))
          .body);
  EXPECT_EQ(last["items"].size(), total % 2 ? 1u : 2u);

  json sby = json::parse(Call("GET", "/api/partnerships?region=Kota+Surabaya", "", Bearer(l)).body);
  ASSERT_GT(sby["total"].get<size_t>(), 0u);
  EXPECT_LT(sby["total"].get<size_t>(), total);
  for (const json& p : sby["items"]) {
    EXPECT_TRUE(p["home"]["id"] == "id-surabaya" || p["partner"]["id"] == "id-surabaya") << p;
  }
  json text = json::parse(Call("GET", "/api/partnerships?text=LIVERPOOL", "", Bearer(l)).body);
  ASSERT_GE(text["total"].get<size_t>(), 1u);
  EXPECT_EQ(Call("GET", "/api/partnerships?region=Atlantis", "", Bearer(l)).status, 404);
  EXPECT_EQ(Call("GET", "/api/partnerships?page=0", "", Bearer(l)).status, 400);
  EXPECT_EQ(Call("GET", "/api/partnerships?per_page=100000", "", Bearer(l)).status, 400);
}

TEST_F(ApiTest, GetsOnePartnershipWithItsRegionsAndAnETag) {
  Login l = LogIn("budi");
  HttpResponse r = Call("GET", "/api/partnerships/surabaya-liverpool", "", Bearer(l));
  ASSERT_EQ(r.status, 200) << r.body;
  json b = json::parse(r.body);
  EXPECT_EQ(b["partnership"]["id"], "surabaya-liverpool");
  EXPECT_GE(b["regions"].size(), 2u);
  EXPECT_EQ(Header(r, "ETag").size(), 66u);
  HttpResponse missing = Call("GET", "/api/partnerships/nowhere", "", Bearer(l));
  EXPECT_EQ(missing.status, 404);
  json e = json::parse(missing.body);
  EXPECT_EQ(e["code"], "not_found");
  EXPECT_EQ(e["path"], "/api/partnerships/nowhere");
}

TEST_F(ApiTest, UnknownPathsAre404AndWrongMethods405) {
  Login l = LogIn("budi");
  HttpResponse r = Call("GET", "/api/nothing", "", Bearer(l));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json::parse(r.body)["code"], "not_found");
  HttpResponse m = Call("PATCH", "/api/me", "", Bearer(l));
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(Header(m, "Allow"), "GET, PUT");
  EXPECT_EQ(json::parse(m.body)["code"], "method_not_allowed");
}

TEST_F(ApiTest, EveryRouteIsRegisteredOnce) {
  auto routes = api_->Routes();
  std::set<std::string> unique(routes.begin(), routes.end());
  EXPECT_EQ(unique.size(), routes.size());
  for (const char* r :
       {"GET /api/health", "POST /api/session", "DELETE /api/session", "GET /api/me", "PUT /api/me",
        "GET /api/users", "POST /api/users", "PUT /api/users/{name}", "DELETE /api/users/{name}",
        "POST /api/tokens", "DELETE /api/tokens/{id}", "GET /api/partnerships",
        "GET /api/partnerships/{id}"}) {
    EXPECT_TRUE(unique.count(r)) << r;
  }
}

}  // namespace
}  // namespace kembar::server
