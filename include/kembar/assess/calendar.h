// Upcoming MoU expiries and the renewal deadlines before them (ministry
// consultation, DPRD approval and signing take months, so renewal starts
// policy.renewal_lead_months before the earliest possible expiry: kembar's default,
// not a legal deadline).
#ifndef KEMBAR_ASSESS_CALENDAR_H_
#define KEMBAR_ASSESS_CALENDAR_H_

#include <string>
#include <vector>

#include "kembar/assess/assessment.h"

namespace kembar::assess {

struct CalendarEntry {
  enum class Kind : uint8_t { kRenewalDeadline, kExpiry };
  Kind kind;
  Day day;                    // the earliest day the date may denote (remind early)
  Period expires;             // the MoU's expiry, every possible day
  std::string partnership;    // id
  std::string home, partner;  // region ids
  bool overdue = false;       // a deadline already passed on as_of, expiry still ahead
};

// Entries falling in [as_of, as_of + months], plus renewal deadlines already passed
// whose expiry is still ahead (marked overdue), sorted by day. Only agreements in
// force with a known expiry take part.
std::vector<CalendarEntry> UpcomingRenewals(const std::vector<PartnershipAssessment>& assessments,
                                            Day as_of, int months, const Policy& policy);

}  // namespace kembar::assess

#endif  // KEMBAR_ASSESS_CALENDAR_H_
