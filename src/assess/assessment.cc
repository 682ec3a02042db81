#include "kembar/assess/assessment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <bit>

#include "kembar/geo/geodesy.h"

namespace kembar::assess {

namespace {

using std::chrono::days;
using std::chrono::months;
using std::chrono::year_month_day;

constexpr std::array<std::string_view, 6> kConditionNames = {
    "not_in_force", "active", "at_risk", "dormant", "ended", "unknown"};
constexpr std::array<std::string_view, kConceptCount> kConceptNames = {
    "expired_unrenewed",        "no_activity_after_mou", "activity_gap",
    "unanswered_communication", "one_sided",             "narrow_participation",
    "leader_change_lapse",      "external_shock",        "policy_block",
    "no_diplomatic_relations",  "distance"};
constexpr std::array<std::string_view, kConceptCount> kConceptSources = {
    "Nuralam 2018; Putri 2017 (no initiative to follow up; weak agreement)",
    "Putri 2017 (no follow-up after signing); Salam 2004",
    "Tjandradewi & Marcotullio 2009; De Villiers 2011 (no significant results; communication dried up)",
    "Tjandradewi & Marcotullio 2009; De Villiers 2011 (lack of communication)",
    "Rochman (reciprocity as the main driver); De Villiers 2009 (no reciprocity: one side passive)",
    "Tjandradewi & Marcotullio 2009; Putri 2017 (no non-government actors involved)",
    "Stimson et al. 2009; Putri 2017 (change of leadership; inconsistent commitment)",
    "Handayani & Zahidi 2024 (Covid-19 moved activities online); global crises",
    "Permendagri 25/2020, UU 37/1999 (one-door policy; national foreign-policy line)",
    "Permendagri 25/2020 art. 5; UU 37/1999 (requirement: diplomatic relations)",
    "Rochman (partners far away with large time differences produce fewer activities)"};
constexpr std::array<std::string_view, 12> kActionNames = {
    "answer_communication", "start_renewal",     "renew_or_close",    "propose_reciprocal",
    "widen_participation",  "reconnect_leader",  "move_online",       "write_action_plan",
    "hold_evaluation",      "restart_activity",  "check_relations",   "plan_for_distance"};

bool IsGovernment(Sector s) {
  return s == Sector::kLocalGovernment || s == Sector::kParliament ||
         s == Sector::kCentralGovernment || s == Sector::kEmbassy;
}

int MonthsFrom(Day from, Day to) { return WholeMonthsBetween(from, to); }

// One event the assessment considers, with its place in the document.
// The interval is computed once: the assessment compares dates many times.
struct Ev {
  const Event* e;
  size_t index;
  Day first, last;
};

// Earlier in time by the stable order of partial dates (first day, then coarser
// precision first), then earlier in the document.
bool Earlier(const Ev& a, const Ev& b) {
  if (a.first != b.first) return a.first < b.first;
  if (a.e->date.precision() != b.e->date.precision()) {
    return a.e->date.precision() < b.e->date.precision();
  }
  return a.index < b.index;
}
bool Before(const Ev& a, const Ev& b) { return a.last < b.first; }  // certainly before

constexpr std::array<std::string_view, 10> kStages = {
    "initiated", "visit", "loi", "consultation", "dprd", "mou", "action_plan", "activity",
    "evaluation", "renewal"};
enum Stage : uint32_t { kInitiated, kVisit, kLoi, kConsultation, kDprd, kMou, kActionPlan,
                        kActivityStage, kEvaluation, kRenewal };
template <typename E>
constexpr uint32_t Bit(E e) { return uint32_t{1} << static_cast<uint32_t>(e); }

std::string Path(size_t p, size_t e) {
  return "partnerships[" + std::to_string(p) + "].events[" + std::to_string(e) + "]";
}

std::string FormatKm(double km) { return std::to_string(static_cast<long>(std::lround(km))); }

std::string FormatHours(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(h * 100) / 100);
  return buf;
}

std::string JoinNames(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Lecours' layers: economic < cultural/educational/technical < political.
int LayerOf(const Activity& a) {
  if (a.sectors) {
    for (Sector s : *a.sectors) {
      if (s == Sector::kParliament || s == Sector::kCentralGovernment) return 3;
    }
  }
  if (!a.field) return 0;
  switch (*a.field) {
    case Field::kGovernance: return 3;
    case Field::kEconomyTrade:
    case Field::kInvestment:
    case Field::kSmes:
    case Field::kCreativeEconomy:
    case Field::kPortLogistics:
    case Field::kTourism: return 1;
    case Field::kOther: return 0;
    default: return 2;
  }
}

// An agreed field counts as covered by an activity in the field itself or in one of
// the fields that implement it (human-resource development happens through
// education, sports and youth programmes; a smart city through e-government).
bool Covers(Field activity, Field agreed) {
  if (activity == agreed) return true;
  switch (agreed) {
    case Field::kHumanResources:
      return activity == Field::kEducation || activity == Field::kSports ||
             activity == Field::kYouth || activity == Field::kHealth;
    case Field::kSmartCity: return activity == Field::kEGovernment;
    case Field::kEconomyTrade:
      return activity == Field::kInvestment || activity == Field::kSmes;
    case Field::kEnvironment: return activity == Field::kFloodManagement;
    default: return false;
  }
}

}  // namespace

std::string_view ToString(Condition c) { return kConditionNames[static_cast<size_t>(c)]; }
std::string_view ToString(ConceptCode c) { return kConceptNames[static_cast<size_t>(c)]; }
std::string_view ToString(ActionCode c) { return kActionNames[static_cast<size_t>(c)]; }
std::string_view SourceOf(ConceptCode c) { return kConceptSources[static_cast<size_t>(c)]; }
bool IsStructural(ConceptCode c) {
  return c == ConceptCode::kDistance || c == ConceptCode::kNoDiplomaticRelations ||
         c == ConceptCode::kPolicyBlock;
}

bool PartnershipAssessment::Has(ConceptCode c) const {
  return std::any_of(concepts.begin(), concepts.end(), [c](const Concept& x) { return x.code == c; });
}

RegionIndex::RegionIndex(const Dossier& d) : dossier_(d) {
  by_id_.reserve(d.regions.size());
  for (size_t i = 0; i < d.regions.size(); ++i) by_id_.emplace(d.regions[i].id, i);
}

const Region* RegionIndex::Find(std::string_view id, size_t* index) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return nullptr;
  if (index) *index = it->second;
  return &dossier_.regions[it->second];
}

PartnershipAssessment AssessPartnership(const Dossier& d, const RegionIndex& regions, size_t pi,
                                        Day as_of, const Context& ctx) {
  const Partnership& p = d.partnerships[pi];
  const AssessmentPolicy& policy = ctx.policy->assessment;
  PartnershipAssessment out;
  out.id = p.id;
  out.home = p.home;
  out.partner = p.partner;
  out.index = pi;

  // What could be known on as_of: events that certainly happened later are ignored.
  std::vector<Ev> evs;
  evs.reserve(p.events.size());
  for (size_t i = 0; i < p.events.size(); ++i) {
    const Day first = p.events[i].date.First();
    if (first <= as_of) evs.push_back({&p.events[i], i, first, p.events[i].date.Last()});
  }
  // Timeline order, so that "latest" and the evidence order do not depend on the file.
  std::stable_sort(evs.begin(), evs.end(), Earlier);
  auto path = [&](const Ev& ev) { return Path(pi, ev.index); };
  auto add = [&](ConceptCode code, std::vector<std::string> evidence, Facts facts) {
    out.concepts.push_back({code, std::move(evidence), std::move(facts)});
  };
  auto act = [&](ActionCode code, std::optional<ConceptCode> motive, Facts facts) {
    out.actions.push_back({code, motive, std::move(facts)});
  };

  std::vector<Ev> activities, signings, starts;  // starts: signings and reactivations
  const Ev* first_mou = nullptr;
  const Ev* latest_terminated_or_reactivated = nullptr;
  const Ev* latest_suspended_or_reactivated = nullptr;
  const Ev* latest_reactivated = nullptr;
  bool has_action_plan = false, has_evaluation_recently = false;
  uint32_t stages = 0;
  for (const Ev& ev : evs) {
    switch (ev.e->type()) {
      case EventType::kActivity: activities.push_back(ev); stages |= Bit(kActivityStage); break;
      case EventType::kMouSigned:
        if (!first_mou) first_mou = &ev;
        signings.push_back(ev);
        starts.push_back(ev);
        stages |= Bit(kMou);
        break;
      case EventType::kMouRenewed:
        signings.push_back(ev);
        starts.push_back(ev);
        stages |= Bit(kRenewal);
        break;
      case EventType::kReactivated:
        starts.push_back(ev);
        latest_reactivated = &ev;
        latest_terminated_or_reactivated = &ev;
        latest_suspended_or_reactivated = &ev;
        break;
      case EventType::kTerminated: latest_terminated_or_reactivated = &ev; break;
      case EventType::kSuspended: latest_suspended_or_reactivated = &ev; break;
      case EventType::kActionPlan: has_action_plan = true; stages |= Bit(kActionPlan); break;
      case EventType::kEvaluation:
        stages |= Bit(kEvaluation);
        if (MonthsFrom(ev.last, as_of) < 24) has_evaluation_recently = true;
        break;
      case EventType::kInitiated: stages |= Bit(kInitiated); break;
      case EventType::kVisit: stages |= Bit(kVisit); break;
      case EventType::kLoiSigned: stages |= Bit(kLoi); break;
      case EventType::kCentralConsultation: stages |= Bit(kConsultation); break;
      case EventType::kDprdApproved: stages |= Bit(kDprd); break;
      default: break;
    }
  }
  // A renewal without a recorded first signing still proves an agreement.
  if (!first_mou && !signings.empty()) first_mou = &signings.front();
  for (size_t i = 0; i < kStages.size(); ++i) {
    if (stages & (uint32_t{1} << i)) out.indicators.stages_done.push_back(kStages[i]);
  }

  // ---- The agreement and its validity.
  Agreement& ag = out.agreement;
  bool expired = false;
  std::optional<Day> expires_earliest, expires_latest;
  if (!signings.empty()) {
    const Ev& latest = signings.back();
    ag.signed_ = true;
    ag.signed_on = latest.e->date;
    ag.evidence = path(latest);
    const Validity& v = latest.e->type() == EventType::kMouSigned
                            ? std::get<MouSigned>(latest.e->details).validity
                            : std::get<MouRenewed>(latest.e->details).validity;
    if (v.valid_until) {
      ag.expires = v.valid_until;
      expires_earliest = v.valid_until->First();
      expires_latest = v.valid_until->Last();
    } else if (v.valid_years) {
      const int m = static_cast<int>(std::lround(*v.valid_years * 12));
      const PartialDate& s = latest.e->date;
      expires_earliest = AddMonths(s.First(), m);
      expires_latest = AddMonths(s.Last(), m);
      if (m % 12 == 0 && s.precision() != DatePrecision::kDay) {
        // Whole years keep the signing's precision: "2012" + 10 years is "2022".
        std::string text = std::to_string(s.year() + m / 12);
        if (s.precision() == DatePrecision::kMonth) {
          text += (s.month() < 10 ? "-0" : "-") + std::to_string(s.month());
        }
        ag.expires = PartialDate::Parse(text).value();
      } else {
        ag.expires = PartialDate::FromDay(*expires_latest);
        if (s.precision() != DatePrecision::kDay) ag.expires = PartialDate::FromDay(*expires_earliest);
      }
    }
    ag.expiry_known = ag.expires.has_value();
    expired = expires_latest && *expires_latest < as_of;
  }
  const bool terminated = latest_terminated_or_reactivated &&
                          latest_terminated_or_reactivated->e->type() == EventType::kTerminated;
  const bool suspended = latest_suspended_or_reactivated &&
                         latest_suspended_or_reactivated->e->type() == EventType::kSuspended;
  ag.in_force = ag.signed_ && !expired && !terminated;

  // ---- Activities: recency, sectors, fields, dimensions, layer.
  Indicators& ind = out.indicators;
  ind.activities_total = static_cast<int>(activities.size());
  const Ev* last_activity = nullptr;
  uint32_t sectors = 0, fields_done = 0, dims = 0;  // bit sets of vocabulary values
  int layer = 0;
  const Day recent_from = AddMonths(as_of, -policy.recent_activity_months);
  for (const Ev& ev : activities) {
    const auto& a = std::get<Activity>(ev.e->details);
    if (!last_activity || ev.last > last_activity->last ||
        (ev.last == last_activity->last && Earlier(*last_activity, ev))) {
      last_activity = &ev;
    }
    if (ev.last >= recent_from) ++ind.activities_recent;
    if (a.sectors) {
      for (Sector x : *a.sectors) sectors |= Bit(x);
    }
    if (a.field) fields_done |= Bit(*a.field);
    if (a.smart_dimension) dims |= Bit(*a.smart_dimension);
    layer = std::max(layer, LayerOf(a));
  }
  if (last_activity) {
    ind.last_activity = last_activity->e->date;
    ind.months_since_activity = MonthsFrom(last_activity->last, as_of);
  }
  ind.sectors = std::popcount(sectors);
  for (size_t i = 0; i < AllNames<SmartDimension>().size(); ++i) {
    if (dims & (uint32_t{1} << i)) ind.smart_dimensions.push_back(static_cast<SmartDimension>(i));
  }
  static constexpr std::array<const char*, 4> kLayers = {nullptr, "economic", "cultural_technical",
                                                         "political"};
  if (layer > 0) ind.paradiplomacy_layer = kLayers[static_cast<size_t>(layer)];
  uint32_t agreed = 0;
  for (const Ev& ev : signings) {
    const auto& f = ev.e->type() == EventType::kMouSigned ? std::get<MouSigned>(ev.e->details).fields
                                                          : std::get<MouRenewed>(ev.e->details).fields;
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
    bool covered = false;
    for (size_t j = 0; j < AllNames<Field>().size() && !covered; ++j) {
      covered = (fields_done & (uint32_t{1} << j)) && Covers(static_cast<Field>(j), f);
    }
    if (covered) {
      ++ind.fields_covered;
    } else {
      ind.fields_not_covered.push_back(f);
    }
  }
  for (size_t i = 0; i < AllNames<Sector>().size(); ++i) {
    const auto s = static_cast<Sector>(i);
    if (!IsGovernment(s) && s != Sector::kOther && !(sectors & Bit(s))) ind.sectors_not_involved.push_back(s);
  }

  // ---- Reciprocity: acts by each side, in half units so that "both" splits evenly.
  int home_units = 0, partner_units = 0, acts = 0;
  std::vector<size_t> act_events;  // positions in evs
  auto credit = [&](const std::optional<std::string>& who, const Ev& ev) {
    if (!who) return;
    if (*who == p.home) {
      home_units += 2;
    } else if (*who == p.partner) {
      partner_units += 2;
    } else if (*who == kBothParties) {
      ++home_units;
      ++partner_units;
    } else {
      return;  // a third region: not one of the two sides
    }
    ++acts;
    act_events.push_back(static_cast<size_t>(&ev - evs.data()));
  };
  for (const Ev& ev : evs) {
    switch (ev.e->type()) {
      case EventType::kActivity: credit(std::get<Activity>(ev.e->details).provider, ev); break;
      case EventType::kInitiated: credit(ev.e->side, ev); break;
      case EventType::kCommunication: credit(std::get<Communication>(ev.e->details).from, ev); break;
      default: break;
    }
  }
  ind.acts_home = home_units;
  ind.acts_partner = partner_units;
  if (home_units + partner_units > 0) {
    ind.reciprocity = 1.0 - std::abs(home_units - partner_units) /
                                static_cast<double>(home_units + partner_units);
  }

  // ---- Concepts, in the contract's order.
  if (expired) {
    add(ConceptCode::kExpiredUnrenewed, {*ag.evidence},
        {{"signed", ag.signed_on->ToString()}, {"expires", ag.expires->ToString()}});
    act(ActionCode::kRenewOrClose, ConceptCode::kExpiredUnrenewed,
        {{"signed", ag.signed_on->ToString()}, {"expires", ag.expires->ToString()}});
  }
  if (!starts.empty()) {
    const Ev& start = starts.back();
    const int m = MonthsFrom(start.last, as_of);
    const bool activity_since = std::any_of(activities.begin(), activities.end(),
                                            [&](const Ev& a) { return !Before(a, start); });
    if (m >= policy.no_activity_after_mou_months && !activity_since) {
      add(ConceptCode::kNoActivityAfterMou, {path(start)},
          {{"event", std::string(ToString(start.e->type()))},
           {"date", start.e->date.ToString()},
           {"months", std::to_string(m)}});
    }
  }
  if (last_activity) {
    Day from = last_activity->last;
    const bool restarted = latest_reactivated && !Before(*latest_reactivated, *last_activity) &&
                           latest_reactivated->last > from;
    if (restarted) from = latest_reactivated->last;
    const int m = MonthsFrom(from, as_of);
    if (m >= policy.activity_gap_months) {
      std::vector<std::string> evidence = {path(*last_activity)};
      if (restarted) evidence.push_back(path(*latest_reactivated));
      add(ConceptCode::kActivityGap, std::move(evidence),
          {{"date", last_activity->e->date.ToString()}, {"months", std::to_string(m)}});
    }
  }
  {
    std::vector<std::string> evidence;
    Facts first;
    for (const Ev& c : evs) {
      if (c.e->type() != EventType::kCommunication) continue;
      const auto& com = std::get<Communication>(c.e->details);
      if (com.responded != false || !com.from) continue;
      std::string recipient;
      if (*com.from == p.home) recipient = p.partner;
      else if (*com.from == p.partner) recipient = p.home;
      else continue;
      const bool answered = std::any_of(evs.begin(), evs.end(), [&](const Ev& r) {
        if (r.index == c.index || Before(r, c)) return false;
        if (r.e->type() == EventType::kCommunication) {
          return std::get<Communication>(r.e->details).from == recipient;
        }
        if (r.e->type() == EventType::kActivity) {
          const auto& prov = std::get<Activity>(r.e->details).provider;
          return prov == recipient || prov == std::string(kBothParties);
        }
        return false;
      });
      if (answered) continue;
      evidence.push_back(path(c));
      Facts f = {{"from", *com.from},
                 {"to", recipient},
                 {"date", c.e->date.ToString()},
                 {"channel", com.channel.value_or("")},
                 {"title", c.e->title.value_or("")},
                 {"id", c.e->id.value_or("")}};
      if (first.empty()) first = f;
      act(ActionCode::kAnswerCommunication, ConceptCode::kUnansweredCommunication, f);
    }
    if (!evidence.empty()) {
      first.emplace_back("count", std::to_string(evidence.size()));
      add(ConceptCode::kUnansweredCommunication, std::move(evidence), std::move(first));
    }
  }
  if (acts >= policy.one_sided_min_acts && home_units + partner_units > 0) {
    const int top = std::max(home_units, partner_units);
    const double share = top / static_cast<double>(home_units + partner_units);
    if (share >= policy.one_sided_share) {
      const std::string& active = home_units >= partner_units ? p.home : p.partner;
      const std::string& passive = home_units >= partner_units ? p.partner : p.home;
      Facts f = {{"active", active},
                 {"passive", passive},
                 {"share", std::to_string(static_cast<int>(std::lround(share * 100)))},
                 {"acts", std::to_string(acts)}};
      std::vector<std::string> act_paths;
      for (size_t k : act_events) act_paths.push_back(path(evs[k]));
      add(ConceptCode::kOneSided, std::move(act_paths), f);
      act(ActionCode::kProposeReciprocal, ConceptCode::kOneSided, f);
    }
  }
  if (!activities.empty()) {
    int kind_count = 0;
    for (size_t i = 0; i < AllNames<Sector>().size(); ++i) {
      if ((sectors & (uint32_t{1} << i)) && !IsGovernment(static_cast<Sector>(i))) ++kind_count;
    }
    if (kind_count < policy.narrow_participation_min_kinds) {
      std::vector<std::string> kinds;
      for (size_t i = 0; i < AllNames<Sector>().size(); ++i) {
        const auto s = static_cast<Sector>(i);
        if ((sectors & Bit(s)) && !IsGovernment(s)) kinds.emplace_back(ToString(s));
      }
      std::vector<std::string> evidence, missing;
      for (const Ev& ev : activities) evidence.push_back(path(ev));
      for (Sector s : ind.sectors_not_involved) missing.emplace_back(ToString(s));
      add(ConceptCode::kNarrowParticipation, std::move(evidence),
          {{"kinds", std::to_string(kinds.size())}, {"involved", JoinNames(kinds)}});
      act(ActionCode::kWidenParticipation, ConceptCode::kNarrowParticipation,
          {{"missing", JoinNames(missing)}});
    }
  }
  {
    const Ev* lapse = nullptr;
    int lapse_months = 0;
    for (const Ev& ev : evs) {
      if (ev.e->type() != EventType::kLeaderChanged) continue;
      const int m = MonthsFrom(ev.last, as_of);
      if (m < policy.leader_change_lapse_months) continue;
      bool before = false, since = false;
      for (const Ev& a : activities) (Before(a, ev) ? before : since) = true;
      if (before && !since) {
        lapse = &ev;
        lapse_months = m;
      }
    }
    if (lapse) {
      Facts f = {{"side", lapse->e->side.value_or("")},
                 {"name", std::get<LeaderChanged>(lapse->e->details).name.value_or("")},
                 {"date", lapse->e->date.ToString()},
                 {"months", std::to_string(lapse_months)}};
      add(ConceptCode::kLeaderChangeLapse, {path(*lapse)}, f);
      act(ActionCode::kReconnectLeader, ConceptCode::kLeaderChangeLapse, f);
    }
  }
  if (first_mou) {
    const Day window = AddMonths(as_of, -12 * policy.external_shock_years);
    const Ev* shock = nullptr;
    for (const Ev& ev : evs) {
      if (ev.e->type() != EventType::kExternalShock) continue;
      if (ev.first >= first_mou->last && ev.first >= window) shock = &ev;
    }
    if (shock) {
      const auto kind = std::get<ExternalShock>(shock->e->details).kind;
      Facts f = {{"date", shock->e->date.ToString()},
                 {"kind", kind ? std::string(ToString(*kind)) : std::string("other")}};
      add(ConceptCode::kExternalShock, {path(*shock)}, f);
      act(ActionCode::kMoveOnline, ConceptCode::kExternalShock, f);
    }
  }
  {
    std::vector<std::string> evidence;
    Facts f;
    for (const Ev& ev : evs) {
      if (ev.e->type() == EventType::kCentralConsultation &&
          std::get<CentralConsultation>(ev.e->details).outcome == ConsultationOutcome::kRejected) {
        evidence.push_back(path(ev));
        if (f.empty()) f = {{"what", "central_consultation"}, {"date", ev.e->date.ToString()}};
      } else if (ev.e->type() == EventType::kPolicyChange) {
        const auto level = std::get<PolicyChange>(ev.e->details).level;
        if ((level == PolicyLevel::kNational || level == PolicyLevel::kGlobal) &&
            (!first_mou || Before(ev, *first_mou))) {
          evidence.push_back(path(ev));
          if (f.empty()) {
            f = {{"what", "policy_change"},
                 {"date", ev.e->date.ToString()},
                 {"level", std::string(ToString(*level))}};
          }
        }
      }
    }
    if (!evidence.empty()) add(ConceptCode::kPolicyBlock, std::move(evidence), std::move(f));
  }
  size_t hi = 0, pi_region = 0;
  const Region* home = regions.Find(p.home, &hi);
  const Region* partner = regions.Find(p.partner, &pi_region);
  const std::vector<std::string> region_paths = {
      home ? "regions[" + std::to_string(hi) + "]" : std::string(),
      partner ? "regions[" + std::to_string(pi_region) + "]" : std::string()};
  if (home && partner && ctx.relations && home->country != partner->country &&
      ctx.relations->StatusBetween(home->country, partner->country) != geo::RelationStatus::kOfficial) {
    const geo::Relation rel = ctx.relations->Between(home->country, partner->country);
    {
      Facts f = {{"a", home->country},
                 {"b", partner->country},
                 {"status", std::string(geo::ToString(rel.status))},
                 {"missions", std::to_string(rel.missions.size())},
                 {"override", rel.override_source}};
      add(ConceptCode::kNoDiplomaticRelations, region_paths, f);
      act(ActionCode::kCheckRelations, ConceptCode::kNoDiplomaticRelations, f);
    }
  }
  if (home && partner) {
    if (home->lat && home->lon && partner->lat && partner->lon) {
      ind.distance_km = geo::GeodesicDistanceMetres(*home->lat, *home->lon, *partner->lat,
                                                    *partner->lon) / 1000.0;
    }
    if (ctx.time_zones && home->timezone && partner->timezone) {
      auto a = ctx.time_zones->OffsetMinutes(*home->timezone, as_of);
      auto b = ctx.time_zones->OffsetMinutes(*partner->timezone, as_of);
      if (a.ok() && b.ok()) ind.tz_gap_hours = std::abs(*a - *b) / 60.0;
    }
    const bool far = ind.distance_km && *ind.distance_km > policy.distance_km;
    const bool apart = ind.tz_gap_hours && *ind.tz_gap_hours >= policy.tz_gap_hours;
    if (far || apart) {
      Facts f = {{"km", ind.distance_km ? FormatKm(*ind.distance_km) : ""},
                 {"hours", ind.tz_gap_hours ? FormatHours(*ind.tz_gap_hours) : ""}};
      add(ConceptCode::kDistance, region_paths, f);
      act(ActionCode::kPlanForDistance, ConceptCode::kDistance, f);
    }
  }

  // ---- Calendar-driven and record-keeping actions.
  if (ag.in_force && expires_earliest && !expired) {
    const Day deadline = AddMonths(*expires_earliest, -policy.renewal_lead_months);
    if (as_of >= deadline) {
      act(ActionCode::kStartRenewal, std::nullopt,
          {{"expires", ag.expires->ToString()}, {"deadline", FormatDay(deadline)}});
    }
  }
  const bool quiet = out.Has(ConceptCode::kNoActivityAfterMou) || out.Has(ConceptCode::kActivityGap);
  if (quiet && !has_action_plan && ag.signed_) {
    act(ActionCode::kWriteActionPlan, out.Has(ConceptCode::kNoActivityAfterMou)
                                          ? ConceptCode::kNoActivityAfterMou
                                          : ConceptCode::kActivityGap,
        {});
  }
  if (quiet && ag.in_force) {
    std::vector<std::string> open;
    for (Field f : ind.fields_not_covered) open.emplace_back(ToString(f));
    act(ActionCode::kRestartActivity, out.Has(ConceptCode::kActivityGap)
                                          ? ConceptCode::kActivityGap
                                          : ConceptCode::kNoActivityAfterMou,
        {{"fields", JoinNames(open)}});
  }
  if (ag.in_force && !activities.empty() && !has_evaluation_recently) {
    act(ActionCode::kHoldEvaluation, std::nullopt, {{"activities", std::to_string(activities.size())}});
  }

  // ---- The condition.
  if (evs.empty()) {
    out.condition = Condition::kUnknown;
  } else if (terminated || expired) {
    out.condition = Condition::kEnded;
  } else if (!ag.signed_) {
    out.condition = Condition::kNotInForce;
  } else if (suspended || quiet) {
    out.condition = Condition::kDormant;
  } else if (std::any_of(out.concepts.begin(), out.concepts.end(),
                         [](const Concept& c) { return !IsStructural(c.code); })) {
    out.condition = Condition::kAtRisk;
  } else {
    out.condition = Condition::kActive;
  }
  return out;
}

std::vector<PartnershipAssessment> AssessDossier(const Dossier& d, Day as_of, const Context& ctx) {
  const RegionIndex regions(d);
  std::vector<PartnershipAssessment> out;
  out.reserve(d.partnerships.size());
  for (size_t i = 0; i < d.partnerships.size(); ++i) {
    out.push_back(AssessPartnership(d, regions, i, as_of, ctx));
  }
  return out;
}

}  // namespace kembar::assess
