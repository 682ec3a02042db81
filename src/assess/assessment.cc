// assessment-v2 (docs/assessment-v2.md). Each rule below names the bound of the
// date intervals it uses, so that a risk fires only if it would fire whichever of
// the possible days were the true ones.
#include "kembar/assess/assessment.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <type_traits>

#include "kembar/geo/geodesy.h"

namespace kembar::assess {

namespace {

constexpr std::array<std::string_view, 6> kConditionNames = {"not_in_force", "active", "at_risk",
                                                             "dormant",      "ended",  "unknown"};
constexpr std::array<std::string_view, kConceptCount> kConceptNames = {"expired_unrenewed",
                                                                       "no_activity_after_mou",
                                                                       "activity_gap",
                                                                       "unanswered_communication",
                                                                       "one_sided",
                                                                       "narrow_participation",
                                                                       "leader_change_lapse",
                                                                       "external_shock",
                                                                       "policy_block",
                                                                       "no_diplomatic_relations",
                                                                       "distance"};
constexpr std::array<std::string_view, kConceptCount> kConceptSources = {
    "Nuralam 2018; Putri 2017 (no initiative to extend; weak agreement)",
    "Putri 2017; Salam 2004 (no follow-up after signing)",
    "Tjandradewi & Marcotullio 2009; De Villiers 2011 (no significant results; communication "
    "dried up)",
    "Tjandradewi & Marcotullio 2009; De Villiers 2011 (lack of communication)",
    "Rochman; De Villiers 2009 (no reciprocity: one side passive)",
    "Tjandradewi & Marcotullio 2009; Putri 2017 (no community or non-government participation); "
    "advisory: Rochman finds broad participation a prerequisite rather than a direct driver of "
    "success",
    "Stimson et al. 2009; Putri 2017 (change of leadership or of a leader's policy; inconsistent "
    "commitment)",
    "Handayani & Zahidi 2024 (pandemic, global crisis)",
    "Putri 2017 (one-door policy; national foreign-policy line)",
    "Putri 2017 (requirement: diplomatic relations)",
    "Rochman (distant partners with large time differences produce fewer real activities)"};
constexpr std::array<std::string_view, kActionCount> kActionNames = {
    "renew_or_close",          "record_lessons",    "confirm_or_terminate", "answer_communication",
    "follow_up_communication", "start_renewal",     "write_action_plan",    "restart_activity",
    "propose_reciprocal",      "reconnect_leader",  "move_online",          "widen_participation",
    "check_relations",         "plan_for_distance", "hold_evaluation"};
constexpr std::array<std::string_view, 3> kUrgencyNames = {"overdue", "due_soon", "later"};

bool IsGovernment(Sector s) {
  return s == Sector::kLocalGovernment || s == Sector::kParliament ||
         s == Sector::kCentralGovernment || s == Sector::kEmbassy;
}

// Whole months from `from` to `as_of`; a day after `as_of` counts as `as_of` (0).
int MonthsSince(Day from, Day as_of) { return WholeMonthsBetween(from, as_of); }

// One event the assessment considers, with its place in the file and in the
// timeline. The interval is computed once: the rules compare dates many times.
struct Ev {
  const Event* e;
  size_t index;  // in the partnership's events (the JSON path)
  size_t pos;    // in timeline order
  Day first, last;
};

// Timeline order: first possible day, then latest possible day (later first), then
// the file.
bool TimelineLess(const Ev& a, const Ev& b) {
  if (a.first != b.first) return a.first < b.first;
  if (a.last != b.last) return a.last > b.last;
  return a.index < b.index;
}
bool CertainlyBeforeEv(const Ev& a, const Ev& b) { return a.last < b.first; }

struct Scratch {
  std::vector<Ev> evs;
  std::vector<const Ev*> activities, signings, starts, contributing;
};

constexpr std::array<std::string_view, 10> kStages = {
    "initiated", "visit",       "loi",      "consultation", "dprd",
    "mou",       "action_plan", "activity", "evaluation",   "renewal"};
enum Stage : uint32_t {
  kInitiated,
  kVisit,
  kLoi,
  kConsultation,
  kDprd,
  kMou,
  kActionPlanStage,
  kActivityStage,
  kEvaluationStage,
  kRenewal
};
template <typename E>
constexpr uint32_t Bit(E e) {
  return uint32_t{1} << static_cast<uint32_t>(e);
}

std::string Path(size_t p, size_t e) {
  return "partnerships[" + std::to_string(p) + "].events[" + std::to_string(e) + "]";
}

// A number for a fact: integers without a decimal point, else up to two decimals.
std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 100) / 100);
  return buf;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Lecours' layers: economic (1) < cultural/educational/technical (2) < political (3).
int LayerOf(const Activity& a) {
  if (a.sectors) {
    for (Sector s : *a.sectors) {
      if (s == Sector::kParliament || s == Sector::kCentralGovernment) return 3;
    }
  }
  if (!a.field) return 0;
  switch (*a.field) {
    case Field::kGovernance:
      return 3;
    case Field::kEconomyTrade:
    case Field::kInvestment:
    case Field::kSmes:
    case Field::kCreativeEconomy:
    case Field::kPortLogistics:
    case Field::kTourism:
      return 1;
    default:
      return 2;
  }
}

// An agreed field is covered by an activity in the field itself or in a field that
// implements it (assessment-v2 "Indicators"); smart_city also by any activity with a
// smart-city dimension (handled by the caller).
bool Covers(Field activity, Field agreed) {
  if (activity == agreed) return true;
  switch (agreed) {
    case Field::kHumanResources:
      return activity == Field::kEducation || activity == Field::kSports ||
             activity == Field::kYouth || activity == Field::kHealth;
    case Field::kSmartCity:
      return activity == Field::kEGovernment;
    case Field::kEconomyTrade:
      return activity == Field::kInvestment || activity == Field::kSmes;
    case Field::kEnvironment:
      return activity == Field::kFloodManagement;
    default:
      return false;
  }
}

// The coarsest partial date whose first day is `d`: a year, a month or the day.
PartialDate CoarsestStarting(Day d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  if (static_cast<unsigned>(ymd.day()) != 1) return PartialDate::FromDay(d);
  if (static_cast<unsigned>(ymd.month()) != 1) {
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()));
  } else {
    std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(ymd.year()));
  }
  return PartialDate::Parse(buf).value();
}

// The coarsest partial date whose last day is `d`.
PartialDate CoarsestEnding(Day d) {
  using namespace std::chrono;
  const year_month_day ymd{d};
  const bool month_end =
      year_month_day_last{ymd.year(), month_day_last{ymd.month()}}.day() == ymd.day();
  if (!month_end) return PartialDate::FromDay(d);
  char buf[16];
  if (ymd.month() == December) {
    std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(ymd.year()));
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()));
  }
  return PartialDate::Parse(buf).value();
}

// The date, in the dossier's syntax and its coarsest exact form, that denotes every
// day from `first` to `last`: "2022", "2023-03-19", "2008/2017".
Period ExactPeriod(Day first, Day last) {
  if (first == last) return Period(PartialDate::FromDay(first));
  const PartialDate start = CoarsestStarting(first);
  const PartialDate end = CoarsestEnding(last);
  // One whole year or month: "2022", "2020-02".
  for (const PartialDate& d : {start, end}) {
    if (d.precision() != DatePrecision::kDay && d.First() == first && d.Last() == last)
      return Period(d);
  }
  return Period::Parse(start.ToString() + "/" + end.ToString()).value();
}

}  // namespace

std::string_view ToString(Condition c) { return kConditionNames[static_cast<size_t>(c)]; }
std::string_view ToString(ConceptCode c) { return kConceptNames[static_cast<size_t>(c)]; }
std::string_view ToString(ActionCode c) { return kActionNames[static_cast<size_t>(c)]; }
std::string_view ToString(Urgency u) { return kUrgencyNames[static_cast<size_t>(u)]; }
std::string_view SourceOf(ConceptCode c) { return kConceptSources[static_cast<size_t>(c)]; }
bool IsAdvisory(ConceptCode c) {
  return c == ConceptCode::kNarrowParticipation || c == ConceptCode::kDistance ||
         c == ConceptCode::kNoDiplomaticRelations || c == ConceptCode::kPolicyBlock;
}
bool IsBehavioural(ConceptCode c) {
  return c == ConceptCode::kOneSided || c == ConceptCode::kUnansweredCommunication ||
         c == ConceptCode::kLeaderChangeLapse || c == ConceptCode::kExternalShock;
}

bool PartnershipAssessment::Has(ConceptCode c) const {
  return std::any_of(concepts.begin(), concepts.end(),
                     [c](const Concept& x) { return x.code == c; });
}

RegionLabel LabelOf(const Region& r) {
  RegionLabel l{r.id, r.name, {}, r.country};
  for (const auto& [lang, name] : r.names) {
    if (lang == "id") l.in_id = name;
    if (lang == "en") l.en = name;
  }
  if (l.in_id.empty()) {
    // Indonesian names the kind of region before the name: "Kota Liverpool".
    switch (r.level) {
      case Level::kCity:
      case Level::kMunicipality:
        l.in_id = "Kota " + r.name;
        break;
      case Level::kRegency:
        l.in_id = "Kabupaten " + r.name;
        break;
      case Level::kProvince:
        l.in_id = "Provinsi " + r.name;
        break;
      case Level::kPrefecture:
        l.in_id = "Prefektur " + r.name;
        break;
      case Level::kState:
        l.in_id = "Negara Bagian " + r.name;
        break;
      default:
        l.in_id = r.name;
        break;
    }
  }
  return l;
}

RegionIndex::RegionIndex(const Dossier& d) : dossier_(d) {
  by_id_.reserve(d.regions.size());
  labels_.reserve(d.regions.size());
  for (size_t i = 0; i < d.regions.size(); ++i) {
    by_id_.emplace(d.regions[i].id, i);
    labels_.push_back(std::make_shared<const RegionLabel>(LabelOf(d.regions[i])));
  }
}

const Region* RegionIndex::Find(std::string_view id, size_t* index) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return nullptr;
  if (index) *index = it->second;
  return &dossier_.regions[it->second];
}

namespace {

// Fills *out_ptr (a fresh assessment, built in place by the bulk caller so that the
// large result is never moved); false when the partnership did not exist yet.
bool AssessInto(const Dossier& d, const RegionIndex& regions, size_t pi, Day as_of,
                const Context& ctx, PartnershipAssessment* out_ptr) {
  const Partnership& p = d.partnerships[pi];
  const AssessmentPolicy& policy = ctx.policy->assessment;
  const ContributionWeights& weight = policy.contribution_weights;

  // What could be known on as_of: events certainly after it are ignored.
  // Scratch buffers reused across calls on the same thread: a bulk assessment would
  // otherwise allocate them for every partnership. Nothing outlives the call.
  thread_local Scratch scratch;
  std::vector<Ev>& evs = scratch.evs;
  evs.clear();
  for (size_t i = 0; i < p.events.size(); ++i) {
    const Day first = p.events[i].date.First();
    if (first <= as_of) evs.push_back({&p.events[i], i, 0, first, p.events[i].date.Last()});
  }
  // Every event certainly after as_of: the partnership did not exist yet.
  if (evs.empty() && !p.events.empty()) return false;
  std::sort(evs.begin(), evs.end(), TimelineLess);
  for (size_t i = 0; i < evs.size(); ++i) evs[i].pos = i;

  PartnershipAssessment& out = *out_ptr;
  out.id = p.id;
  out.home = p.home;
  out.partner = p.partner;
  out.index = pi;
  size_t hi = 0, pri = 0;
  const Region* home = regions.Find(p.home, &hi);
  const Region* partner = regions.Find(p.partner, &pri);
  // A region not defined in the document (stored elsewhere) is named by its id.
  out.home_label =
      home ? regions.Label(hi)
           : std::make_shared<const RegionLabel>(RegionLabel{p.home, p.home, p.home, ""});
  out.partner_label =
      partner
          ? regions.Label(pri)
          : std::make_shared<const RegionLabel>(RegionLabel{p.partner, p.partner, p.partner, ""});

  auto path = [&](const Ev& ev) { return Path(pi, ev.index); };
  // The JSON paths of several events, in timeline order.
  auto paths = [&](const auto& events) {
    std::vector<std::string> out_paths;
    out_paths.reserve(events.size());
    for (const auto& ev : events) {
      if constexpr (std::is_pointer_v<std::decay_t<decltype(ev)>>) {
        out_paths.push_back(path(*ev));
      } else {
        out_paths.push_back(path(*ev.first));
      }
    }
    return out_paths;
  };
  // The timeline position of each concept's first evidence event: the last
  // tie-breaker of the recommendations (evs.size() for regions or nothing).
  std::array<size_t, kConceptCount> concept_pos;
  concept_pos.fill(evs.size());
  auto add = [&](ConceptCode code, std::vector<std::string> evidence, Facts facts, size_t pos) {
    out.concepts.push_back({code, std::move(evidence), std::move(facts)});
    concept_pos[static_cast<size_t>(code)] = pos;
  };
  auto act = [&](ActionCode code, std::optional<ConceptCode> motive, std::optional<Day> due,
                 Facts facts, size_t order) {
    out.actions.push_back({code, motive, due, Urgency::kLater, std::move(facts), order});
  };
  auto is_party = [&](const std::optional<std::string>& who) {
    return who && (*who == p.home || *who == p.partner);
  };
  auto other = [&](const std::string& who) -> const std::string& {
    return who == p.home ? p.partner : p.home;
  };

  // ---- One pass over the timeline: the events each rule needs.
  // starts: signings and reactivations
  std::vector<const Ev*>& activities = scratch.activities;
  std::vector<const Ev*>& signings = scratch.signings;
  std::vector<const Ev*>& starts = scratch.starts;
  activities.clear();
  signings.clear();
  starts.clear();
  const Ev* standing_termination = nullptr;  // latest terminated/reactivated, if terminated
  const Ev* standing_suspension = nullptr;
  const Ev* latest_reactivation = nullptr;
  bool has_action_plan = false, evaluation_recent = false;
  uint32_t stages = 0;
  const Day evaluation_from = AddMonths(as_of, -policy.evaluation_recent_months);
  for (const Ev& ev : evs) {
    switch (ev.e->type()) {
      case EventType::kActivity:
        activities.push_back(&ev);
        stages |= Bit(kActivityStage);
        break;
      case EventType::kMouSigned:
        signings.push_back(&ev);
        starts.push_back(&ev);
        stages |= Bit(kMou);
        break;
      case EventType::kMouRenewed:
        signings.push_back(&ev);
        starts.push_back(&ev);
        stages |= Bit(kRenewal);
        break;
      case EventType::kReactivated:
        starts.push_back(&ev);
        if (!latest_reactivation || ev.last >= latest_reactivation->last) latest_reactivation = &ev;
        standing_termination = nullptr;
        standing_suspension = nullptr;
        break;
      case EventType::kTerminated:
        standing_termination = &ev;
        break;
      case EventType::kSuspended:
        standing_suspension = &ev;
        break;
      case EventType::kActionPlan:
        has_action_plan = true;
        stages |= Bit(kActionPlanStage);
        break;
      case EventType::kEvaluation:
        stages |= Bit(kEvaluationStage);
        if (ev.last >= evaluation_from) evaluation_recent = true;
        break;
      case EventType::kInitiated:
        stages |= Bit(kInitiated);
        break;
      case EventType::kVisit:
        stages |= Bit(kVisit);
        break;
      case EventType::kLoiSigned:
        stages |= Bit(kLoi);
        break;
      case EventType::kCentralConsultation:
        stages |= Bit(kConsultation);
        break;
      case EventType::kDprdApproved:
        stages |= Bit(kDprd);
        break;
      default:
        break;
    }
  }
  // The first signing: a renewal without a recorded signing still proves an agreement.
  const Ev* first_signing = signings.empty() ? nullptr : signings.front();
  for (size_t i = 0; i < kStages.size(); ++i) {
    if (stages & (uint32_t{1} << i)) out.indicators.stages_done.push_back(kStages[i]);
  }

  // ---- The agreement and its validity: the latest signing or renewal decides.
  Agreement& ag = out.agreement;
  bool expired = false;
  if (!signings.empty()) {
    const Ev& latest = *signings.back();
    ag.signed_ = true;
    ag.signed_on = latest.e->date;
    ag.evidence = path(latest);
    const Validity& v = latest.e->type() == EventType::kMouSigned
                            ? std::get<MouSigned>(latest.e->details).validity
                            : std::get<MouRenewed>(latest.e->details).validity;
    if (v.valid_until) {  // valid_until decides over valid_years
      ag.expires = Period(*v.valid_until);
      ag.expires_first = v.valid_until->First();
      ag.expires_last = v.valid_until->Last();
    } else if (v.valid_years) {
      const int m = static_cast<int>(std::lround(*v.valid_years * 12));  // half away from zero
      ag.expires_first = AddMonths(latest.first, m);
      ag.expires_last = AddMonths(latest.last, m);
      ag.expires = ExactPeriod(*ag.expires_first, *ag.expires_last);
    }
    ag.expiry_known = ag.expires.has_value();
    expired = ag.expires_last && *ag.expires_last < as_of;
  }
  const bool terminated = standing_termination != nullptr;
  const bool suspended = standing_suspension != nullptr;
  ag.in_force = ag.signed_ && !expired && !terminated;

  // ---- Activities: recency, sectors, fields, dimensions, layer, benefits.
  Indicators& ind = out.indicators;
  ind.activities_total = static_cast<int>(activities.size());
  const Ev* last_activity = nullptr;  // largest latest possible day; ties: later in the timeline
  uint32_t sectors = 0, fields_done = 0, dims = 0;  // bit sets of vocabulary values
  bool any_dimension = false;
  int layer = 0;
  PerParty benefits;
  const Day recent_from = AddMonths(as_of, -policy.recent_activity_months);
  for (const Ev* ev : activities) {
    const auto& a = std::get<Activity>(ev->e->details);
    if (!last_activity || ev->last >= last_activity->last) last_activity = ev;
    if (ev->last >= recent_from) ++ind.activities_recent;
    if (a.sectors) {
      for (Sector x : *a.sectors) sectors |= Bit(x);
    }
    if (a.field) fields_done |= Bit(*a.field);
    if (a.smart_dimension) {
      dims |= Bit(*a.smart_dimension);
      any_dimension = true;
    }
    if (a.field == Field::kEGovernment) dims |= Bit(SmartDimension::kGovernance);
    layer = std::max(layer, LayerOf(a));
    if (a.beneficiary == p.home) {
      benefits.home += 1;
    } else if (a.beneficiary == p.partner) {
      benefits.partner += 1;
    } else if (a.beneficiary == kBothParties) {
      benefits.home += 0.5;
      benefits.partner += 0.5;
    }
  }
  if (last_activity) {
    ind.last_activity = last_activity->e->date;
    ind.months_since_activity = MonthsSince(last_activity->last, as_of);
  }
  if (benefits.total() > 0) {
    ind.benefit_share =
        PerParty{benefits.home / benefits.total(), benefits.partner / benefits.total()};
  }
  ind.sectors = std::popcount(sectors);
  for (size_t i = 0; i < AllNames<SmartDimension>().size(); ++i) {
    if (dims & (uint32_t{1} << i)) ind.smart_dimensions.push_back(static_cast<SmartDimension>(i));
  }
  static constexpr std::array<const char*, 4> kLayers = {nullptr, "economic", "cultural_technical",
                                                         "political"};
  if (layer > 0) ind.paradiplomacy_layer = kLayers[static_cast<size_t>(layer)];
  uint32_t agreed = 0;
  for (const Ev* ev : signings) {
    const auto& f = ev->e->type() == EventType::kMouSigned
                        ? std::get<MouSigned>(ev->e->details).fields
                        : std::get<MouRenewed>(ev->e->details).fields;
    if (f) {
      for (Field x : *f) agreed |= Bit(x);
    }
  }
  if (agreed == 0 && p.fields) {
    for (Field x : *p.fields) agreed |= Bit(x);
  }
  ind.fields_agreed = std::popcount(agreed);
  for (size_t i = 0; i < AllNames<Field>().size(); ++i) {
    if (!(agreed & (uint32_t{1} << i))) continue;
    const auto f = static_cast<Field>(i);
    bool covered = f == Field::kSmartCity && any_dimension;
    for (size_t j = 0; j < AllNames<Field>().size() && !covered; ++j) {
      covered = (fields_done & (uint32_t{1} << j)) && Covers(static_cast<Field>(j), f);
    }
    if (covered) {
      ++ind.fields_covered;
    } else {
      ind.fields_not_covered |= Bit(f);
    }
  }
  ind.sectors_involved = sectors;

  // ---- Contributions: what each party gives, weighted by the policy.
  PerParty& contrib = ind.contributions;
  std::vector<const Ev*>& contributing = scratch.contributing;
  contributing.clear();
  for (const Ev& ev : evs) {
    bool counted = false;
    auto credit = [&](const std::optional<std::string>& who, double w) {
      if (!who || w == 0) return;
      if (*who == p.home) {
        contrib.home += w;
      } else if (*who == p.partner) {
        contrib.partner += w;
      } else if (*who == kBothParties) {
        contrib.home += w / 2;
        contrib.partner += w / 2;
      } else {
        return;  // a third region is not one of the two sides
      }
      counted = true;
    };
    switch (ev.e->type()) {
      case EventType::kActivity: {
        const auto& a = std::get<Activity>(ev.e->details);
        credit(a.provider, weight.provider);
        // Hosting a delegation that comes to learn is a contribution; hosting a
        // programme one receives is not.
        if (is_party(a.host) && is_party(a.beneficiary) && *a.beneficiary == other(*a.host)) {
          credit(a.host, weight.host);
        }
        if (a.budget && a.budget->source) {
          switch (*a.budget->source) {
            case BudgetSource::kApbd:
            case BudgetSource::kApbn:
              credit(p.home, weight.budget);
              break;
            case BudgetSource::kPartner:
              credit(p.partner, weight.budget);
              break;
            default:
              break;
          }
        }
        break;
      }
      case EventType::kVisit:
        credit(std::get<Visit>(ev.e->details).from, weight.visit);
        break;
      case EventType::kInitiated:
        credit(ev.e->side, weight.initiated);
        break;
      case EventType::kCommunication:
        credit(std::get<Communication>(ev.e->details).from, weight.communication);
        break;
      default:
        break;
    }
    if (counted) contributing.push_back(&ev);
  }
  if (contrib.total() > 0) {
    ind.contribution_share =
        PerParty{contrib.home / contrib.total(), contrib.partner / contrib.total()};
    ind.reciprocity =
        1.0 - std::abs(ind.contribution_share->home - ind.contribution_share->partner);
  }

  // ---- Concepts, in the contract's order.
  if (expired) {
    add(ConceptCode::kExpiredUnrenewed, {*ag.evidence},
        {{"signed", ag.signed_on->ToString()}, {"expires", ag.expires->ToString()}},
        signings.back()->pos);
  }
  if (ag.signed_) {
    // The latest start in timeline order: a signing, renewal or reactivation.
    const Ev& start = *starts.back();
    const int m = MonthsSince(start.last, as_of);
    const bool activity_since = std::any_of(activities.begin(), activities.end(),
                                            [&](const Ev* a) { return a->last >= start.first; });
    if (m >= policy.no_activity_after_mou_months && !activity_since) {
      add(ConceptCode::kNoActivityAfterMou, {path(start)},
          {{"event", std::string(ToString(start.e->type()))},
           {"date", start.e->date.ToString()},
           {"months", std::to_string(m)}},
          start.pos);
    }
  }
  if (last_activity) {
    Day from = last_activity->last;
    const bool restarted = latest_reactivation && latest_reactivation->last > from;
    if (restarted) from = latest_reactivation->last;
    const int m = MonthsSince(from, as_of);
    if (m >= policy.activity_gap_months) {
      std::vector<std::string> evidence = {path(*last_activity)};
      Facts f = {{"date", last_activity->e->date.ToString()}, {"months", std::to_string(m)}};
      if (restarted) {
        evidence.push_back(path(*latest_reactivation));
        f.emplace_back("reactivated", latest_reactivation->e->date.ToString());
      }
      add(ConceptCode::kActivityGap, std::move(evidence), std::move(f), last_activity->pos);
    }
  }
  std::vector<std::pair<const Ev*, std::string>> unanswered;  // letter, its writer
  for (const Ev& c : evs) {
    if (c.e->type() != EventType::kCommunication) continue;
    const auto& com = std::get<Communication>(c.e->details);
    // responded absent is "not known": it never fires.
    if (com.responded != false || !is_party(com.from)) continue;
    const std::string& recipient = other(*com.from);
    const bool answered = std::any_of(evs.begin(), evs.end(), [&](const Ev& r) {
      if (r.index == c.index || r.last < c.first) return false;  // must be on or after it
      if (r.e->type() == EventType::kCommunication) {
        return std::get<Communication>(r.e->details).from == recipient;
      }
      if (r.e->type() == EventType::kActivity) {
        const auto& prov = std::get<Activity>(r.e->details).provider;
        return prov == recipient || prov == kBothParties;
      }
      return false;
    });
    if (!answered) unanswered.emplace_back(&c, *com.from);
  }
  if (!unanswered.empty()) {
    std::vector<std::string> evidence = paths(unanswered);
    const Ev& c = *unanswered.front().first;
    const auto& com = std::get<Communication>(c.e->details);
    add(ConceptCode::kUnansweredCommunication, std::move(evidence),
        {{"from", unanswered.front().second},
         {"to", other(unanswered.front().second)},
         {"date", c.e->date.ToString()},
         {"channel", com.channel.value_or("")},
         {"title", c.e->title.value_or("")},
         {"count", std::to_string(unanswered.size())}},
        c.pos);
  }
  std::string passive;
  if (contrib.total() >= policy.one_sided_min_contributions && contrib.total() > 0) {
    const bool home_top = contrib.home >= contrib.partner;
    const double top = home_top ? contrib.home : contrib.partner;
    const double share = top / contrib.total();
    if (share >= policy.one_sided_share) {
      const std::string& active = home_top ? p.home : p.partner;
      passive = home_top ? p.partner : p.home;
      std::vector<std::string> evidence = paths(contributing);
      add(ConceptCode::kOneSided, std::move(evidence),
          {{"active", active},
           {"passive", passive},
           {"active_count", Num(top)},
           {"passive_count", Num(contrib.total() - top)},
           {"total", Num(contrib.total())},
           {"share", std::to_string(static_cast<int>(std::lround(share * 100)))}},
          contributing.front()->pos);
    }
  }
  if (!activities.empty()) {
    std::vector<std::string> kinds;
    for (size_t i = 0; i < AllNames<Sector>().size(); ++i) {
      const auto s = static_cast<Sector>(i);
      if ((sectors & Bit(s)) && !IsGovernment(s)) kinds.emplace_back(ToString(s));
    }
    if (static_cast<int>(kinds.size()) < policy.narrow_participation_min_kinds) {
      std::vector<std::string> evidence = paths(activities);
      add(ConceptCode::kNarrowParticipation, std::move(evidence),
          {{"kinds", std::to_string(kinds.size())}, {"involved", Join(kinds)}},
          activities.front()->pos);
    }
  }
  {
    // A new head of region on either side, or a local policy change after the first
    // signing; an activity certainly before it and none that may be on or after it.
    std::vector<const Ev*> lapses;
    for (const Ev& ev : evs) {
      const EventType t = ev.e->type();
      if (t == EventType::kPolicyChange) {
        if (std::get<PolicyChange>(ev.e->details).level != PolicyLevel::kLocal) continue;
        if (!first_signing || ev.first < first_signing->last) continue;
      } else if (t != EventType::kLeaderChanged) {
        continue;
      }
      if (ev.e->side && !is_party(ev.e->side)) continue;
      if (MonthsSince(ev.last, as_of) < policy.leader_change_lapse_months) continue;
      bool before = false, since = false;
      for (const Ev* a : activities) {
        if (CertainlyBeforeEv(*a, ev)) before = true;
        if (a->last >= ev.first) since = true;
      }
      if (before && !since) lapses.push_back(&ev);
    }
    if (!lapses.empty()) {
      const Ev& ev = *lapses.back();
      std::vector<std::string> evidence = paths(lapses);
      const bool leader = ev.e->type() == EventType::kLeaderChanged;
      add(ConceptCode::kLeaderChangeLapse, std::move(evidence),
          {{"what", leader ? "leader_changed" : "policy_change"},
           {"side", ev.e->side.value_or("")},
           {"name", leader ? std::get<LeaderChanged>(ev.e->details).name.value_or("") : ""},
           {"date", ev.e->date.ToString()},
           {"months", std::to_string(MonthsSince(ev.last, as_of))}},
          lapses.front()->pos);
    }
  }
  if (first_signing) {
    const Day window = AddMonths(as_of, -12 * policy.external_shock_years);
    const Ev* shock = nullptr;
    for (const Ev& ev : evs) {
      if (ev.e->type() != EventType::kExternalShock) continue;
      if (ev.first >= first_signing->last && ev.first >= window) shock = &ev;
    }
    if (shock) {
      const auto kind = std::get<ExternalShock>(shock->e->details).kind;
      add(ConceptCode::kExternalShock, {path(*shock)},
          {{"date", shock->e->date.ToString()},
           {"kind", kind ? std::string(ToString(*kind)) : std::string("other")}},
          shock->pos);
    }
  }
  {
    std::vector<std::string> evidence;
    Facts f;
    size_t first_pos = evs.size();
    for (const Ev& ev : evs) {
      if (ev.e->type() == EventType::kCentralConsultation &&
          std::get<CentralConsultation>(ev.e->details).outcome == ConsultationOutcome::kRejected) {
        if (evidence.empty()) first_pos = ev.pos;
        evidence.push_back(path(ev));
        if (f.empty()) f = {{"what", "central_consultation"}, {"date", ev.e->date.ToString()}};
      } else if (ev.e->type() == EventType::kPolicyChange) {
        const auto level = std::get<PolicyChange>(ev.e->details).level;
        if ((level == PolicyLevel::kNational || level == PolicyLevel::kGlobal) &&
            (!first_signing || CertainlyBeforeEv(ev, *first_signing))) {
          if (evidence.empty()) first_pos = ev.pos;
          evidence.push_back(path(ev));
          if (f.empty()) {
            f = {{"what", "policy_change"},
                 {"date", ev.e->date.ToString()},
                 {"level", std::string(ToString(*level))}};
          }
        }
      }
    }
    if (!evidence.empty())
      add(ConceptCode::kPolicyBlock, std::move(evidence), std::move(f), first_pos);
  }
  auto region_paths = [&]() -> std::vector<std::string> {
    return {home ? "regions[" + std::to_string(hi) + "]" : std::string(),
            partner ? "regions[" + std::to_string(pri) + "]" : std::string()};
  };
  if (home && partner && ctx.relations && home->country != partner->country &&
      ctx.relations->StatusBetween(home->country, partner->country) !=
          geo::RelationStatus::kOfficial) {
    const geo::Relation rel = ctx.relations->Between(home->country, partner->country);
    add(ConceptCode::kNoDiplomaticRelations, region_paths(),
        {{"a", home->country},
         {"b", partner->country},
         {"status", std::string(geo::ToString(rel.status))},
         {"missions", std::to_string(rel.missions.size())},
         {"override", rel.override_source}},
        evs.size());
  }
  if (home && partner) {
    if (home->lat && home->lon && partner->lat && partner->lon) {
      ind.distance_km = geo::GreatCircleKm(*home->lat, *home->lon, *partner->lat, *partner->lon);
    }
    if (ctx.time_zones && home->timezone && partner->timezone) {
      auto a = ctx.time_zones->OffsetMinutes(*home->timezone, as_of);
      auto b = ctx.time_zones->OffsetMinutes(*partner->timezone, as_of);
      if (a.ok() && b.ok()) ind.tz_gap_hours = std::abs(*a - *b) / 60.0;
    }
    const bool far = ind.distance_km && *ind.distance_km > policy.distance_km;
    const bool apart = ind.tz_gap_hours && *ind.tz_gap_hours >= policy.tz_gap_hours;
    if (far || apart) {
      add(ConceptCode::kDistance, region_paths(),
          {{"km", ind.distance_km ? std::to_string(std::lround(*ind.distance_km)) : ""},
           {"hours", ind.tz_gap_hours ? Num(*ind.tz_gap_hours) : ""}},
          evs.size());
    }
  }

  // ---- The condition: the first rule that applies decides.
  const bool quiet =
      out.Has(ConceptCode::kNoActivityAfterMou) || out.Has(ConceptCode::kActivityGap);
  if (evs.empty()) {
    out.condition = Condition::kUnknown;
  } else if (terminated) {  // NOLINT(bugprone-branch-clone): the contract's order of rules
    out.condition = Condition::kEnded;
  } else if (!ag.signed_) {
    out.condition = Condition::kNotInForce;
  } else if (expired) {
    out.condition = Condition::kEnded;
  } else if (suspended || quiet) {
    out.condition = Condition::kDormant;
  } else if (std::any_of(out.concepts.begin(), out.concepts.end(),
                         [](const Concept& c) { return IsBehavioural(c.code); })) {
    out.condition = Condition::kAtRisk;
  } else {
    out.condition = Condition::kActive;
  }

  // ---- Recommendations.
  auto concept_order = [&](ConceptCode c) { return concept_pos[static_cast<size_t>(c)]; };
  const bool ended = out.condition == Condition::kEnded;
  // The latest activity, signing, renewal or reactivation: how long it has been quiet.
  std::optional<Day> last_sign_of_life;
  for (const Ev& ev : evs) {
    const EventType t = ev.e->type();
    if (t == EventType::kActivity || t == EventType::kMouSigned || t == EventType::kMouRenewed ||
        t == EventType::kReactivated) {
      if (!last_sign_of_life || ev.last > *last_sign_of_life) last_sign_of_life = ev.last;
    }
  }
  const bool confirm = out.condition == Condition::kDormant && ag.in_force && last_sign_of_life &&
                       MonthsSince(*last_sign_of_life, as_of) >= policy.long_dormancy_months;
  if (ended) {
    if (!terminated && expired) {
      act(ActionCode::kRenewOrClose, ConceptCode::kExpiredUnrenewed, ag.expires_last,
          {{"signed", ag.signed_on->ToString()}, {"expires", ag.expires->ToString()}},
          concept_order(ConceptCode::kExpiredUnrenewed));
    }
    Facts f = {{"activities", std::to_string(activities.size())}};
    if (terminated) f.emplace_back("terminated", standing_termination->e->date.ToString());
    act(ActionCode::kRecordLessons, std::nullopt, std::nullopt, std::move(f), evs.size());
  }
  if (confirm) {
    act(ActionCode::kConfirmOrTerminate,
        out.Has(ConceptCode::kActivityGap) ? std::optional(ConceptCode::kActivityGap)
                                           : (out.Has(ConceptCode::kNoActivityAfterMou)
                                                  ? std::optional(ConceptCode::kNoActivityAfterMou)
                                                  : std::nullopt),
        std::nullopt, {{"months", std::to_string(MonthsSince(*last_sign_of_life, as_of))}},
        evs.size());
  }
  if (!ended) {
    for (const auto& [c, from] : unanswered) {
      const auto& com = std::get<Communication>(c->e->details);
      Facts f = {{"from", from},
                 {"to", other(from)},
                 {"date", c->e->date.ToString()},
                 {"channel", com.channel.value_or("")},
                 {"title", c->e->title.value_or("")},
                 {"id", c->e->id.value_or("")}};
      act(from == p.partner ? ActionCode::kAnswerCommunication : ActionCode::kFollowUpCommunication,
          ConceptCode::kUnansweredCommunication, std::nullopt, std::move(f), c->pos);
    }
    if (ag.in_force && ag.expires_first) {
      const Day deadline = AddMonths(*ag.expires_first, -policy.renewal_lead_months);
      act(ActionCode::kStartRenewal, std::nullopt, deadline,
          {{"expires", ag.expires->ToString()},
           {"earliest", FormatDay(*ag.expires_first)},
           {"lead_months", std::to_string(policy.renewal_lead_months)}},
          evs.size());
    }
  }
  if (!ended && !confirm) {
    const std::optional<ConceptCode> quiet_motive =
        out.Has(ConceptCode::kNoActivityAfterMou) ? std::optional(ConceptCode::kNoActivityAfterMou)
        : out.Has(ConceptCode::kActivityGap)      ? std::optional(ConceptCode::kActivityGap)
                                                  : std::nullopt;
    if (quiet && !has_action_plan) {
      act(ActionCode::kWriteActionPlan, quiet_motive, std::nullopt, {},
          concept_order(*quiet_motive));
    }
    if (quiet && ag.in_force) {
      std::vector<std::string> open;
      for (size_t i = 0; i < AllNames<Field>().size(); ++i) {
        if (ind.fields_not_covered & (uint32_t{1} << i))
          open.emplace_back(ToString(static_cast<Field>(i)));
      }
      act(ActionCode::kRestartActivity, quiet_motive, std::nullopt, {{"fields", Join(open)}},
          concept_order(*quiet_motive));
    }
    for (const Concept& c : out.concepts) {
      switch (c.code) {
        case ConceptCode::kOneSided:
          act(ActionCode::kProposeReciprocal, c.code, std::nullopt, {{"passive", passive}},
              concept_order(c.code));
          break;
        case ConceptCode::kLeaderChangeLapse:
          act(ActionCode::kReconnectLeader, c.code, std::nullopt, c.facts, concept_order(c.code));
          break;
        case ConceptCode::kExternalShock:
          act(ActionCode::kMoveOnline, c.code, std::nullopt, c.facts, concept_order(c.code));
          break;
        case ConceptCode::kNarrowParticipation: {
          // The non-government sectors no activity involved yet.
          std::vector<std::string> missing;
          for (size_t i = 0; i < AllNames<Sector>().size(); ++i) {
            const auto s = static_cast<Sector>(i);
            if (!IsGovernment(s) && s != Sector::kOther && !(sectors & Bit(s)))
              missing.emplace_back(ToString(s));
          }
          act(ActionCode::kWidenParticipation, c.code, std::nullopt, {{"missing", Join(missing)}},
              concept_order(c.code));
          break;
        }
        case ConceptCode::kNoDiplomaticRelations:
          act(ActionCode::kCheckRelations, c.code, std::nullopt, c.facts, evs.size());
          break;
        case ConceptCode::kDistance:
          act(ActionCode::kPlanForDistance, c.code, std::nullopt, c.facts, evs.size());
          break;
        default:
          break;
      }
    }
    if (ag.in_force && !activities.empty() && !evaluation_recent) {
      act(ActionCode::kHoldEvaluation, std::nullopt, std::nullopt,
          {{"activities", std::to_string(activities.size())}}, evs.size());
    }
  }
  const Day soon = as_of + std::chrono::days(policy.due_soon_days);
  for (Action& a : out.actions) {
    if (!a.due || *a.due > soon) {
      a.urgency = Urgency::kLater;
    } else {
      a.urgency = *a.due < as_of ? Urgency::kOverdue : Urgency::kDueSoon;
    }
  }
  std::stable_sort(out.actions.begin(), out.actions.end(), [](const Action& x, const Action& y) {
    if (x.urgency != y.urgency) return x.urgency < y.urgency;
    if (x.due != y.due) return x.due && (!y.due || *x.due < *y.due);  // none last
    if (x.code != y.code) return x.code < y.code;
    return x.order < y.order;
  });
  return true;
}

}  // namespace

std::optional<PartnershipAssessment> AssessPartnership(const Dossier& d, const RegionIndex& regions,
                                                       size_t pi, Day as_of, const Context& ctx) {
  PartnershipAssessment out;
  if (!AssessInto(d, regions, pi, as_of, ctx, &out)) return std::nullopt;
  return out;
}

std::vector<PartnershipAssessment> AssessDossier(const Dossier& d, Day as_of, const Context& ctx) {
  const RegionIndex regions(d);
  std::vector<PartnershipAssessment> out;
  out.reserve(d.partnerships.size());
  for (size_t i = 0; i < d.partnerships.size(); ++i) {
    out.emplace_back();
    if (!AssessInto(d, regions, i, as_of, ctx, &out.back())) out.pop_back();
  }
  return out;
}

}  // namespace kembar::assess
