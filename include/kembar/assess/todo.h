// The officer's to-do list: every partnership's recommendations that are due, most
// urgent first (assessment-v2 "Recommendations": overdue, due soon, later).
#ifndef KEMBAR_ASSESS_TODO_H_
#define KEMBAR_ASSESS_TODO_H_

#include <vector>

#include "kembar/assess/assessment.h"

namespace kembar::assess {

struct TodoItem {
  const PartnershipAssessment* assessment;  // points into the assessments passed in
  const Action* action;                     // one of assessment->actions
};

// The recommendations with a due day on or before `as_of` + `within_days` (overdue
// ones included), and, when `undated`, those without a due day too; ordered by
// urgency, then due day (none last), then partnership id, then the assessment's own order.
std::vector<TodoItem> DueActions(const std::vector<PartnershipAssessment>& assessments, Day as_of,
                                 int within_days, bool undated);

}  // namespace kembar::assess

#endif  // KEMBAR_ASSESS_TODO_H_
