#include "kembar/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <set>

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

// The document as the store keeps it: events without an id get "<partnership>.NN".
json WithAssignedIds(json doc) {
  for (json& p : doc["partnerships"]) {
    std::set<std::string> taken;
    for (const json& e : p["events"]) {
      if (e.contains("id")) taken.insert(e["id"].get<std::string>());
    }
    int n = 0;
    for (json& e : p["events"]) {
      if (e.contains("id")) continue;
      std::string id;
      do {
        ++n;
        id = p["id"].get<std::string>() + (n < 10 ? ".0" : ".") + std::to_string(n);
      } while (taken.count(id));
      e["id"] = id;
      taken.insert(id);
    }
  }
  return doc;
}

TEST_F(StoreTest, ImportThenExportLosesNothing) {
  const json doc = testing::GenerateDossier(20, 40, 3);
  auto stats = kembar_->ImportFile(Write("a.json", doc));
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->partnerships_added, 20u);
  EXPECT_EQ(stats->regions_added, 21u);
  EXPECT_EQ(stats->events, 800u);
  auto text = kembar_->ExportJson({});
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(json::parse(*text), WithAssignedIds(doc)) << "everything kept; events gain stable ids";
  // Export -> import -> export is then the identity.
  ASSERT_TRUE(kembar_->ImportFile(Write("b.json", json::parse(*text))).ok());
  EXPECT_EQ(json::parse(*kembar_->ExportJson({})), json::parse(*text));
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
  EXPECT_EQ(json::parse(*kembar_->ExportJson({})), WithAssignedIds(doc));
}

TEST_F(StoreTest, LaterDocumentsMayNameStoredRegions) {
  json doc = testing::GenerateDossier(2, 3, 5);
  ASSERT_TRUE(kembar_->ImportFile(Write("base.json", doc)).ok());
  json later = {{"format", "kembar-dossier/1"},
                {"regions", json::array()},
                {"partnerships",
                 {{{"id", "later"},
                   {"kind", "sister_city"},
                   {"parties", {"r0", "r2"}},
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
              {"regions",
               {{{"id", "a"}, {"name", "A"}, {"country", "ID"}, {"level", "city"}},
                {{"id", "b"}, {"name", "B"}, {"country", "JP"}, {"level", "city"}}}},
              {"partnerships",
               {{{"id", "ab"},
                 {"kind", "sister_city"},
                 {"parties", {"a", "b"}},
                 {"events",
                  {{{"type", "activity"}, {"date", "2013-05"}},
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
    if (sqlite3_step(st) == SQLITE_ROW)
      v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
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

TEST_F(StoreTest, VersionOneDatabaseIsMigratedAndKeepsItsRecords) {
  // A database as kembar wrote it at schema version 1 (before document members).
  kembar_.reset();
  const std::string path = dir_ + "/v1.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const char* v1 = R"sql(
    CREATE TABLE region(id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL,
      level TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE partnership(id TEXT PRIMARY KEY, kind TEXT NOT NULL,
      home TEXT NOT NULL REFERENCES region(id), partner TEXT NOT NULL REFERENCES region(id),
      doc TEXT NOT NULL);
    CREATE INDEX partnership_home ON partnership(home);
    CREATE INDEX partnership_partner ON partnership(partner);
    CREATE TABLE event(partnership_id TEXT NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL, type TEXT NOT NULL, date TEXT NOT NULL, first_day INTEGER NOT NULL,
      last_day INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(partnership_id, seq)) WITHOUT ROWID;
    CREATE TABLE partnership_region(partnership_id TEXT NOT NULL REFERENCES partnership(id)
      ON DELETE CASCADE, region_id TEXT NOT NULL REFERENCES region(id),
      PRIMARY KEY(partnership_id, region_id)) WITHOUT ROWID;
    CREATE INDEX partnership_region_region ON partnership_region(region_id);
    CREATE TABLE import_log(id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT
      (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), source TEXT, regions INTEGER NOT NULL,
      partnerships INTEGER NOT NULL, events INTEGER NOT NULL);
    INSERT INTO region VALUES('id-semarang','Semarang','ID','city',
      '{"id":"id-semarang","name":"Semarang","country":"ID","level":"city"}');
    INSERT INTO region VALUES('au-brisbane','Brisbane','AU','city',
      '{"id":"au-brisbane","name":"Brisbane","country":"AU","level":"city"}');
    INSERT INTO partnership VALUES('semarang-brisbane','sister_city','id-semarang','au-brisbane',
      '{"id":"semarang-brisbane","kind":"sister_city","parties":["id-semarang","au-brisbane"]}');
    INSERT INTO event VALUES('semarang-brisbane',0,'mou_signed','1993',8401,8765,
      '{"type":"mou_signed","date":"1993"}');
    INSERT INTO partnership_region VALUES('semarang-brisbane','id-semarang');
    INSERT INTO partnership_region VALUES('semarang-brisbane','au-brisbane');
    PRAGMA user_version=1;
  )sql";
  ASSERT_EQ(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);

  KembarOptions options;
  options.db_path = path;
  auto k = Kembar::Open(options);
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  auto rows = (*k)->List({});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].mou_date, "1993");
  // The new table works: document members are kept from now on.
  json doc = {{"format", "kembar-dossier/1"},
              {"attribution", "test attribution"},
              {"regions", json::array()},
              {"partnerships", json::array()}};
  ASSERT_TRUE((*k)->ImportFile(Write("members.json", doc)).ok());
  auto text = (*k)->ExportJson({});
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const json back = json::parse(*text);
  EXPECT_EQ(back["attribution"], "test attribution");
  EXPECT_EQ(back["partnerships"].size(), 1u);
}

}  // namespace
}  // namespace kembar
