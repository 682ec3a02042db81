// The small words and cells the report builders share (partnership_report.cc,
// region_report.cc, national_report.cc). Private to the rendering layer.
#ifndef KEMBAR_SRC_REPORT_REPORT_WORDS_H_
#define KEMBAR_SRC_REPORT_REPORT_WORDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/assess/messages.h"
#include "kembar/report/document.h"
#include "kembar/report/reports.h"

namespace kembar::report::internal {

// A word of the reports' catalogue.
inline std::string T(std::string_view key, Lang lang) { return std::string(ReportText(key, lang)); }

// `text` with every {name} replaced by `value`.
inline std::string Fill(std::string text, std::string_view name, const std::string& value) {
  const std::string mark = "{" + std::string(name) + "}";
  for (size_t at = text.find(mark); at != std::string::npos;
       at = text.find(mark, at + value.size())) {
    text.replace(at, mark.size(), value);
  }
  return text;
}

// "dormant" -> "Dormant" (the catalogues' labels are lower case, for sentences).
inline std::string Capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

inline std::string Join(const std::vector<std::string>& words, std::string_view sep = ", ") {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

// A date cell: a full day is a spreadsheet date; anything coarser ("2018", "Juni
// 2019", a period) stays text, since a spreadsheet date cannot say "some day in 2018".
inline Cell DateCell(const Period& p, Lang lang) {
  if (!p.is_period() && p.start().precision() == DatePrecision::kDay) {
    return Cell::Date(p.First(), assess::FormatDate(p, lang));
  }
  return Cell::Text(assess::FormatDate(p, lang));
}

// A number cell, printed as the language writes it.
inline Cell Count(double v, Lang lang, int decimals = 0) {
  return Cell::Number(v, assess::FormatNumber(v, decimals, lang));
}

// A region id of `a`'s parties, "both" or "online" in words; other ids as they are.
inline std::string PartyName(const assess::PartnershipAssessment& a,
                             const std::optional<std::string>& id, Lang lang) {
  if (!id) return "";
  if (*id == "both") return T("report.both", lang);
  if (*id == "online") return T("report.online", lang);
  if (a.home_label && *id == a.home) return assess::NameOf(*a.home_label, lang);
  if (a.partner_label && *id == a.partner) return assess::NameOf(*a.partner_label, lang);
  return *id;
}

// An activity's cells as both reports list it: date, title, field, participants,
// provider, host, beneficiary.
inline std::vector<Cell> ActivityCells(const assess::PartnershipAssessment& a, const Event& e,
                                       const Activity& act, Lang lang) {
  return {DateCell(e.date, lang),
          Cell::Text(e.title.value_or("")),
          Cell::Text(act.field ? assess::Word(ToString(*act.field), lang) : ""),
          act.participants ? Count(static_cast<double>(*act.participants), lang) : Cell::Text(""),
          Cell::Text(PartyName(a, act.provider, lang)),
          Cell::Text(PartyName(a, act.host, lang)),
          Cell::Text(PartyName(a, act.beneficiary, lang))};
}

}  // namespace kembar::report::internal

#endif  // KEMBAR_SRC_REPORT_REPORT_WORDS_H_
