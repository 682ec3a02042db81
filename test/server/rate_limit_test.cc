// The per-address rate limit of requests without a login: the token bucket on a
// clock the test moves, then through the Api (429, Retry-After, JSON error body), and
// that authenticated clients never meet it.
#include "server/rate_limit.h"

#include <gtest/gtest.h>

#include "kembar/kembar.h"
#include "server/api.h"
#include "testing/fixtures.h"

namespace kembar::server {
namespace {

using nlohmann::json;

TEST(RateLimiterTest, ABurstThenTheSteadyRate) {
  RateLimiter limiter({.rate = 10, .burst = 20});
  double now = 100;
  for (int i = 0; i < 20; ++i) EXPECT_EQ(limiter.Take("a", now), 0) << i;
  EXPECT_EQ(limiter.Take("a", now), 1);  // empty: a token in 0.1 s, rounded up
  EXPECT_EQ(limiter.Take("b", now), 0);  // another address has its own bucket
  now += 0.1;
  EXPECT_EQ(limiter.Take("a", now), 0);
  EXPECT_EQ(limiter.Take("a", now), 1);
  // A steady 10 per second passes; 11 per second does not.
  int refused = 0;
  for (int i = 0; i < 100; ++i) {
    now += 0.1;
    refused += limiter.Take("a", now) != 0;
  }
  EXPECT_EQ(refused, 0);
  for (int i = 0; i < 110; ++i) {
    now += 1.0 / 11;
    refused += limiter.Take("a", now) != 0;
  }
  EXPECT_GE(refused, 9);
  EXPECT_LE(refused, 11);
  // It refills to the burst and no further.
  now += 3600;
  for (int i = 0; i < 20; ++i) EXPECT_EQ(limiter.Take("a", now), 0);
  EXPECT_NE(limiter.Take("a", now), 0);
}

TEST(RateLimiterTest, RetryAfterIsTheWaitForOneToken) {
  RateLimiter slow({.rate = 0.25, .burst = 1});
  EXPECT_EQ(slow.Take("a", 0), 0);
  EXPECT_EQ(slow.Take("a", 0), 4);
  EXPECT_EQ(slow.Take("a", 1), 3);
  EXPECT_EQ(slow.Take("a", 4), 0);
}

TEST(RateLimiterTest, ZeroRateMeansNoLimit) {
  RateLimiter off({.rate = 0, .burst = 0});
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(off.Take("a", 0), 0);
  EXPECT_EQ(off.size(), 0u);
}

class ApiRateLimitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempDir() + "/kembar.db";
    KembarOptions o;
    o.db_path = path_;
    auto k = Kembar::Open(o);
    ASSERT_TRUE(k.ok());
    kembar_ = std::move(*k);
    auto a = AccountStore::Open(path_, {});
    ASSERT_TRUE(a.ok());
    accounts_ = std::move(*a);
    ASSERT_TRUE(
        accounts_->CreateUser({"budi", Role::kViewer, {}, "correct horse battery", "en"}, {"t", ""})
            .ok());
    Api::Options opts;
    opts.anonymous = {.rate = 5, .burst = 10};
    opts.monotonic_clock = [this] { return now_; };
    api_ = std::make_unique<Api>(*kembar_, *accounts_, opts);
  }

  HttpResponse Call(const std::string& target, const std::string& remote,
                    const std::string& token = "", const std::string& method = "GET") {
    HttpRequest r;
    r.method = method;
    r.target = target;
    EXPECT_TRUE(ParseTarget(target, &r.path, &r.query));
    if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
    r.remote = remote;
    return api_->Handle(r);
  }
  static std::string Header(const HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return {};
  }

  std::string path_;
  double now_ = 1000;
  std::unique_ptr<Kembar> kembar_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiRateLimitTest, AnonymousRequestsGet429WithRetryAfterPerAddress) {
  for (int i = 0; i < 10; ++i) EXPECT_EQ(Call("/api/health", "192.0.2.1").status, 200) << i;
  HttpResponse r = Call("/api/health", "192.0.2.1");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(Header(r, "Retry-After"), "1");
  EXPECT_EQ(r.content_type, "application/json");
  json body = json::parse(r.body);
  EXPECT_EQ(body["code"], "rate_limited");
  EXPECT_EQ(body["path"], "/api/health");
  EXPECT_FALSE(body["message"].get<std::string>().empty());
  EXPECT_EQ(Header(r, "X-Content-Type-Options"), "nosniff");  // still every header
  // 401s count too, and so do the web application's files.
  EXPECT_EQ(Call("/api/me", "192.0.2.1").status, 429);
  EXPECT_EQ(Call("/", "192.0.2.1").status, 429);
  // Another address is not affected.
  EXPECT_EQ(Call("/api/health", "192.0.2.2").status, 200);
  // Tokens come back at the configured rate.
  now_ += 0.2;
  EXPECT_EQ(Call("/api/health", "192.0.2.1").status, 200);
  EXPECT_EQ(Call("/api/health", "192.0.2.1").status, 429);
  now_ += 2;
  for (int i = 0; i < 10; ++i) EXPECT_EQ(Call("/api/health", "192.0.2.1").status, 200) << i;
}

TEST_F(ApiRateLimitTest, AuthenticatedClientsAreNeverLimited) {
  auto session = accounts_->Login("budi", "correct horse battery", "192.0.2.1");
  ASSERT_TRUE(session.ok() && session->has_value());
  const std::string token = (*session)->token;
  // Exhaust the address's anonymous bucket first.
  while (Call("/api/health", "192.0.2.1").status == 200) {
  }
  // 5,000 requests in one instant of the clock (far past 2,000/s) all pass, on public
  // and authenticated routes alike.
  for (int i = 0; i < 2500; ++i) {
    ASSERT_EQ(Call("/api/me", "192.0.2.1", token).status, 200) << i;
    ASSERT_EQ(Call("/api/health", "192.0.2.1", token).status, 200) << i;
  }
  // A token that is not valid counts as no login.
  EXPECT_EQ(Call("/api/me", "192.0.2.1", "kbs_" + std::string(64, '0')).status, 429);
  // After logout the same token is no login at once (the logout empties the cache of
  // verified credentials), so the address's empty bucket applies again.
  EXPECT_EQ(Call("/api/session", "192.0.2.1", token, "DELETE").status, 204);
  EXPECT_EQ(Call("/api/me", "192.0.2.1", token).status, 429);
  now_ += 1;
  EXPECT_EQ(Call("/api/me", "192.0.2.1", token).status, 401);
}

}  // namespace
}  // namespace kembar::server
