// `kembar profile show`: a region's partner-wanted profile as text (Indonesian or
// English) or as JSON.
#ifndef KEMBAR_REPORT_PROFILE_TEXT_H_
#define KEMBAR_REPORT_PROFILE_TEXT_H_

#include <string>
#include <vector>

#include "kembar/api.h"
#include "kembar/model/lang.h"

namespace kembar::report {

// Fields in the reader's words, comma-separated: "port and logistics, education" /
// "pelabuhan dan logistik, pendidikan" (commas only: the fields' names contain "and").
std::string FieldWords(const std::vector<Field>& fields, Lang lang);

// The profile, one member a line, fields in words ("pelabuhan dan logistik"), dates as
// the language writes them; says so when the region has none.
std::string ProfileText(const ProfileReport& report, Lang lang);

// {"region": ID, "name": NAME, "profile": {dossier-v1 profile} or null, "needs": [...],
// "strengths": [...]} (the last two only when the region has them).
std::string ProfileJson(const ProfileReport& report);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_PROFILE_TEXT_H_
