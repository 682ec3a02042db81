// Black-box tests of the assessment commands: assess (file and database), status,
// calendar with an iCalendar file, relations; both languages.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;

using Output = testing::CliOutput;
using testing::RunKembar;

class AssessCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    bundled_ = testing::SourcePath("data/indonesia.dossier.json");
  }
  std::string dir_, bundled_;
};

TEST_F(AssessCliTest, AssessAFileWithoutADatabase) {
  Output o = RunKembar(dir_, "assess '" + bundled_ + "' --as-of 2022-12-31 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/kembar.db")) << "no database needed";
  const json doc = json::parse(o.out);
  EXPECT_EQ(doc["format"], "kembar-assessment/2");
  EXPECT_EQ(doc["as_of"], "2022-12-31");
  bool found = false;
  for (const json& p : doc["partnerships"]) {
    if (p["id"] != "surabaya-liverpool") continue;
    found = true;
    EXPECT_EQ(p["condition"], "active") << "seed 004: the cooperation succeeded";
    EXPECT_EQ(p["agreement"]["in_force"], true);
    EXPECT_EQ(p["indicators"]["smart_dimensions"], json::array({"people"}));
  }
  EXPECT_TRUE(found);
}

// The studies' flagship cases, through the binary (issue: verdicts that agree with the studies).
TEST_F(AssessCliTest, FlagshipCasesAgreeWithTheStudies) {
  Output o = RunKembar(dir_, "assess '" + bundled_ + "' --as-of 2023-12-31 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json doc = json::parse(o.out);
  bool found = false;
  for (const json& p : doc["partnerships"]) {
    if (p["id"] != "surabaya-liverpool") continue;
    found = true;
    EXPECT_EQ(p["condition"], "active");
    ASSERT_EQ(p["concepts"].size(), 1u) << p["concepts"].dump();
    EXPECT_EQ(p["concepts"][0]["code"], "distance");
    EXPECT_GT(p["indicators"]["contributions"]["id-surabaya"].get<double>(), 4);
    EXPECT_EQ(p["concepts"][0]["explanation"].get<std::string>().find("gb-liverpool"),
              std::string::npos);
  }
  EXPECT_TRUE(found);

  ASSERT_EQ(RunKembar(dir_, "import '" + bundled_ + "' -q").exit_code, 0);
  Output y2013 = RunKembar(dir_, "status --region id-surabaya --as-of 2013-12-31 --lang id");
  ASSERT_EQ(y2013.exit_code, 0) << y2013.err;
  EXPECT_EQ(y2013.out.find("surabaya-liverpool"), std::string::npos)
      << "no partner before its first contact";
  for (const char* id : {"surabaya-seattle ", "surabaya-kochi ", "surabaya-kitakyushu "}) {
    const size_t at = y2013.out.find(id);
    ASSERT_NE(at, std::string::npos) << id;
    const std::string line = y2013.out.substr(at, y2013.out.find('\n', at) - at);
    EXPECT_NE(line.find(" aktif "), std::string::npos) << line;
  }
  EXPECT_NE(y2013.out.find("per tanggal 31 Desember 2013"), std::string::npos) << y2013.out;

  Output beihai = RunKembar(dir_, "assess --partnership semarang-beihai --as-of 2026-11-29");
  ASSERT_EQ(beihai.exit_code, 0) << beihai.err;
  EXPECT_NE(beihai.out.find("condition: dormant"), std::string::npos) << beihai.out;
  EXPECT_NE(beihai.out.find("Answer the letter from Beihai of October–December 2016"),
            std::string::npos)
      << beihai.out;
  EXPECT_NE(beihai.out.find("or terminate the partnership formally"), std::string::npos)
      << beihai.out;
}

TEST_F(AssessCliTest, InvalidDossierIsRefusedWithItsPathAndNoAssessment) {
  testing::WriteFileOrDie(dir_ + "/bad.json", R"({"format":"kembar-dossier/1","regions":[],
    "partnerships":[{"id":"p","kind":"sister_city","parties":["a","b"],"events":[{"type":"mou_signed","date":"2018-13"}]}]})");
  Output o = RunKembar(dir_, "assess bad.json --as-of 2020-01-01 --json");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_TRUE(o.out.empty()) << o.out;
  EXPECT_NE(o.err.find("partnerships[0].events[0].date"), std::string::npos) << o.err;
  Output bad_date = RunKembar(dir_, "assess '" + bundled_ + "' --as-of 2020-02-30");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("--as-of"), std::string::npos) << bad_date.err;
}

TEST_F(AssessCliTest, StoreCommandsInBothLanguages) {
  ASSERT_EQ(RunKembar(dir_, "import '" + bundled_ + "' -q").exit_code, 0);
  Output en = RunKembar(dir_, "assess --partnership semarang-beihai --as-of 2016-06-30");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("condition: dormant"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("no activity after the MoU"), std::string::npos);
  Output id = RunKembar(dir_, "assess --partnership semarang-beihai --as-of 2016-06-30 --lang id");
  EXPECT_NE(id.out.find("kondisi: tidak aktif"), std::string::npos) << id.out;
  EXPECT_NE(id.out.find("pastikan bersama Kota Beihai"), std::string::npos) << id.out;
  EXPECT_EQ(id.out.find("cn-beihai"), std::string::npos) << "names, not ids";

  Output status = RunKembar(dir_, "status --region id-surabaya --as-of 2022-12-31");
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("surabaya-liverpool"), std::string::npos);
  EXPECT_NE(status.out.find("11 partnerships:"), std::string::npos) << status.out;
  Output by = RunKembar(dir_, "status --by province --as-of 2022-12-31 --lang id");
  ASSERT_EQ(by.exit_code, 0) << by.err;
  EXPECT_NE(by.out.find("Jawa Timur"), std::string::npos) << by.out;
  EXPECT_NE(by.out.find("Jawa Tengah"), std::string::npos);
  Output by_en = RunKembar(dir_, "status --by province --as-of 2022-12-31 --lang en");
  EXPECT_NE(by_en.out.find("Central Java"), std::string::npos) << by_en.out;
  EXPECT_EQ(by_en.out.find("Jawa Tengah"), std::string::npos) << by_en.out;
  Output country = RunKembar(dir_, "status --by country --as-of 2022-12-31");
  EXPECT_NE(country.out.find("United Kingdom"), std::string::npos) << country.out;
  Output unknown_region = RunKembar(dir_, "status --region xx-nowhere");
  EXPECT_EQ(unknown_region.exit_code, 3);
}

TEST_F(AssessCliTest, CalendarWritesAnIcsFile) {
  testing::WriteFileOrDie(dir_ + "/mou.json", R"({"format":"kembar-dossier/1","regions":[
      {"id":"id-a","name":"Kota A","country":"ID","level":"city"},
      {"id":"jp-b","name":"B-shi","country":"JP","level":"city"}],
    "partnerships":[{"id":"a-b","kind":"sister_city","parties":["id-a","jp-b"],"events":[
      {"type":"mou_signed","date":"2021-09-01","valid_years":5}]}]})");
  ASSERT_EQ(RunKembar(dir_, "import mou.json -q").exit_code, 0);
  Output o = RunKembar(dir_, "calendar --as-of 2026-01-15 --months 12 --ics renewals.ics");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("1 March 2026"), std::string::npos) << o.out;  // renewal deadline
  EXPECT_NE(o.out.find("1 September 2026"), std::string::npos);       // expiry
  const std::string ics = testing::ReadFileOrDie(dir_ + "/renewals.ics");
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20260301"), std::string::npos);
  Output none = RunKembar(dir_, "calendar --as-of 2020-01-01 --months 3");
  EXPECT_NE(none.out.find("No MoU expires"), std::string::npos) << none.out;
}

TEST_F(AssessCliTest, RelationsAnswersWithTheMissions) {
  Output o = RunKembar(dir_, "relations ID TW --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json r = json::parse(o.out);
  EXPECT_EQ(r["status"], "de_facto");
  EXPECT_FALSE(r["missions"].empty());
  EXPECT_EQ(json::parse(RunKembar(dir_, "relations Indonesia Israel --json").out)["status"],
            "none");
  EXPECT_EQ(json::parse(RunKembar(dir_, "relations id jp --json").out)["status"], "official");
  // The text in either language names the countries and the kind of relations.
  Output id = RunKembar(dir_, "--lang id relations ID TW");
  ASSERT_EQ(id.exit_code, 0) << id.err;
  EXPECT_NE(id.out.find("Indonesia (ID) dan Taiwan (TW): hanya hubungan de facto"),
            std::string::npos)
      << id.out;
  EXPECT_NE(id.out.find("kantor perwakilan de facto TW di Jakarta"), std::string::npos) << id.out;
  Output en = RunKembar(dir_, "--lang en relations HK ID");
  EXPECT_NE(en.out.find("Hong Kong (HK) – Indonesia (ID): official diplomatic relations"),
            std::string::npos)
      << en.out;
  EXPECT_NE(en.out.find("follows its sovereign state's relations"), std::string::npos);
  Output bad = RunKembar(dir_, "relations ID Atlantis");
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("Atlantis"), std::string::npos);
}

TEST_F(AssessCliTest, PolicyFileOverridesTheThresholds) {
  ASSERT_EQ(RunKembar(dir_, "import '" + bundled_ + "' -q").exit_code, 0);
  testing::WriteFileOrDie(dir_ + "/policy.json",
                          R"({"format":"kembar-policy/1","assessment":{"one_sided_share":0.9}})");
  Output strict = RunKembar(
      dir_,
      "assess --partnership surabaya-liverpool --as-of 2022-12-31 --json --policy policy.json");
  ASSERT_EQ(strict.exit_code, 0) << strict.err;
  // 86 % is one-sided under the default 80 %, not under 90 %.
  EXPECT_EQ(json::parse(strict.out)["partnerships"][0]["condition"], "active");
  testing::WriteFileOrDie(dir_ + "/typo.json", R"({"assessment":{"gap":3}})");
  Output typo = RunKembar(dir_, "assess --as-of 2022-12-31 --policy typo.json");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("assessment.gap"), std::string::npos) << typo.err;
}

}  // namespace
}  // namespace kembar
