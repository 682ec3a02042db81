// Black-box tests of `kembar network`: the Wikipedia pairs plus the stored
// partnerships, stats JSON, ego networks by region id, exports and charts.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;

struct Output {
  int exit_code;
  std::string out;
  std::string err;
};

Output RunCli(const std::string& dir, const std::string& args) {
  const std::string err_file = dir + "/stderr.txt";
  const std::string cmd = "cd '" + dir + "' && KEMBAR_DB= '" + testing::KembarBinary() + "' " + args +
                          " 2>'" + err_file + "'";
  Output o;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  const int status = pclose(p);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.err = testing::ReadFileOrDie(err_file);
  return o;
}

class NetworkCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    ASSERT_EQ(RunCli(dir_, "import '" + testing::SourcePath("data/indonesia.dossier.json") + "' -q").exit_code, 0);
  }
  std::string dir_;
};

TEST_F(NetworkCliTest, StatsCoverTheWikipediaPairsAndTheStoredPartnerships) {
  Output o = RunCli(dir_, "network stats --json --sources 50");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json s = json::parse(o.out);
  for (const char* key : {"nodes", "edges", "components", "largest_component", "top_hubs"}) {
    EXPECT_TRUE(s.contains(key)) << key;
  }
  // 24,777 Wikipedia ties, plus the stored ties Wikipedia lacks (Surabaya–Kitakyushu,
  // Semarang's Jung-gu, Kitakyushu, Netherlands, Ulsan and Split ties).
  EXPECT_EQ(s["edges"], 24777 + 6);
  EXPECT_GT(s["largest_component"].get<int>(), 13000);
}

TEST_F(NetworkCliTest, EgoByRegionIdAndByName) {
  Output o = RunCli(dir_, "network ego id-surabaya --depth 1 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string text = o.out;
  for (const char* partner : {"Liverpool", "Seattle", "Busan", "Kitakyushu", "Varna", "Guangzhou"}) {
    EXPECT_NE(text.find(partner), std::string::npos) << partner;
  }
  EXPECT_EQ(RunCli(dir_, "network ego 'Semarang, ID' --depth 2").exit_code, 0);
  EXPECT_EQ(RunCli(dir_, "network ego 'No Such Town'").exit_code, 3);
}

TEST_F(NetworkCliTest, ExportsAndCharts) {
  ASSERT_EQ(RunCli(dir_, "network export --format graphml -o world.graphml").exit_code, 0);
  EXPECT_EQ(std::system(("xmllint --noout --schema '" + testing::SourcePath("test/network/graphml-1.0.xsd") +
                         "' '" + dir_ + "/world.graphml' 2>/dev/null").c_str()),
            0);
  ASSERT_EQ(RunCli(dir_, "network export --format geojson --country ID -o id.geojson").exit_code, 0);
  const json geo = json::parse(testing::ReadFileOrDie(dir_ + "/id.geojson"));
  EXPECT_EQ(geo["type"], "FeatureCollection");
  EXPECT_FALSE(geo["features"].empty());
  ASSERT_EQ(RunCli(dir_, "network export --format csv -o world.csv").exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/world-nodes.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/world-edges.csv"));
  ASSERT_EQ(RunCli(dir_, "network stats --country ID --plot deg.svg").exit_code, 0);
  const std::string svg = testing::ReadFileOrDie(dir_ + "/deg.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/deg-distance.svg"));
  EXPECT_EQ(RunCli(dir_, "network stats --country Atlantis").exit_code, 3);
}

}  // namespace
}  // namespace kembar
