// Human-readable assessments, portfolio views and the renewal calendar, in Indonesian
// or English, for the terminal and for reports to the DPRD and the ministries.
#ifndef KEMBAR_REPORT_ASSESSMENT_TEXT_H_
#define KEMBAR_REPORT_ASSESSMENT_TEXT_H_

#include <string>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/assess/calendar.h"
#include "kembar/assess/messages.h"
#include "kembar/assess/todo.h"
#include "kembar/model/dossier.h"

namespace kembar::report {

// Each partnership: condition, agreement, key indicators, concepts with their
// explanations, and the next actions. `dossier` holds the assessed partnerships.
std::string FormatAssessments(const Dossier& dossier,
                              const std::vector<assess::PartnershipAssessment>& assessments,
                              Day as_of, assess::Lang lang);

// One line per partnership (partner, condition, months since the last activity,
// expiry, top risks) and a summary line with the share of each condition.
std::string FormatStatus(const Dossier& dossier,
                         const std::vector<assess::PartnershipAssessment>& assessments, Day as_of,
                         assess::Lang lang);

enum class GroupBy { kProvince, kCountry };

// The national picture: per province (of the home region) or per partner country,
// the count of each condition, the share not carrying out activities and the most
// frequent reasons.
std::string FormatStatusBy(const Dossier& dossier,
                           const std::vector<assess::PartnershipAssessment>& assessments,
                           GroupBy by, Day as_of, assess::Lang lang);

// The national picture as JSON, the same groups and numbers as FormatStatusBy:
// {"as_of","by":"province"|"country","total","conditions":{"active":n,...},
// "mou_signed","mou_not_active","reasons":[every reason, most frequent first],
// "groups":[{"id","name","total","conditions","mou_signed","mou_not_active",
// "reasons":[{"code","label","count"}, at most three]}]}. A group's id is the
// province's region id, the country's ISO code, "abroad" or "unknown"; group names
// (a province's `names` entry in `lang`) and reason labels in `lang`.
std::string StatusByJson(const Dossier& dossier,
                         const std::vector<assess::PartnershipAssessment>& assessments, GroupBy by,
                         Day as_of, assess::Lang lang);
// The same over assessments held elsewhere (a subset of a shared snapshot).
std::string StatusByJson(const Dossier& dossier,
                         const std::vector<const assess::PartnershipAssessment*>& assessments,
                         GroupBy by, Day as_of, assess::Lang lang);

// The renewal calendar as a table.
std::string FormatCalendar(const Dossier& dossier,
                           const std::vector<assess::CalendarEntry>& entries, Day as_of, int months,
                           assess::Lang lang);

// The to-do list as a table: urgency, due day, partnership (by names), action.
std::string FormatTodo(const std::vector<assess::TodoItem>& items, Day as_of, int within_days,
                       assess::Lang lang);
// The same as JSON: {"as_of", "items": [{"partnership", "parties", "code", "concept",
// "due", "urgency", "text"}]}, texts in `lang`.
std::string TodoJson(const std::vector<assess::TodoItem>& items, Day as_of, assess::Lang lang);

// Below the calendar: the agreements in force with no recorded validity (no date to
// remind of) and those whose validity ran out without a renewal.
std::string FormatCalendarGaps(const std::vector<assess::PartnershipAssessment>& assessments,
                               assess::Lang lang);
// The calendar as JSON: {"as_of", "months", "entries": [...], "without_validity": [...],
// "expired_unrenewed": [...]}.
std::string CalendarJson(const std::vector<assess::CalendarEntry>& entries,
                         const std::vector<assess::PartnershipAssessment>& assessments, Day as_of,
                         int months);

// The renewal calendar as an iCalendar (RFC 5545) file: one all-day VEVENT per entry,
// CRLF lines folded at 75 octets, stable UIDs so re-imports update rather than duplicate.
// Shared by `kembar calendar --ics` and GET /api/calendar.ics.
std::string CalendarIcs(const Dossier& dossier, const std::vector<assess::CalendarEntry>& entries,
                        Day as_of, assess::Lang lang);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_ASSESSMENT_TEXT_H_
