// Reference tables compiled into the binary from data/reference/ (generated at build
// time by CMake), so that kembar reads no side files at run time.
#ifndef KEMBAR_GEO_REFERENCE_DATA_H_
#define KEMBAR_GEO_REFERENCE_DATA_H_

#include <string_view>

namespace kembar::geo {

// data/reference/diplomatic_missions.csv
std::string_view DiplomaticMissionsCsv();
// data/reference/relations_overrides.csv
std::string_view RelationsOverridesCsv();
// data/reference/countries.csv
std::string_view CountriesCsv();
// data/reference/country_aliases.csv
std::string_view CountryAliasesCsv();

}  // namespace kembar::geo

#endif  // KEMBAR_GEO_REFERENCE_DATA_H_
