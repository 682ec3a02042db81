// The bundled data says what the studies say: Surabaya's partners with their MoU years,
// the Surabaya–Liverpool and Semarang–Beihai timelines, the Wikipedia pairs without
// events, every curated event with its source.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "kembar/io/dossier_reader.h"
#include "testing/fixtures.h"

namespace kembar::io {
namespace {

class BundledDossierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ReadOptions self_contained;
    self_contained.allow_external_refs = false;
    DossierReader reader(self_contained);
    ReadReport r = reader.ReadFile(testing::SourcePath("data/indonesia.dossier.json"), &d_);
    ASSERT_TRUE(r.ok()) << r.ToStatus().message();
  }
  const Partnership* Find(const std::string& id) {
    auto it = std::find_if(d_.partnerships.begin(), d_.partnerships.end(),
                           [&](const Partnership& p) { return p.id == id; });
    return it == d_.partnerships.end() ? nullptr : &*it;
  }
  static bool FromWikipedia(const Partnership& p) {
    return std::any_of(p.extra.begin(), p.extra.end(), [](const auto& m) {
      return m.first == "source" && m.second == "\"Wikipedia\"";
    });
  }
  Dossier d_;
};

TEST_F(BundledDossierTest, SurabayasPartnersWithTheirMouYears) {
  const std::map<std::string, std::string> expected = {
      {"us-seattle", "1992"},   {"kr-busan", "1994"},      {"jp-kochi", "1997"},
      {"cn-guangzhou", "2005"}, {"cn-xiamen", "2006"},     {"bg-varna", "2010"},
      {"jp-kitakyushu", "2012"}, {"gb-liverpool", "2018-03-19"}};
  std::map<std::string, std::string> found;
  for (const Partnership& p : d_.partnerships) {
    if (p.home != "id-surabaya" || FromWikipedia(p)) continue;
    for (const Event& e : p.events) {
      if (e.type() == EventType::kMouSigned) found[p.partner] = e.date.ToString();
    }
  }
  EXPECT_EQ(found, expected);
}

TEST_F(BundledDossierTest, SurabayaLiverpoolTimelineAsTheStudyGivesIt) {
  const Partnership* p = Find("surabaya-liverpool");
  ASSERT_NE(p, nullptr);
  std::vector<std::pair<std::string, std::string>> timeline;
  for (const Event& e : p->events) timeline.emplace_back(e.date.ToString(), ToString(e.type()));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"2014", "initiated"},        {"2016", "note"},          {"2017-05", "visit"},
      {"2017-05-17", "loi_signed"}, {"2018-03-18", "visit"},   {"2018-03-19", "mou_signed"},
      {"2018", "activity"},         {"2019", "activity"},      {"2019-06", "activity"},
      {"2020", "activity"},         {"2022-06-28", "activity"}, {"2022-06-29", "activity"},
      {"2022-09-02", "activity"}};
  EXPECT_EQ(timeline, expected);

  const auto& mou = std::get<MouSigned>(p->events[5].details);
  ASSERT_TRUE(mou.fields.has_value());
  EXPECT_EQ(*mou.fields, (std::vector<Field>{Field::kSmartCity, Field::kCreativeEconomy,
                                             Field::kPortLogistics, Field::kHumanResources}));
  EXPECT_FALSE(mou.validity.valid_years || mou.validity.valid_until)
      << "the studies give no validity period: none is recorded";

  // Participants only where the study counts them: 12, 2, 11, none, 237, 200, none.
  std::vector<std::optional<uint64_t>> participants;
  int from_liverpool = 0, from_surabaya = 0;
  for (const Event& e : p->events) {
    if (const auto* a = std::get_if<Activity>(&e.details)) {
      participants.push_back(a->participants);
      EXPECT_EQ(a->smart_dimension, SmartDimension::kPeople);
      EXPECT_TRUE(a->provider && a->beneficiary && a->sectors) << e.id.value_or("?");
      (*a->provider == "gb-liverpool" ? from_liverpool : from_surabaya)++;
    }
  }
  EXPECT_EQ(participants, (std::vector<std::optional<uint64_t>>{12, 2, 11, std::nullopt, 237, 200,
                                                                std::nullopt}));
  EXPECT_EQ(from_liverpool, 6);
  EXPECT_EQ(from_surabaya, 1);
}

TEST_F(BundledDossierTest, SemarangBeihaiStallsAfterItsMou) {
  const Partnership* p = Find("semarang-beihai");
  ASSERT_NE(p, nullptr);
  std::vector<std::string> types;
  for (const Event& e : p->events) types.emplace_back(ToString(e.type()));
  EXPECT_EQ(types, (std::vector<std::string>{"initiated", "visit", "visit", "loi_signed",
                                             "mou_signed", "communication"}));
  EXPECT_EQ(p->events[4].date.ToString(), "2008-10-14");
  EXPECT_EQ(std::get<Visit>(p->events[1].details).participants, 10u);
  EXPECT_EQ(std::get<Communication>(p->events[5].details).from, "cn-beihai");
  EXPECT_EQ(p->events[5].date.ToString(), "2016") << "the study says only 'end of 2016'";
  ASSERT_NE(Find("bandung-braunschweig"), nullptr);
  EXPECT_EQ(Find("bandung-braunschweig")->events[0].date.ToString(), "1960");
  EXPECT_EQ(Find("semarang-brisbane")->events[0].date.ToString(), "1993");
  EXPECT_EQ(Find("semarang-jung-gu")->events[1].date.ToString(), "2016-11");
}

TEST_F(BundledDossierTest, EveryCuratedEventNamesItsSource) {
  size_t curated_events = 0;
  for (const Partnership& p : d_.partnerships) {
    for (const Event& e : p.events) {
      ++curated_events;
      ASSERT_TRUE(e.source && !e.source->empty()) << p.id << " " << e.id.value_or("?");
    }
  }
  EXPECT_GE(curated_events, 35u);
}

TEST_F(BundledDossierTest, WikipediaPairsAreMergedWithoutEventsAndAttributed) {
  std::set<std::set<std::string>> pairs;
  size_t wikipedia = 0;
  for (const Partnership& p : d_.partnerships) {
    EXPECT_TRUE(pairs.insert({p.home, p.partner}).second) << "pair listed twice: " << p.id;
    if (!FromWikipedia(p)) continue;
    ++wikipedia;
    EXPECT_TRUE(p.events.empty()) << p.id;
  }
  // 94 CSV rows involve Indonesia: Liverpool–Surabaya is listed from both sides and 10
  // pairs are already in the studies, which leaves 83.
  EXPECT_EQ(wikipedia, 83u);
  auto attribution = std::find_if(d_.extra.begin(), d_.extra.end(),
                                  [](const auto& m) { return m.first == "attribution"; });
  ASSERT_NE(attribution, d_.extra.end());
  EXPECT_NE(attribution->second.find("Wikipedia (CC BY-SA 4.0)"), std::string::npos);
  EXPECT_NE(attribution->second.find("OpenStreetMap"), std::string::npos);
}

TEST_F(BundledDossierTest, RegionsCarryTimeZonesAndCoordinates) {
  std::map<std::string, std::string> zones;
  std::set<std::string> provinces;
  for (const Region& r : d_.regions) {
    if (r.country == "ID" && r.level == Level::kProvince) provinces.insert(r.id);
  }
  for (const Region& r : d_.regions) {
    EXPECT_TRUE(r.timezone.has_value()) << r.id;
    const bool place = r.level != Level::kProvince && r.level != Level::kOther;
    if (place && r.id != "kr-jung-gu") EXPECT_TRUE(r.lat && r.lon) << r.id;
    zones[r.id] = r.timezone.value_or("");
    // Every Indonesian city or regency names its province, for the national picture.
    if (r.country == "ID" && r.level != Level::kProvince) {
      ASSERT_TRUE(r.parent.has_value()) << r.id;
      EXPECT_TRUE(provinces.count(*r.parent)) << r.id << " -> " << *r.parent;
    }
  }
  EXPECT_EQ(zones["id-jawa-timur"], "Asia/Jakarta");
  // Indonesia spans three zones.
  EXPECT_EQ(zones["id-surabaya"], "Asia/Jakarta");
  EXPECT_EQ(zones["id-denpasar"], "Asia/Makassar");
  EXPECT_EQ(zones["id-jayapura"], "Asia/Jayapura");
  const auto sby = std::find_if(d_.regions.begin(), d_.regions.end(),
                                [](const Region& r) { return r.id == "id-surabaya"; });
  ASSERT_NE(sby, d_.regions.end());
  ASSERT_TRUE(sby->characteristics.has_value());
  EXPECT_NE(std::find(sby->characteristics->begin(), sby->characteristics->end(), "port"),
            sby->characteristics->end());
}

}  // namespace
}  // namespace kembar::io
