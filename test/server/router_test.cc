// The router: literal and captured segments, method handling, decoding.
#include "server/router.h"

#include <gtest/gtest.h>

namespace kembar::server {
namespace {

Handler Named(std::string name) {
  return [name](RequestContext&) {
    HttpResponse r;
    r.body = name;
    return r;
  };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/partnerships", Access::kUser, Named("list"));
    router_.Add("GET", "/api/partnerships/{id}", Access::kUser, Named("get"));
    router_.Add("PUT", "/api/partnerships/{id}", Access::kUser, Named("put"));
    router_.Add("GET", "/api/partnerships/{id}/events/{event_id}", Access::kUser, Named("event"));
    router_.Add("GET", "/api/partnerships/export", Access::kAdmin, Named("literal"));
    router_.Add("GET", "/api/health", Access::kPublic, Named("health"));
  }
  Router router_;
};

TEST_F(RouterTest, CapturesSegmentsAndPrefersLiterals) {
  auto m = router_.Find("GET", "/api/partnerships/surabaya-liverpool");
  ASSERT_EQ(m.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(m.params.at("id"), "surabaya-liverpool");
  EXPECT_EQ(m.pattern, "/api/partnerships/{id}");

  m = router_.Find("GET", "/api/partnerships/export");
  ASSERT_EQ(m.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(m.pattern, "/api/partnerships/export");
  EXPECT_EQ(m.access, Access::kAdmin);

  m = router_.Find("GET", "/api/partnerships/a/events/a.01");
  ASSERT_EQ(m.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(m.params.at("id"), "a");
  EXPECT_EQ(m.params.at("event_id"), "a.01");
}

TEST_F(RouterTest, DecodesCapturesButNotAcrossSegments) {
  auto m = router_.Find("GET", "/api/partnerships/kota%20a%2Fb");
  ASSERT_EQ(m.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(m.params.at("id"), "kota a/b");
  EXPECT_EQ(router_.Find("GET", "/api/partnerships/%zz").kind, Router::Match::Kind::kNotFound);
}

TEST_F(RouterTest, TrailingSlashAndEmptySegments) {
  EXPECT_EQ(router_.Find("GET", "/api/partnerships/").kind, Router::Match::Kind::kFound);
  EXPECT_EQ(router_.Find("GET", "/api//partnerships").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router_.Find("GET", "/api/nothing").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router_.Find("GET", "").kind, Router::Match::Kind::kNotFound);
}

TEST_F(RouterTest, OtherMethodsGiveMethodNotAllowedWithTheList) {
  auto m = router_.Find("DELETE", "/api/partnerships/x");
  ASSERT_EQ(m.kind, Router::Match::Kind::kMethodNotAllowed);
  EXPECT_EQ(m.allow, "GET, PUT");
  EXPECT_EQ(router_.Find("HEAD", "/api/health").kind, Router::Match::Kind::kFound);
}

TEST(TargetTest, SplitsPathAndDecodesQuery) {
  std::string path;
  std::map<std::string, std::string> query;
  ASSERT_TRUE(
      ParseTarget("/api/partnerships?region=Kota+Surabaya&text=K%C5%8Dchi&page=2", &path, &query));
  EXPECT_EQ(path, "/api/partnerships");
  EXPECT_EQ(query.at("region"), "Kota Surabaya");
  EXPECT_EQ(query.at("text"),
            "K\xC5\x8D"
            "chi");
  EXPECT_EQ(query.at("page"), "2");
  EXPECT_FALSE(ParseTarget("http://example.com/", &path, &query));
  EXPECT_FALSE(ParseTarget("/a?x=%4", &path, &query));
}

TEST(JsonBodyTest, NamesLineAndColumnAndLimitsDepth) {
  auto bad = ParseJsonBody("{\n  \"a\": 1,\n  \"b\": }");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad.status().message().find("line 3, column"), std::string::npos)
      << bad.status().message();
  std::string deep(kMaxJsonDepth + 1, '[');
  deep += std::string(kMaxJsonDepth + 1, ']');
  auto too_deep = ParseJsonBody(deep);
  ASSERT_FALSE(too_deep.ok());
  EXPECT_NE(too_deep.status().message().find("nests"), std::string::npos);
  EXPECT_TRUE(
      ParseJsonBody(std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']')).ok());
}

// Found by the api_body fuzzer: nlohmann refuses a number beyond a double with an
// out_of_range exception, which escaped as a 500.
TEST(JsonBodyTest, ANumberBeyondADoubleIsABadRequestNotAnInternalError) {
  for (const char* body : {"1e400", "{\"a\": -1e400}", "[1e999999]", "1e400\": \"\" }"}) {
    auto r = ParseJsonBody(body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput) << body;
  }
  auto r = ParseJsonBody("{\"population\": 1e400}");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("out of range"), std::string::npos) << r.status().message();
}

TEST(ErrorBodyTest, UsesTheErrorTable) {
  HttpResponse r = ErrorResponse(ErrorFromStatus(Status::TooLarge("big")), "/api/import");
  EXPECT_EQ(r.status, 413);
  auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["code"], "too_large");
  EXPECT_EQ(body["message"], "big");
  EXPECT_EQ(body["path"], "/api/import");
  EXPECT_FALSE(body.contains("field"));
  EXPECT_EQ(ErrorFromStatus(Status::NotFound("x")).http_status, 404);
  EXPECT_EQ(ErrorFromStatus(Status::InvalidInput("x")).http_status, 400);
}

}  // namespace
}  // namespace kembar::server
