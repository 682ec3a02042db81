// The thresholds of the assessment (and, later, the finder's weights) live in one
// policy file, config/policy.json, compiled in as the default; `--policy FILE`
// replaces it. Defaults are those of docs/assessment-v2.md.
#ifndef KEMBAR_ASSESS_POLICY_H_
#define KEMBAR_ASSESS_POLICY_H_

#include <string>
#include <string_view>
#include <utility>

#include "kembar/model/status.h"

namespace kembar::assess {

// Weights of each kind of contribution (assessment-v2 "Contributions and benefits").
struct ContributionWeights {
  double provider = 1;       // an activity's provider
  double host = 1;           // hosting a delegation that comes to learn
  double visit = 1;          // sending a delegation
  double initiated = 1;      // proposing the partnership
  double communication = 1;  // writing
  double budget = 1;         // paying for an activity
};

// Defaults are assessment-v2's; none of them is a legal rule.
struct AssessmentPolicy {
  int no_activity_after_mou_months = 12;   // since the latest signing/renewal/reactivation
  int activity_gap_months = 24;            // since the last activity
  double one_sided_min_contributions = 3;  // contributions needed before balance is judged
  double one_sided_share = 0.8;            // share of contributions by one side that is one-sided
  ContributionWeights contribution_weights;
  int narrow_participation_min_kinds = 2;  // kinds of non-government actor needed
  int leader_change_lapse_months = 12;     // quiet months after a new leader or local policy
  int external_shock_years = 5;            // how long a shock counts
  double distance_km = 8000;               // farther than this is far
  double tz_gap_hours = 5;                 // this many hours apart or more is far
  int recent_activity_months = 36;         // window of activities_last_36_months
  int long_dormancy_months = 60;           // confirm_or_terminate after this long
  int renewal_lead_months = 6;             // start renewing this long before expiry
  int due_soon_days = 90;                  // urgency: due within this many days
  int evaluation_recent_months = 24;       // an evaluation this recent is enough
};

// The learned ranking's weights (docs/finder.md): a logistic model of "these two
// places are twinned" fitted by `kembar finder fit` on the worldwide network (the
// defaults are that fit's, as in config/policy.json). The score is sigmoid(bias + sum
// of weight * feature); features are defined in kembar/finder/finder.h (FeatureName).
struct FinderWeights {
  double bias = -28.1157;
  double log_distance = -0.9864;     // ln(1 + km / 100)
  double population_gap = -2.1988;   // |log10 population difference|, 0 when unknown
  double log_population = 0.7954;    // log10 of the candidate's population (0: unknown)
  double country_affinity = 1.5648;  // CountryAffinity (kembar/finder/finder.h)
  double common_partners = 4.4591;   // ln(1 + partners in common)
  double adamic_adar = 12.749;       // sum over common partners of 1 / ln(their degree)
  double area_ties = 4.5856;         // ln(1 + ties between the two places' surroundings)
  double log_degree = 2.1305;        // ln(1 + the candidate's ties)
  double port_pair = 3.5841;         // both ports
  double capital = 0.3968;           // the candidate is a national capital or a seat
  double same_level = -0.3968;       // the same level family
  double shared_language = 0.5686;   // the countries share an official language
  double same_name = 14.9412;        // the same folded name (namesakes)
  double capital_pair = 5.9527;      // both are national capitals
};

// Each learned weight but the bias: its name in the policy file and its member, in
// the order of the finder's features (kembar/finder/finder.h, Feature), so that the
// policy reader and the ranking share one list.
inline constexpr std::pair<std::string_view, double FinderWeights::*> kFinderWeightMembers[] = {
    {"log_distance", &FinderWeights::log_distance},
    {"population_gap", &FinderWeights::population_gap},
    {"log_population", &FinderWeights::log_population},
    {"country_affinity", &FinderWeights::country_affinity},
    {"common_partners", &FinderWeights::common_partners},
    {"adamic_adar", &FinderWeights::adamic_adar},
    {"area_ties", &FinderWeights::area_ties},
    {"log_degree", &FinderWeights::log_degree},
    {"port_pair", &FinderWeights::port_pair},
    {"capital", &FinderWeights::capital},
    {"same_level", &FinderWeights::same_level},
    {"shared_language", &FinderWeights::shared_language},
    {"same_name", &FinderWeights::same_name},
    {"capital_pair", &FinderWeights::capital_pair}};

// Weights and scales of the partner finder (kembar find-partners).
// weight_level .. weight_network no longer set the rank (the learned weights do); they
// are kept so that older policy files stay valid.
struct FinderPolicy {
  FinderWeights learned;  // the ranking (docs/finder.md)
  // The ranking for a subject without ties in the network (a first partner: partners
  // of partners say nothing), fitted on ties seen as their subject's first.
  FinderWeights first_partner = {-20.7453, -1.0361, -3.1529, 0.7906,  2.045,  0,       0,     5.528,
                                 3.3899,   3.7518,  0.2404,  -0.2404, 0.8605, 13.5489, 8.5397};
  double needs_boost = 1.0;  // score x (1 + boost x complementarity) when needs are met
  double weight_level = 0.15;
  double weight_similarity = 0.20;
  double weight_complementarity = 0.30;
  double weight_proximity = 0.20;
  double weight_network = 0.15;
  double proximity_scale_km = 5000;      // proximity = exp(-distance / scale)
  double tz_penalty_per_hour = 0.05;     // taken off proximity per hour of time difference
  double de_facto_factor = 0.5;          // score multiplier when relations are de facto only
  double metropolitan_population = 1e6;  // a metropolitan place has at least this many
  uint32_t min_population = 20000;       // smaller places are not offered, unless they
  uint32_t small_place_min_ties = 1;     // have this many twin ties already (0: never)
  double area_radius_km = 25;            // a place's surroundings (the area_ties feature)
};

struct Policy {
  AssessmentPolicy assessment;
  FinderPolicy finder;
};

// Parses a policy document. Members left out keep their defaults; unknown members and
// wrong types are InvalidInput naming the member ("assessment.activity_gap_months").
Result<Policy> ParsePolicy(std::string_view json_text);

// The compiled-in config/policy.json.
const Policy& DefaultPolicy();

// The text of config/policy.json, as compiled in.
std::string_view DefaultPolicyText();

}  // namespace kembar::assess

#endif  // KEMBAR_ASSESS_POLICY_H_
