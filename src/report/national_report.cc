// The national report (issue 13, item 2): conditions by province and by partner
// country, the share of MoUs without activity, the main reasons, charts. The groups
// are those of `kembar status --by` and GET /api/status (report/status_groups.h).
#include <algorithm>
#include <string>
#include <vector>

#include "kembar/assess/messages.h"
#include "kembar/report/reports.h"
#include "report/report_figures.h"
#include "report/report_words.h"
#include "report/status_groups.h"

namespace kembar::report {
namespace {

using internal::Capitalise;
using internal::Count;
using internal::Fill;
using internal::T;

using assess::Condition;
using assess::PartnershipAssessment;

constexpr Condition kOrder[] = {Condition::kActive, Condition::kAtRisk,     Condition::kDormant,
                                Condition::kEnded,  Condition::kNotInForce, Condition::kUnknown};

// part / whole as a percentage cell; "–" when there is no whole.
Cell Share(size_t part, size_t whole, Lang lang) {
  if (whole == 0) return Cell::Text("–");
  const double v = static_cast<double>(part) / static_cast<double>(whole);
  return Cell::Number(v, assess::FormatPercent(v, lang));
}

Table GroupTable(const std::map<std::string, internal::StatusGroup>& groups, std::string sheet,
                 std::string title, std::string first_column, Lang lang) {
  Table t{std::move(sheet),
          std::move(title),
          {std::move(first_column), T("report.national.col.total", lang)},
          {},
          ""};
  for (Condition c : kOrder) t.columns.push_back(Capitalise(std::string(assess::Label(c, lang))));
  t.columns.push_back(T("report.national.col.idle", lang));
  t.columns.push_back(T("report.national.col.idle_share", lang));
  t.columns.push_back(T("report.national.col.reasons", lang));
  // Largest groups first: what a reader looks for.
  std::vector<std::pair<std::string, const internal::StatusGroup*>> rows;
  for (const auto& [key, g] : groups) rows.emplace_back(key, &g);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second->total > b.second->total; });
  for (const auto& [key, g] : rows) {
    std::vector<Cell> row{Cell::Text(key), Count(static_cast<double>(g->total), lang)};
    for (Condition c : kOrder) row.push_back(Count(static_cast<double>(g->count(c)), lang));
    row.push_back(Count(static_cast<double>(g->idle), lang));
    row.push_back(Share(g->idle, g->agreed, lang));
    std::string top;
    for (const auto& [n, code] : internal::TopReasons(*g, 3)) {
      top += (top.empty() ? "" : ", ") + std::string(assess::Label(code, lang)) + " (" +
             assess::FormatNumber(static_cast<double>(n), 0, lang) + ")";
    }
    row.push_back(Cell::Text(top.empty() ? "–" : top));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// The `n` largest groups as bars, largest first.
std::vector<internal::Bar> LargestGroups(const std::map<std::string, internal::StatusGroup>& groups,
                                         size_t n, Lang lang) {
  std::vector<std::pair<std::string, const internal::StatusGroup*>> top;
  for (const auto& [key, g] : groups) top.emplace_back(key, &g);
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.second->total > b.second->total; });
  std::vector<internal::Bar> bars;
  for (size_t i = 0; i < top.size() && i < n; ++i) {
    const auto total = static_cast<double>(top[i].second->total);
    bars.push_back({top[i].first, total, assess::FormatNumber(total, 0, lang)});
  }
  return bars;
}

}  // namespace

Document NationalReport(const Dossier& dossier,
                        const std::vector<PartnershipAssessment>& assessments,
                        const ReportContext& ctx) {
  const Lang lang = ctx.lang;
  auto self = [](const PartnershipAssessment& a) -> const PartnershipAssessment& { return a; };
  const auto by_province =
      internal::GroupStatus(dossier, assessments, self, GroupBy::kProvince, lang);
  const auto by_country =
      internal::GroupStatus(dossier, assessments, self, GroupBy::kCountry, lang);
  internal::StatusGroup all;
  for (const auto& [key, g] : by_province) all.Merge(g);

  Document doc;
  doc.lang = lang;
  doc.title = T("report.national.title", lang);
  doc.subject = T("report.national.subject", lang);
  doc.period = Fill(T("report.as_of", lang), "date", assess::FormatDate(ctx.as_of, lang));
  doc.produced =
      Fill(T("report.produced_national", lang), "date", assess::FormatDate(ctx.produced, lang));
  doc.file_stem = "kembar-national-" + PartialDate::FromDay(ctx.as_of).ToString();

  {
    Section s{T("report.national.summary", lang), {}};
    Facts f;
    f.items.emplace_back(T("report.national.partnerships", lang),
                         assess::FormatNumber(static_cast<double>(all.total), 0, lang));
    f.items.emplace_back(T("report.national.agreed", lang),
                         assess::FormatNumber(static_cast<double>(all.agreed), 0, lang));
    f.items.emplace_back(
        T("report.national.idle", lang),
        assess::FormatNumber(static_cast<double>(all.idle), 0, lang) +
            (all.agreed
                 ? " (" +
                       assess::FormatPercent(
                           static_cast<double>(all.idle) / static_cast<double>(all.agreed), lang) +
                       ")"
                 : ""));
    s.blocks.emplace_back(std::move(f));
    s.blocks.emplace_back(Paragraph{T("report.national.idle.about", lang)});
    std::vector<internal::Bar> bars;
    for (Condition c : kOrder) {
      bars.push_back({Capitalise(std::string(assess::Label(c, lang))),
                      static_cast<double>(all.count(c)),
                      assess::FormatNumber(static_cast<double>(all.count(c)), 0, lang),
                      internal::ConditionColor(assess::ToString(c))});
    }
    s.blocks.emplace_back(internal::BarFigure(
        T("report.conditions.title", lang), T("report.conditions.caption", lang), std::move(bars)));
    doc.sections.push_back(std::move(s));
  }
  {
    Section s{T("report.national.reasons", lang), {}};
    s.blocks.emplace_back(Paragraph{T("report.national.reasons.about", lang)});
    Table t{T("sheet.reasons", lang),
            "",
            {T("report.col.risk", lang), T("report.national.col.partnerships", lang),
             T("report.national.col.share", lang), T("report.col.literature", lang)},
            {},
            T("report.risks.none", lang)};
    std::vector<internal::Bar> bars;
    for (const auto& [n, code] : internal::TopReasons(all, assess::kConceptCount)) {
      t.rows.push_back({Cell::Text(Capitalise(std::string(assess::Label(code, lang)))),
                        Count(static_cast<double>(n), lang), Share(n, all.total, lang),
                        Cell::Text(std::string(assess::SourceText(code, lang)))});
      bars.push_back({Capitalise(std::string(assess::Label(code, lang))), static_cast<double>(n),
                      assess::FormatNumber(static_cast<double>(n), 0, lang), 0xB35C00});
    }
    if (!bars.empty()) {
      s.blocks.emplace_back(
          internal::BarFigure(T("report.national.reasons.chart", lang), "", std::move(bars)));
    }
    s.blocks.emplace_back(std::move(t));
    doc.sections.push_back(std::move(s));
  }
  {
    Section s{T("report.national.by_province", lang), {}};
    s.blocks.emplace_back(internal::BarFigure(T("report.national.by_province.chart", lang), "",
                                              LargestGroups(by_province, 15, lang)));
    s.blocks.emplace_back(GroupTable(by_province, T("sheet.provinces", lang), "",
                                     T("report.national.col.province", lang), lang));
    doc.sections.push_back(std::move(s));
  }
  {
    Section s{T("report.national.by_country", lang), {}};
    s.blocks.emplace_back(internal::BarFigure(T("report.national.by_country.chart", lang), "",
                                              LargestGroups(by_country, 15, lang)));
    s.blocks.emplace_back(
        GroupTable(by_country, T("sheet.countries", lang), "", T("report.country", lang), lang));
    doc.sections.push_back(std::move(s));
  }
  return doc;
}

}  // namespace kembar::report
