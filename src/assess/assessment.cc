#include "kembar/assess/assessment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

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

Day AddMonths(Day d, int n) {
  year_month_day ymd{d};
  year_month_day shifted = ymd + months(n);
  if (!shifted.ok()) shifted = shifted.year() / shifted.month() / std::chrono::last;
  return Day(shifted);
}

int MonthsFrom(Day from, Day to) { return WholeMonthsBetween(from, to); }

// One event the assessment considers, with its place in the document.
struct Ev {
  const Event* e;
  size_t index;
};

// Later in time by the stable order of partial dates, then later in the document.
bool Earlier(const Ev& a, const Ev& b) {
  if (a.e->date != b.e->date) return a.e->date < b.e->date;
  return a.index < b.index;
}

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
    if (p.events[i].date.First() <= as_of) evs.push_back({&p.events[i], i});
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
  std::set<std::string> stages;
  for (const Ev& ev : evs) {
    switch (ev.e->type()) {
      case EventType::kActivity: activities.push_back(ev); stages.insert("activity"); break;
      case EventType::kMouSigned:
        if (!first_mou) first_mou = &ev;
        signings.push_back(ev);
        starts.push_back(ev);
        stages.insert("mou");
        break;
      case EventType::kMouRenewed:
        signings.push_back(ev);
        starts.push_back(ev);
        stages.insert("renewal");
        break;
      case EventType::kReactivated:
        starts.push_back(ev);
        latest_reactivated = &ev;
        latest_terminated_or_reactivated = &ev;
        latest_suspended_or_reactivated = &ev;
        break;
      case EventType::kTerminated: latest_terminated_or_reactivated = &ev; break;
      case EventType::kSuspended: latest_suspended_or_reactivated = &ev; break;
      case EventType::kActionPlan: has_action_plan = true; stages.insert("action_plan"); break;
      case EventType::kEvaluation:
        stages.insert("evaluation");
        if (MonthsFrom(ev.e->date.Last(), as_of) < 24) has_evaluation_recently = true;
        break;
      case EventType::kInitiated: stages.insert("initiated"); break;
      case EventType::kVisit: stages.insert("visit"); break;
      case EventType::kLoiSigned: stages.insert("loi"); break;
      case EventType::kCentralConsultation: stages.insert("consultation"); break;
      case EventType::kDprdApproved: stages.insert("dprd"); break;
      default: break;
    }
  }
  // A renewal without a recorded first signing still proves an agreement.
  if (!first_mou && !signings.empty()) first_mou = &signings.front();
  for (std::string_view s : {"initiated", "visit", "loi", "consultation", "dprd", "mou",
                             "action_plan", "activity", "evaluation", "renewal"}) {
    if (stages.count(std::string(s))) out.indicators.stages_done.emplace_back(s);
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
  std::set<Sector> sectors;
  std::set<Field> fields_done;
  std::set<SmartDimension> dims;
  int layer = 0;
  const Day recent_from = AddMonths(as_of, -policy.recent_activity_months);
  for (const Ev& ev : activities) {
    const auto& a = std::get<Activity>(ev.e->details);
    if (!last_activity || ev.e->date.Last() > last_activity->e->date.Last() ||
        (ev.e->date.Last() == last_activity->e->date.Last() && Earlier(*last_activity, ev))) {
      last_activity = &ev;
    }
    if (ev.e->date.Last() >= recent_from) ++ind.activities_recent;
    if (a.sectors) sectors.insert(a.sectors->begin(), a.sectors->end());
    if (a.field) fields_done.insert(*a.field);
    if (a.smart_dimension) dims.insert(*a.smart_dimension);
    layer = std::max(layer, LayerOf(a));
  }
  if (last_activity) {
    ind.last_activity = last_activity->e->date;
    ind.months_since_activity = MonthsFrom(last_activity->e->date.Last(), as_of);
  }
  ind.sectors = static_cast<int>(sectors.size());
  ind.smart_dimensions.assign(dims.begin(), dims.end());
  static constexpr std::array<const char*, 4> kLayers = {nullptr, "economic", "cultural_technical",
                                                         "political"};
  if (layer > 0) ind.paradiplomacy_layer = kLayers[static_cast<size_t>(layer)];
  std::set<Field> agreed;
  for (const Ev& ev : signings) {
    const auto& f = ev.e->type() == EventType::kMouSigned ? std::get<MouSigned>(ev.e->details).fields
                                                          : std::get<MouRenewed>(ev.e->details).fields;
    if (f) agreed.insert(f->begin(), f->end());
  }
  if (agreed.empty() && p.fields) agreed.insert(p.fields->begin(), p.fields->end());
  ind.fields_agreed = static_cast<int>(agreed.size());
  for (Field f : agreed) {
    if (std::any_of(fields_done.begin(), fields_done.end(), [f](Field done) { return Covers(done, f); })) {
      ++ind.fields_covered;
    } else {
      ind.fields_not_covered.push_back(f);
    }
  }
  for (size_t i = 0; i < AllNames<Sector>().size(); ++i) {
    const auto s = static_cast<Sector>(i);
    if (!IsGovernment(s) && s != Sector::kOther && !sectors.count(s)) ind.sectors_not_involved.push_back(s);
  }

  // ---- Reciprocity: acts by each side, in half units so that "both" splits evenly.
  int home_units = 0, partner_units = 0, acts = 0;
  std::vector<std::string> act_paths;
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
    act_paths.push_back(path(ev));
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
    const int m = MonthsFrom(start.e->date.Last(), as_of);
    const bool activity_since = std::any_of(activities.begin(), activities.end(), [&](const Ev& a) {
      return !CertainlyBefore(a.e->date, start.e->date);
    });
    if (m >= policy.no_activity_after_mou_months && !activity_since) {
      add(ConceptCode::kNoActivityAfterMou, {path(start)},
          {{"event", std::string(ToString(start.e->type()))},
           {"date", start.e->date.ToString()},
           {"months", std::to_string(m)}});
    }
  }
  if (last_activity) {
    Day from = last_activity->e->date.Last();
    std::vector<std::string> evidence = {path(*last_activity)};
    if (latest_reactivated && !CertainlyBefore(latest_reactivated->e->date, last_activity->e->date) &&
        latest_reactivated->e->date.Last() > from) {
      from = latest_reactivated->e->date.Last();
      evidence.push_back(path(*latest_reactivated));
    }
    const int m = MonthsFrom(from, as_of);
    if (m >= policy.activity_gap_months) {
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
        if (r.index == c.index || CertainlyBefore(r.e->date, c.e->date)) return false;
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
      add(ConceptCode::kOneSided, act_paths, f);
      act(ActionCode::kProposeReciprocal, ConceptCode::kOneSided, f);
    }
  }
  if (!activities.empty()) {
    std::vector<std::string> kinds;
    for (Sector s : sectors) {
      if (!IsGovernment(s)) kinds.emplace_back(ToString(s));
    }
    if (static_cast<int>(kinds.size()) < policy.narrow_participation_min_kinds) {
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
      const int m = MonthsFrom(ev.e->date.Last(), as_of);
      if (m < policy.leader_change_lapse_months) continue;
      bool before = false, since = false;
      for (const Ev& a : activities) {
        (CertainlyBefore(a.e->date, ev.e->date) ? before : since) = true;
      }
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
      if (ev.e->date.First() >= first_mou->e->date.Last() && ev.e->date.First() >= window) shock = &ev;
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
            (!first_mou || CertainlyBefore(ev.e->date, first_mou->e->date))) {
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
  if (home && partner && ctx.relations && home->country != partner->country) {
    const geo::Relation rel = ctx.relations->Between(home->country, partner->country);
    if (rel.status != geo::RelationStatus::kOfficial) {
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
