// The facade over the engine: a store passed in, several threads at once, and the
// use cases the CLI and the server share, on the bundled Indonesian data.
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "engine/network.h"
#include "engine/records.h"
#include "kembar/kembar.h"
#include "kembar/report/assessment_text.h"
#include "kembar/store/sqlite_store.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

store::Principal Tester() {
  store::Principal p;
  p.name = "test:engine";
  p.local_operator = true;
  return p;
}

Day DayOf(const char* text) { return *ParseDay(text); }

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteStore(testing::TempDir() + "/engine.db");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    kembar_ = Kembar::Create(std::move(store).value());
    ImportParams params;
    params.file = testing::SourcePath("data/indonesia.dossier.json");
    params.actor = Tester();
    auto stats = kembar_->Import(params);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  }

  std::unique_ptr<Kembar> kembar_;
};

TEST_F(EngineTest, StorePassedInServesEveryReadUseCase) {
  auto counts = kembar_->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_GT(counts->partnerships, 10u);

  AssessParams ap;
  ap.selection.partnership_id = "surabaya-liverpool";
  ap.options.as_of = DayOf("2024-01-01");
  auto a = kembar_->Assess(ap);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->assessments.size(), 1u);
  EXPECT_EQ(a->assessments[0].id, "surabaya-liverpool");

  CalendarParams cp;
  cp.assess.as_of = DayOf("2024-01-01");
  cp.months = 1200;
  auto cal = kembar_->Calendar(cp);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(cal->as_of, DayOf("2024-01-01"));
  EXPECT_FALSE(cal->assessed.assessments.empty());

  TodoParams tp;
  tp.assess.as_of = DayOf("2024-01-01");
  tp.undated = true;
  auto todo = kembar_->Todo(tp);
  ASSERT_TRUE(todo.ok());
  ASSERT_FALSE(todo->items.empty());
  // Items point into the report's own assessments (which moved with it).
  for (const assess::TodoItem& item : todo->items) {
    const auto& as = todo->assessed.assessments;
    EXPECT_GE(item.assessment, as.data());
    EXPECT_LT(item.assessment, as.data() + as.size());
  }
}

TEST_F(EngineTest, AssessFileKeepsOnlyTheSelection) {
  AssessParams p;
  p.file = testing::SourcePath("data/indonesia.dossier.json");
  p.options.as_of = DayOf("2024-01-01");
  p.selection.region_id = "id-surabaya";
  auto r = Kembar::AssessFile(p);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->assessments.empty());
  for (const auto& a : r->assessments) {
    EXPECT_TRUE(a.home == "id-surabaya" || a.partner == "id-surabaya") << a.id;
  }
  p.selection.region_id = "atlantis";
  auto none = Kembar::AssessFile(p);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

TEST_F(EngineTest, SafeFromSeveralThreadsWhileAnotherWrites) {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        AssessParams ap;
        ap.options.as_of = DayOf("2024-01-01");
        if (!kembar_->Assess(ap).ok()) ++failures;
        if (!kembar_->List({}).ok()) ++failures;
        if (t == 0) {
          EgoParams ep;
          ep.place = "id-surabaya";
          ep.depth = 1;
          if (!kembar_->NetworkEgo(ep).ok()) ++failures;
        }
      }
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < 5; ++i) {
      EventEdit e;
      e.op = EventEdit::Op::kAdd;
      e.partnership_id = "surabaya-liverpool";
      e.fields.type = "note";
      e.fields.date = "2023-0" + std::to_string(i + 1);
      e.fields.title = "letter " + std::to_string(i);
      e.actor = Tester();
      if (!kembar_->EditEvent(e).ok()) ++failures;
    }
  });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto h = kembar_->History("surabaya-liverpool");
  ASSERT_TRUE(h.ok());
  size_t adds = 0;
  for (const auto& c : *h) adds += c.action == "event.add";
  EXPECT_EQ(adds, 5u);
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok());
}

TEST_F(EngineTest, EventFieldsAndJsonMayNotNameTheSameMember) {
  EventEdit e;
  e.op = EventEdit::Op::kAdd;
  e.partnership_id = "surabaya-liverpool";
  e.event_json = R"({"type": "note", "date": "2023-05"})";
  e.fields.date = "2023-06";
  e.actor = Tester();
  auto r = kembar_->EditEvent(e);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("event.date"), std::string::npos) << r.status().message();
  e.fields = {};
  e.event_json.clear();
  auto empty = kembar_->EditEvent(e);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidInput);
}

TEST_F(EngineTest, NetworkImportThenRemoveLeavesTheUsersRecords) {
  auto before = kembar_->Count();
  ASSERT_TRUE(before.ok());
  NetworkImportParams ip;
  ip.actor = Tester();
  auto stored = kembar_->ImportWorldNetwork(ip);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_GT(stored->partnerships_added, 20000u);
  auto rows = kembar_->List({});
  ASSERT_TRUE(rows.ok());
  size_t wiki = 0;
  for (const auto& row : *rows) {
    EXPECT_FALSE(row.id.starts_with("wp:wp:")) << row.id;
    wiki += row.id.starts_with("wp:");
  }
  EXPECT_EQ(wiki, stored->partnerships_added);
  // Foreign ties are counted apart from the provinces, and no Indonesian place is
  // left without its province.
  AssessParams ap;
  ap.options.as_of = DayOf("2024-01-01");
  auto assessed = kembar_->Assess(ap);
  ASSERT_TRUE(assessed.ok());
  const std::string by_province =
      report::FormatStatusBy(assessed->dossier, assessed->assessments, report::GroupBy::kProvince,
                             ap.options.as_of, assess::Lang::kEn);
  EXPECT_NE(by_province.find("(outside Indonesia)"), std::string::npos);
  EXPECT_EQ(by_province.find("(province unknown)"), std::string::npos) << by_province;
  // Running it again adds nothing.
  auto again = kembar_->ImportWorldNetwork(ip);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->partnerships_added, 0u);

  ip.remove = true;
  auto removed = kembar_->ImportWorldNetwork(ip);
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_EQ(removed->partnerships_removed, stored->partnerships_added);
  auto after = kembar_->Count();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->partnerships, before->partnerships);
  EXPECT_EQ(after->regions, before->regions);
  EXPECT_EQ(after->events, before->events);
  auto h = kembar_->History("");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->back().action, "network.remove");
}

// The network statistics take seconds on the worldwide network, and a server is asked
// for the same ones again and again: each (scope, sample) is computed once per version
// of the store, also when several threads ask at once, and a change is seen at once.
TEST(EngineNetworkStats, ComputedOncePerScopeUntilTheStoreChanges) {
  auto store = store::OpenSqliteStore(testing::TempDir() + "/stats.db");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  engine::Engine engine(std::move(store).value(), {});
  NetworkStatsParams indonesia;
  indonesia.scope.country = "ID";
  indonesia.sample_sources = 20;
  auto first = engine::NetworkStats(engine, indonesia);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(engine::NetworkStatsComputed(engine), 1u);

  NetworkStatsParams world;
  world.sample_sources = 20;
  std::vector<std::thread> threads;
  std::vector<size_t> edges(4);
  for (size_t i = 0; i < edges.size(); ++i) {
    threads.emplace_back([&, i] {
      auto s = engine::NetworkStats(engine, i % 2 ? world : indonesia);
      edges[i] = s.ok() ? s->stats.edges : 0;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(engine::NetworkStatsComputed(engine), 2u) << "the world once, Indonesia from the memo";
  EXPECT_EQ(edges[0], first->stats.edges);
  EXPECT_GT(edges[1], 24000u);
  EXPECT_EQ(edges[3], edges[1]);

  // An unknown country is refused each time and never kept.
  NetworkStatsParams nowhere = indonesia;
  nowhere.scope.country = "Atlantis";
  EXPECT_FALSE(engine::NetworkStats(engine, nowhere).ok());
  EXPECT_FALSE(engine::NetworkStats(engine, nowhere).ok());
  EXPECT_EQ(engine::NetworkStatsComputed(engine), 4u);

  // The bundled Indonesian partnerships stored: the next answer counts them.
  ImportParams params;
  params.file = testing::SourcePath("data/indonesia.dossier.json");
  params.actor = Tester();
  ASSERT_TRUE(engine::Import(engine.store(), engine.read_options(), params).ok());
  EXPECT_EQ(engine::NetworkStatsComputed(engine), 0u) << "a new view of the store";
  auto after = engine::NetworkStats(engine, indonesia);
  ASSERT_TRUE(after.ok());
  EXPECT_GT(after->stats.edges, first->stats.edges);
  EXPECT_EQ(engine::NetworkStatsComputed(engine), 1u);
}

TEST_F(EngineTest, FindPartnersForAnyCityOrProvince) {
  FindOptions o;
  o.top = 5;
  o.today = DayOf("2024-01-01");
  // A gazetteer city the network does not know: a city seeking its first partner.
  auto solo = kembar_->FindPartners("Surakarta", o);
  ASSERT_TRUE(solo.ok()) << solo.status().ToString();
  EXPECT_TRUE(solo->region_id.starts_with("geonames:")) << solo->region_id;
  ASSERT_EQ(solo->candidates.size(), 5u);
  for (const auto& c : solo->candidates) EXPECT_NE(solo->places[c.place].name, "Surakarta");
  // A province by its English name, measured from its capital.
  auto province = kembar_->FindPartners("Central Java", o);
  ASSERT_TRUE(province.ok()) << province.status().ToString();
  EXPECT_EQ(province->region_name, "Jawa Tengah");
  for (const auto& c : province->candidates) EXPECT_GT(c.distance_km, 0);
  // A stored region, as before.
  auto stored = kembar_->FindPartners("id-surabaya", o);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->region_id, "id-surabaya");
  auto none = kembar_->FindPartners("Xyzzyville", o);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_NE(none.status().message(Lang::kId).find("tidak ada tempat"), std::string::npos);
}

TEST(EngineRelations, TerritoryFollowsItsSovereign) {
  auto r = Kembar::Relations({"Hong Kong", "Indonesia"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->a_iso, "HK");
  EXPECT_EQ(r->b_iso, "ID");
  EXPECT_EQ(r->relation.via_sovereign, "CN-ID");
}

}  // namespace
}  // namespace kembar
