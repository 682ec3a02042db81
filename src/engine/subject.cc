#include "engine/subject.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "kembar/geo/countries.h"
#include "kembar/geo/gazetteer.h"

namespace kembar::engine {

namespace {

// English names of Indonesia's provinces where they differ from the Indonesian ones
// (idn-area-data names them in Indonesian).
constexpr std::pair<std::string_view, std::string_view> kProvinceEnglish[] = {
    {"north sumatra", "sumatera utara"},
    {"west sumatra", "sumatera barat"},
    {"south sumatra", "sumatera selatan"},
    {"bangka belitung islands", "kepulauan bangka belitung"},
    {"riau islands", "kepulauan riau"},
    {"jakarta", "dki jakarta"},
    {"special capital region of jakarta", "dki jakarta"},
    {"west java", "jawa barat"},
    {"central java", "jawa tengah"},
    {"east java", "jawa timur"},
    {"yogyakarta", "di yogyakarta"},
    {"special region of yogyakarta", "di yogyakarta"},
    {"west nusa tenggara", "nusa tenggara barat"},
    {"east nusa tenggara", "nusa tenggara timur"},
    {"west kalimantan", "kalimantan barat"},
    {"central kalimantan", "kalimantan tengah"},
    {"south kalimantan", "kalimantan selatan"},
    {"east kalimantan", "kalimantan timur"},
    {"north kalimantan", "kalimantan utara"},
    {"north sulawesi", "sulawesi utara"},
    {"central sulawesi", "sulawesi tengah"},
    {"south sulawesi", "sulawesi selatan"},
    {"southeast sulawesi", "sulawesi tenggara"},
    {"west sulawesi", "sulawesi barat"},
    {"north maluku", "maluku utara"},
    {"west papua", "papua barat"},
    {"south papua", "papua selatan"},
    {"central papua", "papua tengah"},
    {"highland papua", "papua pegunungan"},
    {"southwest papua", "papua barat daya"},
};

PlaceSubject FromPlace(const geo::Gazetteer& gaz, size_t i) {
  const geo::Place& p = gaz.at(i);
  PlaceSubject s;
  s.id = "geonames:" + std::to_string(p.geonames_id);
  s.name = std::string(p.name);
  s.country = std::string(p.country);
  s.lat = p.lat;
  s.lon = p.lon;
  s.gazetteer_index = static_cast<long>(i);
  s.population = p.population;
  s.timezone = std::string(p.timezone);
  s.port = p.port;
  s.capital = p.capital;
  s.level = p.idn_level == "regency" ? Level::kRegency : Level::kCity;
  return s;
}

// The words of `text`, split at spaces.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == ' ') ++start;
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::optional<AdminName> StripAdminKind(std::string_view text) {
  struct Kind {
    Level level;
    std::vector<std::string_view> words;  // folded
    bool suffix;
  };
  // Longest first, so that "pemerintah kota" is not read as "pemerintah" + "Kota X".
  static const Kind kKinds[] = {
      {Level::kCity, {"pemerintah", "kota"}, false},
      {Level::kRegency, {"pemerintah", "kabupaten"}, false},
      {Level::kProvince, {"pemerintah", "provinsi"}, false},
      {Level::kCity, {"city", "of"}, false},
      {Level::kRegency, {"regency", "of"}, false},
      {Level::kProvince, {"province", "of"}, false},
      {Level::kCity, {"kota"}, false},
      {Level::kCity, {"pemkot"}, false},
      {Level::kRegency, {"kabupaten"}, false},
      {Level::kRegency, {"kab"}, false},
      {Level::kRegency, {"pemkab"}, false},
      {Level::kProvince, {"provinsi"}, false},
      {Level::kProvince, {"prov"}, false},
      {Level::kProvince, {"pemprov"}, false},
      {Level::kCity, {"city"}, true},
      {Level::kRegency, {"regency"}, true},
      {Level::kProvince, {"province"}, true},
  };
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  const std::vector<std::string_view> words = Words(text);
  for (const Kind& kind : kKinds) {
    if (words.size() <= kind.words.size()) continue;
    const size_t first = kind.suffix ? words.size() - kind.words.size() : 0;
    bool match = true;
    for (size_t k = 0; match && k < kind.words.size(); ++k) {
      match = gaz.Fold(words[first + k]) == kind.words[k];
    }
    if (!match) continue;
    // The rest as written: from the first word kept to the last.
    const std::string_view from = kind.suffix ? words.front() : words[kind.words.size()];
    const std::string_view to = kind.suffix ? words[first - 1] : words.back();
    AdminName out;
    out.level = kind.level;
    out.bare = std::string(text.substr(static_cast<size_t>(from.data() - text.data()),
                                       static_cast<size_t>(to.data() + to.size() - from.data())));
    return out;
  }
  return std::nullopt;
}

void ApplyPlace(const PlaceSubject& place, finder::Subject* subject) {
  subject->lat = place.lat;
  subject->lon = place.lon;
  subject->level = place.level;
  subject->population = place.population;
  subject->timezone = place.timezone;
  subject->port = place.port;
  subject->capital = place.capital;
  if (place.gazetteer_index >= 0) {
    subject->excluded.insert(static_cast<size_t>(place.gazetteer_index));
  }
}

std::optional<PlaceSubject> ProvinceSubject(std::string_view name) {
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  std::string wanted = gaz.Fold(name);
  for (const auto& [en, id] : kProvinceEnglish) {
    if (wanted == en) wanted = std::string(id);
  }
  // Provinces are few; one pass over Indonesia's places finds the seat.
  long seat = -1, biggest = -1;
  std::string province;
  for (size_t i = 0; i < gaz.size(); ++i) {
    const geo::Place& p = gaz.at(i);
    if (p.country != "ID" || p.idn_province.empty()) continue;
    if (gaz.Fold(p.idn_province) != wanted) continue;
    province = std::string(p.idn_province);
    if (biggest < 0 || p.population > gaz.at(static_cast<size_t>(biggest)).population) {
      biggest = static_cast<long>(i);
    }
    if (p.admin_seat && (seat < 0 || p.population > gaz.at(static_cast<size_t>(seat)).population)) {
      seat = static_cast<long>(i);
    }
  }
  const long at = seat >= 0 ? seat : biggest;
  if (at < 0) return std::nullopt;
  PlaceSubject s = FromPlace(gaz, static_cast<size_t>(at));
  s.located_at = s.name;
  s.id = "province:" + province;
  s.name = province;
  s.level = Level::kProvince;
  s.population = 0;   // the capital's population is not the province's
  s.capital = false;  // nor is the country's capital, if it lies there
  // gazetteer_index stays the capital's: a province is not offered its own seat.
  return s;
}

std::optional<PlaceSubject> LocalGovernmentPlace(std::string_view name, std::string_view country) {
  if (country.empty()) return std::nullopt;
  const std::optional<AdminName> admin = StripAdminKind(name);
  const std::string bare = admin ? admin->bare : std::string(name);
  auto found = GazetteerSubject(bare + ", " + std::string(country));
  if (!found.ok() || found->country != country) return std::nullopt;
  if (admin && admin->level == Level::kRegency && found->level != Level::kRegency) {
    return std::nullopt;
  }
  if (admin && admin->level == Level::kProvince) return std::nullopt;  // ProvinceSubject's
  return std::move(found).value();
}

Result<PlaceSubject> GazetteerSubject(std::string_view text) {
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  std::string_view name = text;
  std::string country;
  if (const size_t comma = text.rfind(','); comma != std::string_view::npos) {
    std::string_view tail = text.substr(comma + 1);
    while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
    auto iso = geo::ResolveCountry(tail);
    if (iso.ok()) {
      country = *iso;
      name = text.substr(0, comma);
    }
  }
  std::vector<size_t> found = gaz.FindByName(name, country);
  if (found.empty()) {
    return Status::NotFound(
        "no place '" + std::string(text) +
            "' in the gazetteer or the network; check the spelling, or add the country: "
            "\"Name, CC\"",
        "tidak ada tempat '" + std::string(text) +
            "' di gazetir maupun jaringan; periksa ejaannya, atau tambahkan negaranya: "
            "\"Nama, KK\"");
  }
  std::sort(found.begin(), found.end(),
            [&](size_t a, size_t b) { return gaz.at(a).population > gaz.at(b).population; });
  const geo::Place& first = gaz.at(found.front());
  // Another country's namesake of comparable size makes the name ambiguous.
  for (size_t k = 1; k < found.size(); ++k) {
    const geo::Place& other = gaz.at(found[k]);
    if (other.country == first.country) continue;
    if (static_cast<uint64_t>(other.population) * 10 <= first.population) break;
    std::string list;
    size_t shown = 0;
    for (size_t i : found) {
      if (shown++ == 8) break;
      const geo::Place& p = gaz.at(i);
      list += (list.empty() ? "" : "; ") + std::string(p.name) + ", " + std::string(p.country) +
              " (" + std::to_string(p.population) + " people)";
    }
    const std::string example = std::string(first.name) + ", " + std::string(first.country);
    return Status::InvalidInput(
        "'" + std::string(text) + "' names places in several countries: " + list +
            "; add the country, e.g. \"" + example + "\"",
        "'" + std::string(text) + "' menamai tempat di beberapa negara: " + list +
            "; tambahkan negaranya, misalnya \"" + example + "\"");
  }
  return FromPlace(gaz, found.front());
}

}  // namespace kembar::engine
