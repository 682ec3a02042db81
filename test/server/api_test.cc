// The API without sockets: access checks (401, 403, CSRF), the login throttle,
// session expiry, user and token administration, the read endpoints.
#include "server/api.h"

#include <gtest/gtest.h>

#include "kembar/kembar.h"
#include "server/api_fixture.h"
#include "testing/fixtures.h"

namespace kembar::server {
namespace {

using nlohmann::json;

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

TEST_F(ApiTest, RefusedUserChangesNameTheirFieldInTheCallersLanguage) {
  Login admin = LogIn("admin");
  auto post = [&](const json& body, const std::string& lang) {
    return Call("POST", "/api/users?lang=" + lang, body.dump(), Bearer(admin));
  };
  struct Case {
    json body;
    std::string field, en, id;
  };
  const Case cases[] = {
      {{{"name", "eka"}, {"role", "viewer"}, {"password", "short"}},
       "password",
       "at least 10 characters",
       "minimal 10 karakter"},
      {{{"name", "Eka Putri"}, {"role", "viewer"}, {"password", kPassword}},
       "name",
       "a user name is 1 to 64",
       "nama pengguna"},
      {{{"name", "eka"}, {"role", "editor"}, {"password", kPassword}},
       "regions",
       "an editor needs at least one region",
       "editor memerlukan paling sedikit satu wilayah"},
      {{{"name", "eka"}, {"role", "viewer"}, {"regions", {"id-surabaya"}}, {"password", kPassword}},
       "regions",
       "only editors have regions",
       "hanya editor"},
      {{{"name", "eka"}, {"role", "boss"}, {"password", kPassword}},
       "role",
       "\"role\" is",
       "berisi"},
      {{{"name", "eka"}, {"role", "viewer"}}, "password", "is required", "wajib diisi"},
  };
  for (const Case& c : cases) {
    for (const std::string lang : {"en", "id"}) {
      HttpResponse r = post(c.body, lang);
      EXPECT_EQ(r.status, 400) << c.body.dump() << r.body;
      json b = json::parse(r.body);
      EXPECT_EQ(b["code"], "invalid_input");
      EXPECT_EQ(b["field"], c.field) << r.body;
      EXPECT_NE(b["message"].get<std::string>().find(lang == "en" ? c.en : c.id), std::string::npos)
          << lang << ": " << r.body;
    }
  }
  // PUT names its members the same way.
  HttpResponse to_editor =
      Call("PUT", "/api/users/budi?lang=id", json{{"role", "editor"}}.dump(), Bearer(admin));
  EXPECT_EQ(to_editor.status, 400);
  EXPECT_EQ(json::parse(to_editor.body)["field"], "regions") << to_editor.body;
  HttpResponse pw =
      Call("PUT", "/api/users/budi", json{{"password", "short"}}.dump(), Bearer(admin));
  EXPECT_EQ(json::parse(pw.body)["field"], "password") << pw.body;
  // The last enabled admin stays, in both languages; nothing changed.
  HttpResponse last_en = Call("DELETE", "/api/users/admin?lang=en", "", Bearer(admin));
  EXPECT_EQ(last_en.status, 400);
  EXPECT_NE(json::parse(last_en.body)["message"].get<std::string>().find("last enabled admin"),
            std::string::npos)
      << last_en.body;
  HttpResponse last_id = Call("DELETE", "/api/users/admin?lang=id", "", Bearer(admin));
  EXPECT_EQ(last_id.status, 400);
  EXPECT_NE(json::parse(last_id.body)["message"].get<std::string>().find("admin aktif terakhir"),
            std::string::npos)
      << last_id.body;
  HttpResponse demote =
      Call("PUT", "/api/users/admin?lang=id", json{{"role", "viewer"}}.dump(), Bearer(admin));
  EXPECT_EQ(demote.status, 400);
  EXPECT_NE(json::parse(demote.body)["message"].get<std::string>().find("admin aktif terakhir"),
            std::string::npos)
      << demote.body;
  EXPECT_EQ(Call("GET", "/api/me", "", Bearer(admin)).status, 200);
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
  EXPECT_EQ(json::parse(short_pw.body)["field"], "password");

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

  // Every account change above is in the change log's chain.
  AuditParams accounts;
  accounts.action = "token.";
  auto audit = kembar_->Audit(accounts);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->total, 2u);
  EXPECT_EQ(audit->entries[0].address, "192.0.2.7");
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok());
}

TEST_F(ApiTest, AuditListsFilteredEntriesForAdminsOnly) {
  Login admin = LogIn("admin");
  Login siti = LogIn("siti");
  ASSERT_EQ(
      Call("POST", "/api/session", json{{"username", "budi"}, {"password", "wrong wrong"}}.dump())
          .status,
      401);
  EXPECT_EQ(Call("GET", "/api/audit", "", Bearer(siti)).status, 403);
  EXPECT_EQ(Call("GET", "/api/audit").status, 401);

  HttpResponse all = Call("GET", "/api/audit?per_page=2", "", Bearer(admin));
  ASSERT_EQ(all.status, 200) << all.body;
  json b = json::parse(all.body);
  // The import, three user.add, two logins, a failed login (and nothing else).
  EXPECT_EQ(b["total"], 7);
  EXPECT_EQ(b["page"], 1);
  EXPECT_EQ(b["per_page"], 2);
  ASSERT_EQ(b["items"].size(), 2u);
  EXPECT_EQ(b["items"][0]["action"], "login.failed");  // newest first
  EXPECT_EQ(b["items"][0]["actor"], "budi");
  EXPECT_EQ(b["items"][0]["address"], "192.0.2.7");
  EXPECT_EQ(b["items"][0]["summary"], "wrong password");
  EXPECT_TRUE(b["items"][0]["before"].is_null());
  EXPECT_GT(b["items"][0]["seq"].get<int64_t>(), b["items"][1]["seq"].get<int64_t>());

  json users = json::parse(Call("GET", "/api/audit?action=user.add", "", Bearer(admin)).body);
  EXPECT_EQ(users["total"], 3);
  EXPECT_EQ(users["items"][0]["after"]["name"], "budi");  // a parsed object
  EXPECT_TRUE(users["items"][0]["after"].is_object());

  json by_user = json::parse(Call("GET", "/api/audit?user=siti", "", Bearer(admin)).body);
  ASSERT_EQ(by_user["total"], 1);
  EXPECT_EQ(by_user["items"][0]["action"], "login");

  // The import touched Surabaya's partnerships; the account entries name no region.
  json region = json::parse(Call("GET", "/api/audit?region=id-surabaya", "", Bearer(admin)).body);
  ASSERT_EQ(region["total"], 1);
  EXPECT_EQ(region["items"][0]["action"], "import");
  EXPECT_EQ(region["items"][0]["actor"], "local:test");

  // Account entries are dated by the server's clock (2027-01-15 here).
  json day =
      json::parse(Call("GET", "/api/audit?from=2027-01-15&to=2027-01-15", "", Bearer(admin)).body);
  EXPECT_EQ(day["total"], 6);
  json none = json::parse(Call("GET", "/api/audit?from=2027-01-16", "", Bearer(admin)).body);
  EXPECT_EQ(none["total"], 0);

  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"from=2027-13-01", "from"},
                                                        {"to=yesterday", "to"},
                                                        {"from=2027-02-01&to=2027-01-01", "to"},
                                                        {"page=0", "page"},
                                                        {"per_page=100000", "per_page"},
                                                        {"region=nowhere-at-all", "region"}}) {
    HttpResponse bad = Call("GET", "/api/audit?" + query, "", Bearer(admin));
    EXPECT_EQ(bad.status, field == "region" ? 404 : 400) << query << bad.body;
    EXPECT_EQ(json::parse(bad.body)["field"], field) << query;
  }
}

TEST_F(ApiTest, MeCarriesTheFeedTokenWhichRotates) {
  Login budi = LogIn("budi");
  json me = json::parse(Call("GET", "/api/me", "", Bearer(budi)).body);
  const std::string feed = me["feed_token"];
  EXPECT_TRUE(feed.starts_with("kbf_")) << feed;
  json put =
      json::parse(Call("PUT", "/api/me", json{{"language", "id"}}.dump(), Bearer(budi)).body);
  EXPECT_EQ(put["feed_token"], feed);
  auto who = accounts_->AuthenticateFeed(feed);
  ASSERT_TRUE(who.ok() && who->has_value());
  EXPECT_EQ((*who)->name, "budi");
  HttpResponse rotated = Call("POST", "/api/me/feed", "", Bearer(budi));
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  const std::string next = json::parse(rotated.body)["feed_token"];
  EXPECT_NE(next, feed);
  EXPECT_FALSE(accounts_->AuthenticateFeed(feed)->has_value());
  EXPECT_EQ(json::parse(Call("GET", "/api/me", "", Bearer(budi)).body)["feed_token"], next);
  // A feed token is not a credential for the API.
  EXPECT_EQ(Call("GET", "/api/me", "", {{"authorization", "Bearer " + next}}).status, 401);
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
