#include "kembar/model/date.h"

#include <gtest/gtest.h>

namespace kembar {
namespace {

struct ParseCase {
  const char* text;
  bool ok;
  const char* first;
  const char* last;
};

class DateParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(DateParseTest, ParsesToTheIntervalItDenotes) {
  const ParseCase& c = GetParam();
  auto d = PartialDate::Parse(c.text);
  ASSERT_EQ(d.ok(), c.ok) << c.text << ": " << d.status().ToString();
  if (!c.ok) {
    EXPECT_NE(d.status().message().find(c.text), std::string::npos) << "message quotes the input";
    return;
  }
  EXPECT_EQ(FormatDay(d->First()), c.first);
  EXPECT_EQ(FormatDay(d->Last()), c.last);
  EXPECT_EQ(d->ToString(), c.text) << "precision is kept";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateParseTest,
    ::testing::Values(ParseCase{"2018", true, "2018-01-01", "2018-12-31"},
                      ParseCase{"2018-02", true, "2018-02-01", "2018-02-28"},
                      ParseCase{"2020-02", true, "2020-02-01", "2020-02-29"},
                      ParseCase{"2018-03-19", true, "2018-03-19", "2018-03-19"},
                      ParseCase{"2020-02-29", true, "2020-02-29", "2020-02-29"},
                      ParseCase{"1960", true, "1960-01-01", "1960-12-31"},
                      ParseCase{"2018-13", false, "", ""}, ParseCase{"2018-00", false, "", ""},
                      ParseCase{"2018-02-30", false, "", ""},
                      ParseCase{"2019-02-29", false, "", ""},
                      ParseCase{"1900-02-29", false, "", ""},
                      ParseCase{"2018-04-31", false, "", ""}, ParseCase{"2018-1-5", false, "", ""},
                      ParseCase{"18", false, "", ""}, ParseCase{"2018-03-19T00:00", false, "", ""},
                      ParseCase{" 2018", false, "", ""}, ParseCase{"", false, "", ""}));

TEST(PartialDateTest, SyntaxIsTheSchemaPatternNotTheCalendar) {
  EXPECT_TRUE(PartialDate::HasDateSyntax("2018-02-31"));  // pattern allows; calendar does not
  EXPECT_FALSE(PartialDate::Parse("2018-02-31").ok());
  EXPECT_FALSE(PartialDate::HasDateSyntax("2018-02-32"));
  EXPECT_FALSE(PartialDate::HasDateSyntax("2018-13"));
}

TEST(PartialDateTest, CertainlyBeforeUsesWholeIntervals) {
  auto y2012 = *PartialDate::Parse("2012");
  auto mid = *ParseDay("2012-06-30");
  EXPECT_FALSE(CertainlyBefore(y2012, mid)) << "a year-precision date may be any day of the year";
  EXPECT_TRUE(CertainlyBefore(y2012, *ParseDay("2013-01-01")));
  EXPECT_FALSE(CertainlyBefore(y2012, *ParseDay("2012-12-31")));
  EXPECT_TRUE(CertainlyBefore(*PartialDate::Parse("2011-12"), *PartialDate::Parse("2012")));
  EXPECT_FALSE(CertainlyBefore(*PartialDate::Parse("2012-01"), *PartialDate::Parse("2012")));
  EXPECT_TRUE(PossiblyAfter(*PartialDate::Parse("2012"), mid));
}

struct MonthsCase {
  const char* from;
  const char* to;
  int months;
};

class WholeMonthsTest : public ::testing::TestWithParam<MonthsCase> {};

TEST_P(WholeMonthsTest, CountsWholeMonths) {
  const MonthsCase& c = GetParam();
  EXPECT_EQ(WholeMonthsBetween(*ParseDay(c.from), *ParseDay(c.to)), c.months)
      << c.from << " -> " << c.to;
}

INSTANTIATE_TEST_SUITE_P(Cases, WholeMonthsTest,
                         ::testing::Values(MonthsCase{"2009-12-31", "2011-12-31", 24},
                                           MonthsCase{"2009-12-31", "2011-12-30", 23},
                                           MonthsCase{"2018-03-19", "2018-04-18", 0},
                                           MonthsCase{"2018-03-19", "2018-04-19", 1},
                                           // assessment-v2: less one when B's day is before A's,
                                           // month ends included
                                           MonthsCase{"2018-01-31", "2018-02-28", 0},
                                           MonthsCase{"2020-01-31", "2020-02-28", 0},
                                           MonthsCase{"2020-01-31", "2020-02-29", 0},
                                           MonthsCase{"2020-01-31", "2020-03-31", 2},
                                           MonthsCase{"2018-05-01", "2018-04-01", 0},
                                           MonthsCase{"2018-05-01", "2018-05-01", 0}));

struct PeriodCase {
  const char* text;
  bool ok;
  const char* first;
  const char* last;
};

class PeriodParseTest : public ::testing::TestWithParam<PeriodCase> {};

TEST_P(PeriodParseTest, ParsesOrRejects) {
  const PeriodCase& c = GetParam();
  auto p = Period::Parse(c.text);
  ASSERT_EQ(p.ok(), c.ok) << c.text;
  if (!c.ok) return;
  EXPECT_EQ(FormatDay(p->First()), c.first) << c.text;
  EXPECT_EQ(FormatDay(p->Last()), c.last) << c.text;
  EXPECT_EQ(p->ToString(), c.text) << "a period is exported as it was given";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PeriodParseTest,
    ::testing::Values(PeriodCase{"1995/2013", true, "1995-01-01", "2013-12-31"},
                      PeriodCase{"2016-10/2016-12", true, "2016-10-01", "2016-12-31"},
                      PeriodCase{"2018-03-19/2024", true, "2018-03-19", "2024-12-31"},
                      PeriodCase{"2012/2013-04", true, "2012-01-01", "2013-04-30"},
                      PeriodCase{"2018", true, "2018-01-01", "2018-12-31"},
                      PeriodCase{"2018/2018", true, "2018-01-01", "2018-12-31"},
                      // END overlapping START is allowed: only END before START is refused.
                      PeriodCase{"2018-05/2018", true, "2018-05-01", "2018-12-31"},
                      PeriodCase{"2013/1995", false, "", ""},
                      PeriodCase{"2018-03-19/2018-03-18", false, "", ""},
                      PeriodCase{"2019-02-30/2020", false, "", ""},
                      PeriodCase{"2018/", false, "", ""}, PeriodCase{"/2018", false, "", ""},
                      PeriodCase{"2018/2019/2020", false, "", ""},
                      PeriodCase{"2018 / 2019", false, "", ""}));

TEST(DayTest, ParseDayNeedsAFullDay) {
  EXPECT_TRUE(ParseDay("2022-12-31").ok());
  EXPECT_FALSE(ParseDay("2022-12").ok());
  EXPECT_FALSE(ParseDay("2022-12-32").ok());
}

TEST(AddMonthsTest, ClampsToTheEndOfTheMonth) {
  EXPECT_EQ(FormatDay(AddMonths(ParseDay("2020-03-31").value(), 1)), "2020-04-30");
  EXPECT_EQ(FormatDay(AddMonths(ParseDay("2020-01-31").value(), 1)), "2020-02-29");
  EXPECT_EQ(FormatDay(AddMonths(ParseDay("2021-06-30").value(), -24)), "2019-06-30");
  EXPECT_EQ(FormatDay(AddMonths(ParseDay("2012-12-31").value(), 120)), "2022-12-31");
}

// Date errors are worded in both languages where they arise.
TEST(DateTest, ErrorsInBothLanguages) {
  const Status bad = PartialDate::Parse("19-03-2018").status();
  EXPECT_NE(bad.message().find("is not a date: write YYYY"), std::string::npos);
  EXPECT_NE(bad.message(Lang::kId).find("'19-03-2018' bukan tanggal"), std::string::npos);
  EXPECT_EQ(ParseDay("2018-02-30").status().message(Lang::kId),
            "'2018-02-30' bukan tanggal yang ada di kalender");
  EXPECT_NE(ParseDay("2018-03").status().message(Lang::kId).find("bukan tanggal lengkap"),
            std::string::npos);
  EXPECT_EQ(Period::Parse("2013/1995").status().message(Lang::kId),
            "'2013/1995' berakhir sebelum dimulai");
  EXPECT_NE(Period::Parse("2013/x").status().message(Lang::kId).find("bukan tanggal atau periode"),
            std::string::npos);
  for (const char* text : {"x", "2018-02-30", "2018", "2013/1995", "2013/x"}) {
    const Status s = ParseDay(text).status();
    const Status p = Period::Parse(text).status();
    for (const Status& e : {s, p}) {
      if (e.ok()) continue;
      EXPECT_TRUE(e.has_indonesian()) << text << ": " << e.message();
      EXPECT_NE(e.message(Lang::kId), e.message()) << text;
    }
  }
}

}  // namespace
}  // namespace kembar
