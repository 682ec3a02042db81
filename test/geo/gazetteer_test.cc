// The compiled-in gazetteer (tools/gazetteer) on real data: places with time zones,
// ports and Indonesian levels, lookups by any spelling, the nearest place, the country
// table, the loading time; and the parser on small hand-made tables.
#include "kembar/geo/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "testing/fixtures.h"

namespace kembar::geo {
namespace {

const Gazetteer& Bundled() { return Gazetteer::Bundled(); }

// The most populous place of that name in that country; fails the test when none.
const Place* First(std::string_view name, std::string_view country) {
  const std::vector<size_t> found = Bundled().FindByName(name, country);
  EXPECT_FALSE(found.empty()) << name << " (" << country << ") not found";
  return found.empty() ? nullptr : &Bundled().at(found.front());
}

TEST(GazetteerTest, HoldsTheGeoNamesPlacesWithTimeZones) {
  const Gazetteer& g = Bundled();
  EXPECT_GT(g.size(), 100000u);
  size_t with_zone = 0, ports = 0, capitals = 0, idn_levels = 0;
  for (const Place& p : g.places()) {
    with_zone += !p.timezone.empty();
    ports += p.port;
    capitals += p.capital;
    idn_levels += !p.idn_level.empty();
  }
  EXPECT_EQ(with_zone, g.size()) << "every place has a time zone";
  EXPECT_GT(ports, 1000u);
  EXPECT_GT(capitals, 200u);
  EXPECT_GT(idn_levels, 150u);
}

struct PlaceCase {
  const char* name;
  const char* country;
  const char* timezone;
  std::optional<bool> port = std::nullopt;
  uint32_t min_population = 0;
  bool capital = false;
  const char* idn_level = nullptr;     // checked when set
  const char* idn_province = nullptr;  // checked when set
};

TEST(GazetteerTest, KnownPlaces) {
  const PlaceCase cases[] = {
      {"Surabaya", "ID", "Asia/Jakarta", true, 2000000, false, "city", "Jawa Timur"},
      {"Denpasar", "ID", "Asia/Makassar", std::nullopt, 500000, false, "city", "Bali"},
      {"Jayapura", "ID", "Asia/Jayapura", true, 100000, false, "city", "Papua"},
      {"Jakarta", "ID", "Asia/Jakarta", true, 8000000, true, "province",
       "Daerah Khusus Ibukota Jakarta"},
      {"Bandung", "ID", "Asia/Jakarta", std::nullopt, 1000000, false, "city", "Jawa Barat"},
      {"Makassar", "ID", "Asia/Makassar", true, 1000000, false, "city", "Sulawesi Selatan"},
      {"Liverpool", "GB", "Europe/London", true, 400000},
      {"Kochi", "JP", "Asia/Tokyo", true, 300000},
      {"Kōchi", "JP", "Asia/Tokyo", true, 300000},
      {"Tokyo", "JP", "Asia/Tokyo", std::nullopt, 8000000, true},
      {"Rotterdam", "NL", "Europe/Amsterdam", true, 500000},
      // A place is a port only on the coast or with a navigable port within it: the
      // inland dry ports of landlocked countries are not (issue 14).
      {"Bamako", "ML", "Africa/Bamako", false, 1000000, true},
      {"Lusaka", "ZM", "Africa/Lusaka", false, 1000000, true},
      {"Harare", "ZW", "Africa/Harare", false, 1000000, true},
      {"Kigali", "RW", "Africa/Kigali", false, 500000, true},
      {"Budapest", "HU", "Europe/Budapest", true, 1000000, true},  // on the Danube
      {"Asuncion", "PY", "America/Asuncion", true, 500000, true},  // the Paraguay River
  };
  for (const PlaceCase& c : cases) {
    SCOPED_TRACE(c.name);
    const Place* p = First(c.name, c.country);
    if (!p) continue;
    EXPECT_EQ(p->country, c.country);
    EXPECT_EQ(p->timezone, c.timezone);
    if (c.port) {
      EXPECT_EQ(p->port, *c.port);
    }
    EXPECT_GE(p->population, c.min_population);
    EXPECT_EQ(p->capital, c.capital);
    if (c.idn_level) {
      EXPECT_EQ(p->idn_level, c.idn_level);
    }
    if (c.idn_province) {
      EXPECT_EQ(p->idn_province, c.idn_province);
    }
  }
}

TEST(GazetteerTest, FindsAnySpelling) {
  struct Spelling {
    const char* a;
    const char* b;
    const char* country;
  };
  for (const Spelling& s :
       {Spelling{"Kochi", "Kōchi", "JP"}, Spelling{"KOCHI", "kōchi", "JP"},
        Spelling{"Surabaya", "  surabaya ", "ID"}, Spelling{"Łódź", "Lodz", "PL"},
        Spelling{"Tromsø", "Tromso", "NO"}, Spelling{"São Paulo", "Sao-Paulo", "BR"},
        Spelling{"N’Djamena", "NDjamena", "TD"}, Spelling{"Tebingtinggi", "Tebing Tinggi", "ID"},
        Spelling{"Jambi City", "Jambi", "ID"},
        Spelling{"South Tangerang", "Tangerang Selatan", "ID"}}) {
    SCOPED_TRACE(s.a);
    const Place* a = First(s.a, s.country);
    const Place* b = First(s.b, s.country);
    if (a && b) {
      EXPECT_EQ(a->geonames_id, b->geonames_id) << s.b;
    }
  }
  EXPECT_TRUE(Bundled().FindByName("Surabaya", "JP").empty());
  EXPECT_TRUE(Bundled().FindByName("No Such Place Anywhere").empty());
  EXPECT_TRUE(Bundled().FindByName("  ").empty());
  // Without a country, every namesake, most populous first.
  const std::vector<size_t> all = Bundled().FindByName("Kochi");
  ASSERT_GE(all.size(), 1u);
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_GE(Bundled().at(all[i - 1]).population, Bundled().at(all[i]).population);
  }
}

TEST(GazetteerTest, FoldsLikeTheBuild) {
  struct FoldCase {
    const char* in;
    const char* out;
  };
  for (const FoldCase& c : {FoldCase{"Bà Rịa–Vũng Tàu", "ba ria vung tau"},
                            FoldCase{"Sant Julià de Lòria", "sant julia de loria"},
                            FoldCase{"Straße", "strasse"}, FoldCase{"Ma'anshan", "maanshan"},
                            FoldCase{"Москва", "moskva"}, FoldCase{"  St. -- Louis ", "st louis"},
                            FoldCase{"Ko\xCC\x84"
                                     "chi",
                                     "kochi"},  // o + combining macron
                            FoldCase{"bad \xFF byte", "bad byte"}, FoldCase{"", ""}}) {
    EXPECT_EQ(FoldPlaceName(c.in), c.out) << c.in;
  }
  // Every stored key is the fold of its name.
  size_t mismatches = 0;
  for (const Place& p : Bundled().places()) mismatches += Bundled().Fold(p.name) != p.key;
  EXPECT_EQ(mismatches, 0u);
}

TEST(GazetteerTest, NearestPlace) {
  const Place* p = Bundled().Nearest(-7.25, 112.75, "ID");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Surabaya");
  const Place* liverpool = Bundled().Nearest(53.41, -2.98);
  ASSERT_NE(liverpool, nullptr);
  EXPECT_EQ(liverpool->country, "GB");
  EXPECT_EQ(Bundled().Nearest(0, 0, "XX"), nullptr);
  EXPECT_EQ(Gazetteer().Nearest(0, 0), nullptr);
}

TEST(GazetteerTest, CountryTable) {
  struct CountryCase {
    const char* iso;
    const char* en;
    const char* id;
  };
  for (const CountryCase& c :
       {CountryCase{"ID", "Indonesia", "Indonesia"}, CountryCase{"JP", "Japan", "Jepang"},
        CountryCase{"NL", "Netherlands", "Belanda"}}) {
    const GazCountry* country = Bundled().Country(c.iso);
    ASSERT_NE(country, nullptr) << c.iso;
    EXPECT_EQ(country->name_en, c.en);
    EXPECT_EQ(country->name_id, c.id);
  }
  EXPECT_EQ(Bundled().Country("XX"), nullptr);
  EXPECT_GE(Bundled().countries().size(), 249u);
}

TEST(GazetteerTest, Attribution) {
  const std::string_view a = GazetteerAttribution();
  EXPECT_NE(a.find("GeoNames"), std::string_view::npos);
  EXPECT_NE(a.find("CC BY 4.0"), std::string_view::npos);
  EXPECT_NE(a.find("OpenStreetMap"), std::string_view::npos);
}

TEST(GazetteerTest, LoadsFast) {
  const auto t = std::chrono::steady_clock::now();
  auto g = Gazetteer::Parse(Gazetteer::BundledTable());
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  std::printf("gazetteer load: %.1f ms for %zu places (%zu bytes)\n", ms, g->size(),
              Gazetteer::BundledTable().size());
  // The time is a Release figure; a sanitizer build is many times slower.
  if (!testing::kSanitized) {
    EXPECT_LT(ms, 1000.0) << "goal 300 ms; the bound is generous for a loaded machine";
  }
  EXPECT_LT(Gazetteer::BundledTable().size(), 10u << 20) << "the table should stay under 10 MB";
}

// A hand-made table in the format build.mjs writes.
constexpr std::string_view kSmall =
    "kembar-gazetteer\t1\n"
    "@zones\t2\nAsia/Jakarta\nEurope/London\n"
    "@countries\t2\nGB\tUnited Kingdom\tBritania Raya\nID\tIndonesia\tIndonesia\n"
    "@provinces\t1\n35\tJawa Timur\n"
    "@fold\t1\nf8\to\n"
    "@places\t3\n"
    "2\tLiverpool\t\tGB\tPPLA2\tENG\t864122\t53.41058\t-2.97794\t1\tp\n"
    "1\tSurabaya\t\tID\tPPLA\t08\t2374658\t-7.24917\t112.75083\t0\tps\tcity\t35\tKota "
    "Surabaya\tkota surabaya\n"
    "3\tTromsø\ttromso\tNO\tPPLA\t54\t52436\t69.6489\t18.95508\t\ts\n";

TEST(GazetteerParseTest, ReadsTheFormat) {
  auto parsed = Gazetteer::Parse(kSmall);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const Gazetteer copy = *parsed;  // copies share the lowered keys
  parsed = Gazetteer();
  ASSERT_EQ(copy.size(), 3u);
  const std::vector<size_t> sby = copy.FindByName("SURABAYA");
  ASSERT_EQ(sby.size(), 1u);
  const Place& p = copy.at(sby[0]);
  EXPECT_EQ(p.key, "surabaya");
  EXPECT_EQ(p.timezone, "Asia/Jakarta");
  EXPECT_TRUE(p.port && p.admin_seat && !p.capital);
  EXPECT_EQ(p.idn_province, "Jawa Timur");
  EXPECT_EQ(p.idn_province_code, "35");
  EXPECT_EQ(copy.FindByName("Kota Surabaya", "ID"), sby) << "the alternative name";
  EXPECT_EQ(copy.FindByName("tromsø").size(), 1u);
  EXPECT_EQ(copy.Fold("Tromsø"), "tromso");
  EXPECT_EQ(copy.at(copy.FindByName("Tromso")[0]).timezone, "") << "no zone given";
  EXPECT_EQ(copy.Nearest(53, -3)->name, "Liverpool");
  EXPECT_EQ(copy.Country("ID")->name_en, "Indonesia");
}

TEST(GazetteerParseTest, RefusesBadTablesNamingTheLine) {
  struct BadCase {
    std::string text;
    const char* expected;
  };
  const std::string head(kSmall.substr(0, kSmall.find("@places")));
  const BadCase cases[] = {
      {"header\n", "line 1"},
      {head + "@places\t1\n1\tX\t\tID\tPPL\t01\tmany\t0\t0\t0\t\n", "line 13: a number"},
      {head + "@places\t1\n1\tX\t\tID\tPPL\t01\t5\t95\t0\t0\t\n", "line 13: coordinates"},
      {head + "@places\t1\n1\tX\t\tID\tPPL\t01\t5\t0\t0\t7\t\n", "line 13: time zone index"},
      {head + "@places\t1\n1\tX\t\tID\tPPL\t01\t5\t0\t0\t0\tq\n", "line 13: unknown flag"},
      {head + "@places\t1\n1\tX\t\tID\tPPL\t01\t5\t0\t0\t0\t\tvillage\n",
       "line 13: Indonesian level"},
      {head + "@places\t1\n1\tX\t\tID\tPPL\t01\t5\t0\t0\t0\t\tcity\t99\n",
       "line 13: unknown province"},
      {head + "@places\t1\n1\tX\t\tID\tPPL\n", "line 13: expected 11 to 15 fields"},
      {head + "@places\t2\n1\tX\t\tID\tPPL\t01\t5\t0\t0\t0\t\n", "ends before its last place"},
      {head + "@places\t0\nextra\n", "line 13: unexpected text"},
      {"kembar-gazetteer\t1\n@zones\t1\nAsia/Jakarta\n@countries\t0\n@provinces\t0\n@fold\t0\n",
       "@places"},
      // Found by the csv fuzzer: a count that would reserve terabytes.
      {"kembar-gazetteer\t1\n@zones\t5999999999999\nAsia/Jakarta\n",
       "line 2: the section @zones counts 5999999999999 entries but only 13 bytes"},
  };
  for (const BadCase& c : cases) {
    auto g = Gazetteer::Parse(c.text);
    ASSERT_FALSE(g.ok()) << c.text;
    EXPECT_EQ(g.status().code(), StatusCode::kInvalidInput);
    EXPECT_NE(g.status().message().find(c.expected), std::string::npos) << g.status().message();
  }
}

}  // namespace
}  // namespace kembar::geo
