// The assessment of docs/assessment-v2.md: a partnership's condition, its risk
// concepts with evidence, indicators and next actions, as of a given day. Pure
// functions of the dossier, the day, the policy and the reference data: nothing here
// reads the clock, the disk or the database.
#ifndef KEMBAR_ASSESS_ASSESSMENT_H_
#define KEMBAR_ASSESS_ASSESSMENT_H_

#include <cstdint>
#include <memory>
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

// Exactly one per partnership (assessment-v2 "Conditions").
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

// Recommendations, in the order of assessment-v2's table (which is also the
// tie-breaking order when two have the same urgency and due day).
enum class ActionCode : uint8_t {
  kRenewOrClose,           // validity ran out: renew with the partner or close formally
  kRecordLessons,          // ended: a closing evaluation
  kConfirmOrTerminate,     // long dormant but formally in force: decide first
  kAnswerCommunication,    // the partner's letter is unanswered, naming it
  kFollowUpCommunication,  // our letter is unanswered: a reminder, or the embassy's help
  kStartRenewal,           // the expiry is known: start the renewal procedure
  kWriteActionPlan,        // quiet and no action plan recorded
  kRestartActivity,        // quiet while in force: the next activity, in a field not covered
  kProposeReciprocal,      // one-sided: an activity the passive party gives
  kReconnectLeader,        // new head of region or local policy: reconnect
  kMoveOnline,             // after a shock: online or hybrid formats
  kWidenParticipation,     // involve the non-government sectors not yet involved
  kCheckRelations,         // no diplomatic relations: consult through the ministries first
  kPlanForDistance,        // far apart: formats that fit the distance
  kHoldEvaluation,         // in force, activities, no recent evaluation
};
inline constexpr size_t kActionCount = 15;

enum class Urgency : uint8_t { kOverdue, kDueSoon, kLater };

std::string_view ToString(Condition c);
std::string_view ToString(ConceptCode c);
std::string_view ToString(ActionCode c);
std::string_view ToString(Urgency u);
// The literature a concept comes from (assessment-v2, "Risk concepts"), in English.
std::string_view SourceOf(ConceptCode c);
// Advisory concepts (narrow participation, distance, no diplomatic relations) and
// policy_block are reported but never alone make an active partnership at risk.
bool IsAdvisory(ConceptCode c);
// The behavioural concepts that make a signed, recently active partnership at risk.
bool IsBehavioural(ConceptCode c);

// Named values a concept or action rests on (dates, counts, region ids), in a fixed
// order; the explanation and recommendation texts are rendered from them per
// language, with region ids replaced by names.
using Facts = std::vector<std::pair<std::string, std::string>>;

struct Concept {
  ConceptCode code;
  std::vector<std::string> evidence;  // JSON paths: "partnerships[3].events[2]", "regions[1]"
  Facts facts;
};

struct Action {
  ActionCode code;
  std::optional<ConceptCode> motive;  // the concept that motivates it
  std::optional<Day> due;
  Urgency urgency = Urgency::kLater;
  Facts facts;
  size_t order = 0;  // timeline position of its evidence: the last tie-breaker
};

struct Agreement {
  bool signed_ = false;                 // a signing or renewal is recorded on or before as_of
  bool in_force = false;                // signed, not expired, no standing termination
  std::optional<Period> signed_on;      // the latest signing or renewal
  std::optional<Period> expires;        // every possible expiry day, coarsest form
  std::optional<Day> expires_first;     // earliest possible expiry day
  std::optional<Day> expires_last;      // latest possible expiry day
  bool expiry_known = false;            // false: open-ended or unsigned
  std::optional<std::string> evidence;  // path of the latest signing or renewal
};

// A party's weighted count, keyed in the JSON by region id.
struct PerParty {
  double home = 0, partner = 0;
  double total() const { return home + partner; }
};

struct Indicators {
  std::optional<int> months_since_activity;  // none without activity
  int activities_total = 0;
  int activities_recent = 0;  // within policy.recent_activity_months
  PerParty contributions;
  std::optional<PerParty> contribution_share;  // none without contributions
  std::optional<double> reciprocity;           // 0 one side does all .. 1 balanced
  std::optional<PerParty> benefit_share;       // none without a counted benefit
  int sectors = 0;
  int fields_covered = 0;
  int fields_agreed = 0;
  uint32_t fields_not_covered = 0;  // bit set of agreed Field values no activity covers
  uint32_t sectors_involved = 0;    // bit set of the Sector values some activity involved
  std::optional<double> distance_km;
  std::optional<double> tz_gap_hours;
  std::optional<std::string> paradiplomacy_layer;  // economic, cultural_technical, political
  std::vector<SmartDimension> smart_dimensions;
  std::vector<std::string_view> stages_done;  // static names, formal-path order
  std::optional<Period> last_activity;
};

// How a region is named in each language's sentences ("Surabaya" / "Kota Surabaya").
struct RegionLabel {
  std::string id;
  std::string en;
  std::string in_id;  // Indonesian
  std::string country;
};

struct PartnershipAssessment {
  std::string id;
  std::string home, partner;  // region ids
  // Shared with every assessment of the same region: built once per dossier.
  std::shared_ptr<const RegionLabel> home_label, partner_label;
  size_t index = 0;  // position in the dossier's partnerships
  Condition condition = Condition::kUnknown;
  std::vector<Concept> concepts;
  Indicators indicators;
  Agreement agreement;
  std::vector<Action> actions;  // ordered by urgency, due, table order, evidence

  bool Has(ConceptCode c) const;
};

// The Indonesian and English labels of a region: `names.id`/`names.en` when given,
// else the name with the level's word in Indonesian ("Kota Liverpool").
RegionLabel LabelOf(const Region& r);

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
  // The labels of regions[index] (LabelOf), built once.
  const std::shared_ptr<const RegionLabel>& Label(size_t index) const { return labels_[index]; }

 private:
  const Dossier& dossier_;
  std::unordered_map<std::string_view, size_t> by_id_;
  std::vector<std::shared_ptr<const RegionLabel>> labels_;
};

// Assesses partnerships[index] as of `as_of`: events that certainly happened after
// it are ignored. Nullopt when the partnership has events and all of them are
// certainly after `as_of` (it did not exist yet).
std::optional<PartnershipAssessment> AssessPartnership(const Dossier& d, const RegionIndex& regions,
                                                       size_t index, Day as_of, const Context& ctx);

// Every partnership of the dossier that existed on `as_of`, in document order.
std::vector<PartnershipAssessment> AssessDossier(const Dossier& d, Day as_of, const Context& ctx);

}  // namespace kembar::assess

#endif  // KEMBAR_ASSESS_ASSESSMENT_H_
