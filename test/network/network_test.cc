// Network analytics: hand-computed answers on small graphs, the real Wikipedia pairs
// (counts after merging), and the exports checked the way a research tool would read
// them (GraphML against the schema, GEXF and SVG well-formed, GeoJSON's structure).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "kembar/network/graph.h"
#include "kembar/network/stats.h"
#include "kembar/report/charts.h"
#include "kembar/report/network_export.h"
#include "kembar/report/network_text.h"
#include "testing/fixtures.h"

namespace kembar::network {
namespace {

using report::ChartFormat;
using report::DegreeChart;
using report::DistanceChart;
using report::EdgesCsv;
using report::EgoToJson;
using report::GeoJsonOptions;
using report::NodesCsv;
using report::StatsToJson;
using report::StatsToText;
using report::ToGeoJson;
using report::ToGexf;
using report::ToGraphMl;

using kembar::testing::ReadFileOrDie;
using kembar::testing::SourcePath;
using kembar::testing::TempDir;
using kembar::testing::WriteFileOrDie;

// Nodes named "0".."n-1" (country XX, no coordinates) and the given ties.
Graph Make(size_t n, const std::vector<std::pair<size_t, size_t>>& ties) {
  std::vector<NetNode> nodes(n);
  for (size_t i = 0; i < n; ++i)
    nodes[i] = {std::to_string(i), "Place " + std::to_string(i), "XX", {}, {}};
  std::vector<NetEdge> edges;
  for (auto [a, b] : ties) edges.push_back({a, b, "sister_city", {}});
  auto g = Graph::Build(std::move(nodes), std::move(edges));
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return std::move(g).value();
}

StatsOptions Exact() {
  StatsOptions o;
  o.exact_limit = 1000;
  return o;
}

// The real pairs, loaded once for the suite (about 40 ms).
const Graph& Wikipedia() {
  static const Graph* g = [] {
    auto r = LoadTwinPairsCsv(ReadFileOrDie(SourcePath("data/twin_cities_wikipedia.csv")));
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return new Graph(std::move(r).value());
  }();
  return *g;
}

// Runs a command; its exit status (0 = success).
int Shell(const std::string& command) {
  const int rc = std::system((command + " > /dev/null 2>&1").c_str());
  return rc == -1 ? -1 : WEXITSTATUS(rc);
}

bool HaveXmllint() { return Shell("xmllint --version") == 0; }

// ---- small graphs with answers computed by hand ----

// a-b, b-c, c-a (a triangle) plus c-d (a pendant).
TEST(NetworkSmallGraphTest, TrianglePlusPendant) {
  const Graph g = Make(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}});
  const Stats s = ComputeStats(g, Exact());
  EXPECT_EQ(s.nodes, 4u);
  EXPECT_EQ(s.edges, 4u);
  EXPECT_EQ(s.max_degree, 3u);
  EXPECT_EQ(s.degree_histogram, (std::vector<std::pair<size_t, size_t>>{{1, 1}, {2, 2}, {3, 1}}));
  EXPECT_EQ(s.components, 1u);
  EXPECT_EQ(s.largest_component, 4u);
  // One triangle; connected triples centred on a, b, c, d: 1 + 1 + 3 + 0 = 5.
  EXPECT_NEAR(s.transitivity, 3.0 / 5.0, 1e-12);
  // Local clustering 1, 1, 1/3 and 0 (degree 1 counts 0): mean 7/12.
  EXPECT_NEAR(s.average_clustering, 7.0 / 12.0, 1e-12);
  // Degree pairs at the ends of the edges, both ways: (2,2) (2,3) (3,2) (3,1) ...:
  // Pearson correlation -5/7. The hub's partner with degree 1 makes it disassortative.
  ASSERT_TRUE(s.assortativity.has_value());
  EXPECT_LT(*s.assortativity, 0);
  EXPECT_NEAR(*s.assortativity, -5.0 / 7.0, 1e-12);
  EXPECT_EQ(s.top_degree[0].node, 2u);
  EXPECT_EQ(s.top_degree[0].value, 3);
  // c lies on the only shortest paths a-d and b-d.
  EXPECT_TRUE(s.betweenness_exact);
  EXPECT_EQ(s.top_betweenness[0].node, 2u);
  EXPECT_DOUBLE_EQ(s.top_betweenness[0].value, 2);
  EXPECT_DOUBLE_EQ(s.top_betweenness[1].value, 0);
  // Distances ab ac bc cd = 1, ad bd = 2.
  EXPECT_TRUE(s.distances_exact);
  EXPECT_EQ(s.diameter, 2u);
  EXPECT_NEAR(s.mean_distance, 8.0 / 6.0, 1e-12);
  EXPECT_EQ(s.hop_histogram, (std::vector<size_t>{4, 2}));
}

// 0-1-2-3-4.
TEST(NetworkSmallGraphTest, PathDiameterAndMeanDistance) {
  const Graph g = Make(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
  const Stats s = ComputeStats(g, Exact());
  EXPECT_EQ(s.diameter, 4u);
  // Pairs at distance 1, 2, 3, 4: 4, 3, 2, 1; total 20 over 10 pairs.
  EXPECT_DOUBLE_EQ(s.mean_distance, 2.0);
  EXPECT_EQ(s.transitivity, 0);
  EXPECT_NEAR(*s.assortativity, -1.0 / 3.0, 1e-12);
  // The middle carries (0,3) (0,4) (1,3) (1,4).
  EXPECT_EQ(s.top_betweenness[0].node, 2u);
  EXPECT_DOUBLE_EQ(s.top_betweenness[0].value, 4);

  // The sampled estimators with every node as a source give the exact answers.
  StatsOptions sampled;
  sampled.exact_limit = 0;
  sampled.sample_sources = 5;
  const Stats t = ComputeStats(g, sampled);
  EXPECT_FALSE(t.distances_exact);
  EXPECT_FALSE(t.betweenness_exact);
  EXPECT_EQ(t.diameter, 4u);
  EXPECT_DOUBLE_EQ(t.mean_distance, 2.0);
  EXPECT_DOUBLE_EQ(t.top_betweenness[0].value, 4);
  EXPECT_NE(StatsToJson(t).find("\"method\": \"sampled\""), std::string::npos);
}

TEST(NetworkSmallGraphTest, TwoComponentsAndAnIsolatedPlace) {
  // A triangle 0-1-2, a tie 3-4 and 5 alone.
  const Graph g = Make(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}});
  const Stats s = ComputeStats(g, Exact());
  EXPECT_EQ(s.components, 3u);
  EXPECT_EQ(s.largest_component, 3u);
  EXPECT_EQ(s.isolated, 1u);
  EXPECT_EQ(s.diameter, 1u);  // of the largest component only
  EXPECT_DOUBLE_EQ(s.mean_distance, 1.0);
  EXPECT_EQ(Components(g), std::make_pair(size_t{3}, size_t{3}));
}

TEST(NetworkSmallGraphTest, EmptyAndTielessGraphs) {
  const Stats empty = ComputeStats(Graph(), Exact());
  EXPECT_EQ(empty.nodes, 0u);
  EXPECT_EQ(empty.components, 0u);
  const Stats alone = ComputeStats(Make(3, {}), Exact());
  EXPECT_EQ(alone.components, 3u);
  EXPECT_EQ(alone.largest_component, 1u);
  EXPECT_EQ(alone.isolated, 3u);
  EXPECT_EQ(alone.diameter, 0u);
  EXPECT_FALSE(alone.assortativity.has_value());
  EXPECT_FALSE(alone.power_law.fitted);
  EXPECT_TRUE(nlohmann::json::parse(StatsToJson(alone)).is_object());
}

TEST(NetworkSmallGraphTest, SampledBetweennessMatchesExactWithAllSources) {
  // A small irregular graph: two triangles joined by a path, and a tail.
  const Graph g = Make(8, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 4}, {6, 7}});
  const Stats exact = ComputeStats(g, Exact());
  const std::vector<double> all = SampledBetweenness(g, SampleSources(8, 8, 1), false);
  ASSERT_EQ(all.size(), 8u);
  for (const Hub& h : exact.top_betweenness) EXPECT_NEAR(all[h.node], h.value, 1e-9) << h.node;
}

TEST(NetworkBuildTest, MergesBothSidesAndDropsSelfLoops) {
  std::vector<NetNode> nodes = {
      {"a", "A", "ID", {}, {}}, {"b", "B", "JP", {}, {}}, {"c", "C", "JP", {}, {}}};
  std::vector<NetEdge> edges = {{0, 1, "sister_city", 1995},
                                {1, 0, "sister_city", 1992},
                                {0, 1, "wikipedia", {}},
                                {2, 2, "wikipedia", {}},
                                {1, 2, "wikipedia", {}}};
  auto g = Graph::Build(nodes, edges);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->edge_count(), 2u);
  EXPECT_EQ(g->edges()[0].kind, "sister_city");  // the first listing's kind
  EXPECT_EQ(g->edges()[0].start_year, 1992);     // the earliest year
  EXPECT_EQ(g->load_report().both_side_merged, 1u);
  EXPECT_EQ(g->load_report().duplicates_merged, 1u);
  EXPECT_EQ(g->load_report().self_loops, 1u);
  EXPECT_EQ(g->degree(1), 2u);
  EXPECT_EQ(std::vector<size_t>(g->neighbours(1).begin(), g->neighbours(1).end()),
            (std::vector<size_t>{0, 2}));

  auto bad = Graph::Build(nodes, {{0, 7, "x", {}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  nodes.push_back({"a", "A again", "ID", {}, {}});
  EXPECT_FALSE(Graph::Build(nodes, {}).ok());
}

TEST(NetworkEgoTest, PartnersAndPartnersOfPartners) {
  const Graph g = Make(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}});
  auto one = Ego(g, 3, 1);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->rings.size(), 1u);
  EXPECT_EQ(one->rings[0], (std::vector<size_t>{2}));
  EXPECT_EQ(one->graph.node_count(), 2u);
  EXPECT_EQ(one->graph.edge_count(), 1u);
  auto two = Ego(g, 3, 2);
  ASSERT_TRUE(two.ok());
  ASSERT_EQ(two->rings.size(), 2u);
  EXPECT_EQ(two->rings[1], (std::vector<size_t>{0, 1}));
  EXPECT_EQ(two->graph.edge_count(), 4u);  // induced: the triangle's a-b tie too
  EXPECT_EQ(two->graph.node(0).id, "3");   // the center first
  const auto json = nlohmann::json::parse(EgoToJson(g, *two));
  EXPECT_EQ(json["center"]["id"], "3");
  // Every place with its ring, the center first; the ties nearest the center first.
  ASSERT_EQ(json["nodes"].size(), 4u);
  EXPECT_EQ(json["nodes"][0]["id"], "3");
  EXPECT_EQ(json["nodes"][0]["ring"], 0);
  EXPECT_EQ(json["nodes"][1]["ring"], 1);
  EXPECT_EQ(json["nodes"][2]["ring"], 2);
  EXPECT_EQ(json["nodes"][3]["ring"], 2);
  EXPECT_EQ(json["node_count"], 4);
  EXPECT_EQ(json["edge_count"], 4);
  ASSERT_EQ(json["edges"].size(), 4u);
  EXPECT_TRUE(json["edges"][0]["source"] == "3" || json["edges"][0]["target"] == "3");
  EXPECT_FALSE(json["truncated"].get<bool>());
  // A cut keeps the center's tie and says so.
  const auto cut = nlohmann::json::parse(EgoToJson(g, *two, 2, 1));
  ASSERT_EQ(cut["edges"].size(), 1u);
  EXPECT_TRUE(cut["edges"][0]["source"] == "3" || cut["edges"][0]["target"] == "3");
  EXPECT_TRUE(cut["truncated"].get<bool>());
  EXPECT_EQ(cut["edge_count"], 4);
  EXPECT_FALSE(Ego(g, 9, 1).ok());
  EXPECT_FALSE(Ego(g, 0, 0).ok());
}

TEST(NetworkSampleSourcesTest, DeterministicDistinctSorted) {
  const auto a = SampleSources(1000, 50, 7), b = SampleSources(1000, 50, 7);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.size(), 50u);
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_EQ(std::set<size_t>(a.begin(), a.end()).size(), 50u);
  EXPECT_NE(a, SampleSources(1000, 50, 8));
  EXPECT_EQ(SampleSources(3, 10, 7), (std::vector<size_t>{0, 1, 2}));
}

// ---- the Wikipedia CSV loader ----

TEST(NetworkLoadTwinPairsTest, NormalisesMergesAndCounts) {
  const std::string csv =
      "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
      "Liverpool,England,53.4,-2.98,Surabaya,Indonesia,-7.2575,112.7521\n"
      "Surabaya,Indonesia,-7.26,112.75,LIVERPOOL,United Kingdom,53.4,-2.98\n"  // both sides, case
      "Liverpool,England,53.4,-2.98,Surabaya,Indonesia,-7.2575,112.7521\n"     // again
      "\"Suzhou, Anhui\",China,33.63,116.98,Surabaya,Indonesia,-7.2575,112.7521\n"
      "Famagusta,Northern Cyprus,35.12,33.94,Surabaya,Indonesia,-7.2575,112.7521\n"
      "Ningbo,China,29.86,121.62,\"Varna, Bulgaria\",,43.2167,27.9167\n"  // country in the name
      "Portsmouth,England,50.8,-1.08,Falkland Islands,,-51.73,-59.22\n"   // no country
      "Surabaya,Indonesia,-7.2575,112.7521,Surabaya,Indonesia,-7.2575,112.7521\n"
      "Varna,Bulgaria,43.2,27.9,Ningbo,China,29.86,121.62\n";
  auto g = LoadTwinPairsCsv(csv);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const LoadReport& r = g->load_report();
  EXPECT_EQ(r.rows, 9u);
  EXPECT_EQ(r.skipped_not_a_state, 1u);
  EXPECT_EQ(r.not_a_state.at("Northern Cyprus"), 1u);
  EXPECT_EQ(r.skipped_empty_country, 1u);
  EXPECT_EQ(r.country_from_name, 1u);
  EXPECT_EQ(r.self_loops, 1u);
  EXPECT_EQ(r.both_side_merged, 2u);  // Surabaya-Liverpool and Varna-Ningbo
  EXPECT_EQ(r.duplicates_merged, 1u);
  EXPECT_EQ(g->edge_count(), 3u);
  EXPECT_EQ(g->node_count(), 5u);
  const size_t liverpool = g->FindId("GB:liverpool").value();
  EXPECT_EQ(g->node(liverpool).name, "Liverpool");
  EXPECT_DOUBLE_EQ(*g->node(liverpool).lat, 53.4);
  const size_t surabaya = g->FindId("ID:surabaya").value();
  EXPECT_DOUBLE_EQ(*g->node(surabaya).lat, -7.2575);  // the first coordinates seen
  EXPECT_TRUE(g->FindId("CN:suzhou, anhui").has_value());
  EXPECT_EQ(g->node(g->FindId("BG:varna").value()).name, "Varna");
  EXPECT_EQ(g->degree(surabaya), 2u);
}

struct BadCsv {
  const char* name;  // of the test case
  const char* text;
  const char* expected;  // in the message
};

void PrintTo(const BadCsv& c, std::ostream* os) { *os << c.name; }

class NetworkBadCsvTest : public ::testing::TestWithParam<BadCsv> {};

TEST_P(NetworkBadCsvTest, InvalidInputNamesTheLine) {
  auto g = LoadTwinPairsCsv(GetParam().text);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(g.status().message().find(GetParam().expected), std::string::npos)
      << g.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NetworkBadCsvTest,
    ::testing::Values(
        BadCsv{"WrongHeader", "city,country\nA,B\n", "line 1"},
        BadCsv{"WrongFieldCount",
               "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nA,Japan,1,2,B,Japan,3,4\nA,"
               "Japan,1,2\n",
               "line 3"},
        BadCsv{"UnterminatedQuote",
               "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n\"A,Japan,1,2,B,Japan,3,4\n",
               "line 2: unterminated"},
        BadCsv{"LatitudeOutOfRange",
               "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nA,Japan,95,2,B,Japan,3,4\n",
               "line 2: lat1/lng1"},
        BadCsv{"CoordinateNotANumber",
               "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nA,Japan,1,2,B,Japan,x,4\n",
               "line 2: lat2/lng2"},
        BadCsv{"EmptyCity",
               "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nA,Japan,1,2,,Japan,3,4\n",
               "line 2: city2 is empty"}),
    [](const ::testing::TestParamInfo<BadCsv>& info) { return std::string(info.param.name); });

// ---- the real data ----

TEST(NetworkWikipediaTest, CountsAfterMerging) {
  const Graph& g = Wikipedia();
  const LoadReport& r = g.load_report();
  // 25,917 rows. Skipped: 48 with Northern Cyprus (not a state), 2 without a country
  // (Falkland Islands, American Samoa); 3 "Varna, Bulgaria" rows with an empty country
  // are read as Varna, BG. 3 self-loops. That leaves 25,864 pairs, of which 1,083 are
  // the second listing of a tie already listed from the other city's page (A-B, then
  // B-A) and 4 repeat a pair the same way round: 25,864 - 1,083 - 4 = 24,777 ties.
  EXPECT_EQ(r.rows, 25917u);
  EXPECT_EQ(r.skipped_not_a_state, 48u);
  EXPECT_EQ(r.not_a_state.size(), 1u);
  EXPECT_EQ(r.not_a_state.at("Northern Cyprus"), 48u);
  EXPECT_EQ(r.skipped_empty_country, 2u);
  EXPECT_EQ(r.country_from_name, 3u);
  EXPECT_EQ(r.self_loops, 3u);
  EXPECT_EQ(r.both_side_merged, 1083u);
  EXPECT_EQ(r.duplicates_merged, 4u);
  EXPECT_EQ(g.edge_count(), 24777u);
  EXPECT_EQ(r.rows - r.skipped_not_a_state - r.skipped_empty_country - r.self_loops -
                r.both_side_merged - r.duplicates_merged,
            g.edge_count());
  EXPECT_EQ(g.node_count(), 17155u);
  // "Biberach an der Riß" and "Biberach an der Riss" are one place (full case folding).
  EXPECT_TRUE(g.FindId("DE:biberach an der riss").has_value());
  EXPECT_EQ(Components(g), std::make_pair(size_t{1389}, size_t{13628}));
}

TEST(NetworkWikipediaTest, StatsPanel) {
  const Stats s = ComputeStats(Wikipedia(), StatsOptions());
  EXPECT_EQ(s.components, 1389u);
  EXPECT_EQ(s.largest_component, 13628u);
  EXPECT_EQ(s.max_degree, 73u);
  EXPECT_EQ(s.top_degree[0].name, "Bethlehem");
  EXPECT_EQ(s.top_degree[1].name, "Shanghai");
  EXPECT_NEAR(s.transitivity, 0.1679, 1e-4);
  EXPECT_NEAR(s.average_clustering, 0.0480, 1e-4);
  EXPECT_NEAR(*s.assortativity, 0.368, 1e-3);  // assortative, like KONECT's +0.387
  // Sampled from 500 sources: the exact mean distance is 7.60 hops, diameter 25.
  EXPECT_FALSE(s.distances_exact);
  EXPECT_NEAR(s.mean_distance, 7.6, 0.15);
  EXPECT_GE(s.diameter, 24u);
  EXPECT_LE(s.diameter, 25u);
  EXPECT_FALSE(s.betweenness_exact);
  EXPECT_EQ(s.betweenness_sources, 500u);
  ASSERT_TRUE(s.power_law.fitted);
  EXPECT_GT(s.power_law.alpha, 2.5);
  EXPECT_LT(s.power_law.alpha, 3.5);
  ASSERT_TRUE(s.power_law.p_value.has_value());  // bootstrapped: a power law is rejected (p < 0.1)
  EXPECT_GE(*s.power_law.p_value, 0.0);
  EXPECT_LT(*s.power_law.p_value, 0.1);
  EXPECT_EQ(s.load.homonyms, 10u);  // mostly one town geocoded twice ("Wells", "Hamilton")
  EXPECT_EQ(s.distance.edges_with_coordinates, 24777u);
  EXPECT_LT(s.distance.share_within_500, s.distance.share_within_1000);
  EXPECT_LT(s.distance.share_within_1000, s.distance.share_within_5000);
  EXPECT_EQ(s.distance.same_country + s.distance.abroad + s.distance.country_unknown, 24777u);

  const auto json = nlohmann::json::parse(StatsToJson(s));
  EXPECT_EQ(json["nodes"], 17155);
  EXPECT_EQ(json["edges"], 24777);
  EXPECT_EQ(json["components"], 1389);
  EXPECT_EQ(json["largest_component"], 13628);
  EXPECT_EQ(json["top_hubs"]["by_degree"][0]["name"], "Bethlehem");
  EXPECT_EQ(json["top_hubs"]["by_degree"][0]["degree"], 73);
  EXPECT_EQ(json["top_hubs"]["betweenness_method"], "sampled");
  EXPECT_EQ(json["largest_component_distances"]["method"], "sampled");
  EXPECT_EQ(json["load"]["both_side_merged"], 1083);
  EXPECT_NE(StatsToText(s).find("24,777"), std::string::npos);
}

TEST(NetworkWikipediaTest, CountryAndEgoAndFind) {
  const Graph& g = Wikipedia();
  auto id = CountrySubgraph(g, "Indonesia");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  StatsOptions o;
  o.focus_country = "Indonesia";  // a name or a code
  const Stats s = ComputeStats(*id, o);
  EXPECT_EQ(s.focus_country, "ID");
  EXPECT_EQ(s.focus_places, 35u);
  size_t ties = 0;
  for (const PartnerCountry& p : s.partner_countries) ties += p.ties;
  EXPECT_EQ(ties, id->edge_count());  // every tie of the subgraph touches Indonesia
  EXPECT_EQ(s.partner_countries[0].country, "CN");
  EXPECT_EQ(CountrySubgraph(g, "Atlantis").status().code(), StatusCode::kNotFound);

  auto surabaya = FindNode(g, "surabaya");
  ASSERT_TRUE(surabaya.ok());
  EXPECT_EQ(FindNode(g, "ID:surabaya").value(), surabaya.value());
  EXPECT_EQ(FindNode(g, "Nowhere-on-Sea").status().code(), StatusCode::kNotFound);
  auto cambridge = FindNode(g, "Cambridge");  // in GB and in the US
  ASSERT_FALSE(cambridge.ok());
  EXPECT_EQ(cambridge.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(cambridge.status().message().find("US"), std::string::npos)
      << cambridge.status().message();
  auto us = FindNode(g, "Cambridge, United States");
  ASSERT_TRUE(us.ok());
  EXPECT_EQ(g.node(us.value()).country, "US");

  auto ego = Ego(g, surabaya.value(), 2);
  ASSERT_TRUE(ego.ok());
  EXPECT_EQ(ego->rings[0].size(), g.degree(surabaya.value()));
  std::set<std::string> partners;
  for (size_t i : ego->rings[0]) partners.insert(g.node(i).name);
  EXPECT_TRUE(partners.count("Liverpool")) << "Surabaya-Liverpool (2018)";
  EXPECT_GT(ego->rings[1].size(), ego->rings[0].size());
}

// ---- exports ----

TEST(NetworkExportTest, GraphMlValidatesAgainstTheSchema) {
  ASSERT_TRUE(HaveXmllint()) << "xmllint missing: apt-get install libxml2-utils (tools/deps.sh)";
  const std::string dir = TempDir();
  const std::string xsd = SourcePath("test/network/graphml-1.0.xsd");
  WriteFileOrDie(dir + "/real.graphml", ToGraphMl(Wikipedia()));
  EXPECT_EQ(Shell("xmllint --noout --nonet --schema " + xsd + " " + dir + "/real.graphml"), 0);
  // Names that need escaping, a start year, no coordinates.
  std::vector<NetNode> nodes = {{"x:a&b", "A & <B> \"quoted\" 'it'", "ID", -7.25, 112.75},
                                {"x:c", "C\x01", "", {}, {}}};
  auto g = Graph::Build(nodes, {{0, 1, "sister_city", 1992}});
  ASSERT_TRUE(g.ok());
  const std::string graphml = ToGraphMl(*g);
  EXPECT_NE(graphml.find("<data key=\"start_year\">1992</data>"), std::string::npos);
  EXPECT_NE(graphml.find("A &amp; &lt;B&gt;"), std::string::npos);
  WriteFileOrDie(dir + "/small.graphml", graphml);
  EXPECT_EQ(Shell("xmllint --noout --nonet --schema " + xsd + " " + dir + "/small.graphml"), 0);
  // The schema does reject what is not GraphML: an edge to a node that does not exist.
  std::string broken = graphml;
  broken.replace(broken.find("target=\"n1\""), 11, "target=\"n7\"");
  WriteFileOrDie(dir + "/broken.graphml", broken);
  EXPECT_NE(Shell("xmllint --noout --nonet --schema " + xsd + " " + dir + "/broken.graphml"), 0);
}

TEST(NetworkExportTest, GexfIsWellFormed) {
  ASSERT_TRUE(HaveXmllint());
  const std::string dir = TempDir();
  const std::string gexf = ToGexf(Wikipedia());
  WriteFileOrDie(dir + "/real.gexf", gexf);
  EXPECT_EQ(Shell("xmllint --noout --nonet " + dir + "/real.gexf"), 0);
  EXPECT_NE(gexf.find("defaultedgetype=\"undirected\""), std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"kind\" value=\"wikipedia\"/>"), std::string::npos);
  EXPECT_NE(gexf.find("<viz:position x=\""), std::string::npos);
}

TEST(NetworkExportTest, GeoJsonStructure) {
  const auto doc = nlohmann::json::parse(ToGeoJson(Wikipedia()));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  // The data's licence travels with what is derived from it.
  EXPECT_NE(doc["attribution"].get<std::string>().find("CC BY-SA 4.0"), std::string::npos);
  EXPECT_NE(ToGraphMl(Wikipedia()).find("OpenStreetMap contributors (ODbL)"), std::string::npos);
  size_t points = 0, lines = 0, multi = 0;
  auto check_position = [](const nlohmann::json& p) {
    ASSERT_EQ(p.size(), 2u);
    EXPECT_GE(p[0].get<double>(), -180.0);
    EXPECT_LE(p[0].get<double>(), 180.0);
    EXPECT_GE(p[1].get<double>(), -90.0);
    EXPECT_LE(p[1].get<double>(), 90.0);
  };
  // No segment of a line may jump across the map: the antimeridian is split.
  auto check_line = [&](const nlohmann::json& line) {
    ASSERT_GE(line.size(), 2u);
    for (size_t i = 0; i < line.size(); ++i) {
      check_position(line[i]);
      if (i) {
        EXPECT_LE(std::fabs(line[i][0].get<double>() - line[i - 1][0].get<double>()), 180.0);
      }
    }
  };
  for (const auto& f : doc["features"]) {
    ASSERT_EQ(f["type"], "Feature");
    const auto& geometry = f["geometry"];
    const std::string type = geometry["type"];
    if (type == "Point") {
      ++points;
      check_position(geometry["coordinates"]);
      if (f["properties"]["key"] == "ID:surabaya") {  // [lon, lat] order
        EXPECT_NEAR(geometry["coordinates"][0].get<double>(), 112.74, 0.05);
        EXPECT_NEAR(geometry["coordinates"][1].get<double>(), -7.25, 0.05);
      }
    } else if (type == "LineString") {
      ++lines;
      check_line(geometry["coordinates"]);
    } else {
      ASSERT_EQ(type, "MultiLineString");
      ++multi;
      for (const auto& part : geometry["coordinates"]) check_line(part);
    }
  }
  EXPECT_EQ(points, 17155u);         // every place has coordinates
  EXPECT_EQ(lines + multi, 24777u);  // and so every tie a line
  EXPECT_GT(multi, 100u);            // Pacific ties cross the antimeridian
}

TEST(NetworkExportTest, GeoJsonFollowsTheGeodesicAndSplitsAtTheAntimeridian) {
  // Suva (Fiji) to Apia (Samoa): about 1,150 km eastwards across 180 degrees.
  std::vector<NetNode> nodes = {{"FJ:suva", "Suva", "FJ", -18.14, 178.44},
                                {"WS:apia", "Apia", "WS", -13.83, -171.76}};
  auto g = Graph::Build(nodes, {{0, 1, "sister_city", {}}});
  ASSERT_TRUE(g.ok());
  GeoJsonOptions o;
  o.nodes = false;
  o.densify_km = 50;
  const auto doc = nlohmann::json::parse(ToGeoJson(*g, o));
  ASSERT_EQ(doc["features"].size(), 1u);
  const auto& geometry = doc["features"][0]["geometry"];
  ASSERT_EQ(geometry["type"], "MultiLineString");
  const auto& west = geometry["coordinates"][0];
  const auto& east = geometry["coordinates"][1];
  EXPECT_EQ(west.back()[0].get<double>(), 180.0);
  EXPECT_EQ(east.front()[0].get<double>(), -180.0);
  EXPECT_EQ(west.back()[1], east.front()[1]);            // the same crossing point
  EXPECT_GE(west.size() + east.size(), 1150 / 50 + 2u);  // densified
  EXPECT_NEAR(doc["features"][0]["properties"]["km"].get<double>(), 1150, 30);
}

TEST(NetworkExportTest, CsvRoundTrip) {
  const Graph& g = Wikipedia();
  const std::string nodes = NodesCsv(g), edges = EdgesCsv(g);
  EXPECT_EQ(edges.substr(0, edges.find('\n')), "source,target,kind,start_year");
  EXPECT_NE(nodes.find("\"CN:suzhou, anhui\""), std::string::npos);  // quoted
  auto back = LoadEdgeListCsv(edges, nodes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->node_count(), g.node_count());
  ASSERT_EQ(back->edge_count(), g.edge_count());
  for (size_t i : {size_t{0}, size_t{1234}, g.node_count() - 1}) {
    EXPECT_EQ(back->node(i).id, g.node(i).id);
    EXPECT_EQ(back->node(i).name, g.node(i).name);
    EXPECT_EQ(back->node(i).lat, g.node(i).lat);
    EXPECT_EQ(back->degree(i), g.degree(i));
  }
  auto bare = LoadEdgeListCsv(edges);  // without the node list: indices only
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->node_count(), g.node_count());  // no place without a tie
  auto bad = LoadEdgeListCsv("source,target\n1,x\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("edges line 2"), std::string::npos);
  // Found by the csv fuzzer: without a node list, one far index made 10^17 nodes.
  auto far = LoadEdgeListCsv("source,target\n0,1\n1,99999999999\n");
  ASSERT_FALSE(far.ok());
  EXPECT_NE(far.status().message().find("edges line 3: node index 99999999999"), std::string::npos)
      << far.status().message();
  EXPECT_TRUE(LoadEdgeListCsv("source,target\n0,1\n1,7\n").ok());   // 8 nodes, 2 edges: kept
  EXPECT_FALSE(LoadEdgeListCsv("source,target\n0,1\n1,8\n").ok());  // 9 nodes: refused
}

TEST(NetworkChartTest, SvgWellFormedAndPng) {
  ASSERT_TRUE(HaveXmllint());
  const Stats s = ComputeStats(Wikipedia(), StatsOptions());
  const std::string dir = TempDir();
  for (auto chart : {&DegreeChart, &DistanceChart}) {
    auto svg = chart(s, ChartFormat::kSvg, "");
    ASSERT_TRUE(svg.ok()) << svg.status().ToString();
    EXPECT_EQ(svg->rfind("<?xml", 0), 0u);
    WriteFileOrDie(dir + "/chart.svg", *svg);
    EXPECT_EQ(Shell("xmllint --noout --nonet " + dir + "/chart.svg"), 0);
    auto png = chart(s, ChartFormat::kPng, "A title");
    ASSERT_TRUE(png.ok());
    EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  }
  EXPECT_EQ(DegreeChart(Stats(), ChartFormat::kSvg).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(DistanceChart(Stats(), ChartFormat::kSvg).status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace kembar::network
