// Reference data: geodesic distances against GeographicLib's published values, UTC
// offsets with daylight saving, diplomatic relations from the Wikidata missions.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "kembar/geo/countries.h"
#include "kembar/geo/geodesy.h"
#include "kembar/geo/relations.h"
#include "kembar/geo/time_zones.h"
#include "kembar/io/csv.h"
#include "testing/fixtures.h"

namespace kembar::geo {
namespace {

TEST(GeodesyTest, MatchesGeographicLibReferenceValues) {
  // GeodSolve -i example of the GeographicLib documentation: JFK to LHR.
  EXPECT_NEAR(GeodesicDistanceMetres(40.6, -73.8, 51.6, -0.5), 5551759.400319, 1.0);
  // A quarter meridian of WGS84 (pole to equator): 10,001,965.729 m.
  EXPECT_NEAR(GeodesicDistanceMetres(0, 0, 90, 0), 10001965.729, 1.0);
  EXPECT_EQ(GeodesicDistanceMetres(-7.2575, 112.7521, -7.2575, 112.7521), 0.0);
}

TEST(TimeZonesTest, OffsetsFollowDaylightSaving) {
  TimeZones tz;
  const Day january = ParseDay("2022-01-15").value(), july = ParseDay("2022-07-15").value();
  EXPECT_EQ(tz.OffsetMinutes("Asia/Jakarta", january).value(), 420);
  EXPECT_EQ(tz.OffsetMinutes("Asia/Makassar", july).value(), 480);
  EXPECT_EQ(tz.OffsetMinutes("Asia/Jayapura", july).value(), 540);
  EXPECT_EQ(tz.OffsetMinutes("Europe/London", january).value(), 0);
  EXPECT_EQ(tz.OffsetMinutes("Europe/London", july).value(), 60);
  EXPECT_EQ(tz.OffsetMinutes("America/Los_Angeles", july).value(), -420);
  // Zones newer than ICU 72 (the gazetteer has them) still answer.
  EXPECT_EQ(tz.OffsetMinutes("America/Ciudad_Juarez", january).value(), -420);
  EXPECT_EQ(tz.OffsetMinutes("America/Coyhaique", january).value(), -180);
  auto bad = tz.OffsetMinutes("Mars/Olympus_Mons", july);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("Mars/Olympus_Mons"), std::string::npos);
}

struct RelationCase {
  const char* a;
  const char* b;
  RelationStatus status;
};

class RelationsTest : public ::testing::TestWithParam<RelationCase> {};

TEST_P(RelationsTest, StatusBetweenCountries) {
  const RelationCase& c = GetParam();
  EXPECT_EQ(ToString(Relations::Bundled().Between(c.a, c.b).status), ToString(c.status))
      << c.a << "-" << c.b;
  EXPECT_EQ(ToString(Relations::Bundled().Between(c.b, c.a).status), ToString(c.status))
      << "symmetric";
  EXPECT_EQ(ToString(Relations::Bundled().StatusBetween(c.a, c.b)), ToString(c.status))
      << "the fast path agrees";
}

INSTANTIATE_TEST_SUITE_P(Pairs, RelationsTest,
                         ::testing::Values(RelationCase{"ID", "JP", RelationStatus::kOfficial},
                                           RelationCase{"ID", "GB", RelationStatus::kOfficial},
                                           RelationCase{"ID", "CN", RelationStatus::kOfficial},
                                           RelationCase{"ID", "TW", RelationStatus::kDeFacto},
                                           RelationCase{"ID", "IL", RelationStatus::kNone},
                                           RelationCase{"JP", "TW", RelationStatus::kDeFacto},
                                           RelationCase{"US", "KP", RelationStatus::kNone},
                                           RelationCase{"ID", "ID", RelationStatus::kOfficial},
                                           // Territories follow their sovereign state unless the
                                           // pair itself has missions or an override.
                                           RelationCase{"ID", "HK", RelationStatus::kOfficial},
                                           RelationCase{"ID", "MO", RelationStatus::kOfficial},
                                           RelationCase{"ID", "NC", RelationStatus::kOfficial},
                                           RelationCase{"ID", "PR", RelationStatus::kOfficial},
                                           RelationCase{"IL", "ID", RelationStatus::kNone}));

TEST(RelationsTest, ListsTheMissionsItRestsOn) {
  const Relation tw = Relations::Bundled().Between("ID", "TW");
  ASSERT_FALSE(tw.missions.empty());
  for (const Mission* m : tw.missions) EXPECT_EQ(m->type, "de_facto") << m->city;
  EXPECT_FALSE(tw.override_source.empty());
  const Relation jp = Relations::Bundled().Between("ID", "JP");
  bool embassy_in_tokyo = false;
  for (const Mission* m : jp.missions) {
    embassy_in_tokyo |= m->operator_iso == "ID" && m->host_iso == "JP" && m->type == "embassy";
  }
  EXPECT_TRUE(embassy_in_tokyo);
  EXPECT_GT(Relations::Bundled().mission_count(), 9000u);
}

TEST(RelationsTest, BadTablesAreRefusedWithTheLine) {
  auto r = Relations::Parse("operator_iso,host_iso,city,type,qid\nID,JP,Tokyo,embassy,Q1\nid,x\n",
                            "a,b,status,source\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 3"), std::string::npos) << r.status().message();
  auto o = Relations::Parse("h\n", "a,b,status,source\nID,IL,maybe,src\n");
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("maybe"), std::string::npos);
}

TEST(CountriesTest, NamesAndAliasesResolve) {
  EXPECT_EQ(ResolveCountry("ID").value(), "ID");
  EXPECT_EQ(ResolveCountry("jp").value(), "JP");
  EXPECT_EQ(ResolveCountry("England").value(), "GB");
  EXPECT_EQ(ResolveCountry("Jepang").value(), "JP");
  EXPECT_EQ(ResolveCountry("Taiwan").value(), "TW");
  EXPECT_FALSE(ResolveCountry("Atlantis").ok());
  EXPECT_EQ(CountryName("GB", true), "Britania Raya");
  EXPECT_EQ(CountryName("CN", true), "Tiongkok");
  EXPECT_EQ(CountryName("DE", false), "Germany");
}

TEST(CountriesTest, EveryCountryStringOfTheTwinListNormalises) {
  // Every country as the Wikipedia list writes it resolves to an ISO code, except the
  // entities the alias table marks as not a state (Northern Cyprus) and empty fields.
  const std::string text =
      testing::ReadFileOrDie(testing::SourcePath("data/twin_cities_wikipedia.csv"));
  const std::set<std::string> not_states = {
      "Northern Cyprus", "Turkish Republic of Northern Cyprus",
      "Abkhazia",        "South Ossetia",
      "Transnistria",    "Somaliland"};
  std::set<std::string> seen, unresolved;
  std::vector<std::string> f;
  io::csv::ForEachLine(text, [&](size_t, std::string_view line) {
    EXPECT_TRUE(io::csv::SplitRecord(line, &f));
    for (size_t col : {1u, 5u}) {
      if (col >= f.size() || f[col].empty() || !seen.insert(f[col]).second) continue;
      if (!ResolveCountry(f[col]).ok() && !not_states.count(f[col])) unresolved.insert(f[col]);
    }
    return true;
  });
  EXPECT_GT(seen.size(), 200u);
  EXPECT_TRUE(unresolved.empty()) << *unresolved.begin();
  EXPECT_EQ(ResolveCountry("England, United Kingdom").value(), "GB");
  EXPECT_EQ(ResolveCountry("Scotland").value(), "GB");
  EXPECT_EQ(ResolveCountry("Wales").value(), "GB");
}

}  // namespace
}  // namespace kembar::geo
