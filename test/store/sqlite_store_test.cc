#include "kembar/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "kembar/io/dossier_reader.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/kembar.h"
#include "kembar/store/bulk_import.h"
#include "kembar/store/pg_store.h"
#include "store/migrations.h"
#include "testing/backends.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;
using testing::Backend;

// The store tests run on both backends: an SQLite file, and a database of its own on
// the PostgreSQL server of $KEMBAR_TEST_PG (skipped without one, unless required).
class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    db_ = testing::NewDatabase(GetParam(), dir_);
    KEMBAR_SKIP_WITHOUT_PG(db_);
    KembarOptions options;
    options.db_path = db_;
    auto k = Kembar::Open(options);
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    kembar_ = std::move(k).value();
  }

  std::string Write(const std::string& name, const json& doc) {
    const std::string path = dir_ + "/" + name;
    testing::WriteFileOrDie(path, doc.dump());
    return path;
  }

  bool sqlite() const { return GetParam() == Backend::kSqlite; }

  std::string dir_;
  std::string db_;  // the file or URL
  std::unique_ptr<Kembar> kembar_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

// Imports a file as `kembar import --replace` does.
Result<store::ImportStats> ImportFile(const Kembar& k, const std::string& file) {
  ImportParams params;
  params.file = file;
  params.mode = ImportMode::kReplace;
  params.actor.name = "local:test";
  params.actor.local_operator = true;
  return k.Import(params);
}

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

TEST_P(StoreTest, ImportThenExportLosesNothing) {
  const json doc = testing::GenerateDossier(20, 40, 3);
  auto stats = ImportFile(*kembar_, Write("a.json", doc));
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->partnerships_added, 20u);
  EXPECT_EQ(stats->regions_added, 21u);
  EXPECT_EQ(stats->events, 800u);
  auto text = kembar_->ExportJson({});
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(json::parse(*text), WithAssignedIds(doc)) << "everything kept; events gain stable ids";
  // Export -> import -> export is then the identity.
  ASSERT_TRUE(ImportFile(*kembar_, Write("b.json", json::parse(*text))).ok());
  EXPECT_EQ(json::parse(*kembar_->ExportJson({})), json::parse(*text));
}

TEST_P(StoreTest, BundledDataRoundTripsThroughTheStore) {
  const std::string path = testing::SourcePath("data/indonesia.dossier.json");
  ASSERT_TRUE(ImportFile(*kembar_, path).ok());
  auto text = kembar_->ExportJson({});
  ASSERT_TRUE(text.ok());
  const json original = json::parse(testing::ReadFileOrDie(path));
  EXPECT_EQ(json::parse(*text), original);
  // import -> export -> import changes nothing further.
  auto again = ImportFile(*kembar_, Write("again.json", json::parse(*text)));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->partnerships_added, 0u);
  EXPECT_EQ(again->partnerships_updated, original["partnerships"].size());
  EXPECT_EQ(json::parse(*kembar_->ExportJson({})), original);
}

TEST_P(StoreTest, ReimportingAKnownIdReplacesItsTimeline) {
  json doc = testing::GenerateDossier(3, 10, 4);
  ASSERT_TRUE(ImportFile(*kembar_, Write("v1.json", doc)).ok());
  doc["partnerships"][1]["events"] = json::array({{{"type", "note"}, {"date", "2024-01"}}});
  doc["regions"][0]["name"] = "Renamed";
  auto stats = ImportFile(*kembar_, Write("v2.json", doc));
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

TEST_P(StoreTest, LaterDocumentsMayNameStoredRegions) {
  json doc = testing::GenerateDossier(2, 3, 5);
  ASSERT_TRUE(ImportFile(*kembar_, Write("base.json", doc)).ok());
  json later = {{"format", "kembar-dossier/1"},
                {"regions", json::array()},
                {"partnerships",
                 {{{"id", "later"},
                   {"kind", "sister_city"},
                   {"parties", {"r0", "r2"}},
                   {"events", {{{"type", "initiated"}, {"date", "2025"}, {"side", "r2"}}}}}}}};
  auto ok = ImportFile(*kembar_, Write("later.json", later));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  later["partnerships"][0]["id"] = "dangling";
  later["partnerships"][0]["parties"][1] = "zz-nowhere";
  auto bad = ImportFile(*kembar_, Write("bad.json", later));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("partnerships[0].parties[1]: region 'zz-nowhere'"),
            std::string::npos)
      << bad.status().message();
}

TEST_P(StoreTest, SelectionsExportSelfContainedDossiers) {
  ASSERT_TRUE(ImportFile(*kembar_, Write("a.json", testing::GenerateDossier(5, 19, 6))).ok());
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

TEST_P(StoreTest, ListSummarisesDates) {
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
  ASSERT_TRUE(ImportFile(*kembar_, Write("d.json", doc)).ok());
  auto rows = kembar_->List({});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].first_date, "2010-02-01");
  EXPECT_EQ((*rows)[0].mou_date, "2012");
  EXPECT_EQ((*rows)[0].last_date, "2013-05");
  EXPECT_EQ((*rows)[0].events, 3u);
}

TEST_P(StoreTest, DatabaseIsWalWithAVersionedSchema) {
  if (!sqlite()) {
    // PostgreSQL: the version in kembar_schema; a newer one is refused the same way.
    EXPECT_EQ(testing::QueryScalarAt(db_, "SELECT version FROM kembar_schema"),
              std::to_string(store::kSchemaVersion));
    ASSERT_EQ(testing::ExecSqlAt(db_, "UPDATE kembar_schema SET version = 99"), "");
    kembar_.reset();
    KembarOptions options;
    options.db_path = db_;
    auto k = Kembar::Open(options);
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(k.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(k.status().message().find("schema version 99"), std::string::npos)
        << k.status().message();
    return;
  }
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

TEST_P(StoreTest, VersionOneDatabaseIsMigratedAndKeepsItsRecords) {
  // A database as kembar wrote it at schema version 1 (before document members).
  kembar_.reset();
  if (!sqlite()) {
    // PostgreSQL: version 1 from the one list of migrations, then opened: 2 to 5 run.
    const std::string v1 = testing::NewPgDatabase();
    ASSERT_EQ(testing::ExecSqlAt(v1, store::kMigrations[0].postgres), "");
    ASSERT_EQ(testing::ExecSqlAt(v1, R"sql(
      CREATE TABLE kembar_schema(version INTEGER NOT NULL);
      INSERT INTO kembar_schema VALUES (1);
      INSERT INTO region(id, name, country, level, doc) VALUES('id-semarang','Semarang','ID',
        'city', '{"id":"id-semarang","name":"Semarang","country":"ID","level":"city"}');
      INSERT INTO region(id, name, country, level, doc) VALUES('au-brisbane','Brisbane','AU',
        'city', '{"id":"au-brisbane","name":"Brisbane","country":"AU","level":"city"}');
      INSERT INTO partnership(id, kind, home, partner, doc) VALUES('semarang-brisbane',
        'sister_city','id-semarang','au-brisbane',
        '{"id":"semarang-brisbane","kind":"sister_city","parties":["id-semarang","au-brisbane"]}');
      INSERT INTO event(partnership_id, seq, type, date, first_day, last_day, doc)
        VALUES('semarang-brisbane',0,'mou_signed','1993',8401,8765,
        '{"id":"e1","type":"mou_signed","date":"1993"}');
      INSERT INTO partnership_region VALUES('semarang-brisbane','id-semarang');
      INSERT INTO partnership_region VALUES('semarang-brisbane','au-brisbane');
    )sql"),
              "");
    KembarOptions options;
    options.db_path = v1;
    auto k = Kembar::Open(options);
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    EXPECT_EQ(testing::QueryScalarAt(v1, "SELECT version FROM kembar_schema"),
              std::to_string(store::kSchemaVersion));
    // Version 4 filled the event id column from the stored documents.
    EXPECT_EQ(testing::QueryScalarAt(v1, "SELECT event_id FROM event"), "e1");
    auto rows = (*k)->List({});
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].mou_date, "1993");
    return;
  }
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
  ASSERT_TRUE(ImportFile(**k, Write("members.json", doc)).ok());
  auto text = (*k)->ExportJson({});
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const json back = json::parse(*text);
  EXPECT_EQ(back["attribution"], "test attribution");
  EXPECT_EQ(back["partnerships"].size(), 1u);
}

// --- The Store interface directly: narrow queries, versions, threads ----------------

class SqliteStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    db_ = testing::NewDatabase(GetParam(), dir_, "store.db");
    KEMBAR_SKIP_WITHOUT_PG(db_);
    auto s = store::OpenStore(db_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  // Reads `doc` as the importer does (every event gets an id first) and writes it
  // with a change record touching its partnerships.
  static Dossier Read(const json& doc) {
    io::DossierReader reader;
    Dossier d;
    io::ReadReport report = reader.Read(WithAssignedIds(doc).dump(), &d);
    EXPECT_TRUE(report.ok()) << report.ToStatus().ToString();
    return d;
  }
  Status Put(store::Store& s, const Dossier& d) {
    store::ImportRequest req;
    req.dossier = &d;
    store::ChangeRecord change;
    change.actor = "local:test";
    change.action = "import";
    change.record = "test.json";
    for (const Partnership& p : d.partnerships) change.partnerships.push_back(p.id);
    req.change = change;
    auto r = s.Import(req);
    return r.ok() ? Status::Ok() : r.status();
  }

  std::string dir_;
  std::string db_;  // the file or URL
  std::unique_ptr<store::Store> store_;
};

// (Named SqliteStoreTest before PostgreSQL: the Store interface, on both backends.)
INSTANTIATE_TEST_SUITE_P(Backends, SqliteStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(SqliteStoreTest, ExportBuildsTheModelTheReaderBuilds) {
  // Every member kind (extras, names, optional members of all event types) through
  // the rows and back: the same model as reading the document, written the same way.
  const Dossier d = Read(testing::GenerateDossier(30, 25, 9));
  ASSERT_TRUE(Put(*store_, d).ok());
  auto back = store_->Export({});
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(io::WriteDossier(*back), io::WriteDossier(d));
}

TEST_P(SqliteStoreTest, ExportReportsACorruptRowAsCorruption) {
  ASSERT_TRUE(Put(*store_, Read(testing::GenerateDossier(3, 4, 1))).ok());
  ASSERT_EQ(testing::ExecSqlAt(db_, "UPDATE event SET doc = '{\"type\":' WHERE seq = 2"), "");
  auto all = store_->Export({});
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(store_->Partnership("p1").status().code(), StatusCode::kCorruption);
}

TEST_P(SqliteStoreTest, PartnershipIsOneSelfContainedRecord) {
  const Dossier d = Read(testing::GenerateDossier(6, 5, 2));
  ASSERT_TRUE(Put(*store_, d).ok());
  auto one = store_->Partnership("p3");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->partnerships.size(), 1u);
  EXPECT_EQ(one->partnerships[0].id, "p3");
  EXPECT_EQ(one->partnerships[0].events.size(), 5u);
  std::set<std::string> regions;
  for (const Region& r : one->regions) regions.insert(r.id);
  EXPECT_EQ(regions, (std::set<std::string>{"r3", "r4"}));
  // The same as the export of that selection.
  store::Selection sel;
  sel.partnership_id = "p3";
  EXPECT_EQ(io::WriteDossier(*one), io::WriteDossier(*store_->Export(sel)));
  EXPECT_EQ(store_->Partnership("p99").status().code(), StatusCode::kNotFound);
}

TEST_P(SqliteStoreTest, RegionPartnershipsAreThoseWhereItIsAParty) {
  ASSERT_TRUE(Put(*store_, Read(testing::GenerateDossier(6, 3, 3))).ok());
  auto r2 = store_->RegionPartnerships("r2");  // partner in p1, home in p2
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  std::vector<std::string> ids;
  for (const Partnership& p : r2->partnerships) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"p1", "p2"}));
  std::set<std::string> regions;
  for (const Region& r : r2->regions) regions.insert(r.id);
  EXPECT_EQ(regions, (std::set<std::string>{"r1", "r2", "r3"}));
  EXPECT_EQ(store_->RegionPartnerships("nowhere").status().code(), StatusCode::kNotFound);
}

TEST_P(SqliteStoreTest, SummariesArePagesOfTheListWithATotal) {
  ASSERT_TRUE(Put(*store_, Read(testing::GenerateDossier(25, 2, 4))).ok());
  auto all = store_->List({});
  ASSERT_TRUE(all.ok());
  store::SummaryQuery q;
  q.limit = 10;
  std::vector<std::string> paged;
  for (q.offset = 0; q.offset < 30; q.offset += 10) {
    auto page = store_->Summaries(q);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, 25u);
    for (const auto& s : page->items) paged.push_back(s.id);
  }
  std::vector<std::string> listed;
  for (const auto& s : *all) listed.push_back(s.id);
  EXPECT_EQ(paged, listed) << "the same order as List";
  ASSERT_EQ(store_->Summaries(q)->items.size(), 0u);  // past the end

  store::SummaryQuery text;
  text.text = "KOTA 12 ";  // a name, any case: r12 is a party of p11 and p12
  auto found = store_->Summaries(text);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->total, 2u);
  text.text = "p2";  // an id: p2, p20..p24
  EXPECT_EQ(store_->Summaries(text)->total, 6u);

  store::SummaryQuery region;
  region.region_id = "r5";
  region.limit = 1;
  auto in_region = store_->Summaries(region);
  ASSERT_TRUE(in_region.ok());
  EXPECT_EQ(in_region->total, 2u);
  ASSERT_EQ(in_region->items.size(), 1u);
  EXPECT_EQ(in_region->items[0].events, 2u);
  region.region_id = "nowhere";
  EXPECT_EQ(store_->Summaries(region).status().code(), StatusCode::kNotFound);
}

TEST_P(SqliteStoreTest, VersionAndChangedSince) {
  auto v0 = store_->Version();
  ASSERT_TRUE(v0.ok());
  EXPECT_EQ(*v0, 0);
  ASSERT_TRUE(Put(*store_, Read(testing::GenerateDossier(3, 2, 5))).ok());
  const int64_t v1 = *store_->Version();
  EXPECT_GT(v1, *v0);
  EXPECT_EQ(*store_->ChangedSince(*v0), (std::vector<std::string>{"p0", "p1", "p2"}));
  EXPECT_TRUE(store_->ChangedSince(v1)->empty());
  store::ChangeRecord change;
  change.actor = "local:test";
  change.action = "partnership.delete";
  change.record = "p1";
  change.partnerships = {"p1"};
  ASSERT_TRUE(store_->DeletePartnership("p1", change, nullptr).ok());
  EXPECT_GT(*store_->Version(), v1);
  EXPECT_EQ(*store_->ChangedSince(v1), (std::vector<std::string>{"p1"}));
}

TEST_P(SqliteStoreTest, ReadersOnFourThreadsWhileAnotherImports) {
  ASSERT_TRUE(Put(*store_, Read(testing::GenerateDossier(40, 10, 6))).ok());
  const Dossier bigger = Read(testing::GenerateDossier(80, 10, 7));
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      while (!done.load() || reads.load() < 8) {
        if (t % 2 == 0) {
          auto d = store_->Export({});
          // Before or after the import, never half of it.
          if (!d.ok() || (d->partnerships.size() != 40 && d->partnerships.size() != 80)) {
            ++failures;
          }
        } else {
          auto rows = store_->List({});
          if (!rows.ok() || (rows->size() != 40 && rows->size() != 80)) ++failures;
        }
        ++reads;
      }
    });
  }
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(Put(*store_, bigger).ok());
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(store_->Count()->partnerships, 80u);
}

// --- Files that are not what kembar wrote: corruption (exit 6), nothing written -----

class StoreFileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::TempDir(); }

  // A database of the current version with a few records, closed.
  std::string MakeDatabase(const std::string& name) {
    const std::string path = dir_ + "/" + name;
    KembarOptions options;
    options.db_path = path;
    auto k = Kembar::Open(options);
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    const std::string file = dir_ + "/" + name + ".json";
    testing::WriteFileOrDie(file, testing::GenerateDossier(30, 8, 11).dump());
    EXPECT_TRUE(ImportFile(**k, file).ok());
    return path;
  }

  // The first failure of opening `path` and reading everything.
  static Status OpenAndRead(const std::string& path) {
    auto s = store::OpenSqliteStore(path);
    if (!s.ok()) return s.status();
    auto all = (*s)->Export({});
    return all.ok() ? Status::Ok() : all.status();
  }

  std::string dir_;
};

TEST_F(StoreFileTest, ASchemaVersionBelowZeroIsCorruptionNeverAnIndex) {
  const std::string path = MakeDatabase("neg.db");
  for (const char* v : {"-1", "-2", "-2147483648"}) {
    ASSERT_EQ(testing::ExecSql(path, std::string("PRAGMA user_version=") + v), "");
    const std::string before = testing::ReadFileOrDie(path);
    const Status s = OpenAndRead(path);
    EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.ToString();
    EXPECT_NE(s.message().find(std::string("user_version) is ") + v), std::string::npos)
        << s.message();
    EXPECT_NE(s.message(Lang::kId).find("rusak"), std::string::npos) << s.message(Lang::kId);
    EXPECT_EQ(testing::ReadFileOrDie(path), before) << "nothing written";
  }
}

TEST_F(StoreFileTest, AVersionThatDoesNotMatchTheTablesIsCorruptionNotAMigration) {
  const std::string path = MakeDatabase("v1.db");
  for (int v = 0; v < store::kSqliteSchemaVersion; ++v) {
    ASSERT_EQ(testing::ExecSql(path, "PRAGMA user_version=" + std::to_string(v)), "");
    const std::string before = testing::ReadFileOrDie(path);
    const Status s = OpenAndRead(path);
    EXPECT_EQ(s.code(), StatusCode::kCorruption) << v << ": " << s.ToString();
    EXPECT_NE(s.message().find(
                  "does not match its version (PRAGMA user_version = " + std::to_string(v) + ")"),
              std::string::npos)
        << s.message();
    EXPECT_NE(s.message().find("its tables are those of version " +
                               std::to_string(store::kSqliteSchemaVersion)),
              std::string::npos)
        << s.message();
    EXPECT_EQ(s.message().find("already exists"), std::string::npos) << s.message();
    EXPECT_EQ(testing::ReadFileOrDie(path), before) << "nothing written";
  }
  // Set back, the file is whole again.
  ASSERT_EQ(
      testing::ExecSql(path, "PRAGMA user_version=" + std::to_string(store::kSqliteSchemaVersion)),
      "");
  EXPECT_TRUE(OpenAndRead(path).ok());
}

TEST_F(StoreFileTest, FilesThatAreNotAKembarDatabaseAreCorruption) {
  std::mt19937 random(16);
  std::string noise(8192, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  const std::string whole = testing::ReadFileOrDie(MakeDatabase("whole.db"));
  ASSERT_GT(whole.size(), 16384u);
  const struct {
    const char* name;
    std::string bytes;
  } cases[] = {
      {"random bytes", noise},
      {"a JSON file", testing::GenerateDossier(5, 2, 3).dump()},
      {"a truncated database", whole.substr(0, whole.size() / 2 + 100)},
      {"only the first page", whole.substr(0, 4096)},
  };
  for (const auto& c : cases) {
    const std::string path = dir_ + "/bad.db";
    std::filesystem::remove(path);
    testing::WriteFileOrDie(path, c.bytes);
    const Status s = OpenAndRead(path);
    EXPECT_EQ(s.code(), StatusCode::kCorruption) << c.name << ": " << s.ToString();
    EXPECT_NE(s.message().find("corrupt"), std::string::npos) << c.name << ": " << s.message();
    EXPECT_EQ(testing::ReadFileOrDie(path), c.bytes) << c.name << ": nothing written";
  }
}

// --- Many connections (as many processes): no "database is locked" ----------------

// Readers that each open their own connection, read and close (as `kembar list`
// does), while a writer imports: first into the empty file (the bulk path), then
// again. None may fail, none may see half an import.
TEST_F(StoreFileTest, ReadersOnTheirOwnConnectionsNeverFailWhileAnotherImports) {
  const std::string path = dir_ + "/busy.db";
  const std::string file = dir_ + "/big.json";
  testing::WriteFileOrDie(file, testing::GenerateDossier(300, 20, 21).dump());
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::mutex mu;
  std::vector<std::string> failures;
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!done.load() || reads.load() < 40) {
        KembarOptions options;
        options.db_path = path;
        auto k = Kembar::Open(options);
        Status s = k.ok() ? Status::Ok() : k.status();
        if (k.ok()) {
          auto rows = (*k)->List({});
          if (!rows.ok()) {
            s = rows.status();
          } else if (!rows->empty() && rows->size() != 300) {
            s = Status::IoError("half an import: " + std::to_string(rows->size()));
          }
        }
        if (!s.ok()) {
          std::lock_guard lock(mu);
          failures.push_back(s.ToString());
        }
        ++reads;
      }
    });
  }
  {
    KembarOptions options;
    options.db_path = path;
    for (int i = 0; i < 3; ++i) {
      auto k = Kembar::Open(options);
      ASSERT_TRUE(k.ok()) << k.status().ToString();
      auto stats = ImportFile(**k, file);
      EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    }
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures[0];
  EXPECT_GE(reads.load(), 40);
}

TEST(OutlineDossierTest, FindsEachPartnershipAndTheRest) {
  const std::string text =
      "\xEF\xBB\xBF { \"format\" : \"kembar-dossier/1\", \"note\": [\"]\", {\"a\":\"\\\"}\"}],"
      "\"partnerships\" : [ {\"id\":\"a\",\"t\":\"}\\\\\"} ,\n{\"id\":\"b\",\"e\":[{}]} ],"
      " \"regions\": [], \"n\": -1.5e3 }\n";
  auto o = store::OutlineDossier(text);
  ASSERT_TRUE(o.has_value());
  ASSERT_EQ(o->partnerships.size(), 2u);
  auto element = [&](size_t i) {
    return text.substr(o->partnerships[i].first,
                       o->partnerships[i].second - o->partnerships[i].first);
  };
  EXPECT_EQ(element(0), "{\"id\":\"a\",\"t\":\"}\\\\\"}");
  EXPECT_EQ(element(1), "{\"id\":\"b\",\"e\":[{}]}");
  EXPECT_EQ(o->Rest(text).find("\"id\""), std::string::npos);
  EXPECT_TRUE(json::accept(o->Rest(text).substr(3)));
  // Layouts it does not cover: read whole.
  for (const char* other : {"[]", "{}", "{\"partnerships\":{}}", "{\"partnerships\":[1]}",
                            "{\"partnerships\":[{}],\"partnerships\":[]}",
                            "{\"partn\\u0065rships\":[{}]}", "{\"partnerships\":[{} {}]}",
                            "{\"partnerships\":[{\"a\":\"}]}", "{\"partnerships\":[{}]"}) {
    EXPECT_FALSE(store::OutlineDossier(other).has_value()) << other;
  }
}

}  // namespace
}  // namespace kembar
