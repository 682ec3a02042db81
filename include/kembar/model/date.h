// Partial dates: the literature often knows only a year or a month. A PartialDate
// keeps the precision it was given and denotes the interval of every day it may mean
// ("2018" is 2018-01-01 .. 2018-12-31), as docs/assessment-v2.md requires.
#ifndef KEMBAR_MODEL_DATE_H_
#define KEMBAR_MODEL_DATE_H_

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kembar/model/status.h"

namespace kembar {

enum class DatePrecision : uint8_t { kYear, kMonth, kDay };

// A calendar day, counted from 1970-01-01.
using Day = std::chrono::sys_days;

class PartialDate {
 public:
  // 0001 (year precision); use Parse for real values.
  PartialDate() = default;

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". Rejects anything else, including
  // impossible days such as "2018-02-30", with a message that quotes the text.
  static Result<PartialDate> Parse(std::string_view text);

  // True when `text` has the dossier's date syntax (the schema's pattern), whether
  // or not the day exists in the calendar.
  static bool HasDateSyntax(std::string_view text);

  // A day-precision date.
  static PartialDate FromDay(Day day);

  DatePrecision precision() const { return precision_; }
  int year() const { return year_; }
  // 0 when the precision is year.
  unsigned month() const { return month_; }
  // 0 unless the precision is day.
  unsigned day() const { return day_; }

  // The first and the last day the date may denote.
  Day First() const;
  Day Last() const;

  // The wire form at the stored precision: "2018", "2018-03" or "2018-03-19".
  std::string ToString() const;

  // Same text, same date.
  bool operator==(const PartialDate&) const = default;
  // Orders by first day, then by precision (coarser first): a stable sort key only;
  // use the interval helpers below for questions of before and after.
  std::strong_ordering operator<=>(const PartialDate& other) const;

 private:
  int16_t year_ = 1;
  uint8_t month_ = 0;
  uint8_t day_ = 0;
  DatePrecision precision_ = DatePrecision::kYear;
};

// An event's date (dossier-v1): a partial date, or a period "START/END" of two partial
// dates that denotes every day from START's first possible day to END's last
// ("1995/2013" is 1995-01-01 .. 2013-12-31). A plain partial date is a period whose
// end is its start.
class Period {
 public:
  Period() = default;
  // A single partial date (implicit: every partial date is a period).
  Period(PartialDate date) : start_(date) {}  // NOLINT(google-explicit-constructor)

  // Parses "D" or "D/D" where D is a partial date. Rejects impossible days and a
  // period whose END's last possible day is before START's first possible day.
  static Result<Period> Parse(std::string_view text);
  // True when `text` has the schema's syntax, whether or not the days exist.
  static bool HasPeriodSyntax(std::string_view text);

  const PartialDate& start() const { return start_; }
  // Set only for a "START/END" period.
  const std::optional<PartialDate>& end() const { return end_; }
  bool is_period() const { return end_.has_value(); }

  // First and latest possible day.
  Day First() const { return start_.First(); }
  Day Last() const { return end_ ? end_->Last() : start_.Last(); }
  // START's year and precision (a stable sort key and a label, not an interval).
  int year() const { return start_.year(); }
  DatePrecision precision() const { return start_.precision(); }

  // As written: "2018", "2016-10/2016-12".
  std::string ToString() const;

  bool operator==(const Period&) const = default;

 private:
  PartialDate start_;
  std::optional<PartialDate> end_;
};

// Timeline order of two dates (assessment-v2): by first possible day, then by latest
// possible day, later first ("2018" before "2018-01" before "2018-01-01"). Equal dates
// keep the file's order under std::stable_sort.
inline bool TimelineBefore(const Period& a, const Period& b) {
  if (a.First() != b.First()) return a.First() < b.First();
  return a.Last() > b.Last();
}

// True when every day `a` may denote is before every day `b` may denote.
inline bool CertainlyBefore(const PartialDate& a, const PartialDate& b) {
  return a.Last() < b.First();
}
// True when every day `a` may denote is before `day`.
inline bool CertainlyBefore(const PartialDate& a, Day day) { return a.Last() < day; }
// True when some day `a` may denote is after `day` (the event may not yet be known on `day`).
inline bool PossiblyAfter(const PartialDate& a, Day day) { return a.Last() > day; }

// Whole months from `from` to `to` (0 when `to` is not later): 2009-12-31 to
// 2011-12-31 is 24; 2009-12-31 to 2011-12-30 is 23.
int WholeMonthsBetween(Day from, Day to);

// `day` moved by `months` calendar months (negative: back), clamped to the month's
// last day: 2020-03-31 + 1 month is 2020-04-30.
Day AddMonths(Day day, int months);

// Parses a full "YYYY-MM-DD" day (e.g. an --as-of argument).
Result<Day> ParseDay(std::string_view text);
// "YYYY-MM-DD".
std::string FormatDay(Day day);

}  // namespace kembar

#endif  // KEMBAR_MODEL_DATE_H_
