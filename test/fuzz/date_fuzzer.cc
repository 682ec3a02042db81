// libFuzzer target for dates and periods (include/kembar/model/date.h): any text gives
// a value or a message quoting it, never a crash; an accepted date is written back as
// the same text, and the calendar helpers stay consistent on every accepted day.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kembar/model/date.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto date = kembar::PartialDate::Parse(text); date.ok()) {
    // The syntax check accepts whatever Parse accepts, and the wire form is the input.
    Check(kembar::PartialDate::HasDateSyntax(text));
    Check(date->ToString() == text);
    Check(date->First() <= date->Last());
    auto again = kembar::PartialDate::Parse(date->ToString());
    Check(again.ok() && *again == *date);
  } else {
    Check(!date.status().message().empty());
  }

  if (auto period = kembar::Period::Parse(text); period.ok()) {
    Check(kembar::Period::HasPeriodSyntax(text));
    Check(period->ToString() == text);
    Check(period->First() <= period->Last());
    auto again = kembar::Period::Parse(period->ToString());
    Check(again.ok() && *again == *period);
  } else {
    Check(!period.status().message().empty());
  }

  if (auto day = kembar::ParseDay(text); day.ok()) {
    Check(kembar::FormatDay(*day) == text);
    // Months forward and back: never before the day (clamped to the month's end),
    // and the whole months between them are the months added.
    for (int months : {1, 12, 25, -1, -13}) {
      const kembar::Day moved = kembar::AddMonths(*day, months);
      if (months > 0) {
        Check(moved > *day);
        Check(kembar::WholeMonthsBetween(*day, moved) <= months);
      } else {
        Check(moved < *day);
        Check(kembar::WholeMonthsBetween(*day, moved) == 0);
      }
    }
  }
  return 0;
}
