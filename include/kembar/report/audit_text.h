// The audit log (Kembar::Audit) as the command line prints it: a table or JSON.
#ifndef KEMBAR_REPORT_AUDIT_TEXT_H_
#define KEMBAR_REPORT_AUDIT_TEXT_H_

#include <string>

#include "kembar/api.h"
#include "kembar/model/lang.h"

namespace kembar::report {

// One line per entry, newest first: when, who, address, action, record, summary,
// with headings in `lang` and a last line "N of TOTAL entries" (or "no entry
// matches").
std::string FormatAuditTable(const AuditReport& report, Lang lang);

// {"items":[{"seq","at","actor","address","area","action","record","summary",
// "before","after"}...],"total"}: before/after are the stored JSON or null.
std::string AuditJson(const AuditReport& report);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_AUDIT_TEXT_H_
