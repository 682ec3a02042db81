#include "kembar/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "kembar/io/dossier_writer.h"
#include "kembar/kembar.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    KembarOptions options;
    options.db_path = dir_ + "/kembar.db";
    auto k = Kembar::Open(options);
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    kembar_ = std::move(k).value();
  }

  std::string Write(const std::string& name, const json& doc) {
    const std::string path = dir_ + "/" + name;
    testing::WriteFileOrDie(path, doc.dump());
    return path;
  }

  std::string dir_;
  std::unique_ptr<Kembar> kembar_;
};

TEST_F(StoreTest, ImportThenExportLosesNothing) {
  const json doc = testing::GenerateDossier(20, 40, 3);
  auto stats = kembar_->ImportFile(Write("a.json", doc));
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->partnerships_added, 20u);
  EXPECT_EQ(stats->regions_added, 21u);
  EXPECT_EQ(stats->events, 800u);
  auto text = kembar_->ExportJson({});
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(json::parse(*text), doc);
}

TEST_F(StoreTest, BundledDataRoundTripsThroughTheStore) {
  const std::string path = testing::SourcePath("data/indonesia.dossier.json");
  ASSERT_TRUE(kembar_->ImportFile(path).ok());
  auto text = kembar_->ExportJson({});
  ASSERT_TRUE(text.ok());
  const json original = json::parse(testing::ReadFileOrDie(path));
  EXPECT_EQ(json::parse(*text), original);
  // import -> export -> import changes nothing further.
  auto again = kembar_->ImportFile(Write("again.json", json::parse(*text)));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->partnerships_added, 0u);
  EXPECT_EQ(again->partnerships_updated, original["partnerships"].size());
  EXPECT_EQ(json::parse(*kembar_->ExportJson({})), original);
}

TEST_F(StoreTest, ReimportingAKnownIdReplacesItsTimeline) {
  json doc = testing::GenerateDossier(3, 10, 4);
  ASSERT_TRUE(kembar_->ImportFile(Write("v1.json", doc)).ok());
  doc["partnerships"][1]["events"] = json::array({{{"type", "note"}, {"date", "2024-01"}}});
  doc["regions"][0]["name"] = "Renamed";
  auto stats = kembar_->ImportFile(Write("v2.json", doc));
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->partnerships_added, 0u);
  EXPECT_EQ(stats->partnerships_updated, 3u);
  EXPECT_EQ(stats->regions_updated, 4u);
  auto counts = kembar_->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->partnerships, 3u) << "no duplicates";
  EXPECT_EQ(counts->events, 21u);
  EXPECT_EQ(json::parse(*kembar_->ExportJson({})), doc);
}

TEST_F(StoreTest, LaterDocumentsMayNameStoredRegions) {
  json doc = testing::GenerateDossier(2, 3, 5);
  ASSERT_TRUE(kembar_->ImportFile(Write("base.json", doc)).ok());
  json later = {{"format", "kembar-dossier/1"},
                {"regions", json::array()},
                {"partnerships", {{{"id", "later"}, {"kind", "sister_city"}, {"parties", {"r0", "r2"}},
                                   {"events", {{{"type", "initiated"}, {"date", "2025"}, {"side", "r2"}}}}}}}};
  auto ok = kembar_->ImportFile(Write("later.json", later));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  later["partnerships"][0]["id"] = "dangling";
  later["partnerships"][0]["parties"][1] = "zz-nowhere";
  auto bad = kembar_->ImportFile(Write("bad.json", later));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("partnerships[0].parties[1]: region 'zz-nowhere'"),
            std::string::npos)
      << bad.status().message();
}

TEST_F(StoreTest, SelectionsExportSelfContainedDossiers) {
  ASSERT_TRUE(kembar_->ImportFile(Write("a.json", testing::GenerateDossier(5, 19, 6))).ok());
  store::Selection one;
  one.partnership_id = "p2";
  auto d = kembar_->Export(one);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->partnerships.size(), 1u);
  EXPECT_EQ(d->partnerships[0].id, "p2");
  // p2 names r2 and r3, and r0 is no party: regions are exactly the ones it names.
  std::set<std::string> ids;
  for (const auto& r : d->regions) ids.insert(r.id);
  EXPECT_EQ(ids, (std::set<std::string>{"r2", "r3"}));

  store::Selection region;
  region.region_id = "r3";
  auto rows = kembar_->List(region);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);  // p2 (partner) and p3 (home)

  store::Selection missing;
  missing.partnership_id = "nope";
  EXPECT_EQ(kembar_->Export(missing).status().code(), StatusCode::kNotFound);
  missing = {};
  missing.region_id = "nope";
  EXPECT_EQ(kembar_->List(missing).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, ListSummarisesDates) {
  json doc = {{"format", "kembar-dossier/1"},
              {"regions", {{{"id", "a"}, {"name", "A"}, {"country", "ID"}, {"level", "city"}},
                           {{"id", "b"}, {"name", "B"}, {"country", "JP"}, {"level", "city"}}}},
              {"partnerships", {{{"id", "ab"}, {"kind", "sister_city"}, {"parties", {"a", "b"}},
                                 {"events", {{{"type", "activity"}, {"date", "2013-05"}},
                                             {{"type", "mou_signed"}, {"date", "2012"}},
                                             {{"type", "initiated"}, {"date", "2010-02-01"}}}}}}}};
  ASSERT_TRUE(kembar_->ImportFile(Write("d.json", doc)).ok());
  auto rows = kembar_->List({});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].first_date, "2010-02-01");
  EXPECT_EQ((*rows)[0].mou_date, "2012");
  EXPECT_EQ((*rows)[0].last_date, "2013-05");
  EXPECT_EQ((*rows)[0].events, 3u);
}

TEST_F(StoreTest, DatabaseIsWalWithAVersionedSchema) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ + "/kembar.db").c_str(), &db), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    std::string v;
    if (sqlite3_step(st) == SQLITE_ROW) v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
  };
  EXPECT_EQ(scalar("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(scalar("PRAGMA user_version"), std::to_string(store::kSqliteSchemaVersion));
  // A database from a newer kembar is refused, not misread.
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  kembar_.reset();
  KembarOptions options;
  options.db_path = dir_ + "/kembar.db";
  auto k = Kembar::Open(options);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.status().code(), StatusCode::kUnsupported);
}

}  // namespace
}  // namespace kembar
