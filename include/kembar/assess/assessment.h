// The assessment of docs/assessment-v1.md: a partnership's condition, its risk
// concepts with evidence, indicators and next actions, as of a given day. Pure
// functions of the dossier, the day, the policy and the reference data: nothing here
// reads the clock, the disk or the database.
#ifndef KEMBAR_ASSESS_ASSESSMENT_H_
#define KEMBAR_ASSESS_ASSESSMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kembar/assess/policy.h"
#include "kembar/geo/relations.h"
#include "kembar/geo/time_zones.h"
#include "kembar/model/date.h"
#include "kembar/model/dossier.h"

namespace kembar::assess {

// Exactly one per partnership (assessment-v1 "Conditions").
enum class Condition : uint8_t { kNotInForce, kActive, kAtRisk, kDormant, kEnded, kUnknown };

// The eleven risk concepts, in the contract's order.
enum class ConceptCode : uint8_t {
  kExpiredUnrenewed,
  kNoActivityAfterMou,
  kActivityGap,
  kUnansweredCommunication,
  kOneSided,
  kNarrowParticipation,
  kLeaderChangeLapse,
  kExternalShock,
  kPolicyBlock,
  kNoDiplomaticRelations,
  kDistance,
};
inline constexpr size_t kConceptCount = 11;

// Next actions, each motivated by a concept (or, for kStartRenewal before expiry, by
// the agreement's calendar).
enum class ActionCode : uint8_t {
  kAnswerCommunication,  // answer the unanswered letter, naming it
  kStartRenewal,         // start the Permendagri 25/2020 renewal procedure
  kRenewOrClose,         // the agreement lapsed: renew it or close the record
  kProposeReciprocal,    // the passive side hosts or provides an activity
  kWidenParticipation,   // involve sectors not yet involved
  kReconnectLeader,      // re-establish contact with the new head of region
  kMoveOnline,           // online or hybrid formats after a shock
  kWriteActionPlan,      // the MoU has no action plan
  kHoldEvaluation,       // no evaluation recorded
  kRestartActivity,      // propose the next activity in an agreed field
  kCheckRelations,       // consult the foreign ministry before anything else
  kPlanForDistance,      // online formats, time windows, regional hubs
};

std::string_view ToString(Condition c);
std::string_view ToString(ConceptCode c);
std::string_view ToString(ActionCode c);
// The literature a concept comes from (assessment-v1, "Risk concepts").
std::string_view SourceOf(ConceptCode c);
// Structural concepts are reported but never alone make a partnership at risk.
bool IsStructural(ConceptCode c);

// Named values a concept or action rests on (dates, counts, ids), in a fixed order;
// the explanation and recommendation texts are rendered from them per language.
using Facts = std::vector<std::pair<std::string, std::string>>;

struct Concept {
  ConceptCode code;
  std::vector<std::string> evidence;  // JSON paths: "partnerships[3].events[2]", "regions[1]"
  Facts facts;
};

struct Action {
  ActionCode code;
  std::optional<ConceptCode> motive;  // the concept that motivates it
  Facts facts;
};

struct Agreement {
  bool signed_ = false;     // an MoU is recorded on or before as_of
  bool in_force = false;
  std::optional<PartialDate> signed_on;   // the latest signing or renewal
  std::optional<PartialDate> expires;     // at the signing's precision
  bool expiry_known = false;              // false: open-ended (no validity recorded)
  std::optional<std::string> evidence;    // path of the latest signing or renewal
};

struct Indicators {
  std::optional<int> months_since_activity;  // none without activity
  int activities_total = 0;
  int activities_recent = 0;                 // within policy.recent_activity_months
  std::optional<double> reciprocity;         // 0 one side does all .. 1 balanced
  int acts_home = 0, acts_partner = 0;       // halves counted as 0.5 are doubled: see .cc
  int sectors = 0;
  int fields_covered = 0;
  int fields_agreed = 0;
  std::vector<Field> fields_not_covered;
  std::vector<Sector> sectors_not_involved;  // non-government sectors never involved
  std::optional<double> distance_km;
  std::optional<double> tz_gap_hours;
  std::optional<std::string> paradiplomacy_layer;  // economic, cultural_technical, political
  std::vector<SmartDimension> smart_dimensions;
  std::vector<std::string_view> stages_done;  // static names, formal-path order
  std::optional<PartialDate> last_activity;
};

struct PartnershipAssessment {
  std::string id;
  std::string home, partner;  // region ids
  size_t index = 0;           // position in the dossier's partnerships
  Condition condition = Condition::kUnknown;
  std::vector<Concept> concepts;
  Indicators indicators;
  Agreement agreement;
  std::vector<Action> actions;

  bool Has(ConceptCode c) const;
};

// What the assessment reads besides the dossier.
struct Context {
  const Policy* policy = &DefaultPolicy();
  const geo::Relations* relations = nullptr;  // null: no_diplomatic_relations not judged
  geo::TimeZones* time_zones = nullptr;       // null: time-zone gaps not judged
};

// Region id -> position in dossier.regions, built once per dossier.
class RegionIndex {
 public:
  explicit RegionIndex(const Dossier& d);
  // Null when the id is not defined in the dossier.
  const Region* Find(std::string_view id, size_t* index = nullptr) const;

 private:
  const Dossier& dossier_;
  std::unordered_map<std::string_view, size_t> by_id_;
};

// Assesses partnerships[index] as of `as_of`: events that certainly happened after
// it are ignored.
PartnershipAssessment AssessPartnership(const Dossier& d, const RegionIndex& regions, size_t index,
                                        Day as_of, const Context& ctx);

// Every partnership of the dossier, in document order.
std::vector<PartnershipAssessment> AssessDossier(const Dossier& d, Day as_of, const Context& ctx);

}  // namespace kembar::assess

#endif  // KEMBAR_ASSESS_ASSESSMENT_H_
