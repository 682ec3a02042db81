// Issue 16, faults: what an unlucky user's machine does to kembar's database. SIGKILL
// of `kembar serve` while it writes and of a process in the middle of a WAL
// checkpoint, then PRAGMA integrity_check and all-or-nothing content; a disk that
// fills during an import; a read-only file; damaged pages (exit 6, a clear message,
// nothing written). Each test prints its figures on a "[figures]" line.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "kembar/kembar.h"
#include "kembar/server/server.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"
#include "testing/http_client.h"

namespace kembar {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
constexpr const char* kPassword = "correct horse battery";

// The first column of the first row of `sql` on a connection of its own, as text.
std::string Scalar(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  std::string v;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
    v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  } else {
    v = std::string("error: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

// `dir`/kembar.db with the bundled Indonesian dossier.
std::string MakeDatabase(const std::string& dir) {
  const std::string db = dir + "/kembar.db";
  KembarOptions ko;
  ko.db_path = db;
  auto k = Kembar::Open(ko);
  EXPECT_TRUE(k.ok());
  ImportParams p;
  p.file = testing::SourcePath("data/indonesia.dossier.json");
  p.actor = {"local:test", true};
  EXPECT_TRUE((*k)->Import(p).ok());
  return db;
}

// Titles of every event stored, from `kembar export`.
std::multiset<std::string> StoredTitles(const std::string& dir, const std::string& prefix) {
  testing::CliOutput o = testing::RunKembar(dir, "export -o titles.json --db kembar.db");
  EXPECT_EQ(o.exit_code, 0) << o.err;
  std::multiset<std::string> out;
  const json doc = json::parse(testing::ReadFileOrDie(dir + "/titles.json"));
  for (const json& p : doc["partnerships"]) {
    for (const json& e : p["events"]) {
      const std::string t = e.value("title", "");
      if (t.starts_with(prefix)) out.insert(t);
    }
  }
  return out;
}

// `kembar serve` in a child process on a free port (it prints the URL it listens on).
struct ServeProcess {
  pid_t pid = -1;
  uint16_t port = 0;
};

ServeProcess StartServe(const std::string& dir) {
  ServeProcess s;
  const std::string out = dir + "/serve.out";
  s.pid = fork();
  if (s.pid == 0) {
    const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    if (chdir(dir.c_str()) != 0) _exit(126);
    setenv("LANG", "C", 1);
    unsetenv("KEMBAR_DB");
    unsetenv("KEMBAR_LANG");
    const std::string bin = testing::KembarBinary();
    execl(bin.c_str(), bin.c_str(), "serve", "--db", "kembar.db", "--listen", "127.0.0.1:0",
          "--threads", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  const std::string marker = "http://127.0.0.1:";
  for (int i = 0; i < 300 && s.port == 0; ++i) {  // up to 30 s (a sanitizer build is slow)
    std::this_thread::sleep_for(100ms);
    const std::string text = fs::exists(out) ? testing::ReadFileOrDie(out) : "";
    if (const size_t at = text.find(marker); at != std::string::npos) {
      s.port = static_cast<uint16_t>(std::atoi(text.c_str() + at + marker.size()));
    }
  }
  return s;
}

// SIGKILL of the server while clients add events: every event the server acknowledged
// (201) is stored, none is stored in part, nothing else appears, the file passes
// PRAGMA integrity_check and the change log's hash chain is unbroken.
TEST(FaultTest, SigkillDuringServerWritesKeepsEveryAcknowledgedWriteAndNoPartOfOthers) {
  const std::string dir = testing::TempDir();
  const std::string db = MakeDatabase(dir);
  ASSERT_TRUE(server::CreateUser(db, "admin", "admin", {}, kPassword).ok());
  constexpr int kRounds = 4, kClients = 3;
  size_t acked_total = 0, sent_total = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const ServeProcess s = StartServe(dir);
    ASSERT_GT(s.port, 0) << testing::ReadFileOrDie(dir + "/serve.out");
    testing::HttpAnswer login =
        testing::HttpRequest(s.port, "POST", "/api/session",
                             json{{"username", "admin"}, {"password", kPassword}}.dump());
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string auth =
        "Authorization: Bearer " + json::parse(login.body)["token"].get<std::string>() + "\r\n";
    std::mutex mu;
    std::set<std::string> acked, sent;
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; !stop; ++i) {
          const std::string title = "kill r" + std::to_string(round) + " c" + std::to_string(c) +
                                    " #" + std::to_string(i);
          {
            std::lock_guard lock(mu);
            sent.insert(title);
          }
          testing::HttpAnswer r = testing::HttpRequest(
              s.port, "POST", "/api/partnerships/surabaya-liverpool/events",
              json{{"type", "activity"}, {"date", "2026-05-02"}, {"title", title}}.dump(), auth,
              10s);
          if (r.status == 201) {
            std::lock_guard lock(mu);
            acked.insert(title);
          } else if (r.status == 0) {
            return;  // the server is gone
          }
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(400 + 300 * round));
    ASSERT_EQ(kill(s.pid, SIGKILL), 0);
    int status = 0;
    waitpid(s.pid, &status, 0);
    stop = true;
    for (auto& t : clients) t.join();
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    ASSERT_GT(acked.size(), 0u) << "no write was acknowledged before the kill";

    EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok");
    const std::multiset<std::string> stored = StoredTitles(dir, "kill r" + std::to_string(round));
    for (const std::string& t : acked) EXPECT_EQ(stored.count(t), 1u) << "lost: " << t;
    for (const std::string& t : stored) {
      EXPECT_TRUE(sent.count(t)) << "never sent: " << t;
      EXPECT_EQ(stored.count(t), 1u) << "stored twice: " << t;
    }
    EXPECT_LE(stored.size(), acked.size() + kClients) << "more than the requests in flight";
    testing::CliOutput verify = testing::RunKembar(dir, "audit verify --db kembar.db");
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    acked_total += acked.size();
    sent_total += sent.size();
  }
  std::printf(
      "[figures] sigkill_server_write kills=%d writes_sent=%zu acknowledged=%zu "
      "acknowledged_lost=0 partial=0\n",
      kRounds, sent_total, acked_total);
}

// SIGKILL of a process in the middle of a WAL checkpoint (the WAL holding a whole
// import of 20,000 events): the committed import is there in full afterwards, the
// file passes PRAGMA integrity_check, and kembar reads it.
TEST(FaultTest, SigkillDuringAWalCheckpointLosesNoCommittedWrite) {
  const std::string dir = testing::TempDir();
  const std::string db = MakeDatabase(dir);
  // A connection held open all along: no one closing the last connection checkpoints
  // the WAL behind the test's back.
  sqlite3* hold = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &hold), SQLITE_OK);
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &reader), SQLITE_OK);
  KembarOptions ko;
  ko.db_path = db;
  auto k = Kembar::Open(ko);
  ASSERT_TRUE(k.ok());
  int landed = 0, rounds = 0;
  // Three of the five delays under the sanitizers, where each round is slow.
  const std::vector<int> delays = testing::kSanitized
                                      ? std::vector<int>{0, 5000, 80000}
                                      : std::vector<int>{0, 1000, 5000, 20000, 80000};
  for (const int delay_us : delays) {
    SCOPED_TRACE("kill after " + std::to_string(delay_us) + " us");
    ++rounds;
    const std::string file = dir + "/round.json";
    testing::WriteFileOrDie(
        file, testing::GenerateDossier(2000, 10, static_cast<uint32_t>(rounds)).dump());
    // A read transaction pins the WAL: the import's own checkpoints copy nothing.
    ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM event;", nullptr, nullptr, nullptr),
              SQLITE_OK);
    ImportParams p;
    p.file = file;
    p.mode = ImportMode::kReplace;
    p.actor = {"local:test", true};
    ASSERT_TRUE((*k)->Import(p).ok());
    ASSERT_EQ(sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_GT(fs::file_size(db + "-wal"), 1u << 20) << "the WAL should hold the import";
    testing::CliOutput before = testing::RunKembar(dir, "export -o before.json --db kembar.db");
    ASSERT_EQ(before.exit_code, 0) << before.err;
    const std::string committed = Scalar(db, "SELECT count(*) FROM event");
    ASSERT_GE(std::stol(committed), 20000);

    // The checkpoint runs in the sqlite3 shell (a process of its own: a forked copy of
    // this one would inherit its SQLite connections' state). It opens the file at
    // "SELECT 1", then checkpoints; the kill lands `delay_us` after the command.
    int to_shell[2], from_shell[2];
    ASSERT_EQ(pipe(to_shell), 0);
    ASSERT_EQ(pipe(from_shell), 0);
    const pid_t pid = fork();
    if (pid == 0) {
      dup2(to_shell[0], 0);
      dup2(from_shell[1], 1);
      for (int fd : {to_shell[0], to_shell[1], from_shell[0], from_shell[1]}) close(fd);
      execlp("sqlite3", "sqlite3", "-batch", db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_shell[0]);
    close(from_shell[1]);
    auto say = [&](const std::string& line) {
      return write(to_shell[1], line.data(), line.size()) == static_cast<ssize_t>(line.size());
    };
    ASSERT_TRUE(say("SELECT 1;\n"));
    char buf[256];
    ASSERT_GT(read(from_shell[0], buf, sizeof buf), 0) << "the sqlite3 shell did not start";
    ASSERT_TRUE(say("PRAGMA wal_checkpoint(TRUNCATE);\n"));
    if (delay_us) usleep(static_cast<useconds_t>(delay_us));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    // Landed mid-checkpoint when the checkpoint's result line never came.
    pollfd out{from_shell[0], POLLIN, 0};
    const bool finished = ::poll(&out, 1, 0) > 0 && read(from_shell[0], buf, sizeof buf) > 0;
    landed += finished ? 0 : 1;
    close(to_shell[1]);
    close(from_shell[0]);

    EXPECT_EQ(Scalar(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Scalar(db, "SELECT count(*) FROM event"), committed);
    testing::CliOutput after = testing::RunKembar(dir, "export -o after.json --db kembar.db");
    ASSERT_EQ(after.exit_code, 0) << after.err;
    EXPECT_EQ(testing::ReadFileOrDie(dir + "/after.json"),
              testing::ReadFileOrDie(dir + "/before.json"));
  }
  EXPECT_GE(landed, 1) << "no kill landed before the checkpoint had finished";
  (*k).reset();  // the import connection closes before the others
  sqlite3_close(reader);
  sqlite3_close(hold);
  std::printf(
      "[figures] sigkill_wal_checkpoint kills=%d landed_mid_checkpoint=%d "
      "committed_events_lost=0\n",
      rounds, landed);
}

// The disk fills during an import: the import fails with exit 5 and a message that
// says so, and the database is as it was (integrity, content, still readable). A
// small tmpfs when kembar may mount one (root), else a file size limit (ulimit -f;
// SIGXFSZ ignored), which fails writes the same way with EFBIG instead of ENOSPC.
TEST(FaultTest, ADiskFullImportChangesNothingAndSaysSo) {
  const std::string dir = testing::TempDir();
  const std::string db = MakeDatabase(dir);
  testing::WriteFileOrDie(dir + "/big.json", testing::GenerateDossier(3000, 10, 7).dump());
  const std::string events = Scalar(db, "SELECT count(*) FROM event");
  const uintmax_t size = fs::file_size(db);
  const std::string full = dir + "/full";
  fs::create_directory(full);
  const std::string options = "size=" + std::to_string((size + (512u << 10)) / 4096 * 4096);
  const bool tmpfs =
      geteuid() == 0 && ::mount("tmpfs", full.c_str(), "tmpfs", 0, options.c_str()) == 0;
  std::string err;
  int exit_code = -1;
  std::string target_db;
  if (tmpfs) {
    target_db = full + "/kembar.db";
    fs::copy_file(db, target_db);
    testing::CliOutput o = testing::RunKembar(dir, "import big.json --db full/kembar.db");
    exit_code = o.exit_code;
    err = o.err;
  } else {
    target_db = db;
    const std::string cmd = "cd '" + dir + "' && trap '' XFSZ && ulimit -f " +
                            std::to_string(size / 1024 + 512) + " && LANG=C KEMBAR_DB= '" +
                            testing::KembarBinary() + "' import big.json --db kembar.db 2>err.txt";
    const int status = std::system(cmd.c_str());
    exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    err = testing::ReadFileOrDie(dir + "/err.txt");
  }
  EXPECT_EQ(exit_code, 5) << err;
  EXPECT_NE(err.find("disk is full"), std::string::npos) << err;
  EXPECT_NE(err.find("kembar.db"), std::string::npos) << "names the file: " << err;
  EXPECT_EQ(Scalar(target_db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Scalar(target_db, "SELECT count(*) FROM event"), events) << "part of the import stored";
  testing::CliOutput list =
      testing::RunKembar(dir, std::string("list --db ") + (tmpfs ? "full/kembar.db" : "kembar.db"));
  EXPECT_EQ(list.exit_code, 0) << list.err;
  if (tmpfs) ::umount(full.c_str());
  std::printf("[figures] disk_full method=%s imports_refused=1 written=0\n",
              tmpfs ? "tmpfs" : "rlimit_fsize");
}

// A database file the user may not write: reading works, a change is refused with
// exit 5 and a message naming the file and why, and the file is left as it was.
TEST(FaultTest, AReadOnlyDatabaseIsReadButNeverWritten) {
  const std::string dir = testing::TempDir();
  const std::string db = MakeDatabase(dir);
  // The folder is the user's (SQLite keeps the -wal and -shm files of a WAL database
  // beside it), the file is read-only.
  ::chmod(dir.c_str(), 0777);
  ::chmod(db.c_str(), 0444);
  testing::WriteFileOrDie(dir + "/small.json", testing::GenerateDossier(2, 3, 5).dump());
  ::chmod((dir + "/small.json").c_str(), 0644);
  // Root may write any file: the commands then run as nobody.
  const std::string as_user =
      geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  auto run = [&](const std::string& args) {
    const std::string cmd = "cd '" + dir + "' && LANG=C KEMBAR_DB= KEMBAR_LANG= " + as_user + "'" +
                            testing::KembarBinary() + "' " + args + " >out.txt 2>err.txt";
    const int status = std::system(cmd.c_str());
    return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                          testing::ReadFileOrDie(dir + "/err.txt"));
  };
  const std::string before = testing::ReadFileOrDie(db);
  auto [list_code, list_err] = run("list --db kembar.db");
  EXPECT_EQ(list_code, 0) << list_err;
  int refused = 0;
  for (const std::string& change :
       {std::string("import small.json --db kembar.db"),
        std::string("event add surabaya-liverpool --type activity --date 2026 --title x "
                    "--db kembar.db")}) {
    SCOPED_TRACE(change);
    auto [code, err] = run(change);
    EXPECT_EQ(code, 5) << err;
    EXPECT_NE(err.find("read-only"), std::string::npos) << err;
    EXPECT_NE(err.find("kembar.db"), std::string::npos) << "names the file: " << err;
    refused += code == 5;
  }
  EXPECT_EQ(testing::ReadFileOrDie(db), before) << "the read-only file changed";
  std::printf("[figures] read_only changes_tried=2 refused=%d reads_ok=%d written=0\n", refused,
              list_code == 0);
}

// Damaged pages inside a real database (the root page of each main table overwritten
// with noise): every command that reads them exits 6 with a clear message naming the
// file, and none writes to it.
TEST(FaultTest, CorruptPagesAreExitSixWithAClearMessageAndNoWrite) {
  const std::string dir = testing::TempDir();
  const std::string db = MakeDatabase(dir);
  testing::WriteFileOrDie(dir + "/small.json", testing::GenerateDossier(2, 3, 5).dump());
  const long page_size = std::stol(Scalar(db, "PRAGMA page_size"));
  int cases = 0, refused = 0;
  const std::string export_all = "export -o out.json --db bad.db";
  const std::string import = "import small.json --db bad.db";
  const std::string add_event =
      "event add surabaya-liverpool --type activity --date 2026 --title x --db bad.db";
  // Each table with the commands that read it (adding an event reads no region: a
  // write that touches no damaged page cannot see the damage).
  for (const auto& [table, commands] :
       std::vector<std::pair<const char*, std::vector<std::string>>>{
           {"partnership", {export_all, import, add_event}},
           {"event", {export_all, import, add_event}},
           {"region", {export_all, import}}}) {
    SCOPED_TRACE(table);
    const std::string bad = dir + "/bad.db";
    fs::remove(bad);
    fs::copy_file(db, bad);
    const std::string root_sql =
        std::string("SELECT rootpage FROM sqlite_schema WHERE name = '") + table + "'";
    const long root = std::stol(Scalar(bad, root_sql.c_str()));
    {
      std::string file = testing::ReadFileOrDie(bad);
      for (long i = 0; i < page_size; ++i) {
        file[static_cast<size_t>((root - 1) * page_size + i)] =
            static_cast<char>((i * 7919 + 13) % 251);
      }
      testing::WriteFileOrDie(bad, file);
    }
    const std::string before = testing::ReadFileOrDie(bad);
    for (const std::string& command : commands) {
      SCOPED_TRACE(command);
      ++cases;
      testing::CliOutput o = testing::RunKembar(dir, command);
      EXPECT_EQ(o.exit_code, 6) << o.err;
      EXPECT_NE(o.err.find("bad.db"), std::string::npos) << "names the file: " << o.err;
      EXPECT_NE(o.err.find("damaged"), std::string::npos) << o.err;
      EXPECT_EQ(testing::ReadFileOrDie(bad), before) << "the damaged file was written";
      refused += o.exit_code == 6;
    }
  }
  std::printf("[figures] corrupt_pages tables=3 commands=%d exit_6=%d written=0\n", cases, refused);
}

}  // namespace
}  // namespace kembar
