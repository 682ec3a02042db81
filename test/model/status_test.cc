#include <gtest/gtest.h>

#include <set>

#include "kembar/model/error_table.h"
#include "kembar/model/status.h"

namespace kembar {
namespace {

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::InvalidInput("regions[0].id: bad");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.ToString(), "invalid_input: regions[0].id: bad");
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> v = 3;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 3);
  Result<int> e = Status::NotFound("x");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
}

TEST(ErrorTableTest, EveryCodeHasItsOwnRow) {
  std::set<std::string_view> api_codes;
  std::set<int> exit_codes;
  for (StatusCode c : {StatusCode::kOk, StatusCode::kInvalidInput, StatusCode::kNotFound,
                       StatusCode::kTooLarge, StatusCode::kIoError, StatusCode::kCorruption,
                       StatusCode::kUnsupported}) {
    const ErrorInfo& info = DescribeError(c);
    EXPECT_EQ(info.code, c);
    api_codes.insert(info.api_code);
    exit_codes.insert(info.exit_code);
  }
  EXPECT_EQ(api_codes.size(), 7u);
  EXPECT_EQ(exit_codes.size(), 7u);
  EXPECT_EQ(DescribeError(StatusCode::kOk).exit_code, 0);
  EXPECT_EQ(DescribeError(StatusCode::kInvalidInput).http_status, 400);
  EXPECT_EQ(DescribeError(StatusCode::kTooLarge).http_status, 413);
}

}  // namespace
}  // namespace kembar
