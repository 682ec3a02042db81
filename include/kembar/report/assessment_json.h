// The assessment-v2 JSON document ("format": "kembar-assessment/2").
#ifndef KEMBAR_REPORT_ASSESSMENT_JSON_H_
#define KEMBAR_REPORT_ASSESSMENT_JSON_H_

#include <string>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/assess/messages.h"
#include "kembar/io/json_writer.h"

namespace kembar::report {

// One JSON document for the assessments, pretty-printed with `indent` spaces (0:
// compact). Codes and numbers are language-neutral; `explanation` and the
// recommendations' `text` are in `lang` (English unless asked), naming regions by
// name; `facts` (an addition the contract allows) are the values the texts are built
// from.
std::string AssessmentJson(const std::vector<assess::PartnershipAssessment>& assessments, Day as_of,
                           int indent = 2, assess::Lang lang = assess::Lang::kEn);

// The members of one recommendation object ("code", "concept", "due", "urgency",
// "text" in `lang`), written into an object the caller has begun.
void WriteRecommendationMembers(const assess::PartnershipAssessment& a, const assess::Action& x,
                                assess::Lang lang, io::JsonWriter* w);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_ASSESSMENT_JSON_H_
