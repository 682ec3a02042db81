// Human wording of assessments in Indonesian and English: one catalogue with both
// languages for every key. The JSON contract carries codes and the English texts;
// people read these. Sentences name regions and countries, never ids; dates and
// numbers are written the way each language writes them ("19 Maret 2018", "0,29",
// "12.343 km" / "19 March 2018", "0.29", "12,343 km").
#ifndef KEMBAR_ASSESS_MESSAGES_H_
#define KEMBAR_ASSESS_MESSAGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/model/lang.h"

namespace kembar::assess {

// The one language type of the product (kembar/model/lang.h), under its old name.
using kembar::Lang;
// "en" or "id"; nullopt otherwise.
using kembar::ParseLang;

// "active" -> "active" / "aktif".
std::string_view Label(Condition c, Lang lang);
// A short title of the concept: "unanswered letter" / "surat belum dibalas".
std::string_view Label(ConceptCode c, Lang lang);
// "overdue" / "terlambat".
std::string_view Label(Urgency u, Lang lang);
// The literature behind a concept, in the language asked for.
std::string_view SourceText(ConceptCode c, Lang lang);
// One line with the concept's dates and numbers, naming the regions of `a`.
std::string Explain(const PartnershipAssessment& a, const Concept& c, Lang lang);
// The recommendation as one concrete sentence: names the letter, the deadline, the
// sectors, the party.
std::string Describe(const PartnershipAssessment& a, const Action& x, Lang lang);
// A UI string by key (table headers, summary lines); the key itself when unknown.
std::string_view Text(std::string_view key, Lang lang);
// A vocabulary code (field, sector, shock, event type) in words: "smart_city" ->
// "smart city" / "kota cerdas"; the code itself when unknown.
std::string Word(std::string_view code, Lang lang);

// "19 March 2018", "March 2018", "2018", "1995–2013" / "19 Maret 2018", "Maret 2018".
std::string FormatDate(const Period& date, Lang lang);
std::string FormatDate(Day day, Lang lang);
// Grouped thousands and the language's decimal mark: 12343.5 -> "12,343.5" / "12.343,5".
std::string FormatNumber(double value, int max_decimals, Lang lang);
// 0.86 -> "86%".
std::string FormatPercent(double share, Lang lang);
// The region's name in the language: "Surabaya" / "Kota Surabaya".
std::string NameOf(const RegionLabel& r, Lang lang);

// Every key of the catalogue with its two texts, for completeness tests.
struct CatalogueEntry {
  std::string_view key, en, id;
};
std::vector<CatalogueEntry> Catalogue();

}  // namespace kembar::assess

#endif  // KEMBAR_ASSESS_MESSAGES_H_
