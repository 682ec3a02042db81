// The annual report of a region's foreign cooperation (issue 13, item 2).
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kembar/assess/messages.h"
#include "kembar/assess/todo.h"
#include "kembar/geo/countries.h"
#include "kembar/report/reports.h"
#include "report/report_figures.h"
#include "report/report_words.h"

namespace kembar::report {
namespace {

using internal::Capitalise;
using internal::Count;
using internal::DateCell;
using internal::Fill;
using internal::PartyName;
using internal::T;

using assess::PartnershipAssessment;

std::string PartnerName(const PartnershipAssessment& a, Lang lang) {
  return a.partner_label ? assess::NameOf(*a.partner_label, lang) : a.partner;
}

}  // namespace

Day ReportDay(int year, Day today) {
  const Day last = std::chrono::sys_days(std::chrono::year(year) / std::chrono::December / 31);
  return std::min(last, today);
}

Document RegionReport(const Dossier& dossier, const std::vector<PartnershipAssessment>& assessments,
                      const std::string& region_id, int year, const ReportContext& ctx) {
  const Lang lang = ctx.lang;
  const Day first = std::chrono::sys_days(std::chrono::year(year) / std::chrono::January / 1);
  const Day last = std::chrono::sys_days(std::chrono::year(year) / std::chrono::December / 31);
  auto in_year = [&](const Period& p) { return p.First() <= last && p.Last() >= first; };

  assess::RegionIndex index(dossier);
  const Region* region = index.Find(region_id);
  size_t region_index = 0;
  index.Find(region_id, &region_index);
  const std::string name = region ? assess::NameOf(*index.Label(region_index), lang) : region_id;

  Document doc;
  doc.lang = lang;
  doc.title =
      Fill(Fill(T("report.region.title", lang), "name", name), "year", std::to_string(year));
  doc.subject = region ? geo::CountryName(region->country, lang == Lang::kId) : "";
  doc.period = Fill(T("report.as_of", lang), "date", assess::FormatDate(ctx.as_of, lang));
  doc.produced =
      Fill(T("report.produced_region", lang), "date", assess::FormatDate(ctx.produced, lang));
  doc.file_stem = region_id + "-" + std::to_string(year);

  // Sorted by partner name, as an officer lists them.
  std::vector<const PartnershipAssessment*> as;
  for (const PartnershipAssessment& a : assessments) as.push_back(&a);
  std::sort(as.begin(), as.end(), [&](const auto* x, const auto* y) {
    return PartnerName(*x, lang) < PartnerName(*y, lang);
  });

  // Counts for the summary.
  std::map<assess::Condition, int> conditions;
  int activities = 0, signed_ = 0, renewed = 0, expiring = 0;
  Table events{T("sheet.agreements", lang),
               T("report.region.agreements", lang),
               {T("report.partner", lang), T("report.col.event", lang), T("report.col.date", lang)},
               {},
               T("report.region.agreements.none", lang)};
  Table acts{T("sheet.activities", lang),
             T("report.region.activities", lang),
             {T("report.partner", lang), T("report.col.date", lang), T("report.col.title", lang),
              T("report.col.field", lang), T("report.col.participants", lang),
              T("report.col.provider", lang), T("report.col.host", lang),
              T("report.col.beneficiary", lang)},
             {},
             T("report.activities.none", lang)};
  Table list{T("sheet.partnerships", lang),
             T("report.region.partnerships", lang),
             {T("report.partner", lang), T("report.country", lang), T("report.condition", lang),
              T("report.signed", lang), T("report.valid_until", lang),
              T("report.region.col.year_activities", lang), T("report.months_since", lang)},
             {},
             T("report.region.none", lang)};
  Table eval{T("sheet.evaluation", lang),
             "",
             {T("report.partner", lang), T("report.region.col.reciprocity", lang),
              T("report.region.col.breadth", lang), T("report.region.col.fields", lang),
              T("report.layer", lang), T("report.activities_recent", lang)},
             {},
             T("report.region.none", lang)};
  for (const PartnershipAssessment* a : as) {
    const Partnership& p = dossier.partnerships[a->index];
    ++conditions[a->condition];
    int year_activities = 0;
    for (const Event& e : p.events) {
      if (e.date.First() > ctx.as_of || !in_year(e.date)) continue;
      if (const auto* act = std::get_if<Activity>(&e.details)) {
        ++year_activities;
        std::vector<Cell> row{Cell::Text(PartnerName(*a, lang))};
        for (Cell& c : internal::ActivityCells(*a, e, *act, lang)) row.push_back(std::move(c));
        acts.rows.push_back(std::move(row));
      } else if (e.type() == EventType::kMouSigned || e.type() == EventType::kMouRenewed) {
        (e.type() == EventType::kMouSigned ? signed_ : renewed)++;
        events.rows.push_back({Cell::Text(PartnerName(*a, lang)),
                               Cell::Text(T("event." + std::string(ToString(e.type())), lang)),
                               DateCell(e.date, lang)});
      }
    }
    if (a->agreement.expires && in_year(*a->agreement.expires)) {
      ++expiring;
      events.rows.push_back({Cell::Text(PartnerName(*a, lang)),
                             Cell::Text(T("report.region.expires", lang)),
                             DateCell(*a->agreement.expires, lang)});
    }
    activities += year_activities;
    const assess::Indicators& ind = a->indicators;
    list.rows.push_back(
        {Cell::Text(PartnerName(*a, lang)),
         Cell::Text(a->partner_label
                        ? geo::CountryName(a->partner_label->country, lang == Lang::kId)
                        : ""),
         Cell::Text(Capitalise(std::string(assess::Label(a->condition, lang)))),
         Cell::Text(a->agreement.signed_on ? assess::FormatDate(*a->agreement.signed_on, lang)
                                           : "–"),
         Cell::Text(a->agreement.expires ? assess::FormatDate(*a->agreement.expires, lang) : "–"),
         Count(year_activities, lang),
         ind.months_since_activity ? Count(*ind.months_since_activity, lang)
                                   : Cell::Text(T("report.never", lang))});
    eval.rows.push_back(
        {Cell::Text(PartnerName(*a, lang)),
         ind.reciprocity
             ? Cell::Number(*ind.reciprocity, assess::FormatNumber(*ind.reciprocity, 2, lang))
             : Cell::Text("–"),
         Count(ind.sectors, lang),
         Cell::Text(assess::FormatNumber(ind.fields_covered, 0, lang) + " / " +
                    assess::FormatNumber(ind.fields_agreed, 0, lang)),
         Cell::Text(ind.paradiplomacy_layer ? T("layer." + *ind.paradiplomacy_layer, lang) : "–"),
         Count(ind.activities_recent, lang)});
  }

  {
    Section s{T("report.region.summary", lang), {}};
    Facts f;
    f.items.emplace_back(T("report.region.count", lang),
                         assess::FormatNumber(static_cast<double>(as.size()), 0, lang));
    f.items.emplace_back(
        Fill(T("report.region.year_activities", lang), "year", std::to_string(year)),
        assess::FormatNumber(activities, 0, lang));
    f.items.emplace_back(T("report.region.signed", lang), assess::FormatNumber(signed_, 0, lang));
    f.items.emplace_back(T("report.region.renewed", lang), assess::FormatNumber(renewed, 0, lang));
    f.items.emplace_back(T("report.region.expiring", lang),
                         assess::FormatNumber(expiring, 0, lang));
    s.blocks.emplace_back(std::move(f));
    std::vector<internal::Bar> bars;
    for (assess::Condition c :
         {assess::Condition::kActive, assess::Condition::kAtRisk, assess::Condition::kDormant,
          assess::Condition::kEnded, assess::Condition::kNotInForce, assess::Condition::kUnknown}) {
      const int n = conditions.contains(c) ? conditions[c] : 0;
      bars.push_back({Capitalise(std::string(assess::Label(c, lang))), static_cast<double>(n),
                      assess::FormatNumber(n, 0, lang),
                      internal::ConditionColor(assess::ToString(c))});
    }
    s.blocks.emplace_back(internal::BarFigure(
        T("report.conditions.title", lang), T("report.conditions.caption", lang), std::move(bars)));
    s.blocks.emplace_back(std::move(list));
    doc.sections.push_back(std::move(s));
  }
  {
    Section s{Fill(T("report.region.activities_heading", lang), "year", std::to_string(year)), {}};
    s.blocks.emplace_back(std::move(acts));
    s.blocks.emplace_back(std::move(events));
    doc.sections.push_back(std::move(s));
  }
  {
    Section s{T("report.region.evaluation", lang), {}};
    s.blocks.emplace_back(Paragraph{T("report.region.evaluation.about", lang)});
    s.blocks.emplace_back(std::move(eval));
    doc.sections.push_back(std::move(s));
  }
  {
    Section s{T("report.region.todo", lang), {}};
    Table todo{T("sheet.todo", lang),
               "",
               {T("report.partner", lang), T("report.col.urgency", lang),
                T("report.col.action", lang), T("report.col.due", lang)},
               {},
               T("report.next.none", lang)};
    for (const assess::TodoItem& item : assess::DueActions(assessments, ctx.as_of, 365, true)) {
      const assess::Action& x = *item.action;
      todo.rows.push_back(
          {Cell::Text(PartnerName(*item.assessment, lang)),
           Cell::Text(Capitalise(std::string(assess::Label(x.urgency, lang)))),
           Cell::Text(assess::Describe(*item.assessment, x, lang)),
           x.due ? Cell::Date(*x.due, assess::FormatDate(*x.due, lang)) : Cell::Text("")});
    }
    s.blocks.emplace_back(std::move(todo));
    doc.sections.push_back(std::move(s));
  }
  return doc;
}

}  // namespace kembar::report
