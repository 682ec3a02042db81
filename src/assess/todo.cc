#include "kembar/assess/todo.h"

#include <algorithm>

namespace kembar::assess {

std::vector<TodoItem> DueActions(const std::vector<PartnershipAssessment>& assessments, Day as_of,
                                 int within_days, bool undated) {
  const Day horizon = as_of + std::chrono::days(within_days);
  std::vector<TodoItem> out;
  for (const PartnershipAssessment& a : assessments) {
    for (const Action& x : a.actions) {
      if (x.due ? *x.due <= horizon : undated) out.push_back({&a, &x});
    }
  }
  // Stable: actions of one partnership keep the assessment's order.
  std::stable_sort(out.begin(), out.end(), [](const TodoItem& l, const TodoItem& r) {
    if (l.action->urgency != r.action->urgency) return l.action->urgency < r.action->urgency;
    if (l.action->due != r.action->due)
      return l.action->due && (!r.action->due || *l.action->due < *r.action->due);
    return l.assessment->id < r.assessment->id;
  });
  return out;
}

}  // namespace kembar::assess
