// The partner finder: ranks candidate places for a region and explains every score
// by its components, as the studies name what makes a good partner (diplomatic
// relations; equivalent administrative level; similar character; strengths that meet
// the region's needs; proximity; the existing network). Pure: places, the region's
// profile, the policy, the reference data and the day come in; nothing is read here.
#ifndef KEMBAR_FINDER_FINDER_H_
#define KEMBAR_FINDER_FINDER_H_

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
};

// The region that looks for partners, with what is known about its network.
struct Subject {
  std::string id;
  std::string name;
  std::string country;
  Level level = Level::kCity;
  double lat = 0, lon = 0;
  uint32_t population = 0;  // 0: unknown
  std::string timezone;
  bool port = false;
  std::vector<std::string> characteristics;  // "port", "metropolitan", ...
  std::vector<Field> needs;
  std::unordered_set<size_t> excluded;             // the region itself and its partners
  std::unordered_set<size_t> partners_of_partners;  // places two steps away
  std::unordered_set<std::string> tied_countries;   // countries of existing partners
};

// Strengths known for places: the fields of their partnerships and the bundled
// profiles. Bit i set = Field i.
using KnownStrengths = std::unordered_map<size_t, uint32_t>;

struct Options {
  std::vector<Field> needs;        // overrides Subject::needs when not empty
  std::optional<Level> level;      // only candidates of this level
  std::string country;             // only candidates in this country
  size_t top = 10;
  Day today{};                     // for the time-zone gap
};

struct Components {
  double level = 0;            // equivalence of administrative level, 0..1
  double similarity = 0;       // population band, port, capital/metropolitan, character
  double complementarity = 0;  // share of the needs the candidate's known strengths meet
  double proximity = 0;        // exp(-distance / scale), less a penalty per hour of time gap
  double network = 0;          // partner of a partner; a country without a tie yet
};

struct Candidate {
  size_t place = 0;  // index into the places given
  double score = 0;
  Components components;
  double distance_km = 0;
  double tz_gap_hours = 0;
  geo::RelationStatus relations = geo::RelationStatus::kOfficial;
  Level level = Level::kCity;
  std::vector<Field> strengths_meeting_needs;
  std::vector<std::string> flags;  // de_facto_relations, partner_of_partner, new_country, ...
};

// The level a place stands for: an admin seat can represent its province.
Level LevelOf(const Place& p);

// The best `options.top` candidates, best first. Places in the subject's country, the
// subject and its partners, and places in countries without diplomatic relations are
// never offered; places with de facto relations only are flagged and penalised.
std::vector<Candidate> FindPartners(std::span<const Place> places, const Subject& subject,
                                    const KnownStrengths& strengths, const Options& options,
                                    const assess::FinderPolicy& policy,
                                    const geo::Relations& relations, geo::TimeZones& zones);

}  // namespace kembar::finder

#endif  // KEMBAR_FINDER_FINDER_H_
