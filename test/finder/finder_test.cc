// The finder on a small hand-made gazetteer: exclusions (itself, partners, own country,
// no diplomatic relations), flags (de facto relations), and each score component.
#include "kembar/finder/finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/finder.h"
#include "kembar/network/graph.h"

namespace kembar::finder {
namespace {

const std::vector<Place> kPlaces = {
    // name, country, lat, lon, population, tz, port, capital, admin_seat
    {"", "Surabaya", "ID", -7.2492, 112.7508, 2874000, "Asia/Jakarta", true, false, true},     // 0
    {"", "Liverpool", "GB", 53.4106, -2.9779, 864122, "Europe/London", true, false, false},    // 1
    {"", "Kaohsiung", "TW", 22.6163, 120.3133, 2778918, "Asia/Taipei", true, false, false},    // 2
    {"", "Haifa", "IL", 32.8184, 34.9885, 267300, "Asia/Jerusalem", true, false, false},       // 3
    {"", "Kitakyushu", "JP", 33.8835, 130.8752, 940978, "Asia/Tokyo", true, false, false},     // 4
    {"", "Tiny Village", "JP", 35.0, 135.0, 4000, "Asia/Tokyo", false, false, false},          // 5
    {"", "Semarang", "ID", -6.9932, 110.4203, 1555984, "Asia/Jakarta", true, false, true},     // 6
    {"", "Perth", "AU", -31.9522, 115.8614, 1896548, "Australia/Perth", true, false, true},    // 7
    {"", "Busan", "KR", 35.1028, 129.0403, 3678555, "Asia/Seoul", true, false, false},         // 8
    {"", "Dongguan", "CN", 23.0180, 113.7487, 8000000, "Asia/Shanghai", false, false, false},  // 9
};

Subject Surabaya() {
  Subject s;
  s.id = "id-surabaya";
  s.name = "Surabaya";
  s.country = "ID";
  s.level = Level::kCity;
  s.lat = -7.2575;
  s.lon = 112.7521;
  s.population = 2874000;
  s.timezone = "Asia/Jakarta";
  s.characteristics = {"port", "metropolitan"};
  s.needs = {Field::kEnvironment};
  s.excluded = {0, 1, 8};  // itself, Liverpool and Busan (partners)
  s.tied_countries = {"GB", "KR"};
  s.partners_of_partners = {4};
  return s;
}

std::vector<Candidate> Find(const Subject& s, Options o = {}, KnownStrengths k = {}) {
  geo::TimeZones zones;
  o.today = ParseDay("2024-01-15").value();
  if (o.top == 10) o.top = 20;
  return FindPartners(kPlaces, s, k, o, assess::DefaultPolicy().finder, geo::Relations::Bundled(),
                      zones);
}

bool Offered(const std::vector<Candidate>& c, size_t place) {
  return std::any_of(c.begin(), c.end(), [&](const Candidate& x) { return x.place == place; });
}

TEST(FinderTest, NeverOffersItselfItsPartnersOrItsOwnCountry) {
  const auto c = Find(Surabaya());
  EXPECT_FALSE(Offered(c, 0)) << "itself";
  EXPECT_FALSE(Offered(c, 1)) << "existing partner";
  EXPECT_FALSE(Offered(c, 8)) << "existing partner";
  EXPECT_FALSE(Offered(c, 6)) << "same country";
  EXPECT_FALSE(Offered(c, 5)) << "below the population floor";
  EXPECT_TRUE(Offered(c, 4));
}

TEST(FinderTest, NoRelationsExcludedAndDeFactoFlagged) {
  const auto c = Find(Surabaya());
  EXPECT_FALSE(Offered(c, 3)) << "Indonesia and Israel have no diplomatic relations";
  auto tw = std::find_if(c.begin(), c.end(), [](const Candidate& x) { return x.place == 2; });
  ASSERT_NE(tw, c.end());
  EXPECT_NE(std::find(tw->flags.begin(), tw->flags.end(), "de_facto_relations"), tw->flags.end());
  EXPECT_EQ(tw->relations, geo::RelationStatus::kDeFacto);
}

TEST(FinderTest, ComplementarityRanksTheStrengthThatMeetsTheNeed) {
  KnownStrengths k = {{4, 1u << static_cast<uint32_t>(Field::kEnvironment)}};
  auto find = [](const std::vector<Candidate>& c, size_t place) {
    return std::find_if(c.begin(), c.end(), [&](const Candidate& x) { return x.place == place; });
  };
  const auto without = Find(Surabaya());
  const auto c = Find(Surabaya(), {}, k);
  const auto before = find(without, 4), after = find(c, 4);
  ASSERT_NE(before, without.end());
  ASSERT_NE(after, c.end());
  // Kitakyushu had solved the pollution Surabaya faced: its known strength meets the
  // need, and raises its score by the policy's boost; it ranks no lower than without.
  EXPECT_EQ(after->components.complementarity, 1.0);
  EXPECT_TRUE(after->strengths_known);
  EXPECT_FALSE(before->strengths_known);
  EXPECT_NEAR(after->score, before->score * (1 + assess::DefaultPolicy().finder.needs_boost),
              1e-12);
  EXPECT_LE(after - c.begin(), before - without.begin());
  EXPECT_EQ(after->strengths_meeting_needs, std::vector<Field>{Field::kEnvironment});
  EXPECT_NE(std::find(after->flags.begin(), after->flags.end(), "partner_of_partner"),
            after->flags.end());
  // A candidate whose strengths are unknown is flagged, not scored 0 as if measured.
  EXPECT_NE(std::find(before->flags.begin(), before->flags.end(), "no_known_strengths"),
            before->flags.end());
  // --needs replaces the region's needs: nobody is known for tourism.
  Options o;
  o.needs = {Field::kTourism};
  for (const Candidate& x : Find(Surabaya(), o, k)) EXPECT_EQ(x.components.complementarity, 0.0);
}

TEST(FinderTest, ComponentsAreBoundedAndExplainTheScore) {
  const assess::FinderPolicy& w = assess::DefaultPolicy().finder;
  for (const Candidate& x : Find(Surabaya())) {
    for (double v : {x.components.level, x.components.similarity, x.components.complementarity,
                     x.components.proximity, x.components.network}) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
    }
    // The score is the learned logit's sigmoid: the bias plus the contributions shown.
    double logit = w.learned.bias;
    for (size_t f = 0; f < kFeatureCount; ++f) {
      EXPECT_DOUBLE_EQ(x.contributions[f],
                       WeightOf(w.learned, static_cast<Feature>(f)) * x.features[f]);
      logit += x.contributions[f];
    }
    EXPECT_NEAR(x.learned, logit, 1e-12);
    double expected = 1 / (1 + std::exp(-logit));
    if (x.relations == geo::RelationStatus::kDeFacto) expected *= w.de_facto_factor;
    EXPECT_NEAR(x.score, expected, 1e-12) << kPlaces[x.place].name;
  }
}

TEST(FinderTest, ProximityPrefersNearAndSameTimeZone) {
  const auto c = Find(Surabaya());
  auto get = [&](size_t place) {
    return *std::find_if(c.begin(), c.end(), [&](const Candidate& x) { return x.place == place; });
  };
  const Candidate perth = get(7), kitakyushu = get(4);
  EXPECT_NEAR(perth.distance_km, 3000, 300);
  EXPECT_EQ(perth.tz_gap_hours, 1.0);
  EXPECT_GT(perth.components.proximity, kitakyushu.components.proximity);
  EXPECT_NE(std::find(perth.flags.begin(), perth.flags.end(), "new_country"), perth.flags.end());
}

TEST(FinderTest, FiltersByCountryAndLevelAndTop) {
  Options o;
  o.country = "AU";
  const auto au = Find(Surabaya(), o);
  ASSERT_EQ(au.size(), 1u);
  EXPECT_EQ(au[0].place, 7u);
  Options p;
  p.level = Level::kProvince;  // admin seats stand for their provinces
  for (const Candidate& x : Find(Surabaya(), p))
    EXPECT_TRUE(kPlaces[x.place].admin_seat || kPlaces[x.place].capital);
  Options t;
  t.top = 2;
  EXPECT_EQ(Find(Surabaya(), t).size(), 2u);
}

TEST(FinderTest, RanksOfAgreesWithFindPartnersAndMissesWhatCannotBeProposed) {
  geo::TimeZones zones;
  Options o;
  o.today = ParseDay("2024-01-15").value();
  o.top = 20;
  const Subject s = Surabaya();
  NetworkSignals signals;
  signals.place_degree = {5, 3, 2, 1, 4, 0, 2, 3, 6, 1};
  signals.country_ties[CountryPairKey("ID", "JP")] = 40;
  signals.country_total[CountryKey("JP")] = 100;
  const auto& policy = assess::DefaultPolicy().finder;
  const auto c = FindPartners(kPlaces, s, {}, o, policy, geo::Relations::Bundled(), zones, signals);
  for (size_t r = 0; r < c.size(); ++r) {
    const auto ranks =
        RanksOf(kPlaces, s, o, policy, geo::Relations::Bundled(), signals, c[r].place, 7);
    EXPECT_EQ(ranks[0], r + 1.0) << kPlaces[c[r].place].name;
    // Gravity = degree / distance: Kitakyushu (4 ties) beats Perth (3) only if near enough.
    EXPECT_GE(ranks[1], 1.0);
  }
  // Itself, a partner, its own country, Israel (no relations), a tiny village: misses.
  for (size_t never : {0u, 1u, 6u, 3u, 5u}) {
    EXPECT_EQ(RanksOf(kPlaces, s, o, policy, geo::Relations::Bundled(), signals, never, 7)[0], 0.0)
        << kPlaces[never].name;
  }
  // More ties between the countries raise a candidate (country affinity).
  EXPECT_GT(CountryAffinity(40, 100, 0.01), CountryAffinity(4, 100, 0.01));
  EXPECT_TRUE(ShareOfficialLanguage("GB", "AU"));
  EXPECT_FALSE(ShareOfficialLanguage("ID", "JP"));
}

// A tiny network over kPlaces: Surabaya (ID) twinned with Busan (KR), Liverpool (GB) and
// Perth (AU); Semarang (ID) with Kitakyushu (JP) and Perth; Kitakyushu with Busan and
// Perth. Node i stands for place to_place[i].
constexpr size_t kSurabaya = 0, kPerth = 4, kLiverpool = 5;  // nodes

network::Graph TinyGraph(std::optional<std::pair<size_t, size_t>> held_out = std::nullopt) {
  const std::vector<std::pair<size_t, std::string>> nodes = {{0, "ID"}, {4, "JP"}, {8, "KR"},
                                                             {6, "ID"}, {7, "AU"}, {1, "GB"}};
  std::vector<network::NetNode> n;
  for (const auto& [place, country] : nodes) {
    network::NetNode node;
    node.id = country + ":" + std::string(kPlaces[place].name);
    node.name = std::string(kPlaces[place].name);
    node.country = country;
    node.lat = kPlaces[place].lat;
    node.lon = kPlaces[place].lon;
    n.push_back(node);
  }
  std::vector<network::NetEdge> e;
  for (auto [a, b] : std::initializer_list<std::pair<size_t, size_t>>{
           {0, 2}, {0, 5}, {0, 4}, {3, 1}, {1, 2}, {4, 3}, {4, 1}}) {
    if (held_out && std::minmax(a, b) == std::minmax(held_out->first, held_out->second)) continue;
    e.push_back({a, b, "wikipedia", {}});
  }
  network::LoadReport report;
  return network::Graph::Build(n, e, report).value();
}

const std::vector<long> kToPlace = {0, 4, 8, 6, 7, 1};

// The subject find-partners builds for a node (as `kembar finder evaluate` does).
Subject SubjectAt(const network::Graph& g, size_t node) {
  Subject s;
  s.name = g.node(node).name;
  s.country = g.node(node).country;
  s.lat = *g.node(node).lat;
  s.lon = *g.node(node).lon;
  s.population = kPlaces[static_cast<size_t>(kToPlace[node])].population;
  engine::AddNetworkOf(g, kToPlace, node, &s);
  return s;
}

TEST(FinderTest, TheFitSeesATieAsTheEvaluationSeesItHeldOut) {
  struct Case {
    size_t node, partner;
    bool first;  // the tie was the subject's only one (it has none left)
  };
  for (const Case& c : std::initializer_list<Case>{
           {kSurabaya, kPerth, false}, {kLiverpool, kSurabaya, true}, {kPerth, 1, false}}) {
    // Evaluation: the tie removed from the network before anything is computed.
    const network::Graph cut = TinyGraph(std::pair{c.node, c.partner});
    const NetworkSignals cut_signals = engine::SignalsOf(cut, kToPlace, kPlaces.size());
    const Subject blind_subject = SubjectAt(cut, c.node);
    EXPECT_EQ(blind_subject.degree == 0, c.first);
    // The fit: the tie in the network, taken out as if it did not exist yet, gives every
    // candidate (the real partner and the non-ties alike) the same features; put back
    // afterwards.
    const network::Graph full = TinyGraph();
    NetworkSignals signals = engine::SignalsOf(full, kToPlace, kPlaces.size());
    Subject s = SubjectAt(full, c.node);
    std::vector<FeatureVector> before;
    for (size_t place = 0; place < kPlaces.size(); ++place) {
      before.push_back(FeaturesOf(kPlaces[place], place, s, 1000, signals));
    }
    {
      engine::TieRemoved as_if(full, kToPlace, c.node, c.partner, &s, &signals);
      EXPECT_EQ(s.degree, blind_subject.degree);
      for (size_t place = 0; place < kPlaces.size(); ++place) {
        const FeatureVector fit = FeaturesOf(kPlaces[place], place, s, 1000, signals);
        const FeatureVector blind =
            FeaturesOf(kPlaces[place], place, blind_subject, 1000, cut_signals);
        for (size_t f = 0; f < kFeatureCount; ++f) {
          EXPECT_NEAR(fit[f], blind[f], 1e-12)
              << full.node(c.node).name << " - " << kPlaces[place].name << " "
              << FeatureName(static_cast<Feature>(f));
        }
      }
    }
    for (size_t place = 0; place < kPlaces.size(); ++place) {
      const FeatureVector after = FeaturesOf(kPlaces[place], place, s, 1000, signals);
      for (size_t f = 0; f < kFeatureCount; ++f) EXPECT_EQ(after[f], before[place][f]);
    }
  }
  // What the held-out tie would have counted: Perth's degree and the countries' ties.
  const NetworkSignals full_signals = engine::SignalsOf(TinyGraph(), kToPlace, kPlaces.size());
  const NetworkSignals cut_signals =
      engine::SignalsOf(TinyGraph(std::pair{kSurabaya, kPerth}), kToPlace, kPlaces.size());
  EXPECT_EQ(full_signals.place_degree[7], 3u);
  EXPECT_EQ(cut_signals.place_degree[7], 2u);
  EXPECT_EQ(full_signals.country_ties.at(CountryPairKey("ID", "AU")), 2u);
  EXPECT_EQ(cut_signals.country_ties.at(CountryPairKey("ID", "AU")), 1u);
}

}  // namespace
}  // namespace kembar::finder
