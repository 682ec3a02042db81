#include "kembar/model/status.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "kembar/model/error_table.h"
#include "kembar/model/lang.h"

namespace kembar {
namespace {

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::InvalidInput("regions[0].id: bad");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.ToString(), "invalid_input: regions[0].id: bad");
}

TEST(StatusTest, MessageInBothLanguages) {
  Status s = Status::NotFound("no partnership 'x'", "tidak ada kemitraan 'x'");
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "no partnership 'x'");
  EXPECT_EQ(s.message(Lang::kEn), "no partnership 'x'");
  EXPECT_EQ(s.message(Lang::kId), "tidak ada kemitraan 'x'");
  EXPECT_TRUE(s.has_indonesian());
  // ToString stays English (logs, API).
  EXPECT_EQ(s.ToString(), "not_found: no partnership 'x'");

  Status m = Status::InvalidInput(Message{"bad", "salah"});
  EXPECT_EQ(m.message(Lang::kId), "salah");
}

TEST(StatusTest, EnglishOnlyFallsBackToEnglish) {
  Status s = Status::IoError("disk full");
  EXPECT_FALSE(s.has_indonesian());
  EXPECT_EQ(s.message(Lang::kId), "disk full");
  EXPECT_EQ(Status::Ok().message(Lang::kId), "");
}

TEST(StatusTest, FromCodeKeepsBothLanguages) {
  Status s = Status::FromCode(StatusCode::kTooLarge, {"too big", "terlalu besar"});
  EXPECT_EQ(s.code(), StatusCode::kTooLarge);
  EXPECT_EQ(s.message(Lang::kId), "terlalu besar");
  EXPECT_TRUE(Status::FromCode(StatusCode::kOk, {"x", "y"}).ok());
  // A Result carries the Status unchanged.
  Result<int> r = Status::Corruption("broken", "rusak");
  EXPECT_EQ(r.status().message(Lang::kId), "rusak");
}

TEST(MessageTest, ConcatenationKeepsLanguagesAligned) {
  const Message a{"cannot read '", "tidak dapat membaca '"};
  const Message m = a + "x.json" + Message{"'", ""};
  EXPECT_EQ(m.en, "cannot read 'x.json'");
  EXPECT_EQ(m.id, "tidak dapat membaca 'x.json'");
  // An English-only part joins the Indonesian side in English, nothing is lost.
  const Message b = Message{"frame: ", "bingkai: "} + Message{"detail", ""};
  EXPECT_EQ(b.in(Lang::kId), "bingkai: detail");
  // English only stays English only.
  const Message c = Message{"x", ""} + "y";
  EXPECT_EQ(c.id, "");
  EXPECT_EQ(c.in(Lang::kId), "xy");
  EXPECT_EQ(("p: " + Message{"q", "r"}).id, "p: r");
}

TEST(LangTest, ParseAndEnvironment) {
  EXPECT_EQ(ParseLang("id"), Lang::kId);
  EXPECT_EQ(ParseLang("en"), Lang::kEn);
  EXPECT_EQ(ParseLang("fr"), std::nullopt);
  EXPECT_EQ(ToString(Lang::kId), "id");

  ::setenv("KEMBAR_LANG", "id", 1);
  ::setenv("LANG", "C.UTF-8", 1);
  EXPECT_EQ(LangFromEnvironment(), Lang::kId);
  ::setenv("KEMBAR_LANG", "en", 1);
  ::setenv("LANG", "id_ID.UTF-8", 1);
  EXPECT_EQ(LangFromEnvironment(), Lang::kEn);  // KEMBAR_LANG wins
  ::unsetenv("KEMBAR_LANG");
  EXPECT_EQ(LangFromEnvironment(), Lang::kId);
  ::setenv("LANG", "en_GB.UTF-8", 1);
  EXPECT_EQ(LangFromEnvironment(), Lang::kEn);
  ::unsetenv("LANG");
  EXPECT_EQ(LangFromEnvironment(), Lang::kEn);
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
  for (StatusCode c :
       {StatusCode::kOk, StatusCode::kInvalidInput, StatusCode::kNotFound, StatusCode::kTooLarge,
        StatusCode::kIoError, StatusCode::kCorruption, StatusCode::kUnsupported,
        StatusCode::kConflict, StatusCode::kPermissionDenied}) {
    const ErrorInfo& info = DescribeError(c);
    EXPECT_EQ(info.code, c);
    api_codes.insert(info.api_code);
    exit_codes.insert(info.exit_code);
  }
  EXPECT_EQ(api_codes.size(), 9u);
  EXPECT_EQ(exit_codes.size(), 9u);
  EXPECT_EQ(DescribeError(StatusCode::kOk).exit_code, 0);
  EXPECT_EQ(DescribeError(StatusCode::kInvalidInput).http_status, 400);
  EXPECT_EQ(DescribeError(StatusCode::kTooLarge).http_status, 413);
  EXPECT_EQ(DescribeError(StatusCode::kConflict).http_status, 409);
  EXPECT_EQ(DescribeError(StatusCode::kPermissionDenied).http_status, 403);
}

}  // namespace
}  // namespace kembar
