// Human wording of assessments in Indonesian and English. The JSON contract carries
// codes and the English explanation; people read these.
#ifndef KEMBAR_ASSESS_MESSAGES_H_
#define KEMBAR_ASSESS_MESSAGES_H_

#include <optional>
#include <string>
#include <string_view>

#include "kembar/assess/assessment.h"

namespace kembar::assess {

enum class Lang : uint8_t { kEn, kId };

// "en" or "id"; nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view code);

// "active" -> "active" / "aktif".
std::string_view Label(Condition c, Lang lang);
// A short title of the concept: "unanswered letter" / "surat belum dijawab".
std::string_view Label(ConceptCode c, Lang lang);
// One line with the concept's dates and numbers.
std::string Explain(const Concept& c, Lang lang);
// The recommendation, concrete: names the letter, the deadline, the sectors.
std::string Describe(const Action& a, Lang lang);
// A UI string by key (table headers, summary lines); the key itself when unknown.
std::string_view Text(std::string_view key, Lang lang);

}  // namespace kembar::assess

#endif  // KEMBAR_ASSESS_MESSAGES_H_
