// Black-box tests of `kembar network`: the Wikipedia pairs plus the stored
// partnerships, stats JSON, ego networks by region id, exports and charts.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;

using Output = testing::CliOutput;
using testing::RunKembar;

class NetworkCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    ASSERT_EQ(RunKembar(dir_, "import '" + testing::SourcePath("data/indonesia.dossier.json") + "' -q").exit_code, 0);
  }
  std::string dir_;
};

TEST_F(NetworkCliTest, StatsCoverTheWikipediaPairsAndTheStoredPartnerships) {
  Output o = RunKembar(dir_, "network stats --json --sources 50");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json s = json::parse(o.out);
  for (const char* key : {"nodes", "edges", "components", "largest_component", "top_hubs"}) {
    EXPECT_TRUE(s.contains(key)) << key;
  }
  // 24,777 Wikipedia ties, plus the stored ties Wikipedia lacks (Surabaya–Kitakyushu,
  // Semarang's Jung-gu, Kitakyushu, Netherlands, Ulsan and Split ties).
  EXPECT_EQ(s["edges"], 24777 + 6);
  EXPECT_GT(s["largest_component"].get<int>(), 13000);
  // Time: the 12 stored MoUs with a year, Bandung–Braunschweig (1960) the oldest.
  EXPECT_EQ(s["time"]["ties_with_year"], 12);
  EXPECT_EQ(s["time"]["ties_by_decade"][0], json({{"decade", 1960}, {"ties", 1}}));
}

TEST_F(NetworkCliTest, EgoByRegionIdAndByName) {
  Output o = RunKembar(dir_, "network ego id-surabaya --depth 1 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string text = o.out;
  for (const char* partner : {"Liverpool", "Seattle", "Busan", "Kitakyushu", "Varna", "Guangzhou"}) {
    EXPECT_NE(text.find(partner), std::string::npos) << partner;
  }
  EXPECT_EQ(RunKembar(dir_, "network ego 'Semarang, ID' --depth 2").exit_code, 0);
  EXPECT_EQ(RunKembar(dir_, "network ego 'No Such Town'").exit_code, 3);
}

TEST_F(NetworkCliTest, ExportsAndCharts) {
  ASSERT_EQ(RunKembar(dir_, "network export --format graphml -o world.graphml").exit_code, 0);
  EXPECT_EQ(std::system(("xmllint --noout --schema '" + testing::SourcePath("test/network/graphml-1.0.xsd") +
                         "' '" + dir_ + "/world.graphml' 2>/dev/null").c_str()),
            0);
  ASSERT_EQ(RunKembar(dir_, "network export --format geojson --country ID -o id.geojson").exit_code, 0);
  const json geo = json::parse(testing::ReadFileOrDie(dir_ + "/id.geojson"));
  EXPECT_EQ(geo["type"], "FeatureCollection");
  EXPECT_FALSE(geo["features"].empty());
  ASSERT_EQ(RunKembar(dir_, "network export --format csv -o world.csv").exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/world-nodes.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/world-edges.csv"));
  ASSERT_EQ(RunKembar(dir_, "network stats --country ID --plot deg.svg").exit_code, 0);
  const std::string svg = testing::ReadFileOrDie(dir_ + "/deg.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/deg-distance.svg"));
  EXPECT_EQ(RunKembar(dir_, "network stats --country Atlantis").exit_code, 3);
}

}  // namespace
}  // namespace kembar
