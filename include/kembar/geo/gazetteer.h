// The gazetteer: 135k GeoNames places (population >= 1000) with IANA time zone, port
// flag and, for Indonesia, administrative level and province, plus a country table
// (English and Indonesian names). Built at build time from pinned npm packages by
// tools/gazetteer/build.mjs and compiled into the library: nothing is read or fetched
// at run time. Strings are views into the compiled-in table; a place costs no
// allocation of its own. Sources, licences and rules: tools/gazetteer/README.md.
#ifndef KEMBAR_GEO_GAZETTEER_H_
#define KEMBAR_GEO_GAZETTEER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/model/status.h"

namespace kembar::geo {

// One populated place. Views point into the data the gazetteer was parsed from.
struct Place {
  uint32_t geonames_id = 0;
  std::string_view name;      // GeoNames' name, UTF-8 ("Kōchi" is "Kochi" there)
  std::string_view key;       // the name folded (Gazetteer::Fold): the lookup key
  std::string_view alt_name;  // another spelling it is found by (Indonesia's official
                              // one, "Tebing Tinggi" for "Tebingtinggi"); may be empty
  std::string_view country;   // ISO 3166-1 alpha-2
  std::string_view feature;   // GeoNames feature code: PPLC capital, PPLA seat, PPL, ...
  std::string_view admin1;    // GeoNames first-level division code
  uint32_t population = 0;    // 0: GeoNames gives none
  double lat = 0, lon = 0;    // degrees, WGS84
  std::string_view timezone;  // IANA, from the coordinates
  bool port = false;          // a sea port lies at or near it (tools/gazetteer rule)
  bool capital = false;       // national capital (PPLC)
  bool admin_seat = false;    // seat of a first-level division (PPLA)
  // Indonesia, where idn-area-data names it: "province", "regency" or "city" (empty
  // otherwise), with the province's name ("Jawa Barat") and BPS code ("32").
  std::string_view idn_level;
  std::string_view idn_province;
  std::string_view idn_province_code;
};
// The earlier name of Place.
using GazPlace = Place;

// A country of ISO 3166-1 with its names (i18n-iso-countries).
struct GazCountry {
  std::string_view iso;      // alpha-2, upper case
  std::string_view name_en;  // "Japan"
  std::string_view name_id;  // "Jepang"
};

class Gazetteer {
 public:
  // An empty gazetteer.
  Gazetteer() = default;

  // Parses the table written by tools/gazetteer/build.mjs (its format is described
  // there). Views point into `data`, which must outlive the gazetteer and its copies.
  // InvalidInput names the line and what is wrong with it.
  static Result<Gazetteer> Parse(std::string_view data);
  // The compiled-in table, parsed on first use (thread-safe; about 50 ms).
  static const Gazetteer& Bundled();
  // The compiled-in table's bytes.
  static std::string_view BundledTable();

  size_t size() const { return places_.size(); }
  bool empty() const { return places_.empty(); }
  // Requires i < size(). Places are ordered by key, most populous first within a key.
  const Place& at(size_t i) const { return places_[i]; }
  const std::vector<Place>& places() const { return places_; }

  // The indices of the places whose name or alternative name folds to the same key as
  // `name` (case, accents and punctuation do not matter: "kōchi" finds "Kochi"), most
  // populous first; only those in `country_iso` (alpha-2, upper case) when given.
  // Empty when none.
  std::vector<size_t> FindByName(std::string_view name, std::string_view country_iso = {}) const;
  // The same as FindByName.
  std::vector<size_t> Find(std::string_view name, std::string_view country_iso = {}) const {
    return FindByName(name, country_iso);
  }
  // The place nearest to the point (great circle), only in `country_iso` when given;
  // nullptr when there is none.
  const Place* Nearest(double lat, double lon, std::string_view country_iso = {}) const;

  // The country with this alpha-2 code (upper case); nullptr when unknown.
  const GazCountry* Country(std::string_view iso) const;
  const std::vector<GazCountry>& countries() const { return countries_; }

  // A name folded the way keys are (the same rule as build.mjs, through the table's
  // fold section): ASCII letters lowered, apostrophes dropped, accents and combining
  // marks removed, ß ø ł æ ... spelled out, Greek and Cyrillic transliterated, other
  // punctuation and spaces collapsed to single spaces, trimmed. Letters with no Latin
  // form (Arabic, ...) are kept. "Bà Rịa–Vũng Tàu" -> "ba ria vung tau".
  std::string Fold(std::string_view name) const;

 private:
  struct FoldEntry {
    char32_t code_point;
    std::string_view folded;
  };
  struct KeyEntry {
    std::string_view key;
    uint32_t place;
  };
  std::vector<Place> places_;
  std::vector<KeyEntry> by_key_;  // every key and alternative key, sorted
  std::vector<GazCountry> countries_;
  std::vector<FoldEntry> fold_;  // by code point
  // The keys the table leaves out (the name with A-Z lowered), shared by copies.
  std::shared_ptr<const std::string> lowered_names_;
};

// Gazetteer::Bundled().Fold(name).
std::string FoldPlaceName(std::string_view name);

// The credit lines the gazetteer's sources ask for, one per line, to show wherever its
// data is shown or exported.
std::string_view GazetteerAttribution();

}  // namespace kembar::geo

#endif  // KEMBAR_GEO_GAZETTEER_H_
