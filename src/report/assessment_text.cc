#include "kembar/report/assessment_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "kembar/geo/countries.h"
#include "kembar/io/json_writer.h"
#include "kembar/report/assessment_json.h"
#include "report/status_groups.h"
#include "report/width.h"

namespace kembar::report {

using internal::GroupStatus;
using internal::StatusGroup;
using internal::TopReasons;

namespace {

using assess::ConceptCode;
using assess::Condition;
using assess::Lang;
using assess::PartnershipAssessment;
using assess::Text;

size_t Width(std::string_view s) { return DisplayWidth(s); }
std::string Clip(std::string_view s, size_t max) { return ClipTo(s, max); }

// A plain text table: columns padded to their widest cell.
class Table {
 public:
  explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string Render() const {
    std::vector<size_t> w(rows_.front().size(), 0);
    for (const auto& r : rows_) {
      for (size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], Width(r[i]));
    }
    std::string out;
    for (const auto& r : rows_) {
      std::string line;
      for (size_t i = 0; i < r.size(); ++i) {
        line += r[i];
        if (i + 1 < r.size()) line.append(w[i] - Width(r[i]) + 2, ' ');
      }
      out += line + "\n";
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

class Names {
 public:
  explicit Names(const Dossier& d) : index_(d) {}
  std::string Region(const std::string& id) const {
    const kembar::Region* r = index_.Find(id);
    return r ? r->name : id;
  }
  std::string WithCountry(const std::string& id, Lang lang) const {
    const kembar::Region* r = index_.Find(id);
    if (!r) return id;
    return r->name + " (" + geo::CountryName(r->country, lang == Lang::kId) + ")";
  }
  const kembar::Region* Find(const std::string& id) const { return index_.Find(id); }

 private:
  assess::RegionIndex index_;
};

std::string Percent(size_t part, size_t whole, Lang lang) {
  if (whole == 0) return assess::FormatPercent(0, lang);
  return assess::FormatPercent(static_cast<double>(part) / static_cast<double>(whole), lang);
}

constexpr std::array<Condition, 6> kConditionOrder = {Condition::kActive,     Condition::kAtRisk,
                                                      Condition::kDormant,    Condition::kEnded,
                                                      Condition::kNotInForce, Condition::kUnknown};

// Behavioural concepts first (they call for action), structural ones after.
std::vector<const assess::Concept*> Ranked(const PartnershipAssessment& a) {
  std::vector<const assess::Concept*> out;
  for (const auto& c : a.concepts) out.push_back(&c);
  std::stable_sort(out.begin(), out.end(), [](const assess::Concept* x, const assess::Concept* y) {
    return assess::IsAdvisory(x->code) < assess::IsAdvisory(y->code);
  });
  return out;
}

std::string TopRisks(const PartnershipAssessment& a, Lang lang, size_t n) {
  std::string out;
  size_t k = 0;
  for (const assess::Concept* c : Ranked(a)) {
    if (k++ == n) break;
    if (!out.empty()) out += ", ";
    out += assess::Label(c->code, lang);
  }
  return out.empty() ? "-" : out;
}

std::string Expiry(const PartnershipAssessment& a, Lang lang) {
  if (!a.agreement.signed_) return std::string(Text("not_signed", lang));
  if (!a.agreement.expires) return std::string(Text("open_ended", lang));
  return assess::FormatDate(*a.agreement.expires, lang);
}

// Months since the last activity; for a signed partnership that never had one, "never"
// and the months since the signing ("never, 92 since the MoU").
std::string Quiet(const PartnershipAssessment& a, Day as_of, Lang lang) {
  if (a.indicators.months_since_activity)
    return std::to_string(*a.indicators.months_since_activity);
  if (!a.agreement.signed_) return "-";
  const int months = WholeMonthsBetween(a.agreement.signed_on->Last(), as_of);
  return std::string(Text("never", lang)) + ", " + std::to_string(months) + " " +
         std::string(Text("since_mou", lang));
}

std::string Summary(const std::vector<PartnershipAssessment>& as, Lang lang) {
  std::map<Condition, size_t> n;
  for (const auto& a : as) ++n[a.condition];
  std::string out =
      std::to_string(as.size()) + " " + (lang == Lang::kId ? "kerja sama" : "partnerships") + ":";
  bool first = true;
  for (Condition c : kConditionOrder) {
    if (!n[c]) continue;
    out += std::string(first ? " " : ", ") + std::string(assess::Label(c, lang)) + " " +
           std::to_string(n[c]) + " (" + Percent(n[c], as.size(), lang) + ")";
    first = false;
  }
  // The literature's measure (Nuralam 2018; Salam 2004): of the partnerships with a
  // signed agreement, how many do not carry out activities.
  size_t agreed = 0, idle = 0;
  for (const auto& a : as) {
    if (!a.agreement.signed_) continue;
    ++agreed;
    if (a.condition == Condition::kDormant || a.condition == Condition::kEnded) ++idle;
  }
  if (agreed > 0) {
    out += "\n" + std::string(Text("with_mou", lang)) + ": " + std::to_string(idle) + " " +
           std::string(Text("of", lang)) + " " + std::to_string(agreed) + " (" +
           Percent(idle, agreed, lang) + ") " + std::string(Text("not_active_share", lang));
  }
  return out + "\n";
}

// One line explaining "unknown" when the table shows it.
std::string Legend(const std::vector<PartnershipAssessment>& as, Lang lang) {
  const bool any = std::any_of(as.begin(), as.end(), [](const PartnershipAssessment& a) {
    return a.condition == Condition::kUnknown;
  });
  return any ? std::string(Text("legend_unknown", lang)) + "\n" : std::string();
}

}  // namespace

std::string FormatAssessments(const Dossier& dossier, const std::vector<PartnershipAssessment>& as,
                              Day as_of, Lang lang) {
  const Names names(dossier);
  std::string out;
  out += std::string(Text("assessment_as_of", lang)) + " " + assess::FormatDate(as_of, lang) + "\n";
  for (const PartnershipAssessment& a : as) {
    const auto& ind = a.indicators;
    out += "\n" + a.id + ": " + names.Region(a.home) + " – " + names.WithCountry(a.partner, lang) +
           "\n";
    out += "  " + std::string(Text("condition", lang)) + ": " +
           std::string(assess::Label(a.condition, lang)) + "\n";
    std::string agreement = std::string(Text("agreement", lang)) + ": ";
    if (a.agreement.signed_) {
      agreement +=
          "MoU " + std::string(Text("signed", lang)) + " " +
          assess::FormatDate(*a.agreement.signed_on, lang) + ", " +
          std::string(Text(a.agreement.in_force ? "in_force" : "not_in_force", lang)) + ", " +
          (a.agreement.expires ? std::string(Text("expires", lang)) + " " : std::string()) +
          Expiry(a, lang);
    } else {
      agreement += std::string(Text("not_signed", lang));
    }
    out += "  " + agreement + "\n";
    std::string numbers = std::string(Text("indicators", lang)) + ": ";
    numbers += std::string(Text("activities", lang)) + " " + std::to_string(ind.activities_total);
    if (ind.months_since_activity) {
      numbers += ", " + std::string(Text("last_activity", lang)) + " " +
                 assess::FormatDate(*ind.last_activity, lang) + " (" +
                 std::to_string(*ind.months_since_activity) + " " +
                 std::string(Text("months_ago", lang)) + ")";
    }
    out += "  " + numbers + "\n";
    if (ind.contributions.total() > 0) {
      const std::string home = assess::NameOf(*a.home_label, lang);
      const std::string partner = assess::NameOf(*a.partner_label, lang);
      std::string line = std::string(Text("contributions", lang)) + ": " + home + " " +
                         assess::FormatNumber(ind.contributions.home, 2, lang) + ", " + partner +
                         " " + assess::FormatNumber(ind.contributions.partner, 2, lang) + "; " +
                         std::string(Text("reciprocity", lang)) + " " +
                         assess::FormatNumber(*ind.reciprocity, 2, lang);
      if (ind.benefit_share) {
        line += "; " + std::string(Text("benefits", lang)) + ": " + home + " " +
                assess::FormatPercent(ind.benefit_share->home, lang) + ", " + partner + " " +
                assess::FormatPercent(ind.benefit_share->partner, lang);
      }
      out += "  " + line + "\n";
    }
    std::string more;
    if (ind.fields_agreed) {
      more += std::string(Text("fields_covered", lang)) + " " + std::to_string(ind.fields_covered) +
              "/" + std::to_string(ind.fields_agreed);
    }
    if (ind.distance_km) {
      more += (more.empty() ? "" : ", ") + assess::FormatNumber(*ind.distance_km, 0, lang) + " km";
    }
    if (!ind.smart_dimensions.empty()) {
      more += (more.empty() ? "" : ", ") + std::string(Text("smart_dimensions", lang)) + ":";
      for (size_t k = 0; k < ind.smart_dimensions.size(); ++k) {
        more += (k ? ", " : " ") +
                std::string(Text("smart." + std::string(ToString(ind.smart_dimensions[k])), lang));
      }
    }
    if (ind.paradiplomacy_layer) {
      more += (more.empty() ? "" : ", ") + std::string(Text("layer", lang)) + " " +
              std::string(Text("layer." + *ind.paradiplomacy_layer, lang));
    }
    if (!more.empty()) out += "  " + more + "\n";
    if (!a.concepts.empty()) {
      out += "  " + std::string(Text("risks", lang)) + ":\n";
      for (const assess::Concept* c : Ranked(a)) {
        out += "    - " + std::string(assess::Label(c->code, lang)) + ": " +
               assess::Explain(a, *c, lang) + " [" +
               std::string(assess::SourceText(c->code, lang)) + "]\n";
      }
    }
    if (!a.actions.empty()) {
      out += "  " + std::string(Text("next_actions", lang)) + ":\n";
      for (const assess::Action& act : a.actions) {
        std::string when = std::string(assess::Label(act.urgency, lang));
        if (act.due)
          when += ", " + std::string(Text("due", lang)) + " " + assess::FormatDate(*act.due, lang);
        out += "    * [" + when + "] " + assess::Describe(a, act, lang) + "\n";
      }
    }
  }
  return out;
}

std::string FormatStatus(const Dossier& dossier, const std::vector<PartnershipAssessment>& as,
                         Day as_of, Lang lang) {
  const Names names(dossier);
  const bool id = lang == Lang::kId;
  Table t({id ? "KERJA SAMA" : "PARTNERSHIP", id ? "DAERAH" : "HOME", id ? "MITRA" : "PARTNER",
           id ? "KONDISI" : "CONDITION", id ? "BULAN TANPA KEGIATAN" : "MONTHS QUIET",
           id ? "MOU BERAKHIR" : "MOU EXPIRES", id ? "RISIKO UTAMA" : "TOP RISKS"});
  for (const PartnershipAssessment& a : as) {
    t.Add({Clip(a.id, 32), Clip(names.Region(a.home), 20),
           Clip(names.WithCountry(a.partner, lang), 34),
           std::string(assess::Label(a.condition, lang)), Quiet(a, as_of, lang), Expiry(a, lang),
           TopRisks(a, lang, 2)});
  }
  return std::string(Text("as_of", lang)) + " " + assess::FormatDate(as_of, lang) + "\n" +
         t.Render() + "\n" + Summary(as, lang) + Legend(as, lang);
}

std::string FormatStatusBy(const Dossier& dossier, const std::vector<PartnershipAssessment>& as,
                           GroupBy by, Day as_of, Lang lang) {
  const bool id = lang == Lang::kId;
  const std::map<std::string, StatusGroup> groups = GroupStatus(
      dossier, as, [](const PartnershipAssessment& a) -> const auto& { return a; }, by, lang);
  std::vector<std::string> header = {by == GroupBy::kCountry
                                         ? (id ? "NEGARA MITRA" : "PARTNER COUNTRY")
                                         : (id ? "PROVINSI" : "PROVINCE"),
                                     id ? "JUMLAH" : "TOTAL"};
  for (Condition c : kConditionOrder) {
    std::string h(assess::Label(c, lang));
    std::transform(h.begin(), h.end(), h.begin(),
                   [](unsigned char ch) { return std::toupper(ch); });
    header.push_back(h);
  }
  // Dormant or ended among the signed: the literature's "not carrying out activities".
  header.push_back(id ? "MOU TIDAK BERJALAN" : "MOU NOT ACTIVE");
  header.push_back(id ? "ALASAN UTAMA" : "TOP REASONS");
  Table t(header);
  for (const auto& [key, g] : groups) {
    std::vector<std::string> row = {Clip(key, 30), std::to_string(g.total)};
    for (Condition c : kConditionOrder) row.push_back(std::to_string(g.count(c)));
    row.push_back(g.agreed ? std::to_string(g.idle) + "/" + std::to_string(g.agreed) + " (" +
                                 Percent(g.idle, g.agreed, lang) + ")"
                           : "-");
    const auto reasons = TopReasons(g, 3);
    std::string top;
    for (size_t i = 0; i < reasons.size(); ++i) {
      top += (top.empty() ? "" : ", ") + std::string(assess::Label(reasons[i].second, lang)) +
             " (" + std::to_string(reasons[i].first) + ")";
    }
    row.push_back(top.empty() ? "-" : top);
    t.Add(row);
  }
  return std::string(Text("as_of", lang)) + " " + assess::FormatDate(as_of, lang) + "\n" +
         t.Render() + "\n" + Summary(as, lang) + Legend(as, lang);
}

std::string StatusByJson(const Dossier& dossier,
                         const std::vector<const PartnershipAssessment*>& assessments, GroupBy by,
                         Day as_of, Lang lang) {
  const std::map<std::string, StatusGroup> groups = GroupStatus(
      dossier, assessments, [](const PartnershipAssessment* a) -> const auto& { return *a; }, by,
      lang);
  std::string out;
  io::JsonWriter w(&out);
  auto conditions = [&w](const StatusGroup& g) {
    w.Key("conditions");
    w.BeginObject();
    for (Condition c : kConditionOrder) {
      w.Key(ToString(c));
      w.Uint(g.count(c));
    }
    w.EndObject();
  };
  auto reasons = [&w, lang](const StatusGroup& g, size_t n) {
    w.Key("reasons");
    w.BeginArray();
    for (const auto& [k, c] : TopReasons(g, n)) {
      w.BeginObject();
      w.Key("code");
      w.String(ToString(c));
      w.Key("label");
      w.String(assess::Label(c, lang));
      w.Key("count");
      w.Uint(k);
      w.EndObject();
    }
    w.EndArray();
  };
  StatusGroup all;
  for (const auto& [key, g] : groups) all.Merge(g);
  w.BeginObject();
  w.Key("as_of");
  w.String(FormatDay(as_of));
  w.Key("by");
  w.String(by == GroupBy::kCountry ? "country" : "province");
  w.Key("total");
  w.Uint(all.total);
  conditions(all);
  // The national totals: every reason over all the partnerships, not only the
  // groups' three most frequent.
  w.Key("mou_signed");
  w.Uint(all.agreed);
  w.Key("mou_not_active");
  w.Uint(all.idle);
  reasons(all, assess::kConceptCount);
  w.Key("groups");
  w.BeginArray();
  for (const auto& [key, g] : groups) {
    w.BeginObject();
    w.Key("id");
    w.String(g.id);
    w.Key("name");
    w.String(g.name);
    w.Key("total");
    w.Uint(g.total);
    conditions(g);
    w.Key("mou_signed");
    w.Uint(g.agreed);
    w.Key("mou_not_active");
    w.Uint(g.idle);
    reasons(g, 3);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

std::string StatusByJson(const Dossier& dossier, const std::vector<PartnershipAssessment>& as,
                         GroupBy by, Day as_of, Lang lang) {
  std::vector<const PartnershipAssessment*> ptrs;
  ptrs.reserve(as.size());
  for (const auto& a : as) ptrs.push_back(&a);
  return StatusByJson(dossier, ptrs, by, as_of, lang);
}

std::string FormatCalendarGaps(const std::vector<PartnershipAssessment>& as, Lang lang) {
  const bool id = lang == Lang::kId;
  std::string open, lapsed;
  for (const PartnershipAssessment& a : as) {
    const std::string pair =
        assess::NameOf(*a.home_label, lang) + " – " + assess::NameOf(*a.partner_label, lang);
    if (a.agreement.in_force && !a.agreement.expiry_known) {
      open += "  " + pair + " (MoU " + assess::FormatDate(*a.agreement.signed_on, lang) + ")\n";
    } else if (a.Has(ConceptCode::kExpiredUnrenewed) && a.agreement.expires) {
      lapsed += "  " + pair + " (" + (id ? "masa berlaku habis " : "lapsed ") +
                assess::FormatDate(*a.agreement.expires, lang) + ")\n";
    }
  }
  std::string out;
  if (!lapsed.empty()) {
    out += std::string(id ? "\nMoU yang masa berlakunya habis tanpa perpanjangan:\n"
                          : "\nMoUs that lapsed without a renewal:\n") +
           lapsed;
  }
  if (!open.empty()) {
    out += std::string(
               id ? "\nMoU tanpa masa berlaku yang tercatat (tidak ada tanggal untuk diingatkan):\n"
                  : "\nMoUs with no recorded validity (no date to remind of):\n") +
           open;
  }
  return out;
}

std::string CalendarJson(const std::vector<assess::CalendarEntry>& entries,
                         const std::vector<PartnershipAssessment>& as, Day as_of, int months) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginObject();
  w.Key("as_of");
  w.String(FormatDay(as_of));
  w.Key("months");
  w.Uint(static_cast<uint64_t>(months));
  w.Key("entries");
  w.BeginArray();
  for (const auto& e : entries) {
    w.BeginObject();
    w.Key("day");
    w.String(FormatDay(e.day));
    w.Key("kind");
    w.String(e.kind == assess::CalendarEntry::Kind::kExpiry ? "expiry" : "renewal_deadline");
    w.Key("partnership");
    w.String(e.partnership);
    w.Key("expires");
    w.String(e.expires.ToString());
    w.Key("overdue");
    w.Bool(e.overdue);
    w.EndObject();
  }
  w.EndArray();
  w.Key("without_validity");
  w.BeginArray();
  for (const PartnershipAssessment& a : as) {
    if (a.agreement.in_force && !a.agreement.expiry_known) w.String(a.id);
  }
  w.EndArray();
  w.Key("expired_unrenewed");
  w.BeginArray();
  for (const PartnershipAssessment& a : as) {
    if (!a.Has(ConceptCode::kExpiredUnrenewed) || !a.agreement.expires) continue;
    w.BeginObject();
    w.Key("partnership");
    w.String(a.id);
    w.Key("expires");
    w.String(a.agreement.expires->ToString());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string FormatTodo(const std::vector<assess::TodoItem>& items, Day as_of, int within_days,
                       Lang lang) {
  const bool id = lang == Lang::kId;
  std::string out = std::string(id ? "Tindak lanjut per " : "To do as of ") +
                    assess::FormatDate(as_of, lang) +
                    (id ? ", jatuh tempo dalam " : ", due within ") + std::to_string(within_days) +
                    (id ? " hari" : " days") + "\n";
  if (items.empty())
    return out + (id ? "Tidak ada tindak lanjut yang jatuh tempo.\n" : "Nothing is due.\n");
  Table t({id ? "URGENSI" : "URGENCY", id ? "BATAS WAKTU" : "DUE",
           id ? "KERJA SAMA" : "PARTNERSHIP", id ? "TINDAK LANJUT" : "ACTION"});
  for (const assess::TodoItem& item : items) {
    const assess::PartnershipAssessment& a = *item.assessment;
    t.Add(
        {std::string(assess::Label(item.action->urgency, lang)),
         item.action->due ? assess::FormatDate(*item.action->due, lang) : "-",
         Clip(assess::NameOf(*a.home_label, lang) + " – " + assess::NameOf(*a.partner_label, lang),
              40),
         assess::Describe(a, *item.action, lang)});
  }
  return out + t.Render();
}

std::string TodoJson(const std::vector<assess::TodoItem>& items, Day as_of, Lang lang) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginObject();
  w.Key("as_of");
  w.String(FormatDay(as_of));
  w.Key("items");
  w.BeginArray();
  for (const assess::TodoItem& item : items) {
    const assess::PartnershipAssessment& a = *item.assessment;
    const assess::Action& x = *item.action;
    w.BeginObject();
    w.Key("partnership");
    w.String(a.id);
    w.Key("parties");
    w.BeginArray();
    w.String(a.home);
    w.String(a.partner);
    w.EndArray();
    WriteRecommendationMembers(a, x, lang, &w);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string FormatCalendar(const Dossier& dossier,
                           const std::vector<assess::CalendarEntry>& entries, Day as_of, int months,
                           Lang lang) {
  const Names names(dossier);
  const bool id = lang == Lang::kId;
  std::string out = (id ? "MoU yang masa berlakunya habis dalam " : "MoU expiries in the next ") +
                    std::to_string(months) + (id ? " bulan sejak " : " months from ") +
                    assess::FormatDate(as_of, lang) + "\n";
  if (entries.empty()) return out + std::string(Text("no_upcoming", lang)) + "\n";
  Table t({id ? "TANGGAL" : "DATE", id ? "APA" : "WHAT", id ? "KERJA SAMA" : "PARTNERSHIP",
           id ? "MITRA" : "PARTNER", id ? "MOU BERAKHIR" : "MOU EXPIRES"});
  for (const auto& e : entries) {
    std::string what = e.kind == assess::CalendarEntry::Kind::kExpiry
                           ? (id ? "MoU berakhir" : "MoU expires")
                           : (id ? "mulai perpanjangan" : "start renewal");
    if (e.overdue) what += id ? " (terlambat)" : " (overdue)";
    t.Add({assess::FormatDate(e.day, lang), what, e.partnership, names.WithCountry(e.partner, lang),
           assess::FormatDate(e.expires, lang)});
  }
  return out + t.Render();
}

namespace {

// RFC 5545 text escaping.
std::string IcsText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out.push_back(c);
    }
  }
  return out;
}

// Folds a content line at 75 octets without splitting a UTF-8 sequence.
void IcsLine(std::string_view line, std::string* out) {
  size_t taken = 0, limit = 75;
  while (line.size() - taken > limit) {
    size_t cut = taken + limit;
    while (cut > taken && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out->append(line.substr(taken, cut - taken));
    out->append("\r\n ");
    taken = cut;
    limit = 74;  // the leading space counts
  }
  out->append(line.substr(taken));
  out->append("\r\n");
}

std::string Compact(Day d) {
  std::string s = FormatDay(d);
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s;
}

}  // namespace

std::string CalendarIcs(const Dossier& dossier, const std::vector<assess::CalendarEntry>& entries,
                        Day as_of, Lang lang) {
  const Names names(dossier);
  const bool id = lang == Lang::kId;
  std::string out;
  for (const char* l : {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kembar//kembar 0.1//EN",
                        "CALSCALE:GREGORIAN", "METHOD:PUBLISH"}) {
    IcsLine(l, &out);
  }
  IcsLine(std::string("X-WR-CALNAME:") + (id ? "kembar: perpanjangan MoU" : "kembar: MoU renewals"),
          &out);
  for (const auto& e : entries) {
    const bool expiry = e.kind == assess::CalendarEntry::Kind::kExpiry;
    const std::string partner = names.WithCountry(e.partner, lang);
    const std::string summary =
        expiry ? (id ? "MoU berakhir: " : "MoU expires: ") + names.Region(e.home) + " – " + partner
               : (id ? "Mulai perpanjangan MoU: " : "Start MoU renewal: ") + names.Region(e.home) +
                     " – " + partner;
    std::string description =
        expiry
            ? (id ? "Masa berlaku MoU kerja sama " : "The MoU of partnership ") + e.partnership +
                  (id ? " habis " : " expires ") + assess::FormatDate(e.expires, lang) + "."
            : (id ? "Masa berlaku MoU kerja sama " : "The MoU of partnership ") + e.partnership +
                  (id ? " habis " : " expires ") + assess::FormatDate(e.expires, lang) +
                  (id ? ". Mulai proses perpanjangan: konsultasi melalui Kemendagri dengan Kemlu, "
                        "persetujuan DPRD dan penandatanganan (tenggat menurut ketentuan bawaan "
                        "kembar, "
                        "bukan ketentuan hukum)."
                      : ". Start the renewal: consultation through the home-affairs ministry with "
                        "the foreign ministry, DPRD approval and signing (a deadline by kembar's "
                        "default "
                        "lead time, not a legal one).");
    IcsLine("BEGIN:VEVENT", &out);
    IcsLine(
        "UID:" + e.partnership + (expiry ? "-expiry-" : "-renewal-") + Compact(e.day) + "@kembar",
        &out);
    IcsLine("DTSTAMP:" + Compact(as_of) + "T000000Z", &out);
    IcsLine("DTSTART;VALUE=DATE:" + Compact(e.day), &out);
    IcsLine("DTEND;VALUE=DATE:" + Compact(e.day + std::chrono::days(1)), &out);
    IcsLine("SUMMARY:" + IcsText(summary), &out);
    IcsLine("DESCRIPTION:" + IcsText(description), &out);
    IcsLine("CATEGORIES:" + std::string(expiry ? "MOU-EXPIRY" : "MOU-RENEWAL"), &out);
    IcsLine("END:VEVENT", &out);
  }
  IcsLine("END:VCALENDAR", &out);
  return out;
}

}  // namespace kembar::report
