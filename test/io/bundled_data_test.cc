// The bundled data says what the studies say: Surabaya's partners with their MoU years
// and the activities of Rochman's Table 1, the Surabaya–Liverpool and Semarang–Beihai
// timelines, the Wikipedia pairs without events, every curated event with its source.
// A fact the studies place only within a span is dated by a period "START/END".
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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
  const Region* FindRegion(const std::string& id) {
    auto it = std::find_if(d_.regions.begin(), d_.regions.end(),
                           [&](const Region& r) { return r.id == id; });
    return it == d_.regions.end() ? nullptr : &*it;
  }
  // The events of one type, in document order.
  static std::vector<const Event*> OfType(const Partnership& p, EventType type) {
    std::vector<const Event*> out;
    for (const Event& e : p.events) {
      if (e.type() == type) out.push_back(&e);
    }
    return out;
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
      {"us-seattle", "1992"},    {"kr-busan", "1994"},          {"jp-kochi", "1997"},
      {"cn-guangzhou", "2005"},  {"cn-xiamen", "2006"},         {"bg-varna", "2010"},
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
  // In time order, each visit before the activity it carries.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"2014", "initiated"},
      {"2014", "visit"},
      {"2016", "initiated"},
      {"2017-05", "visit"},
      {"2017-05-17", "loi_signed"},
      {"2018-03-18", "visit"},
      {"2018-03-19", "mou_signed"},
      {"2018-03-19/2023", "action_plan"},
      {"2018", "visit"},
      {"2018", "activity"},
      {"2019-01/2019-06", "visit"},
      {"2019-01/2019-06", "activity"},
      {"2019-06", "visit"},
      {"2019-06", "activity"},
      {"2020", "visit"},
      {"2020", "activity"},
      {"2020/2023", "activity"},
      {"2022-06-28", "activity"},
      {"2022-06-29", "activity"},
      {"2022-09-02", "activity"},
      {"2023", "note"}};
  EXPECT_EQ(timeline, expected);

  // The embassy proposed in 2014 and is no party; Surabaya began the exploration in 2016.
  const auto initiated = OfType(*p, EventType::kInitiated);
  ASSERT_EQ(initiated.size(), 2u);
  EXPECT_FALSE(initiated[0]->side.has_value());
  EXPECT_EQ(initiated[1]->side, "id-surabaya");
  EXPECT_TRUE(OfType(*p, EventType::kEvaluation).empty())
      << "the study's verdict is a note: no evaluation by the cities is reported";

  const auto mous = OfType(*p, EventType::kMouSigned);
  ASSERT_EQ(mous.size(), 1u);
  const auto& mou = std::get<MouSigned>(mous[0]->details);
  ASSERT_TRUE(mou.fields.has_value());
  EXPECT_EQ(*mou.fields, (std::vector<Field>{Field::kSmartCity, Field::kCreativeEconomy,
                                             Field::kPortLogistics, Field::kHumanResources}));
  EXPECT_FALSE(mou.validity.valid_years || mou.validity.valid_until)
      << "the studies give no validity period: none is recorded";

  // Participants only where the study counts them: 12, 2, 11, none, 250, 237, 200, none.
  std::vector<std::optional<uint64_t>> participants;
  std::map<std::string, int> providers;
  for (const Event& e : p->events) {
    if (const auto* a = std::get_if<Activity>(&e.details)) {
      participants.push_back(a->participants);
      EXPECT_EQ(a->smart_dimension, SmartDimension::kPeople);
      EXPECT_TRUE(a->provider && a->beneficiary && a->sectors) << e.id.value_or("?");
      ++providers[a->provider.value_or("?")];
    }
  }
  EXPECT_EQ(participants, (std::vector<std::optional<uint64_t>>{12, 2, 11, std::nullopt, 250, 237,
                                                                200, std::nullopt}));
  // Tranmere Rovers' training and St Vincent's classes by Liverpool; the online programme
  // and the two webinars Surabaya organised by both; the sightbox book by Surabaya.
  EXPECT_EQ(providers,
            (std::map<std::string, int>{{"gb-liverpool", 4}, {"both", 3}, {"id-surabaya", 1}}));
}

TEST_F(BundledDossierTest, SurabayaLiverpoolRecordsEveryVisitEitherSideSent) {
  const Partnership* p = Find("surabaya-liverpool");
  ASSERT_NE(p, nullptr);
  std::map<std::string, std::vector<std::string>> sent;  // from -> dates
  for (const Event* e : OfType(*p, EventType::kVisit)) {
    const auto& v = std::get<Visit>(e->details);
    ASSERT_TRUE(v.from && v.to) << e->id.value_or("?");
    EXPECT_NE(*v.from, *v.to);
    EXPECT_FALSE(v.participants.has_value())
        << e->id.value_or("?") << ": the delegates are counted on the activity, once";
    sent[*v.from].push_back(e->date.ToString());
  }
  EXPECT_EQ(sent["id-surabaya"],
            (std::vector<std::string>{"2014", "2017-05", "2018", "2019-01/2019-06", "2019-06"}));
  EXPECT_EQ(sent["gb-liverpool"], (std::vector<std::string>{"2018-03-18", "2020"}));

  // The 18 March 2018 visit is cited to the study, with its programme.
  const auto visit = std::find_if(p->events.begin(), p->events.end(), [](const Event& e) {
    return e.type() == EventType::kVisit && e.date.ToString() == "2018-03-18";
  });
  ASSERT_NE(visit, p->events.end());
  ASSERT_TRUE(visit->source.has_value());
  EXPECT_EQ(visit->source->rfind("Handayani & Zahidi (2024)", 0), 0u) << *visit->source;
  ASSERT_TRUE(visit->description.has_value());
  EXPECT_NE(visit->description->find("Tunjungan"), std::string::npos);

  // Each delegation comes right before the activity it carries.
  for (const char* date : {"2018", "2019-01/2019-06", "2019-06", "2020"}) {
    const auto v = std::find_if(p->events.begin(), p->events.end(), [&](const Event& e) {
      return e.type() == EventType::kVisit && e.date.ToString() == date;
    });
    ASSERT_NE(v, p->events.end()) << date;
    ASSERT_NE(v + 1, p->events.end()) << date;
    EXPECT_EQ((v + 1)->type(), EventType::kActivity) << date;
    EXPECT_EQ((v + 1)->date.ToString(), date);
  }
}

TEST_F(BundledDossierTest, SurabayaLiverpoolOnlineProgrammeActionPlanAndVerdict) {
  const Partnership* p = Find("surabaya-liverpool");
  ASSERT_NE(p, nullptr);
  const auto online = std::find_if(p->events.begin(), p->events.end(), [](const Event& e) {
    return e.type() == EventType::kActivity && e.date.ToString() == "2020/2023";
  });
  ASSERT_NE(online, p->events.end()) << "the online football programme is its own activity";
  const auto& a = std::get<Activity>(online->details);
  EXPECT_EQ(a.field, Field::kSports);
  EXPECT_EQ(a.participants, 250u);
  EXPECT_EQ(a.provider, "both");
  EXPECT_EQ(a.host, "online");
  EXPECT_EQ(a.beneficiary, "id-surabaya");
  EXPECT_EQ(a.sectors, (std::vector<Sector>{Sector::kSportsClub, Sector::kSchool}));
  EXPECT_EQ(a.smart_dimension, SmartDimension::kPeople);
  // The 2020 coaching clinic no longer folds the online programme in.
  const auto clinic = std::find_if(p->events.begin(), p->events.end(), [](const Event& e) {
    return e.type() == EventType::kActivity && e.date.ToString() == "2020";
  });
  ASSERT_NE(clinic, p->events.end());
  EXPECT_EQ(clinic->description.value_or("").find("250"), std::string::npos);

  // Surabaya organised the webinars St Vincent's gave.
  for (const char* date : {"2022-06-28", "2022-06-29"}) {
    const auto w = std::find_if(p->events.begin(), p->events.end(), [&](const Event& e) {
      return e.type() == EventType::kActivity && e.date.ToString() == date;
    });
    ASSERT_NE(w, p->events.end()) << date;
    const auto& webinar = std::get<Activity>(w->details);
    EXPECT_EQ(webinar.provider, "both") << date;
    EXPECT_EQ(webinar.host, "online") << date;
    ASSERT_TRUE(webinar.sectors.has_value());
    EXPECT_NE(std::find(webinar.sectors->begin(), webinar.sectors->end(), Sector::kLocalGovernment),
              webinar.sectors->end())
        << date;
  }

  // The action plan the study mentions: within the MoU's life, no fields or items given.
  const auto plans = OfType(*p, EventType::kActionPlan);
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0]->date.ToString(), "2018-03-19/2023");
  const auto& plan = std::get<ActionPlan>(plans[0]->details);
  EXPECT_FALSE(plan.fields.has_value());
  EXPECT_FALSE(plan.items.has_value());

  const auto notes = OfType(*p, EventType::kNote);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0]->date.ToString(), "2023");
  EXPECT_EQ(&p->events.back(), notes[0]);
}

TEST_F(BundledDossierTest, SurabayasPartnersCarryTheActivitiesOfRochmansTable) {
  // Table 1 covers 1995–2013 and dates no row: each activity is dated START/2013, START
  // being the MoU year or 1995 if the MoU is earlier. Kitakyushu adds the two-way
  // learning of an interview of April 2013.
  const std::map<std::string, std::vector<std::string>> expected = {
      {"surabaya-seattle", {"1995/2013", "1995/2013"}},
      {"surabaya-busan", {"1995/2013", "1995/2013", "1995/2013", "1995/2013", "1995/2013"}},
      {"surabaya-kochi", {"1997/2013", "1997/2013"}},
      {"surabaya-guangzhou", {"2005/2013", "2005/2013", "2005/2013"}},
      {"surabaya-xiamen", {"2006/2013"}},
      {"surabaya-varna", {}},
      {"surabaya-kitakyushu", {"2012/2013", "2012/2013", "2012/2013-04", "2012/2013-04"}}};
  for (const auto& [id, dates] : expected) {
    const Partnership* p = Find(id);
    ASSERT_NE(p, nullptr) << id;
    std::vector<std::string> found;
    for (const Event* e : OfType(*p, EventType::kActivity)) {
      found.push_back(e->date.ToString());
      ASSERT_TRUE(e->source.has_value()) << id;
      EXPECT_EQ(e->source->rfind("Rochman (n.d.)", 0), 0u) << id << ": " << *e->source;
      EXPECT_TRUE(std::get<Activity>(e->details).field.has_value()) << id;
    }
    EXPECT_EQ(found, dates) << id;
    // The 2013 summary notes are gone: a note never counts as activity.
    EXPECT_TRUE(OfType(*p, EventType::kNote).empty()) << id;
    EXPECT_EQ(p->events.front().type(), EventType::kMouSigned) << id;
  }

  // The only count in the table: 20 teachers and 20 pupils sent to Dongseo University.
  std::vector<std::optional<uint64_t>> busan;
  for (const Event* e : OfType(*Find("surabaya-busan"), EventType::kActivity)) {
    busan.push_back(std::get<Activity>(e->details).participants);
  }
  EXPECT_EQ(busan, (std::vector<std::optional<uint64_t>>{std::nullopt, std::nullopt, std::nullopt,
                                                         std::nullopt, 40}));

  // Guangzhou: the studies give the MoU year only, no fields.
  const Partnership* guangzhou = Find("surabaya-guangzhou");
  EXPECT_FALSE(guangzhou->fields.has_value());
  EXPECT_FALSE(std::get<MouSigned>(guangzhou->events[0].details).fields.has_value());
  // Kitakyushu: the focus is the partnership's, not the MoU's.
  const Partnership* kitakyushu = Find("surabaya-kitakyushu");
  EXPECT_EQ(kitakyushu->fields, (std::vector<Field>{Field::kEnvironment, Field::kTourism}));
  EXPECT_FALSE(std::get<MouSigned>(kitakyushu->events[0].details).fields.has_value());
  const auto learning = OfType(*kitakyushu, EventType::kActivity);
  ASSERT_EQ(learning.size(), 4u);
  EXPECT_EQ(std::get<Activity>(learning[2]->details).beneficiary, "jp-kitakyushu");
  EXPECT_EQ(std::get<Activity>(learning[2]->details).host, "id-surabaya");
  EXPECT_EQ(std::get<Activity>(learning[3]->details).beneficiary, "id-surabaya");
  EXPECT_EQ(std::get<Activity>(learning[3]->details).host, "jp-kitakyushu");
}

TEST_F(BundledDossierTest, SemarangBeihaiStallsAfterItsMou) {
  const Partnership* p = Find("semarang-beihai");
  ASSERT_NE(p, nullptr);
  std::vector<std::pair<std::string, std::string>> timeline;
  for (const Event& e : p->events) timeline.emplace_back(e.date.ToString(), ToString(e.type()));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"2007-02-08", "initiated"},
      {"2007-02-08", "visit"},
      {"2007-04", "visit"},
      {"2007-04", "loi_signed"},
      {"2007-04/2008-10-14", "dprd_approved"},
      {"2008-10-14", "mou_signed"},
      {"2008-10-14/2016", "policy_change"},
      {"2016-10/2016-12", "communication"},
      {"2017", "note"}};
  EXPECT_EQ(timeline, expected);

  EXPECT_FALSE(std::get<Visit>(p->events[1].details).participants.has_value())
      << "the study names the delegates but gives no count";
  EXPECT_EQ(p->events[4].side, "id-semarang") << "Semarang's DPRD approved";
  // Beihai's side of the stall: its leaders' policy at the time.
  EXPECT_EQ(p->events[6].side, "cn-beihai");
  EXPECT_EQ(std::get<PolicyChange>(p->events[6].details).level, PolicyLevel::kLocal);
  // Beihai's offer at the end of 2016, known to be unanswered as of 2017: an offer to
  // reactivate, not a reactivation.
  const auto& offer = std::get<Communication>(p->events[7].details);
  EXPECT_EQ(offer.from, "cn-beihai");
  ASSERT_TRUE(offer.responded.has_value());
  EXPECT_FALSE(*offer.responded);
  EXPECT_TRUE(OfType(*p, EventType::kReactivated).empty());
  EXPECT_TRUE(OfType(*p, EventType::kEvaluation).empty());
  EXPECT_TRUE(OfType(*p, EventType::kPicChanged).empty()) << "the transfer has no date";

  // Cheng Ho's heritage is Semarang's, not Beihai's.
  const Region* beihai = FindRegion("cn-beihai");
  ASSERT_NE(beihai, nullptr);
  ASSERT_TRUE(beihai->characteristics.has_value());
  EXPECT_EQ(std::count(beihai->characteristics->begin(), beihai->characteristics->end(),
                       "cheng_ho_heritage"),
            0);
  const Region* semarang = FindRegion("id-semarang");
  ASSERT_NE(semarang, nullptr);
  ASSERT_TRUE(semarang->characteristics.has_value());
  EXPECT_EQ(std::count(semarang->characteristics->begin(), semarang->characteristics->end(),
                       "cheng_ho_heritage"),
            1);

  ASSERT_NE(Find("bandung-braunschweig"), nullptr);
  EXPECT_EQ(Find("bandung-braunschweig")->events[0].date.ToString(), "1960");
  EXPECT_EQ(Find("semarang-brisbane")->events[0].date.ToString(), "1993");
  EXPECT_EQ(Find("semarang-jung-gu")->events[1].date.ToString(), "2016-11");
}

TEST_F(BundledDossierTest, EveryCuratedEventNamesItsSource) {
  const std::vector<std::string> studies = {"Handayani & Zahidi (2024)", "Rochman (n.d.)",
                                            "Putri (2017)"};
  size_t curated_events = 0;
  for (const Partnership& p : d_.partnerships) {
    std::set<std::string> ids;
    for (const Event& e : p.events) {
      ++curated_events;
      ASSERT_TRUE(e.source && !e.source->empty()) << p.id << " " << e.id.value_or("?");
      // Named by its study, never by an internal brief.
      EXPECT_TRUE(std::any_of(studies.begin(), studies.end(),
                              [&](const std::string& s) { return e.source->rfind(s, 0) == 0; }))
          << p.id << ": " << *e.source;
      EXPECT_EQ(e.source->find("brief"), std::string::npos) << p.id << ": " << *e.source;
      ASSERT_TRUE(e.id.has_value()) << p.id;
      EXPECT_TRUE(ids.insert(*e.id).second) << "event id twice: " << *e.id;
      EXPECT_EQ(e.id->rfind(p.id + ".", 0), 0u) << *e.id;
    }
  }
  EXPECT_GE(curated_events, 60u);
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
    if (place && r.id != "kr-jung-gu") {
      EXPECT_TRUE(r.lat && r.lon) << r.id;
    }
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
