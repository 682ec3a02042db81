#include "kembar/geo/gazetteer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>

extern "C" {
extern const char kembar_gazetteer_begin[];
extern const char kembar_gazetteer_end[];
}

namespace kembar::geo {

namespace {

template <typename T>
bool Number(std::string_view s, T* out) {
  if (s.empty()) {
    *out = 0;
    return true;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string FoldPlaceName(std::string_view name) {
  std::string ascii;
  const bool plain = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (plain) {
    ascii.assign(name);
  } else {
    // NFKD, then drop the combining marks: "Kōchi" -> "Kochi", "Bà Rịa" -> "Ba Ria".
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    icu::UnicodeString d = U_SUCCESS(status) ? nfkd->normalize(u, status) : u;
    icu::UnicodeString kept;
    for (int32_t i = 0; i < d.length();) {
      const UChar32 c = d.char32At(i);
      if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
      i += U16_LENGTH(c);
    }
    kept.toUTF8String(ascii);
  }
  std::string out;
  bool space = false;
  for (char ch : ascii) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) && c < 0x80) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      space = true;
    }
  }
  return out;
}

std::string_view GazetteerAttribution() {
  return "Place data from GeoNames (geonames.org), CC BY 4.0; time-zone boundaries © "
         "OpenStreetMap contributors (ODbL), timezone-boundary-builder.";
}

Result<Gazetteer> Gazetteer::Parse(std::string_view tsv) {
  Gazetteer g;
  size_t line_no = 0;
  std::string_view fields[13];
  while (!tsv.empty()) {
    const size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    if (++line_no == 1 || line.empty()) continue;  // header
    size_t n = 0;
    while (n < 13) {
      const size_t tab = line.find('\t');
      fields[n++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (n != 13) {
      return Status::InvalidInput("gazetteer line " + std::to_string(line_no) + ": expected 13 fields");
    }
    GazPlace p;
    if (!Number(fields[0], &p.geonames_id) || !Number(fields[6], &p.population) ||
        !Number(fields[7], &p.lat) || !Number(fields[8], &p.lon)) {
      return Status::InvalidInput("gazetteer line " + std::to_string(line_no) + ": a number is malformed");
    }
    p.name = fields[1];
    p.key = fields[2];
    p.country = fields[3];
    p.feature = fields[4];
    p.admin1 = fields[5];
    p.timezone = fields[9];
    p.port = fields[10].find('p') != std::string_view::npos;
    p.capital = fields[10].find('c') != std::string_view::npos;
    p.admin_seat = fields[10].find('s') != std::string_view::npos;
    p.idn_level = fields[11];
    p.idn_province = fields[12];
    g.places_.push_back(p);
  }
  g.by_key_.resize(g.places_.size());
  for (uint32_t i = 0; i < g.by_key_.size(); ++i) g.by_key_[i] = i;
  std::sort(g.by_key_.begin(), g.by_key_.end(), [&](uint32_t a, uint32_t b) {
    const GazPlace &x = g.places_[a], &y = g.places_[b];
    return x.key != y.key ? x.key < y.key : x.population > y.population;
  });
  return g;
}

std::string_view Gazetteer::BundledTable() {
  return std::string_view(kembar_gazetteer_begin,
                          static_cast<size_t>(kembar_gazetteer_end - kembar_gazetteer_begin));
}

const Gazetteer& Gazetteer::Bundled() {
  static const Gazetteer bundled = [] {
    auto g = Parse(BundledTable());
    return g.ok() ? std::move(g).value() : Gazetteer();
  }();
  return bundled;
}

std::vector<size_t> Gazetteer::Find(std::string_view name, std::string_view country) const {
  const std::string key = FoldPlaceName(name);
  auto lo = std::lower_bound(by_key_.begin(), by_key_.end(), key,
                             [&](uint32_t i, const std::string& k) { return places_[i].key < k; });
  std::vector<size_t> out;
  for (auto it = lo; it != by_key_.end() && places_[*it].key == key; ++it) {
    if (country.empty() || places_[*it].country == country) out.push_back(*it);
  }
  return out;
}

long Gazetteer::Nearest(double lat, double lon, std::string_view country) const {
  long best = -1;
  double best_d = 1e18;
  const double r = 3.14159265358979323846 / 180;
  for (size_t i = 0; i < places_.size(); ++i) {
    const GazPlace& p = places_[i];
    if (!country.empty() && p.country != country) continue;
    const double dlat = (p.lat - lat) * r, dlon = (p.lon - lon) * r;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(lat * r) * std::cos(p.lat * r) * std::sin(dlon / 2) * std::sin(dlon / 2);
    if (a < best_d) {
      best_d = a;
      best = static_cast<long>(i);
    }
  }
  return best;
}

}  // namespace kembar::geo
