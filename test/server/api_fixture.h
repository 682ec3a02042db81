// The API test fixture: a database with the bundled Indonesian data (imported once
// per suite, copied per test), three users (admin; siti, an editor of Surabaya; budi,
// a viewer), a controllable clock, and helpers to call the Api without sockets.
#ifndef KEMBAR_TEST_SERVER_API_FIXTURE_H_
#define KEMBAR_TEST_SERVER_API_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "kembar/kembar.h"
#include "server/api.h"
#include "server/openapi_check.h"
#include "testing/fixtures.h"

namespace kembar::server {

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
  // Each suite built on this fixture makes its own template; run together in one
  // process (a --gtest_filter over several suites), the previous one is freed here.
  static void TearDownTestSuite() {
    delete template_dir_;
    template_dir_ = nullptr;
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

  static inline std::string* template_dir_ = nullptr;
  std::string path_;
  int64_t now_ = 1'800'000'000;
  std::unique_ptr<Kembar> kembar_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<Api> api_;
};

}  // namespace kembar::server

#endif  // KEMBAR_TEST_SERVER_API_FIXTURE_H_
