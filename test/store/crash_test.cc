// A process killed with SIGKILL in the middle of a large import leaves the database
// intact (PRAGMA integrity_check) and holding all or nothing of the import.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "kembar/kembar.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

std::string Scalar(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  std::string v;
  if (st && sqlite3_step(st) == SQLITE_ROW)
    v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

// Starts an import of `file` in a child process and kills it once the import has
// passed `kill_at` partnerships (inside its transaction). Returns the wait status.
int ImportAndKill(const std::string& db_path, const std::string& file, size_t kill_at) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    KembarOptions options;
    options.db_path = db_path;
    auto k = Kembar::Open(options);
    if (!k.ok()) _exit(3);
    bool signalled = false;
    ImportParams params;
    params.file = file;
    params.mode = ImportMode::kReplace;
    params.actor.name = "local:test";
    params.progress = [&](size_t done, size_t) {
      if (!signalled && done >= kill_at) {
        signalled = true;
        char c = 'k';
        (void)!write(fds[1], &c, 1);
        usleep(200 * 1000);  // stay inside the transaction until the parent's kill lands
      }
    };
    auto r = (*k)->Import(params);
    _exit(r.ok() ? 0 : 4);
  }
  close(fds[1]);
  char c;
  const bool reached = read(fds[0], &c, 1) == 1;
  if (reached) kill(pid, SIGKILL);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

TEST(CrashTest, SigkillDuringImportLeavesAllOrNothing) {
  const std::string dir = testing::TempDir();
  const std::string db = dir + "/kembar.db";
  // Some data already stored, so "nothing" is distinguishable from an empty file.
  testing::WriteFileOrDie(dir + "/base.json", testing::GenerateDossier(10, 5, 1).dump());
  {
    KembarOptions options;
    options.db_path = db;
    auto k = Kembar::Open(options);
    ASSERT_TRUE(k.ok());
    ImportParams params;
    params.file = dir + "/base.json";
    params.actor.name = "local:test";
    ASSERT_TRUE((*k)->Import(params).ok());
  }
  const std::string before = Scalar(db, "SELECT count(*) FROM event");
  ASSERT_EQ(before, "50");

  // The large import: ids differ from the base (p/r prefixes are the same, so use a
  // different count: base has p0..p9, this one p0..p7999, updating the first ten).
  // Under the sanitizers a quarter of the size: the kills land at the same fractions.
  const size_t kPartnerships = testing::kSanitized ? 2000 : 8000;
  testing::WriteFileOrDie(dir + "/big.json", testing::GenerateDossier(kPartnerships, 20, 2).dump());
  for (size_t kill_at : {kPartnerships / 8, kPartnerships / 2, kPartnerships * 7 / 8}) {
    const int status = ImportAndKill(db, dir + "/big.json", kill_at);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "killed at " << kill_at;
    EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM event"), before) << "nothing of the killed import";
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM partnership"), "10");
  }
  // Unkilled, the same import lands whole.
  const int status = ImportAndKill(db, dir + "/big.json", kPartnerships + 1);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM partnership"), std::to_string(kPartnerships));
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM event"), std::to_string(kPartnerships * 20));
}

// A first import into an empty database is written with a rollback journal and
// without row-by-row foreign key checks: killed, it still leaves nothing.
TEST(CrashTest, SigkillDuringFirstImportLeavesAnEmptyDatabase) {
  const std::string dir = testing::TempDir();
  const std::string db = dir + "/kembar.db";
  {
    KembarOptions options;
    options.db_path = db;
    ASSERT_TRUE(Kembar::Open(options).ok());  // the schema, no records
  }
  const size_t kPartnerships = testing::kSanitized ? 2000 : 8000;
  testing::WriteFileOrDie(dir + "/big.json", testing::GenerateDossier(kPartnerships, 20, 2).dump());
  for (size_t kill_at : {kPartnerships / 8, kPartnerships * 7 / 8}) {
    const int status = ImportAndKill(db, dir + "/big.json", kill_at);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "killed at " << kill_at;
    EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM event"), "0") << "nothing of the killed import";
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM partnership"), "0");
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM region"), "0");
  }
  const int status = ImportAndKill(db, dir + "/big.json", kPartnerships + 1);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Scalar(db, "PRAGMA journal_mode"), "wal") << "back to WAL after the bulk load";
  EXPECT_EQ(Scalar(db, "PRAGMA foreign_key_check"), "");
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM event"), std::to_string(kPartnerships * 20));
}

}  // namespace
}  // namespace kembar
