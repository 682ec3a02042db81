// Where a partner search starts when the region is not a stored one with
// coordinates: any gazetteer place (a city looking for its first partner is the
// finder's main case) or an Indonesian province, placed at its capital.
#ifndef KEMBAR_SRC_ENGINE_SUBJECT_H_
#define KEMBAR_SRC_ENGINE_SUBJECT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kembar/finder/finder.h"
#include "kembar/model/dossier.h"
#include "kembar/model/status.h"

namespace kembar::engine {

struct PlaceSubject {
  std::string id;  // "geonames:<id>" for a place, "province:<name>" for a province
  std::string name, country;
  double lat = 0, lon = 0;
  Level level = Level::kCity;
  long gazetteer_index = -1;  // the place itself (never its own candidate); -1: none
  uint32_t population = 0;
  std::string timezone;
  bool port = false;
  bool capital = false;    // a national capital; never a province
  std::string located_at;  // a province: the capital it is measured from
};

// Puts the finder's subject where `place` is: its coordinates, level, population, time
// zone, port and capital flags, and the place itself among the excluded (never its own
// candidate). Name, id, country and network are the caller's.
void ApplyPlace(const PlaceSubject& place, finder::Subject* subject);

// An Indonesian province by its name in Indonesian or English ("Jawa Tengah",
// "Central Java"), placed at its capital: the seat of a first-level division among
// the gazetteer's places of that province, else its most populous place. Nullopt
// when no gazetteer place lies in a province of that name.
std::optional<PlaceSubject> ProvinceSubject(std::string_view name);

// A local government's name with its kind spelled out, as Indonesian offices write it
// ("Kota Surakarta", "Kabupaten Banyuwangi", "Kab. Sleman", "Pemkot Semarang",
// "Provinsi Jawa Tengah", "Pemprov Bali") or in English ("Surakarta City", "City of
// Surakarta", "Banyuwangi Regency", "Central Java Province"): the kind (kCity,
// kRegency or kProvince) and the name without it ("Surakarta"), cut from `text` as
// written. Nullopt when `text` does not start or end with a kind, or is nothing else.
struct AdminName {
  Level level = Level::kCity;
  std::string bare;
};
std::optional<AdminName> StripAdminKind(std::string_view text);

// Where a stored local government without coordinates lies: the gazetteer place of
// its name in its country ("Kota Surakarta", ID -> Surakarta), its kind aside; a name
// with the regency kind only meets a place known as a regency's (Kabupaten Semarang is
// not Kota Semarang). Nullopt when none, or when the name is ambiguous there.
std::optional<PlaceSubject> LocalGovernmentPlace(std::string_view name, std::string_view country);

// A gazetteer place by name ("Surakarta", "Kōchi"), optionally with its country
// ("Portland, US", "Portland, Australia"). NotFound when no place has the name;
// InvalidInput listing the candidates when places of several countries share it and
// none is ten times as populous as the next.
Result<PlaceSubject> GazetteerSubject(std::string_view text);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_SUBJECT_H_
