// The gazetteer: 135k GeoNames places (population >= 1000) with time zone, port flag
// and, for Indonesia, the administrative level, built at build time from npm packages
// (tools/gazetteer) and compiled in. Strings are views into the compiled-in table.
#ifndef KEMBAR_GEO_GAZETTEER_H_
#define KEMBAR_GEO_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/model/status.h"

namespace kembar::geo {

struct GazPlace {
  uint32_t geonames_id = 0;
  std::string_view name;
  std::string_view key;       // lower-case ASCII without accents: the lookup key
  std::string_view country;   // ISO 3166-1 alpha-2
  std::string_view feature;   // GeoNames feature code: PPLC capital, PPLA seat, ...
  std::string_view admin1;
  uint32_t population = 0;
  double lat = 0, lon = 0;
  std::string_view timezone;  // IANA
  bool port = false;
  bool capital = false;
  bool admin_seat = false;     // seat of a first-level division (PPLA)
  std::string_view idn_level;  // Indonesia: province, regency or city (idn-area-data)
  std::string_view idn_province;
};

class Gazetteer {
 public:
  // Parses the table written by tools/gazetteer/build.mjs; views point into `tsv`,
  // which must outlive the gazetteer. InvalidInput names the line.
  static Result<Gazetteer> Parse(std::string_view tsv);
  // The compiled-in table, parsed on first use (empty when the build could not make it).
  static const Gazetteer& Bundled();
  // The compiled-in table's text.
  static std::string_view BundledTable();

  size_t size() const { return places_.size(); }
  bool empty() const { return places_.empty(); }
  const GazPlace& at(size_t i) const { return places_[i]; }
  const std::vector<GazPlace>& places() const { return places_; }

  // Places whose name folds to the same key as `name` ("Kōchi" = "Kochi"), most
  // populous first; only in `country` when given.
  std::vector<size_t> Find(std::string_view name, std::string_view country = {}) const;
  // The nearest place (great circle), in `country` when given; -1 when none.
  long Nearest(double lat, double lon, std::string_view country = {}) const;

 private:
  std::vector<GazPlace> places_;
  std::vector<uint32_t> by_key_;  // indices sorted by key
};

// Lower-case ASCII without accents, other characters as single spaces: the key the
// gazetteer is searched by.
std::string FoldPlaceName(std::string_view name);

// The credit lines the gazetteer's sources ask for.
std::string_view GazetteerAttribution();

}  // namespace kembar::geo

#endif  // KEMBAR_GEO_GAZETTEER_H_
