// Diplomatic relations between countries, derived from Wikidata's diplomatic
// missions (data/reference/diplomatic_missions.csv) plus a short cited override list
// (data/reference/relations_overrides.csv). Both files are compiled into the binary.
//
// The rule: an embassy, high commission, nunciature or consulate of either country in
// the other (or accredited to it from a third country) means official relations; only
// de facto offices (Taiwan's economic and cultural offices) means de facto; nothing
// means none. An override, with its source, wins over what the missions say.
#ifndef KEMBAR_GEO_RELATIONS_H_
#define KEMBAR_GEO_RELATIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kembar/model/status.h"

namespace kembar::geo {

enum class RelationStatus : uint8_t { kOfficial, kDeFacto, kNone };

// "official", "de_facto", "none".
std::string_view ToString(RelationStatus status);

struct Mission {
  std::string operator_iso;  // the sending country
  std::string host_iso;      // the country it sits in
  std::string city;
  std::string type;                        // embassy, consulate, consulate_general, de_facto, ...
  std::string qid;                         // Wikidata item
  std::vector<std::string> jurisdictions;  // further countries it is accredited to
};

struct Relation {
  RelationStatus status = RelationStatus::kNone;
  std::vector<const Mission*> missions;  // the missions between the two, either way
  std::string override_source;           // non-empty when an override decided
  std::string via_sovereign;             // "CN-ID" when a territory followed its state
};

class Relations {
 public:
  // Parses the two CSV texts (header line first). InvalidInput names the line.
  static Result<Relations> Parse(std::string_view missions_csv, std::string_view overrides_csv);
  // The bundled tables; parsed once, on first use.
  static const Relations& Bundled();

  // Relations between two ISO 3166-1 alpha-2 codes (case-sensitive, upper case).
  // The same country twice is official.
  Relation Between(std::string_view a, std::string_view b) const;
  // The status alone, without listing missions: a hash lookup, for bulk assessment.
  // A territory without missions or an override of its own follows its sovereign state.
  RelationStatus StatusBetween(std::string_view a, std::string_view b) const;

  size_t mission_count() const { return missions_.size(); }

 private:
  static uint32_t Key(std::string_view a, std::string_view b);
  std::vector<Mission> missions_;
  std::unordered_map<uint32_t, std::vector<size_t>> by_pair_;  // unordered pair -> missions
  std::unordered_map<uint32_t, std::pair<RelationStatus, std::string>> overrides_;
  std::unordered_map<uint32_t, RelationStatus> status_;  // every pair with missions or an override
};

}  // namespace kembar::geo

#endif  // KEMBAR_GEO_RELATIONS_H_
