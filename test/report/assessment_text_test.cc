// Portfolio views and the renewal calendar: what an officer reads and imports.
#include "kembar/report/assessment_text.h"

#include <gtest/gtest.h>

#include <sstream>

#include "kembar/io/dossier_reader.h"

namespace kembar::report {
namespace {

constexpr const char* kDossier = R"({"format": "kembar-dossier/1", "regions": [
  {"id": "id-jatim", "name": "Jawa Timur", "names": {"id": "Jawa Timur", "en": "East Java"},
   "country": "ID", "level": "province"},
  {"id": "id-sby", "name": "Surabaya", "country": "ID", "level": "city", "parent": "id-jatim"},
  {"id": "jp-kit", "name": "Kitakyushu", "country": "JP", "level": "city"},
  {"id": "kr-bus", "name": "Busan", "country": "KR", "level": "city"}],
 "partnerships": [
  {"id": "sby-kit", "kind": "sister_city", "parties": ["id-sby", "jp-kit"], "events": [
    {"type": "mou_signed", "date": "2016-06-01", "valid_until": "2021-06-01"},
    {"type": "activity", "date": "2020-11", "provider": "both", "sectors": ["school", "ngo"]}]},
  {"id": "sby-bus", "kind": "sister_city", "parties": ["id-sby", "kr-bus"], "events": [
    {"type": "mou_signed", "date": "2012", "valid_years": 10}]}]})";

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    io::DossierReader reader;
    ASSERT_TRUE(reader.Read(kDossier, &d_).ok());
    assess::Context ctx;
    as_of_ = ParseDay("2021-01-10").value();
    assessments_ = assess::AssessDossier(d_, as_of_, ctx);
  }
  Dossier d_;
  Day as_of_;
  std::vector<assess::PartnershipAssessment> assessments_;
};

TEST_F(ReportTest, StatusHasOneLinePerPartnershipAndTheShares) {
  const std::string en = FormatStatus(d_, assessments_, as_of_, assess::Lang::kEn);
  EXPECT_NE(en.find("sby-kit"), std::string::npos);
  EXPECT_NE(en.find("Kitakyushu (Japan)"), std::string::npos);
  // Never an activity: "never" and the months since the signing (latest day of 2012).
  EXPECT_NE(en.find("never, 96 since the MoU"), std::string::npos) << en;
  EXPECT_NE(en.find("2 partnerships: active 1 (50%), dormant 1 (50%)"), std::string::npos) << en;
  EXPECT_NE(en.find("With an MoU: 1 of 2 (50%) not carrying out activities"), std::string::npos)
      << en;
  const std::string id = FormatStatus(d_, assessments_, as_of_, assess::Lang::kId);
  EXPECT_NE(id.find("Kitakyushu (Jepang)"), std::string::npos) << id;
  EXPECT_NE(id.find("belum pernah, 96 sejak MoU"), std::string::npos) << id;
  EXPECT_NE(id.find("aktif 1 (50%), tidak aktif 1 (50%)"), std::string::npos) << id;
  const std::string by =
      FormatStatusBy(d_, assessments_, GroupBy::kProvince, as_of_, assess::Lang::kEn);
  // The province in the reader's language, Surabaya counted under its parent.
  EXPECT_NE(by.find("East Java "), std::string::npos) << by;
  EXPECT_EQ(by.find("Jawa Timur"), std::string::npos) << by;
  EXPECT_NE(by.find("no activity after the MoU (1)"), std::string::npos) << by;
  const std::string by_id =
      FormatStatusBy(d_, assessments_, GroupBy::kProvince, as_of_, assess::Lang::kId);
  EXPECT_NE(by_id.find("Jawa Timur "), std::string::npos) << by_id;
}

TEST_F(ReportTest, CalendarListsTheDeadlineAndTheExpiry) {
  const auto entries = assess::UpcomingRenewals(assessments_, as_of_, 12, assess::DefaultPolicy());
  // sby-kit expires 2021-06-01: the renewal deadline 2020-12-01 has passed (overdue);
  // sby-bus ("2012" + 10 years) expires some day of 2022: reminders use the earliest,
  // 2022-01-01, and its deadline 2021-07-01; both fall within 12 months of 2021-01-10.
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(FormatDay(entries[0].day), "2020-12-01");
  EXPECT_TRUE(entries[0].overdue);
  EXPECT_EQ(FormatDay(entries[1].day), "2021-06-01");
  EXPECT_EQ(entries[1].kind, assess::CalendarEntry::Kind::kExpiry);
  EXPECT_EQ(FormatDay(entries[2].day), "2021-07-01");
  EXPECT_EQ(entries[2].partnership, "sby-bus");
  EXPECT_EQ(FormatDay(entries[3].day), "2022-01-01");
  EXPECT_EQ(entries[3].expires.ToString(), "2022");
  EXPECT_EQ(assess::UpcomingRenewals(assessments_, as_of_, 5, assess::DefaultPolicy()).size(), 2u)
      << "five months ahead (to 2021-06-10): the overdue deadline and sby-kit's expiry";
  const std::string table = FormatCalendar(d_, entries, as_of_, 12, assess::Lang::kId);
  EXPECT_NE(table.find("mulai perpanjangan (terlambat)"), std::string::npos) << table;
}

TEST_F(ReportTest, IcsIsWellFormedForCalendarApps) {
  const auto entries = assess::UpcomingRenewals(assessments_, as_of_, 12, assess::DefaultPolicy());
  const std::string ics = CalendarIcs(d_, entries, as_of_, assess::Lang::kEn);
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
  size_t begins = 0, ends = 0, pos = 0;
  while (pos < ics.size()) {
    const size_t crlf = ics.find("\r\n", pos);
    ASSERT_NE(crlf, std::string::npos) << "every line ends in CRLF";
    const std::string line = ics.substr(pos, crlf - pos);
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    begins += line == "BEGIN:VEVENT";
    ends += line == "END:VEVENT";
    pos = crlf + 2;
  }
  EXPECT_EQ(begins, 4u);
  EXPECT_EQ(ends, 4u);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20201201"), std::string::npos);
  EXPECT_NE(ics.find("UID:sby-kit-renewal-20201201@kembar"), std::string::npos);
  // Commas in text are escaped (RFC 5545 3.3.11).
  EXPECT_NE(ics.find("Start the renewal"), std::string::npos);
  EXPECT_NE(ics.find("signing (a deadline"), std::string::npos);
  EXPECT_NE(ics.find("\\, DPRD approval"), std::string::npos) << ics;
}

}  // namespace
}  // namespace kembar::report
