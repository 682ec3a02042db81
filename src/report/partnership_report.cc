// The partnership report card (issue 13, item 1) as a document.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kembar/assess/messages.h"
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
using internal::Join;
using internal::PartyName;
using internal::T;

using assess::PartnershipAssessment;

// The events' dots per type and year, as the web application's timeline draws them.
Figure TimelineFigure(const Partnership& p, Day as_of, Lang lang) {
  std::vector<EventType> types;
  for (const Event& e : p.events) {
    if (std::find(types.begin(), types.end(), e.type()) == types.end()) types.push_back(e.type());
  }
  std::sort(types.begin(), types.end());
  int first = 9999, last = static_cast<int>(std::chrono::year_month_day(as_of).year());
  for (const Event& e : p.events) first = std::min(first, e.date.year());
  if (first > last) first = last - 1;
  struct Mark {
    size_t row;
    double from, to;  // fractional years
  };
  auto frac = [](Day d) {
    const std::chrono::year_month_day ymd(d);
    const Day jan1 = std::chrono::sys_days(ymd.year() / std::chrono::January / 1);
    return static_cast<int>(ymd.year()) + (d - jan1).count() / 365.25;
  };
  std::vector<Mark> marks;
  for (const Event& e : p.events) {
    const size_t row =
        static_cast<size_t>(std::find(types.begin(), types.end(), e.type()) - types.begin());
    const bool point = !e.date.is_period() && e.date.start().precision() == DatePrecision::kDay;
    const double a = frac(e.date.First());
    const double b = point ? a : frac(e.date.Last()) + 1 / 365.25;
    marks.push_back({row, a, b});
  }
  std::vector<std::string> labels;
  for (EventType type : types) labels.push_back(T("event." + std::string(ToString(type)), lang));

  Figure f;
  f.title = T("report.timeline.title", lang);
  f.caption = T("report.timeline.caption", lang);
  f.width = 520;
  f.height = 40 + 18.0 * static_cast<double>(std::max<size_t>(types.size(), 1));
  f.draw = [labels, marks, first, last](cairo_t* cr, double width, double height) {
    auto text = [&](const std::string& s, double x, double y, double size, PangoAlignment align,
                    double box) { internal::DrawLabel(cr, s, x, y, size, align, box); };
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, 0, 0, width, height);
    cairo_fill(cr);
    const double left = 130, right = 12, top = 10, bottom = 26;
    const double plot_w = width - left - right;
    const double span = std::max(1, last + 1 - first);
    auto x_of = [&](double year) { return left + (year - first) / span * plot_w; };
    const double row_h =
        (height - top - bottom) / static_cast<double>(std::max<size_t>(labels.size(), 1));
    // Year ticks: about eight.
    const int step = std::max(1, static_cast<int>(span) / 8);
    cairo_set_line_width(cr, 0.5);
    for (int y = first; y <= last + 1; y += step) {
      cairo_set_source_rgb(cr, 0.85, 0.88, 0.91);
      cairo_move_to(cr, x_of(y), top);
      cairo_line_to(cr, x_of(y), height - bottom);
      cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0.24, 0.28, 0.32);
      text(std::to_string(y), x_of(y) - 20, height - bottom + 10, 8, PANGO_ALIGN_CENTER, 40);
    }
    for (size_t i = 0; i < labels.size(); ++i) {
      const double cy = top + row_h * (static_cast<double>(i) + 0.5);
      cairo_set_source_rgb(cr, 0.11, 0.12, 0.14);
      text(labels[i], 0, cy, 8, PANGO_ALIGN_RIGHT, left - 8);
    }
    cairo_set_source_rgb(cr, 0.043, 0.310, 0.424);
    for (const Mark& m : marks) {
      const double cy = top + row_h * (static_cast<double>(m.row) + 0.5);
      if (m.to - m.from > 0.05) {
        cairo_rectangle(cr, x_of(m.from), cy - 2.5, std::max(2.0, x_of(m.to) - x_of(m.from)), 5);
        cairo_fill(cr);
      } else {
        cairo_arc(cr, x_of(m.from), cy, 3.5, 0, 6.2832);
        cairo_fill(cr);
      }
    }
  };
  return f;
}

// The stage names of PartnershipAssessment::indicators.stages_done and the event
// types that record them.
constexpr std::array<std::pair<std::string_view, EventType>, 10> kStageEvents = {{
    {"initiated", EventType::kInitiated},
    {"visit", EventType::kVisit},
    {"loi", EventType::kLoiSigned},
    {"consultation", EventType::kCentralConsultation},
    {"dprd", EventType::kDprdApproved},
    {"mou", EventType::kMouSigned},
    {"action_plan", EventType::kActionPlan},
    {"activity", EventType::kActivity},
    {"evaluation", EventType::kEvaluation},
    {"renewal", EventType::kMouRenewed},
}};

std::string CountryOf(const assess::RegionLabel* label, Lang lang) {
  if (label == nullptr || label->country.empty()) return "";
  return geo::CountryName(label->country, lang == Lang::kId);
}

}  // namespace

Document PartnershipReport(const Dossier& dossier, const PartnershipAssessment& a,
                           const ReportContext& ctx) {
  const Day as_of = ctx.as_of;
  const Lang lang = ctx.lang;
  // The partnership as it stood on as_of: events certainly later are left out, as the
  // assessment leaves them out.
  Partnership p = dossier.partnerships[a.index];
  std::erase_if(p.events, [&](const Event& e) { return e.date.First() > as_of; });
  const std::string home = PartyName(a, a.home, lang), partner = PartyName(a, a.partner, lang);
  const assess::Indicators& ind = a.indicators;

  Document doc;
  doc.lang = lang;
  doc.title = Fill(T("report.partnership.title", lang), "name", home + " – " + partner);
  doc.subject = T("kind." + std::string(ToString(p.kind)), lang) + " · " +
                CountryOf(a.home_label.get(), lang) + " – " +
                CountryOf(a.partner_label.get(), lang);
  doc.period = Fill(T("report.as_of", lang), "date", assess::FormatDate(as_of, lang));
  doc.produced = Fill(T("report.produced", lang), "date", assess::FormatDate(ctx.produced, lang));
  doc.file_stem = p.id + "-" + PartialDate::FromDay(as_of).ToString();

  // Parties.
  {
    Section s{T("report.parties", lang), {}};
    Table t{T("sheet.parties", lang),
            "",
            {T("report.role", lang), T("report.party", lang), T("report.country", lang),
             T("report.level", lang), T("report.population", lang)},
            {},
            ""};
    assess::RegionIndex index(dossier);
    for (const auto& [role, id] :
         {std::pair{"report.home", a.home}, std::pair{"report.partner", a.partner}}) {
      const Region* r = index.Find(id);
      std::vector<Cell> row{
          Cell::Text(T(role, lang)), Cell::Text(PartyName(a, id, lang)),
          Cell::Text(r ? geo::CountryName(r->country, lang == Lang::kId) : ""),
          Cell::Text(r ? T("level." + std::string(ToString(r->level)), lang) : "")};
      row.push_back(r && r->population ? Count(static_cast<double>(*r->population), lang)
                                       : Cell::Text(""));
      t.rows.push_back(std::move(row));
    }
    s.blocks.emplace_back(std::move(t));
    doc.sections.push_back(std::move(s));
  }

  // Agreement and validity.
  {
    Section s{T("report.agreement", lang), {}};
    Facts f;
    f.items.emplace_back(T("report.kind", lang), T("kind." + std::string(ToString(p.kind)), lang));
    f.items.emplace_back(T("report.signed", lang),
                         a.agreement.signed_on ? assess::FormatDate(*a.agreement.signed_on, lang)
                                               : T("report.not_signed", lang));
    f.items.emplace_back(T("report.valid_until", lang),
                         a.agreement.expires ? assess::FormatDate(*a.agreement.expires, lang)
                                             : T("report.validity_unknown", lang));
    f.items.emplace_back(T("report.in_force", lang),
                         T(a.agreement.in_force ? "report.yes" : "report.no", lang));
    std::vector<std::string> renewals;
    std::set<Field> agreed;
    if (p.fields) agreed.insert(p.fields->begin(), p.fields->end());
    for (const Event& e : p.events) {
      if (const auto* m = std::get_if<MouSigned>(&e.details); m && m->fields)
        agreed.insert(m->fields->begin(), m->fields->end());
      if (const auto* m = std::get_if<MouRenewed>(&e.details)) {
        renewals.push_back(assess::FormatDate(e.date, lang));
        if (m->fields) agreed.insert(m->fields->begin(), m->fields->end());
      }
    }
    f.items.emplace_back(T("report.renewals", lang),
                         renewals.empty() ? T("report.none", lang) : Join(renewals));
    std::vector<std::string> fields;
    for (Field x : agreed) fields.push_back(assess::Word(ToString(x), lang));
    f.items.emplace_back(T("report.fields_agreed", lang),
                         fields.empty() ? T("report.none", lang) : Join(fields));
    if (ind.distance_km) {
      f.items.emplace_back(T("report.distance", lang),
                           assess::FormatNumber(*ind.distance_km, 0, lang) + " km");
    }
    s.blocks.emplace_back(std::move(f));
    doc.sections.push_back(std::move(s));
  }

  // Timeline.
  if (!p.events.empty()) {
    Section s{T("report.timeline", lang), {}};
    s.blocks.emplace_back(TimelineFigure(p, as_of, lang));
    doc.sections.push_back(std::move(s));
  }

  // Activities, and by field and year.
  std::map<std::string, std::map<int, int>> by_field_year;  // field word -> year -> count
  std::map<std::string, int> provided, hosted;
  std::map<Field, int> carried;
  std::set<int> years;
  {
    Section s{T("report.activities", lang), {}};
    Table t{T("sheet.activities", lang),
            T("report.activities.table", lang),
            {T("report.col.date", lang), T("report.col.title", lang), T("report.col.field", lang),
             T("report.col.participants", lang), T("report.col.provider", lang),
             T("report.col.host", lang), T("report.col.beneficiary", lang),
             T("report.col.sectors", lang)},
            {},
            T("report.activities.none", lang)};
    for (const Event& e : p.events) {
      const auto* act = std::get_if<Activity>(&e.details);
      if (act == nullptr) continue;
      std::vector<std::string> sectors;
      if (act->sectors) {
        for (Sector x : *act->sectors) sectors.push_back(assess::Word(ToString(x), lang));
      }
      std::vector<Cell> row = internal::ActivityCells(a, e, *act, lang);
      row.push_back(Cell::Text(Join(sectors)));
      t.rows.push_back(std::move(row));
      const std::string field = act->field ? assess::Word(ToString(*act->field), lang) : "–";
      by_field_year[field][e.date.year()]++;
      years.insert(e.date.year());
      if (act->field) carried[*act->field]++;
      if (act->provider) provided[*act->provider]++;
      if (act->host) hosted[*act->host]++;
    }
    s.blocks.emplace_back(std::move(t));
    if (!by_field_year.empty()) {
      Table by{T("sheet.by_field_year", lang),
               T("report.by_field_year", lang),
               {T("report.col.field", lang)},
               {},
               ""};
      for (int y : years) by.columns.push_back(std::to_string(y));
      for (const auto& [field, counts] : by_field_year) {
        std::vector<Cell> row{Cell::Text(field)};
        for (int y : years) {
          auto it = counts.find(y);
          row.push_back(Count(it == counts.end() ? 0 : it->second, lang));
        }
        by.rows.push_back(std::move(row));
      }
      s.blocks.emplace_back(std::move(by));
    }
    doc.sections.push_back(std::move(s));
  }

  // Contributions and benefits.
  {
    Section s{T("report.contributions", lang), {}};
    Table t{T("sheet.contributions", lang),
            "",
            {T("report.col.side", lang), T("report.col.contribution", lang),
             T("report.col.contribution_share", lang), T("report.col.benefit_share", lang),
             T("report.col.provided", lang), T("report.col.hosted", lang)},
            {},
            ""};
    auto share = [&](const std::optional<assess::PerParty>& s, bool is_home) {
      if (!s) return Cell::Text("");
      const double v = is_home ? s->home : s->partner;
      return Cell::Number(v, assess::FormatPercent(v, lang));
    };
    for (const bool is_home : {true, false}) {
      const std::string& id = is_home ? a.home : a.partner;
      t.rows.push_back(
          {Cell::Text(is_home ? home : partner),
           Count(is_home ? ind.contributions.home : ind.contributions.partner, lang, 1),
           share(ind.contribution_share, is_home), share(ind.benefit_share, is_home),
           Count(provided.contains(id) ? provided[id] : 0, lang),
           Count(hosted.contains(id) ? hosted[id] : 0, lang)});
    }
    s.blocks.emplace_back(std::move(t));
    if (ind.reciprocity) {
      s.blocks.emplace_back(Facts{
          {{T("report.reciprocity", lang), assess::FormatNumber(*ind.reciprocity, 2, lang)}}});
    }
    doc.sections.push_back(std::move(s));
  }

  // Sectors.
  {
    Section s{T("report.sectors", lang), {}};
    std::vector<std::string> sectors;
    for (std::string_view name : AllNames<Sector>()) {
      const auto x = ParseVocab<Sector>(name);
      if (x && (ind.sectors_involved & (uint32_t{1} << static_cast<unsigned>(*x)))) {
        sectors.push_back(assess::Word(name, lang));
      }
    }
    if (sectors.empty())
      s.blocks.emplace_back(Paragraph{T("report.sectors.none", lang)});
    else
      s.blocks.emplace_back(Bullets{sectors});
    doc.sections.push_back(std::move(s));
  }

  // Fields agreed against carried out.
  {
    Section s{T("report.fields", lang), {}};
    std::set<Field> agreed;
    if (p.fields) agreed.insert(p.fields->begin(), p.fields->end());
    for (const Event& e : p.events) {
      if (const auto* m = std::get_if<MouSigned>(&e.details); m && m->fields)
        agreed.insert(m->fields->begin(), m->fields->end());
      if (const auto* m = std::get_if<MouRenewed>(&e.details); m && m->fields)
        agreed.insert(m->fields->begin(), m->fields->end());
      if (const auto* m = std::get_if<ActionPlan>(&e.details); m && m->fields)
        agreed.insert(m->fields->begin(), m->fields->end());
    }
    std::set<Field> all = agreed;
    for (const auto& [f, n] : carried) all.insert(f);
    Table t{T("sheet.fields", lang),
            "",
            {T("report.col.field", lang), T("report.col.agreed", lang),
             T("report.col.carried_out", lang)},
            {},
            T("report.fields.none", lang)};
    for (Field f : all) {
      t.rows.push_back({Cell::Text(assess::Word(ToString(f), lang)),
                        Cell::Text(T(agreed.contains(f) ? "report.yes" : "report.no", lang)),
                        Count(carried.contains(f) ? carried[f] : 0, lang)});
    }
    s.blocks.emplace_back(std::move(t));
    doc.sections.push_back(std::move(s));
  }

  // Smart-city dimensions.
  {
    Section s{T("report.smart", lang), {}};
    std::vector<std::string> dims;
    for (SmartDimension d : ind.smart_dimensions)
      dims.push_back(T("smart." + std::string(ToString(d)), lang));
    if (dims.empty())
      s.blocks.emplace_back(Paragraph{T("report.smart.none", lang)});
    else
      s.blocks.emplace_back(Bullets{dims});
    doc.sections.push_back(std::move(s));
  }

  // The assessment.
  {
    Section s{T("report.assessment", lang), {}};
    Facts f;
    f.items.emplace_back(T("report.condition", lang),
                         Capitalise(std::string(assess::Label(a.condition, lang))));
    f.items.emplace_back(T("report.months_since", lang),
                         ind.months_since_activity
                             ? assess::FormatNumber(*ind.months_since_activity, 0, lang)
                             : T("report.never", lang));
    f.items.emplace_back(T("report.activities_total", lang),
                         assess::FormatNumber(ind.activities_total, 0, lang));
    f.items.emplace_back(T("report.activities_recent", lang),
                         assess::FormatNumber(ind.activities_recent, 0, lang));
    if (ind.paradiplomacy_layer)
      f.items.emplace_back(T("report.layer", lang), T("layer." + *ind.paradiplomacy_layer, lang));
    s.blocks.emplace_back(std::move(f));
    Table risks{T("sheet.risks", lang),
                T("report.risks", lang),
                {T("report.col.risk", lang), T("report.col.explanation", lang),
                 T("report.col.evidence", lang), T("report.col.literature", lang)},
                {},
                T("report.risks.none", lang)};
    for (const assess::Concept& c : a.concepts) {
      risks.rows.push_back({Cell::Text(Capitalise(std::string(assess::Label(c.code, lang)))),
                            Cell::Text(assess::Explain(a, c, lang)), Cell::Text(Join(c.evidence)),
                            Cell::Text(std::string(assess::SourceText(c.code, lang)))});
    }
    s.blocks.emplace_back(std::move(risks));
    Table next{
        T("sheet.next", lang),
        T("report.next", lang),
        {T("report.col.urgency", lang), T("report.col.action", lang), T("report.col.due", lang)},
        {},
        T("report.next.none", lang)};
    for (const assess::Action& x : a.actions) {
      next.rows.push_back(
          {Cell::Text(Capitalise(std::string(assess::Label(x.urgency, lang)))),
           Cell::Text(assess::Describe(a, x, lang)),
           x.due ? Cell::Date(*x.due, assess::FormatDate(*x.due, lang)) : Cell::Text("")});
    }
    s.blocks.emplace_back(std::move(next));
    doc.sections.push_back(std::move(s));
  }

  // The formal path.
  {
    Section s{T("report.stages", lang), {}};
    Table t{T("sheet.stages", lang),
            "",
            {T("report.col.stage", lang), T("report.col.done", lang), T("report.col.first", lang)},
            {},
            ""};
    for (const auto& [stage, type] : kStageEvents) {
      const bool done =
          std::find(ind.stages_done.begin(), ind.stages_done.end(), stage) != ind.stages_done.end();
      Cell first = Cell::Text("");
      for (const Event& e : p.events) {
        if (e.type() == type) {
          first = DateCell(e.date, lang);
          break;
        }
      }
      t.rows.push_back({Cell::Text(T("stage." + std::string(stage), lang)),
                        Cell::Text(T(done ? "report.yes" : "report.no", lang)), first});
    }
    s.blocks.emplace_back(std::move(t));
    doc.sections.push_back(std::move(s));
  }

  // Sources.
  {
    Section s{T("report.sources", lang), {}};
    std::vector<std::string> sources;
    for (const Event& e : p.events) {
      if (e.source && std::find(sources.begin(), sources.end(), *e.source) == sources.end())
        sources.push_back(*e.source);
    }
    if (sources.empty())
      s.blocks.emplace_back(Paragraph{T("report.sources.none", lang)});
    else
      s.blocks.emplace_back(Bullets{sources});
    doc.sections.push_back(std::move(s));
  }
  return doc;
}

}  // namespace kembar::report
