// Countries: ISO 3166-1 alpha-2 codes, English and Indonesian names, and the
// spellings found in the reference data ("England" -> GB), from data/reference/.
#ifndef KEMBAR_GEO_COUNTRIES_H_
#define KEMBAR_GEO_COUNTRIES_H_

#include <string>
#include <string_view>

#include "kembar/model/status.h"

namespace kembar::geo {

// An ISO code ("id", "ID"), an English or Indonesian name ("Indonesia", "Jepang") or a
// known alias ("England", "People's Republic of China"), case-insensitively, to the
// ISO code. NotFound names the text; an alias of something that is not a state (the
// European Union) is NotFound too.
Result<std::string> ResolveCountry(std::string_view text);

// The country's name in English or Indonesian; the code itself when unknown.
std::string CountryName(std::string_view iso, bool indonesian);

// The sovereign state of a territory ("HK" -> "CN", "NC" -> "FR", "PR" -> "US"); the
// code itself for a state or an unknown code.
std::string SovereignOf(std::string_view iso);

}  // namespace kembar::geo

#endif  // KEMBAR_GEO_COUNTRIES_H_
