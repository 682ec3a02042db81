// The finder on a small hand-made gazetteer: exclusions (itself, partners, own country,
// no diplomatic relations), flags (de facto relations), and each score component.
#include "kembar/finder/finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
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
  const assess::FinderPolicy& policy = assess::DefaultPolicy().finder;
  Subject first = Surabaya(), known = Surabaya();
  known.degree = 2;
  for (const Subject& subject : {first, known}) {
    const assess::FinderWeights& w = WeightsFor(policy, subject);
    std::vector<double> logits, factors, scores;
    for (const Candidate& x : Find(subject)) {
      for (double v : {x.components.level, x.components.similarity, x.components.complementarity,
                       x.components.proximity, x.components.network}) {
        EXPECT_GE(v, 0.0);
        EXPECT_LE(v, 1.0);
      }
      // The score is the candidate's share of exp(logit) over all candidates (a softmax):
      // the logit is the bias plus the contributions shown.
      double logit = w.bias;
      for (size_t f = 0; f < kFeatureCount; ++f) {
        EXPECT_DOUBLE_EQ(x.contributions[f], WeightOf(w, static_cast<Feature>(f)) * x.features[f]);
        logit += x.contributions[f];
      }
      EXPECT_NEAR(x.learned, logit, 1e-12);
      EXPECT_GT(x.score, 0);
      EXPECT_LE(x.score, 1);
      logits.push_back(x.learned);
      factors.push_back(x.relations == geo::RelationStatus::kDeFacto ? policy.de_facto_factor : 1);
      scores.push_back(x.score);
    }
    // Scores are in the ratio of exp(logit) (times the de facto factor), and the
    // candidates shown hold less than all the chance.
    double shown = 0;
    for (size_t k = 0; k < scores.size(); ++k) {
      shown += scores[k];
      EXPECT_NEAR(scores[k] / scores[0], std::exp(logits[k] - logits[0]) * factors[k] / factors[0],
                  1e-9);
    }
    EXPECT_LE(shown, 1 + 1e-12);
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
  NetworkSignals more, fewer;
  for (int i = 0; i < 40; ++i) CountTie("ID", "JP", +1, &more);
  for (int i = 0; i < 4; ++i) CountTie("ID", "JP", +1, &fewer);
  for (NetworkSignals* n : {&more, &fewer}) {
    for (int i = 0; i < 40; ++i) CountTie("ID", "FR", +1, n);
    for (int i = 0; i < 60; ++i) CountTie("JP", "US", +1, n);
    for (int i = 0; i < 200; ++i) CountTie("FR", "DE", +1, n);
  }
  EXPECT_GT(CountryAffinity(more, "ID", "JP"), CountryAffinity(fewer, "ID", "JP"));
  EXPECT_GT(CountryAffinity(more, "ID", "JP"), 0) << "more ties than chance";
  EXPECT_TRUE(ShareOfficialLanguage("GB", "AU"));
  EXPECT_FALSE(ShareOfficialLanguage("ID", "JP"));
}

// A place under the population floor is offered only when it twins already (it has
// shown it keeps partners abroad); policy small_place_min_ties sets how many ties, 0
// never. Capitals and seats are offered whatever their size.
TEST(FinderTest, ASmallPlaceIsOfferedWhenItTwinsAlready) {
  const Subject s = Surabaya();
  const Options o;
  assess::FinderPolicy policy = assess::DefaultPolicy().finder;
  ASSERT_EQ(policy.small_place_min_ties, 1u);
  NetworkSignals none, one, two;
  none.place_degree.assign(kPlaces.size(), 0);
  one = none;
  one.place_degree[5] = 1;
  two = none;
  two.place_degree[5] = 2;
  struct Case {
    uint32_t min_ties;
    const NetworkSignals* signals;
    bool offered;
  };
  for (const Case& c : {Case{1, &none, false}, Case{1, &one, true}, Case{2, &one, false},
                        Case{2, &two, true}, Case{0, &two, false}}) {
    policy.small_place_min_ties = c.min_ties;
    EXPECT_EQ(Eligible(kPlaces[5], 5, s, o, policy, *c.signals), c.offered)
        << "min ties " << c.min_ties << ", ties " << c.signals->place_degree[5];
  }
  // A large place needs no ties; the subject's own country stays out whatever its ties.
  policy.small_place_min_ties = 1;
  EXPECT_TRUE(Eligible(kPlaces[4], 4, s, o, policy, none));
  two.place_degree[6] = 9;
  EXPECT_FALSE(Eligible(kPlaces[6], 6, s, o, policy, two));
  // And FindPartners offers the twinning village, RanksOf ranks it.
  geo::TimeZones zones;
  Options wide;
  wide.today = ParseDay("2024-01-15").value();
  wide.top = 20;
  const auto c = FindPartners(kPlaces, s, {}, wide, policy, geo::Relations::Bundled(), zones, one);
  EXPECT_TRUE(Offered(c, 5));
  EXPECT_GT(RanksOf(kPlaces, s, wide, policy, geo::Relations::Bundled(), one, 5, 7)[0], 0.0);
}

// A country whose own ties are unknown (a hold-out, a country new to twinning) takes
// its neighbours' pattern: Malaysia and the Philippines twin with China, not with
// Bulgaria, so China comes first for Indonesia; a country with many ties abroad is not
// held against it for want of ties with Indonesia's.
TEST(FinderTest, CountryAffinityFallsBackOnTheSubregion) {
  EXPECT_EQ(SubregionOf("ID"), SubregionOf("MY"));
  EXPECT_EQ(SubregionOf("ID"), SubregionOf("PH"));
  EXPECT_NE(SubregionOf("ID"), SubregionOf("CN"));
  EXPECT_EQ(SubregionOf("XX"), 0);
  NetworkSignals s;
  auto ties = [&s](const char* a, const char* b, int n) {
    for (int i = 0; i < n; ++i) CountTie(a, b, +1, &s);
  };
  ties("MY", "CN", 30);
  ties("PH", "CN", 20);
  ties("CN", "US", 400);
  ties("BG", "RU", 60);
  ties("BG", "TR", 40);
  ties("MY", "GB", 10);
  ties("NZ", "AU", 20);
  EXPECT_EQ(s.region_ties.at(RegionCountryKey(SubregionOf("MY"), "CN")), 50u);
  EXPECT_EQ(s.region_total.at(SubregionOf("MY")), 60u);
  EXPECT_GT(CountryAffinity(s, "ID", "CN"), CountryAffinity(s, "ID", "BG"));
  EXPECT_GT(CountryAffinity(s, "ID", "CN"), 0);
  // Neighbours with ties, none with Bulgaria (100 ties abroad) or New Zealand (20):
  // less than chance, the more so for the country with more ties.
  EXPECT_LT(CountryAffinity(s, "ID", "BG"), CountryAffinity(s, "ID", "NZ"));
  EXPECT_LT(CountryAffinity(s, "ID", "NZ"), 0);
  // A country whose neighbours have no ties either (Kazakhstan): nothing is known, and
  // however many ties abroad a candidate's country has, it is neither raised nor held
  // back.
  EXPECT_DOUBLE_EQ(CountryAffinity(s, "KZ", "CN"), 0);
  EXPECT_DOUBLE_EQ(CountryAffinity(s, "KZ", "NZ"), 0);
  // Its own ties, once known, weigh more than its neighbours': Indonesia with Bulgaria.
  ties("ID", "BG", 15);
  EXPECT_GT(CountryAffinity(s, "ID", "BG"), CountryAffinity(s, "ID", "CN"));
  // Taken away as counted.
  for (int i = 0; i < 15; ++i) CountTie("ID", "BG", -1, &s);
  EXPECT_EQ(s.country_ties.at(CountryPairKey("ID", "BG")), 0u);
  EXPECT_EQ(s.region_ties.at(RegionCountryKey(SubregionOf("ID"), "BG")), 0u);
  CountTie("ID", "BG", -1, &s);  // never below zero
  EXPECT_EQ(s.country_ties.at(CountryPairKey("ID", "BG")), 0u);
}

// Namesakes (Perth and Perth) share a feature; a subject whose name is not known has
// none; the fit weighs it heavily (namesakes are rare among 135k places, common among
// twins).
TEST(FinderTest, NamesakesShareAFeature) {
  Subject s = Surabaya();
  s.name_key = "perth";
  Place perth = kPlaces[7];
  perth.key = "perth";
  Place busan = kPlaces[8];
  busan.key = "busan";
  EXPECT_EQ(FeaturesOf(perth, 7, s, 1000, {})[kSameName], 1);
  EXPECT_EQ(FeaturesOf(busan, 8, s, 1000, {})[kSameName], 0);
  s.name_key.clear();
  EXPECT_EQ(FeaturesOf(perth, 7, s, 1000, {})[kSameName], 0);
  EXPECT_GT(assess::DefaultPolicy().finder.learned.same_name, 1);
  EXPECT_GT(assess::DefaultPolicy().finder.first_partner.same_name, 1);
}

// Capitals twin with capitals: the pair feature is 1 only when both are national
// capitals (a provincial seat is not one), and the fit weighs it.
TEST(FinderTest, CapitalsShareAFeature) {
  Subject s = Surabaya();
  Place capital = kPlaces[4];
  capital.capital = true;
  Place seat = kPlaces[4];
  seat.admin_seat = true;
  EXPECT_EQ(FeaturesOf(capital, 4, s, 1000, {})[kCapitalPair], 0) << "Surabaya is no capital";
  s.capital = true;
  EXPECT_EQ(FeaturesOf(capital, 4, s, 1000, {})[kCapitalPair], 1);
  EXPECT_EQ(FeaturesOf(seat, 4, s, 1000, {})[kCapitalPair], 0);
  EXPECT_GT(assess::DefaultPolicy().finder.learned.capital_pair, 0.5);
}

// A subject without ties (a first partner) is ranked with the first-partner weights.
TEST(FinderTest, AFirstPartnerHasItsOwnWeights) {
  assess::FinderPolicy policy = assess::DefaultPolicy().finder;
  Subject first = Surabaya();
  first.degree = 0;
  Subject known = Surabaya();
  known.degree = 3;
  EXPECT_EQ(&WeightsFor(policy, first), &policy.first_partner);
  EXPECT_EQ(&WeightsFor(policy, known), &policy.learned);
  // Partners of partners say nothing to a first partner: no weight.
  EXPECT_EQ(policy.first_partner.common_partners, 0);
  EXPECT_EQ(policy.first_partner.adamic_adar, 0);
  // The ranking follows the weights chosen.
  geo::TimeZones zones;
  Options o;
  o.today = ParseDay("2024-01-15").value();
  policy.first_partner.log_distance = -50;  // only distance counts
  const auto near = FindPartners(kPlaces, first, {}, o, policy, geo::Relations::Bundled(), zones);
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(kPlaces[near[0].place].name, "Perth") << "the nearest candidate";
  const auto as_known =
      FindPartners(kPlaces, known, {}, o, policy, geo::Relations::Bundled(), zones);
  ASSERT_FALSE(as_known.empty());
  EXPECT_NE(as_known[0].learned, near[0].learned);
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
  EXPECT_EQ(full_signals.region_ties.at(RegionCountryKey(SubregionOf("ID"), "AU")), 2u);
  EXPECT_EQ(cut_signals.region_ties.at(RegionCountryKey(SubregionOf("ID"), "AU")), 1u);
}

// The first-partner fit takes every tie of its subject away (one TieRemoved each, undone
// last first): what is left is what the network without those ties gives, and undoing
// them restores every count.
TEST(FinderTest, AllTiesRemovedAreTheNetworkWithoutThem) {
  const network::Graph full = TinyGraph();
  NetworkSignals signals = engine::SignalsOf(full, kToPlace, kPlaces.size());
  const NetworkSignals before = signals;
  Subject s = SubjectAt(full, kSurabaya);
  ASSERT_EQ(s.degree, 3u);
  {
    std::vector<std::unique_ptr<engine::TieRemoved>> removed;
    for (size_t v : full.neighbours(kSurabaya)) {
      removed.push_back(
          std::make_unique<engine::TieRemoved>(full, kToPlace, kSurabaya, v, &s, &signals));
    }
    EXPECT_EQ(s.degree, 0u);
    EXPECT_TRUE(s.common_partners.empty());
    EXPECT_TRUE(s.adamic_adar.empty());
    // Surabaya's three ties (with Busan, Perth and Liverpool) gone from every count.
    std::vector<network::NetEdge> rest;
    for (const network::NetEdge& e : full.edges()) {
      if (e.a != kSurabaya && e.b != kSurabaya) rest.push_back(e);
    }
    network::LoadReport report;
    const network::Graph cut = network::Graph::Build(full.nodes(), rest, report).value();
    const NetworkSignals expected = engine::SignalsOf(cut, kToPlace, kPlaces.size());
    EXPECT_EQ(signals.place_degree, expected.place_degree);
    for (const auto& [key, n] : signals.country_ties) {
      const auto it = expected.country_ties.find(key);
      EXPECT_EQ(n, it == expected.country_ties.end() ? 0u : it->second);
    }
    for (const auto& [key, n] : signals.region_ties) {
      const auto it = expected.region_ties.find(key);
      EXPECT_EQ(n, it == expected.region_ties.end() ? 0u : it->second);
    }
    while (!removed.empty()) removed.pop_back();
  }
  EXPECT_EQ(s.degree, 3u);
  EXPECT_EQ(signals.place_degree, before.place_degree);
  EXPECT_EQ(signals.country_ties, before.country_ties);
  EXPECT_EQ(signals.country_total, before.country_total);
  EXPECT_EQ(signals.region_ties, before.region_ties);
  EXPECT_EQ(signals.region_total, before.region_total);
}

}  // namespace
}  // namespace kembar::finder
