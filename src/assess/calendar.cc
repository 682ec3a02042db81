#include "kembar/assess/calendar.h"

#include <algorithm>

namespace kembar::assess {

std::vector<CalendarEntry> UpcomingRenewals(const std::vector<PartnershipAssessment>& assessments,
                                            Day as_of, int months, const Policy& policy) {
  std::vector<CalendarEntry> out;
  const Day horizon = AddMonths(as_of, months);
  for (const PartnershipAssessment& a : assessments) {
    const Agreement& ag = a.agreement;
    if (!ag.in_force || !ag.expires) continue;
    const Day expiry = *ag.expires_first;
    const Day deadline = AddMonths(expiry, -policy.assessment.renewal_lead_months);
    CalendarEntry base{CalendarEntry::Kind::kExpiry, expiry, *ag.expires, a.id, a.home, a.partner};
    if (*ag.expires_last >= as_of && expiry <= horizon) out.push_back(base);
    CalendarEntry d = base;
    d.kind = CalendarEntry::Kind::kRenewalDeadline;
    d.day = deadline;
    if (deadline >= as_of && deadline <= horizon) {
      out.push_back(d);
    } else if (deadline < as_of && *ag.expires_last >= as_of) {
      d.overdue = true;
      out.push_back(d);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const CalendarEntry& x, const CalendarEntry& y) {
    return x.day != y.day ? x.day < y.day : x.partnership < y.partnership;
  });
  return out;
}

}  // namespace kembar::assess
