// The partner finder: ranks candidate places for a region and explains every score
// by its components, as the studies name what makes a good partner (diplomatic
// relations; equivalent administrative level; similar character; strengths that meet
// the region's needs; proximity; the existing network). Pure: places, the region's
// profile, the policy, the reference data and the day come in; nothing is read here.
#ifndef KEMBAR_FINDER_FINDER_H_
#define KEMBAR_FINDER_FINDER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kembar/assess/policy.h"
#include "kembar/geo/relations.h"
#include "kembar/geo/time_zones.h"
#include "kembar/model/date.h"
#include "kembar/model/vocab.h"

namespace kembar::finder {

// A candidate place as the finder sees it (a gazetteer entry).
struct Place {
  std::string_view id;  // the source's key (a network node id), may be empty
  std::string_view name;
  std::string_view country;  // ISO 3166-1 alpha-2
  double lat = 0, lon = 0;
  uint32_t population = 0;    // 0: unknown
  std::string_view timezone;  // IANA, may be empty
  bool port = false;
  bool capital = false;     // national capital
  bool admin_seat = false;  // seat of a first-level division (province, state, prefecture)
  std::string_view key;     // the name folded (geo::FoldPlaceName); may be empty
};

// The learned ranking's features of a (subject, candidate) pair, in this order
// (FeatureName gives each one's policy member; docs/finder.md defines them).
enum Feature : size_t {
  kLogDistance,
  kPopulationGap,
  kLogPopulation,
  kCountryAffinity,
  kCommonPartners,
  kAdamicAdar,
  kAreaTies,
  kLogDegree,
  kPortPair,
  kCapital,
  kSameLevel,
  kSharedLanguage,
  kSameName,
  kCapitalPair,
  kFeatureCount
};
using FeatureVector = std::array<double, kFeatureCount>;

// The policy member of a feature ("country_affinity").
std::string_view FeatureName(Feature f);
// The weight of a feature in the policy.
double WeightOf(const assess::FinderWeights& w, Feature f);
// Sets the weight of a feature (the fitting tool writes them).
void SetWeight(assess::FinderWeights* w, Feature f, double value);

// What the worldwide network says about places and countries, for the learned
// ranking: built once per network (with held-out ties removed when evaluating).
struct NetworkSignals {
  std::vector<uint32_t> place_degree;  // per place index: its ties (0: none, or no node)
  // Ties between two countries (key: CountryPairKey), and each country's ties abroad.
  std::unordered_map<uint32_t, uint32_t> country_ties;
  std::unordered_map<uint16_t, uint32_t> country_total;
  // Ties between a country and the countries of a UN subregion other than its own
  // country (key: RegionCountryKey), and each subregion's ties abroad.
  std::unordered_map<uint32_t, uint32_t> region_ties;
  std::unordered_map<uint16_t, uint32_t> region_total;
};

// Counts a tie between places of countries `a` and `b` (ISO alpha-2, different) into
// `signals`' country and subregion tables (`by` = -1 takes one away).
void CountTie(std::string_view a, std::string_view b, int by, NetworkSignals* signals);

// A key for an unordered pair of ISO alpha-2 codes.
uint32_t CountryPairKey(std::string_view a, std::string_view b);
// A key for one ISO alpha-2 code (0 for anything else).
uint16_t CountryKey(std::string_view iso);

// A key for a (subregion, country) pair.
uint32_t RegionCountryKey(uint16_t subregion, std::string_view country);
// The UN subregion of a country (world-countries: "South-Eastern Asia"), as a small
// number; 0 when unknown.
uint16_t SubregionOf(std::string_view iso);

// The country-affinity feature: how much more the two countries twin than their ties
// abroad would make them by chance, ln((ties + k x lift) / (expected + k)): `expected`
// = the subject country's ties abroad x the candidate country's / all ties abroad,
// and k = 3 (a pair with few ties expected says little). `lift`, what the pair is
// thought to be before its own ties are counted, is the geometric mean of the same
// ratio between the candidate's country and the subject's neighbours (the other
// countries of its UN subregion) and between the subject's country and the
// candidate's neighbours, each smoothed towards 1 the same way: a subject country with
// few ties known (a hold-out, a country new to twinning) inherits its neighbours'
// pattern (China twins with South-East Asia, Bulgaria seldom does), and a candidate
// country with many ties is not held against it for want of ties with the subject's.
double CountryAffinity(const NetworkSignals& signals, std::string_view subject_country,
                       std::string_view candidate_country);

// Whether two countries share an official language (world-countries, ODbL 1.0;
// data/reference/country_languages.csv).
bool ShareOfficialLanguage(std::string_view a, std::string_view b);

// The region that looks for partners, with what is known about its network.
struct Subject {
  std::string id;
  std::string name;
  std::string name_key;  // the name folded (geo::FoldPlaceName): namesakes; may be empty
  std::string country;
  Level level = Level::kCity;
  double lat = 0, lon = 0;
  uint32_t population = 0;  // 0: unknown
  std::string timezone;
  bool port = false;
  bool capital = false;                      // a national capital (capitals twin with capitals)
  std::vector<std::string> characteristics;  // "port", "metropolitan", ...
  std::vector<Field> needs;
  std::vector<Field> offers;  // what it offers partners (its profile's offers, its strengths)
  std::unordered_set<size_t> excluded;              // the region itself and its partners
  std::unordered_set<size_t> partners_of_partners;  // places two steps away
  std::unordered_set<std::string> tied_countries;   // countries of existing partners
  // Places two steps away: how many partners they share with the subject, and the
  // Adamic-Adar index (the sum of 1 / ln(degree) of the shared partners).
  std::unordered_map<size_t, uint32_t> common_partners;
  std::unordered_map<size_t, double> adamic_adar;
  // Ties between the subject's surroundings and each place's: per place, the ties
  // between a network place within the area radius of the subject (not the subject
  // itself) and a network place within that radius of this place (towns of one
  // district twinned with towns of another).
  std::unordered_map<size_t, uint32_t> area_ties;
  uint32_t degree = 0;  // the subject's own ties (for the explanation)
};

// Strengths known for places: the fields of their partnerships and the bundled
// profiles. Bit i set = Field i. The same map holds what places seek (their profiles'
// `seeks` and their `needs`): Options::seeks.
using KnownStrengths = std::unordered_map<size_t, uint32_t>;

struct Options {
  std::vector<Field> needs;    // overrides Subject::needs when not empty
  std::optional<Level> level;  // only candidates of this level
  std::string country;         // only candidates in this country
  // What candidate places seek (profiles), for the other direction of complementarity:
  // what the subject offers that the candidate seeks. Empty: not known for any place.
  KnownStrengths seeks;
  size_t top = 10;
  // Besides the top: up to this many candidates below it that match both ways (each
  // offers what the other seeks), appended after the top with their rank set.
  size_t two_way_beyond_top = 5;
  Day today{};  // for the time-zone gap
};

struct Components {
  double level = 0;       // equivalence of administrative level, 0..1
  double similarity = 0;  // population band, port, capital/metropolitan, character
  // Share of the needs met, both ways: (the subject's needs the candidate's known
  // strengths meet + the candidate's seeks the subject's offers meet) / (the needs
  // measured + the seeks measured). Only the directions that can be measured count.
  double complementarity = 0;
  double proximity = 0;  // exp(-distance / scale), less a penalty per hour of time gap
  double network = 0;    // partner of a partner; a country without a tie yet
};

struct Candidate {
  size_t place = 0;         // index into the places given
  size_t rank = 0;          // 1-based rank among all candidates (ties share the better rank)
  bool beyond_top = false;  // a two-way match ranked below options.top
  double score = 0;  // sigmoid(learned), x de facto factor, x (1 + needs boost x complementarity)
  Components components;
  FeatureVector features{};               // the learned ranking's inputs
  FeatureVector contributions{};          // weight x feature: what moved the score, and how much
  double learned = 0;                     // bias + the contributions (the logit)
  bool strengths_known = false;           // false: its strengths (offers) are not known
  bool seeks_known = false;               // its profile says what it seeks
  bool complementarity_measured = false;  // false: complementarity 0 is no finding
  uint32_t country_ties = 0;     // ties between the subject's and the candidate's countries
  uint32_t common_partners = 0;  // partners the two already share
  uint32_t area_ties = 0;        // ties between the two places' surroundings
  uint32_t degree = 0;           // the candidate's ties
  double distance_km = 0;
  double tz_gap_hours = 0;
  geo::RelationStatus relations = geo::RelationStatus::kOfficial;
  Level level = Level::kCity;
  std::vector<Field> strengths_meeting_needs;  // it offers what the subject seeks
  std::vector<Field> offers_meeting_seeks;     // the subject offers what it seeks
  std::vector<std::string> flags;  // de_facto_relations, partner_of_partner, new_country, ...
};

// The level a place stands for: an admin seat can represent its province.
Level LevelOf(const Place& p);

// The best `options.top` candidates, best first, by the learned ranking, then up to
// options.two_way_beyond_top candidates ranked below them that match both ways, best
// first
// (docs/finder.md). Places in the subject's country, the subject and its partners,
// smaller places than policy.min_population, and places in countries without
// diplomatic relations are never offered; places with de facto relations only are
// flagged and penalised. `signals` may be empty (no network known).
std::vector<Candidate> FindPartners(std::span<const Place> places, const Subject& subject,
                                    const KnownStrengths& strengths, const Options& options,
                                    const assess::FinderPolicy& policy,
                                    const geo::Relations& relations, geo::TimeZones& zones,
                                    const NetworkSignals& signals = {});

// The ranking methods `kembar finder evaluate` compares over the same candidates.
enum class Method { kFinder, kGravity, kDegree, kRandom };
inline constexpr Method kMethods[] = {Method::kFinder, Method::kGravity, Method::kDegree,
                                      Method::kRandom};
// "finder", "gravity", "degree", "random".
std::string_view MethodName(Method m);

// The 1-based rank of place `target` among the candidates FindPartners would consider
// for the subject (the same exclusions, filters and scores), for each method in
// kMethods order: the finder; gravity = degree / distance; degree; a random order
// drawn from `seed`. Places with the same score as the target share the ranks
// evenly (rank = 1 + higher + equal / 2). 0 when the target is not a candidate (the
// finder can never propose it).
std::array<double, 4> RanksOf(std::span<const Place> places, const Subject& subject,
                              const Options& options, const assess::FinderPolicy& policy,
                              const geo::Relations& relations, const NetworkSignals& signals,
                              size_t target, uint64_t seed);

// The weights that rank candidates for `subject`: the first-partner ones when it has no
// ties in the network.
const assess::FinderWeights& WeightsFor(const assess::FinderPolicy& policy, const Subject& subject);

// The features of candidate `place` for the subject at `distance_km` (the fitting
// tool's rows; FindPartners uses the same function).
FeatureVector FeaturesOf(const Place& place, size_t index, const Subject& subject,
                         double distance_km, const NetworkSignals& signals);

// Great-circle distance on the mean sphere, km: what the ranking uses.
double SphereKm(double lat1, double lon1, double lat2, double lon2);

// Whether the finder may offer place `p` to the subject at all under `options` (its
// country, exclusions, population floor, filters; relations are checked apart). A
// place under the floor is offered when `signals` give it policy.small_place_min_ties
// ties or more.
bool Eligible(const Place& p, size_t index, const Subject& subject, const Options& options,
              const assess::FinderPolicy& policy, const NetworkSignals& signals);

}  // namespace kembar::finder

#endif  // KEMBAR_FINDER_FINDER_H_
