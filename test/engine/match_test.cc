// How a network place meets the gazetteer: by its name, a variant of it, or a place of
// similar name nearby (engine::MatchNode), on real names of the Wikipedia list.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/network.h"
#include "engine/subject.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/kembar.h"
#include "kembar/network/graph.h"

namespace kembar::engine {
namespace {

network::NetNode Node(std::string name, std::string country, std::optional<double> lat = {},
                      std::optional<double> lon = {}) {
  network::NetNode n;
  n.name = std::move(name);
  n.country = std::move(country);
  n.lat = lat;
  n.lon = lon;
  return n;
}

TEST(NameVariantsTest, DropsWhatTheGazetteerDoesNotWrite) {
  struct Case {
    const char* name;
    std::vector<std::string> variants;
  };
  const Case cases[] = {
      {"Iloilo City", {"Iloilo"}},
      {"City of Makati", {"Makati"}},
      {"Suzhou, Anhui", {"Suzhou"}},
      {"Mansfield, Ohio", {"Mansfield"}},
      {"Fengtai (Beijing)", {"Fengtai"}},
      {"Le Mont-Dore", {"Mont-Dore"}},
      {"L'Aquila", {"Aquila"}},
      {"Zanzibar City (Zanzibar)", {"Zanzibar City", "Zanzibar"}},
      // A descriptor in brackets is another government than the town.
      {"Kętrzyn (rural gmina)", {}},
      {"Göttingen (district)", {}},
      {"Surabaya", {}},
      {"City", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NameVariants(c.name), c.variants) << c.name;
  }
}

class MatchNodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geo::Gazetteer::Bundled().empty()) GTEST_SKIP() << "no gazetteer in this build";
  }
  // The gazetteer's name and population of the place a node meets ("" when none).
  static std::string Met(const network::NetNode& n,
                         const std::unordered_set<long>* taken = nullptr) {
    const long k = MatchNode(n, taken);
    if (k < 0) return "";
    const geo::Place& p = geo::Gazetteer::Bundled().at(static_cast<size_t>(k));
    return std::string(p.name) + " " + std::to_string(p.population);
  }
};

TEST_F(MatchNodeTest, AVariantOrASimilarNameNearbyFindsThePlace) {
  struct Case {
    network::NetNode node;
    const char* place;  // name and population, as the gazetteer has them
  };
  // Coordinates as the Wikipedia list gives them.
  const Case cases[] = {
      {Node("Iloilo City", "PH", 10.72, 122.57), "Iloilo 387681"},
      // Anhui's Suzhou, not Jiangsu's (5.3 million, 470 km away).
      {Node("Suzhou, Anhui", "CN", 33.648, 116.964), "Suzhou 205130"},
      {Node("Le Mont-Dore", "NC", -22.2781, 166.5765), "Mont-Dore 24680"},
      // The name with a part, and other transliterations.
      {Node("Ichikawa", "JP", 35.7216, 139.9309), "Ichikawa-minami 0"},
      {Node("Nuremberg", "DE", 49.4539, 11.0775), "Nürnberg 499237"},
      {Node("Gimhae", "KR", 35.2342, 128.8811), "Kimhae 356242"},
      // The gazetteer's name is the network's without a part: Flörsheim, not Hochheim am
      // Main, five kilometres away and four letters from "Flörsheim am Main".
      {Node("Flörsheim am Main", "DE", 50.0167, 8.4333), "Flörsheim 20023"},
  };
  for (const Case& c : cases) EXPECT_EQ(Met(c.node), c.place) << c.node.name;
}

TEST_F(MatchNodeTest, DistrictsAreasAndPlacesFarAwayAreNotGuessed) {
  const network::NetNode nodes[] = {
      Node("Prague 8", "CZ", 50.1078, 14.4714),  // a district, not Prague
      Node("County Mayo", "IE", 53.9, -9.25),    // a county
      Node("Kętrzyn (rural gmina)", "PL", 54.0833, 21.3833),
      Node("Iloilo City", "PH"),                     // no coordinates: no guess
      Node("Iloilo City", "PH", 14.6, 121.0),        // Manila: Iloilo is 350 km away
      Node("Beit Lahia", "PS", 31.55, 34.5),         // "Bayt Lāhyā": too different
      Node("Lev HaSharon", "IL", 32.2392, 34.9167),  // not Hod HaSharon, another town
  };
  for (const network::NetNode& n : nodes) EXPECT_EQ(Met(n), "") << n.name;
}

TEST_F(MatchNodeTest, AGuessNeverTakesAPlaceAnotherNodeHoldsByName) {
  const network::NetNode nuremberg = Node("Nuremberg", "DE", 49.4539, 11.0775);
  ASSERT_EQ(Met(nuremberg), "Nürnberg 499237");
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  std::unordered_set<long> taken;
  for (size_t k : gaz.Find("Nürnberg", "DE")) taken.insert(static_cast<long>(k));
  EXPECT_EQ(Met(nuremberg, &taken).rfind("Nürnberg", 0), std::string::npos)
      << "held by a node named Nürnberg";
  // A name the gazetteer has is met whatever is taken.
  EXPECT_EQ(Met(Node("Nürnberg", "DE", 49.45, 11.08), &taken), "Nürnberg 499237");
}

TEST(StripAdminKindTest, ReadsTheKindOfGovernmentAsOfficesWriteIt) {
  struct Case {
    const char* text;
    std::optional<Level> level;  // nullopt: no kind
    const char* bare;
  };
  const Case cases[] = {
      {"Kota Surakarta", Level::kCity, "Surakarta"},
      {"Pemerintah Kota Semarang", Level::kCity, "Semarang"},
      {"Pemkot Semarang", Level::kCity, "Semarang"},
      {"KOTA  BANDUNG", Level::kCity, "BANDUNG"},
      {"City of Surakarta", Level::kCity, "Surakarta"},
      {"Surakarta City", Level::kCity, "Surakarta"},
      {"Kabupaten Banyuwangi", Level::kRegency, "Banyuwangi"},
      {"Kab. Sleman", Level::kRegency, "Sleman"},
      {"Kab Sleman", Level::kRegency, "Sleman"},
      {"Pemkab Banyuwangi", Level::kRegency, "Banyuwangi"},
      {"Banyuwangi Regency", Level::kRegency, "Banyuwangi"},
      {"Provinsi Jawa Tengah", Level::kProvince, "Jawa Tengah"},
      {"Pemerintah Provinsi Jawa Timur", Level::kProvince, "Jawa Timur"},
      {"Pemprov Bali", Level::kProvince, "Bali"},
      {"Central Java Province", Level::kProvince, "Central Java"},
      {"Province of Central Java", Level::kProvince, "Central Java"},
      // Nothing but a kind, or no kind at all.
      {"Kota", std::nullopt, ""},
      {"Surakarta", std::nullopt, ""},
      {"Kotabaru", std::nullopt, ""},
      {"", std::nullopt, ""},
  };
  for (const Case& c : cases) {
    const std::optional<AdminName> got = StripAdminKind(c.text);
    ASSERT_EQ(got.has_value(), c.level.has_value()) << c.text;
    if (!got) continue;
    EXPECT_EQ(got->level, *c.level) << c.text;
    EXPECT_EQ(got->bare, c.bare) << c.text;
  }
}

TEST(MatchToGazetteerTest, AGuessLeavesAPlaceHeldByNameAlone) {
  if (geo::Gazetteer::Bundled().empty()) GTEST_SKIP() << "no gazetteer in this build";
  // Two nodes: Prague by name, and "Prague 8" which must not take it.
  std::vector<network::NetNode> nodes = {Node("Prague", "CZ", 50.088, 14.421),
                                         Node("Prague 8", "CZ", 50.1078, 14.4714),
                                         Node("Iloilo City", "PH", 10.72, 122.57)};
  nodes[0].id = "CZ:prague";
  nodes[1].id = "CZ:prague 8";
  nodes[2].id = "PH:iloilo city";
  network::LoadReport report;
  auto g = network::Graph::Build(nodes, {}, report);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const NetworkMatch m = kembar::MatchToGazetteer(*g);
  EXPECT_EQ(m.matched, 2u);
  ASSERT_EQ(m.unmatched.size(), 1u);
  EXPECT_EQ(g->node(m.unmatched[0]).name, "Prague 8");
}

}  // namespace
}  // namespace kembar::engine
