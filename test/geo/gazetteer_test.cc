// The compiled-in gazetteer (tools/gazetteer): real places with time zones, ports and
// Indonesian levels; loading time.
#include "kembar/geo/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>

namespace kembar::geo {
namespace {

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (Gazetteer::Bundled().empty()) GTEST_SKIP() << "the build could not fetch the npm packages";
  }
  const GazPlace& First(std::string_view name, std::string_view country) {
    auto found = Gazetteer::Bundled().Find(name, country);
    EXPECT_FALSE(found.empty()) << name;
    static GazPlace none;
    return found.empty() ? none : Gazetteer::Bundled().at(found.front());
  }
};

TEST_F(GazetteerTest, HoldsTheGeoNamesPlaces) {
  EXPECT_GT(Gazetteer::Bundled().size(), 130000u);
}

struct PlaceCase {
  const char* name;
  const char* country;
  const char* timezone;
  bool port;
};

TEST_F(GazetteerTest, KnownPlaces) {
  for (const PlaceCase& c : {PlaceCase{"Surabaya", "ID", "Asia/Jakarta", true},
                             PlaceCase{"Denpasar", "ID", "Asia/Makassar", false},
                             PlaceCase{"Jayapura", "ID", "Asia/Jayapura", true},
                             PlaceCase{"Liverpool", "GB", "Europe/London", true},
                             PlaceCase{"Kitakyushu", "JP", "Asia/Tokyo", true}}) {
    const GazPlace& p = First(c.name, c.country);
    EXPECT_EQ(p.timezone, c.timezone) << c.name;
    EXPECT_EQ(p.port, c.port) << c.name;
  }
  const GazPlace& sby = First("Surabaya", "ID");
  EXPECT_GT(sby.population, 2000000u);
  EXPECT_EQ(sby.idn_level, "city");
  EXPECT_EQ(sby.idn_province, "35") << "Jawa Timur";
  EXPECT_EQ(First("Bandung", "ID").idn_province, "32") << "Jawa Barat";
  EXPECT_TRUE(First("Jakarta", "ID").capital);
  // Either spelling finds Kōchi.
  EXPECT_EQ(First("Kochi", "JP").geonames_id, First("Kōchi", "JP").geonames_id);
  EXPECT_EQ(FoldPlaceName("Bà Rịa–Vũng Tàu"), "ba ria vung tau");
}

TEST_F(GazetteerTest, NearestPlace) {
  const long i = Gazetteer::Bundled().Nearest(-7.25, 112.75, "ID");
  ASSERT_GE(i, 0);
  EXPECT_EQ(Gazetteer::Bundled().at(static_cast<size_t>(i)).name, "Surabaya");
}

TEST(GazetteerParseTest, LoadsFastAndRefusesBadLines) {
  const auto t = std::chrono::steady_clock::now();
  auto g = Gazetteer::Parse(Gazetteer::BundledTable());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
  ASSERT_TRUE(g.ok());
  std::printf("gazetteer load: %.1f ms for %zu places\n", ms, g->size());
  EXPECT_LT(ms, 1000.0) << "goal 300 ms; generous for a loaded CI machine";
  auto bad = Gazetteer::Parse("header\n1\tX\tx\tID\tPPL\t01\tmany\t0\t0\tAsia/Jakarta\t\t\t\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace kembar::geo
