// Partial dates: the literature often knows only a year or a month. A PartialDate
// keeps the precision it was given and denotes the interval of every day it may mean
// ("2018" is 2018-01-01 .. 2018-12-31), as docs/assessment-v1.md requires.
#ifndef KEMBAR_MODEL_DATE_H_
#define KEMBAR_MODEL_DATE_H_

#include <chrono>
#include <compare>
#include <cstdint>
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
