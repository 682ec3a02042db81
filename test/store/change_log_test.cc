// The change log as the audit log: the client's address, the accounts' area (which
// does not move Version), the migration from schema 4, filters, and tampering.
#include "store/change_log.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "kembar/io/digest.h"
#include "kembar/kembar.h"
#include "kembar/store/sqlite_store.h"
#include "store/sql.h"
#include "testing/backends.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;

json Doc(const std::string& pid, const std::string& home, const std::string& partner) {
  return {{"format", "kembar-dossier/1"},
          {"regions",
           {{{"id", home}, {"name", home}, {"country", "ID"}, {"level", "city"}},
            {{"id", partner}, {"name", partner}, {"country", "JP"}, {"level", "city"}}}},
          {"partnerships",
           {{{"id", pid},
             {"kind", "sister_city"},
             {"parties", {home, partner}},
             {"events", {{{"type", "mou_signed"}, {"date", "2001"}}}}}}}};
}

// On both backends: an SQLite file, a PostgreSQL database ($KEMBAR_TEST_PG).
class ChangeLogTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    path_ = testing::NewDatabase(GetParam(), dir_);
    KEMBAR_SKIP_WITHOUT_PG(path_);
    Open();
  }
  void Open() {
    KembarOptions options;
    options.db_path = path_;
    auto k = Kembar::Open(options);
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    kembar_ = std::move(k).value();
  }
  // Imports a document as `who` from `address`.
  void Import(const json& doc, const std::string& who, const std::string& address = "") {
    const std::string file = dir_ + "/doc" + std::to_string(++files_) + ".json";
    testing::WriteFileOrDie(file, doc.dump());
    ImportParams params;
    params.file = file;
    params.mode = ImportMode::kReplace;
    params.actor.name = who;
    params.actor.address = address;
    params.actor.local_operator = true;
    auto r = kembar_->Import(params);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  void Sql(const std::string& sql) { EXPECT_EQ(testing::ExecSqlAt(path_, sql), ""); }
  // Appends an accounts' entry through a second connection, as AccountStore does.
  void AppendAccountEntry(const std::string& actor, const std::string& action) {
    auto db = store::OpenSqlConnection(path_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->BeginWrite().ok());
    store::ChangeRecord c;
    c.area = std::string(store::kAccountsArea);
    c.actor = actor;
    c.address = "192.0.2.1";
    c.action = action;
    c.record = actor;
    c.summary = "test";
    Status s = store::AppendChange(**db, &c);
    EXPECT_TRUE(s.ok()) << s.ToString();
    ASSERT_TRUE((*db)->Commit().ok());
  }

  std::string dir_, path_;  // path_: the file or URL
  int files_ = 0;
  std::unique_ptr<Kembar> kembar_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ChangeLogTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

TEST_P(ChangeLogTest, TheClientAddressIsStoredAndReadBack) {
  Import(Doc("a-b", "id-a", "jp-b"), "siti", "203.0.113.9");
  auto history = kembar_->History("a-b");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].address, "203.0.113.9");
  EXPECT_EQ((*history)[0].area, "records");
  // After reopening, from the file.
  kembar_.reset();
  Open();
  auto page = kembar_->Audit({});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].address, "203.0.113.9");
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok());
  // The address is part of the chain.
  Sql("UPDATE change_log SET address = '10.0.0.1' WHERE seq = 1");
  EXPECT_EQ(kembar_->VerifyChangeLog().code(), StatusCode::kCorruption);
}

TEST_P(ChangeLogTest, AccountEntriesDoNotChangeTheRecordsVersion) {
  Import(Doc("a-b", "id-a", "jp-b"), "siti");
  const int64_t v1 = *kembar_->Version();
  AppendAccountEntry("admin", "login");
  AppendAccountEntry("budi", "login.failed");
  EXPECT_EQ(*kembar_->Version(), v1);
  EXPECT_TRUE(kembar_->ChangedSince(v1)->empty());
  // History is the records'; the audit has both areas.
  EXPECT_EQ(kembar_->History("")->size(), 1u);
  EXPECT_EQ(kembar_->Audit({})->total, 3u);
  Import(Doc("c-d", "id-c", "jp-d"), "siti");
  const int64_t v2 = *kembar_->Version();
  EXPECT_EQ(v2, 4);  // the sequence is shared, so it jumps over the accounts' entries
  EXPECT_EQ(*kembar_->ChangedSince(v1), (std::vector<std::string>{"c-d"}));
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok());
}

TEST_P(ChangeLogTest, FiltersByUserRegionActionAndDayNewestFirst) {
  Import(Doc("a-b", "id-a", "jp-b"), "siti", "10.0.0.1");
  AppendAccountEntry("admin", "login");
  Import(Doc("c-d", "id-c", "jp-d"), "budi", "10.0.0.2");
  AppendAccountEntry("admin", "user.add");

  auto all = kembar_->Audit({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 4u);
  EXPECT_EQ(all->entries.front().seq, 4);  // newest first
  EXPECT_EQ(all->entries.back().seq, 1);

  AuditParams by_user;
  by_user.user = "admin";
  EXPECT_EQ(kembar_->Audit(by_user)->total, 2u);

  AuditParams by_action;
  by_action.action = "user.";
  auto users = kembar_->Audit(by_action);
  ASSERT_EQ(users->total, 1u);
  EXPECT_EQ(users->entries[0].action, "user.add");

  AuditParams by_region;
  by_region.region = "id-c";  // a party of c-d
  auto region = kembar_->Audit(by_region);
  ASSERT_TRUE(region.ok()) << region.status().ToString();
  ASSERT_EQ(region->total, 1u);
  EXPECT_EQ(region->entries[0].actor, "budi");
  by_region.region = "nowhere";
  EXPECT_EQ(kembar_->Audit(by_region).status().code(), StatusCode::kNotFound);

  const std::string today = all->entries[0].at.substr(0, 10);
  AuditParams days;
  days.from = today;
  days.to = today;
  EXPECT_EQ(kembar_->Audit(days)->total, 4u);
  days.from = "2000-01-01";
  days.to = "2000-12-31";
  EXPECT_EQ(kembar_->Audit(days)->total, 0u);
  days.to = "2000-02-30";
  EXPECT_EQ(kembar_->Audit(days).status().code(), StatusCode::kInvalidInput);

  AuditParams page;
  page.limit = 1;
  page.offset = 1;
  auto second = kembar_->Audit(page);
  ASSERT_EQ(second->entries.size(), 1u);
  EXPECT_EQ(second->entries[0].seq, 3);
  EXPECT_EQ(second->total, 4u);
}

TEST_P(ChangeLogTest, AChangedOrRemovedEntryIsNamed) {
  Import(Doc("a-b", "id-a", "jp-b"), "siti");
  AppendAccountEntry("admin", "login");
  Import(Doc("c-d", "id-c", "jp-d"), "siti");
  ASSERT_TRUE(kembar_->VerifyChangeLog().ok());
  Sql("UPDATE change_log SET actor = 'x' WHERE seq = 2");
  Status altered = kembar_->VerifyChangeLog();
  EXPECT_EQ(altered.code(), StatusCode::kCorruption);
  EXPECT_NE(altered.message().find("entry 2"), std::string::npos) << altered.message();
  Sql("UPDATE change_log SET actor = 'admin' WHERE seq = 2");
  ASSERT_TRUE(kembar_->VerifyChangeLog().ok());
  Sql("DELETE FROM change_log WHERE seq = 2");
  Status removed = kembar_->VerifyChangeLog();
  EXPECT_EQ(removed.code(), StatusCode::kCorruption);
  EXPECT_NE(removed.message().find("entry 2 was removed"), std::string::npos) << removed.message();
}

// The chain hash as schema 4 computed it, for entries written before the address.
std::string V4Hash(const std::string& prev, const store::ChangeRecord& c) {
  std::string buf;
  for (const std::string* f :
       {&prev, &c.at, &c.actor, &c.action, &c.record, &c.summary, &c.before, &c.after}) {
    buf += std::to_string(f->size()) + ":" + *f;
  }
  buf += "0:" + std::to_string(c.seq);  // no partnerships touched
  return io::Sha256Hex(buf);
}

TEST_P(ChangeLogTest, ASchemaFourDatabaseIsMigratedAndItsChainStillVerifies) {
  Import(Doc("a-b", "id-a", "jp-b"), "siti");
  kembar_.reset();
  // Back to schema 4: change_log without address and area, and one entry whose hash
  // was computed by schema 4's formula.
  Sql("DROP VIEW region_profile");  // schema 6
  Sql(R"sql(
    DROP INDEX change_log_area;
    DROP INDEX change_log_actor;
    ALTER TABLE change_log DROP COLUMN address;
    ALTER TABLE change_log DROP COLUMN area;
  )sql");
  Sql(GetParam() == testing::Backend::kSqlite ? "PRAGMA user_version = 4"
                                              : "UPDATE kembar_schema SET version = 4");
  store::ChangeRecord old;
  old.seq = 2;
  old.at = "2025-01-02T03:04:05.000Z";
  old.actor = "local:old";
  old.action = "region.edit";
  old.record = "id-a";
  old.summary = "name";
  const std::string prev_hash =
      testing::QueryScalarAt(path_, "SELECT hash FROM change_log WHERE seq = 1");
  ASSERT_EQ(prev_hash.size(), 64u) << prev_hash;
  Sql("INSERT INTO change_log(seq, at, actor, action, record, summary, before, after, touched, "
      "hash) VALUES (2, '" +
      old.at + "', 'local:old', 'region.edit', 'id-a', 'name', '', '', '', '" +
      V4Hash(prev_hash, old) + "')");

  Open();  // migrates to the current schema
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok()) << kembar_->VerifyChangeLog().ToString();
  auto all = kembar_->Audit({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 2u);
  EXPECT_EQ(all->entries[0].address, "");
  EXPECT_EQ(all->entries[0].area, "records");
  EXPECT_EQ(*kembar_->Version(), 2);
  // New entries carry their address and chain on.
  Import(Doc("c-d", "id-c", "jp-d"), "budi", "10.9.8.7");
  EXPECT_EQ(kembar_->Audit({})->entries[0].address, "10.9.8.7");
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok());
}

}  // namespace
}  // namespace kembar
