// The members of one change record as the JSON renderers write them (history and
// audit alike), inside an object the caller opened.
#ifndef KEMBAR_SRC_REPORT_CHANGE_JSON_H_
#define KEMBAR_SRC_REPORT_CHANGE_JSON_H_

#include "kembar/io/json_writer.h"
#include "kembar/store/store.h"

namespace kembar::report {

// Writes seq, at, actor, address, (area when `with_area`), action, record, summary,
// and before/after as JSON values (null when empty).
void WriteChangeMembers(const store::ChangeRecord& c, bool with_area, io::JsonWriter* w);

}  // namespace kembar::report

#endif  // KEMBAR_SRC_REPORT_CHANGE_JSON_H_
