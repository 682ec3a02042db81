// The kembar binary on PostgreSQL ($KEMBAR_TEST_PG; skipped without it unless
// KEMBAR_REQUIRE_PG=1): every command answers as on an SQLite file; `kembar serve`
// logs in and writes; two servers on one database take concurrent writes with no
// lost update and exactly the expected 409s, and the audit chain verifies; `kembar
// migrate` SQLite -> PostgreSQL -> SQLite gives the same export and chain.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "testing/backends.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
constexpr const char* kPassword = "correct horse battery";
constexpr const char* kAsOf = "2024-06-30";

// Runs `kembar ARGS` in `dir` with $KEMBAR_DB set to `db` ("" : unset).
testing::CliOutput RunAt(const std::string& dir, const std::string& db, const std::string& args) {
  const std::string out = dir + "/.out", err = dir + "/.err";
  const std::string cmd = "cd '" + dir + "' && KEMBAR_DB='" + db + "' KEMBAR_LANG= LANG=C '" +
                          testing::KembarBinary() + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int rc = std::system(cmd.c_str());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, testing::ReadFileOrDie(out),
          testing::ReadFileOrDie(err)};
}

struct Response {
  int status = 0;
  std::string body;
  json Json() const { return json::parse(body); }
};

// One HTTP/1.1 exchange with the server on loopback `port` (Connection: close).
Response Http(uint16_t port, const std::string& method, const std::string& target,
              const std::string& body = "", const std::string& headers = "") {
  Response r;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return r;
  }
  std::string req =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
  if (!body.empty() || method != "GET") {
    req +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  for (size_t off = 0; off < req.size();) {
    const ssize_t n = ::send(fd, req.data() + off, req.size() - off, MSG_NOSIGNAL);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  std::string in;
  char buf[65536];
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 1000) < 0) break;
    if (!(p.revents & (POLLIN | POLLHUP))) continue;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  if (in.size() > 12) r.status = std::atoi(in.c_str() + 9);
  const size_t sep = in.find("\r\n\r\n");
  if (sep != std::string::npos) {
    r.body = in.substr(sep + 4);
    // A chunked body: join its chunks.
    if (in.substr(0, sep).find("chunked") != std::string::npos) {
      std::string joined;
      size_t pos = 0;
      while (pos < r.body.size()) {
        const size_t eol = r.body.find("\r\n", pos);
        if (eol == std::string::npos) break;
        const size_t len = std::stoul(r.body.substr(pos, eol - pos), nullptr, 16);
        if (len == 0) break;
        joined += r.body.substr(eol + 2, len);
        pos = eol + 2 + len + 2;
      }
      r.body = joined;
    }
  }
  return r;
}

// `kembar serve --db DB --listen 127.0.0.1:0` in the background; its port read from
// what it prints. Stopped (SIGTERM) when destroyed.
class ServeProcess {
 public:
  ServeProcess(const std::string& dir, const std::string& db, const std::string& name) {
    out_ = dir + "/" + name + ".out";
    pid_ = ::fork();
    if (pid_ == 0) {
      const std::string cmd = "exec '" + testing::KembarBinary() + "' serve --db '" + db +
                              "' --listen 127.0.0.1:0 --threads 4 >'" + out_ + "' 2>'" + out_ +
                              ".err'";
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const std::regex url(R"(http://127\.0\.0\.1:(\d+))");
    for (int i = 0; i < 300 && port_ == 0; ++i) {
      std::this_thread::sleep_for(100ms);
      std::FILE* f = std::fopen(out_.c_str(), "r");
      if (!f) continue;
      std::fclose(f);
      std::smatch m;
      const std::string text = testing::ReadFileOrDie(out_);
      if (std::regex_search(text, m, url)) port_ = static_cast<uint16_t>(std::stoi(m[1]));
    }
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  uint16_t port() const { return port_; }
  std::string log() const { return testing::ReadFileOrDie(out_ + ".err"); }

 private:
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::string out_;
};

// Logs in as admin: the Bearer header of the session.
std::string Login(uint16_t port) {
  Response r = Http(port, "POST", "/api/session",
                    json{{"username", "admin"}, {"password", kPassword}}.dump());
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return "";
  return "Authorization: Bearer " + r.Json()["token"].get<std::string>() + "\r\n";
}

class PgE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = testing::NewPgDatabase();
    KEMBAR_SKIP_WITHOUT_PG(url_);
    dir_ = testing::TempDir();
    data_ = testing::SourcePath("data/indonesia.dossier.json");
    testing::WriteFileOrDie(dir_ + "/pw.txt", std::string(kPassword) + "\n");
  }
  std::string url_, dir_, data_;
};

TEST_F(PgE2eTest, EveryCommandAnswersAsOnSqliteAndServeWrites) {
  // The same commands on an SQLite file and on PostgreSQL: --db, then $KEMBAR_DB.
  for (const std::string& db : {std::string("k.db"), url_}) {
    testing::CliOutput imported = RunAt(dir_, "", "import '" + data_ + "' -q --db '" + db + "'");
    ASSERT_EQ(imported.exit_code, 0) << db << ": " << imported.err;
  }
  for (const std::string& args :
       {std::string("list"), std::string("assess --as-of ") + kAsOf,
        std::string("assess --json --as-of ") + kAsOf, std::string("status --as-of ") + kAsOf,
        std::string("status --by country --as-of ") + kAsOf, std::string("export"),
        std::string("history --json"), std::string("search Jepang"),
        std::string("todo --all --as-of ") + kAsOf}) {
    testing::CliOutput on_file = RunAt(dir_, "", args + " --db k.db");
    testing::CliOutput on_pg = RunAt(dir_, url_, args);  // $KEMBAR_DB
    EXPECT_EQ(on_file.exit_code, 0) << args << ": " << on_file.err;
    EXPECT_EQ(on_pg.exit_code, 0) << args << ": " << on_pg.err;
    EXPECT_FALSE(on_pg.out.empty()) << args;
    if (args == "history --json") {
      // The same entries; only their times (and so hashes) differ.
      ASSERT_EQ(json::parse(on_pg.out).size(), json::parse(on_file.out).size());
      continue;
    }
    EXPECT_EQ(on_pg.out, on_file.out) << args;
  }
  testing::CliOutput missing = RunAt(dir_, url_, "show no-such-partnership");
  EXPECT_EQ(missing.exit_code, 3) << missing.err;

  // kembar serve on PostgreSQL: a user added by the CLI logs in and writes.
  testing::CliOutput added = RunAt(dir_, url_, "user add admin --role admin < pw.txt");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  ServeProcess server(dir_, url_, "serve");
  ASSERT_NE(server.port(), 0) << server.log();
  const std::string auth = Login(server.port());
  const std::string id = json::parse(testing::ReadFileOrDie(data_))["partnerships"][0]["id"];
  Response before = Http(server.port(), "GET", "/api/partnerships/" + id, "", auth);
  ASSERT_EQ(before.status, 200) << before.body;
  const size_t events = before.Json()["partnership"]["events"].size();
  Response add =
      Http(server.port(), "POST", "/api/partnerships/" + id + "/events",
           json{{"type", "note"}, {"date", "2024-05"}, {"title", "on PostgreSQL"}}.dump(), auth);
  ASSERT_EQ(add.status, 201) << add.body;
  // The command line sees the server's write at once (one database).
  testing::CliOutput shown = RunAt(dir_, url_, "show " + id + " --json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("on PostgreSQL"), std::string::npos);
  EXPECT_EQ(json::parse(shown.out)["partnerships"][0]["events"].size(), events + 1);
  testing::CliOutput verify = RunAt(dir_, url_, "audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  testing::CliOutput audit = RunAt(dir_, url_, "audit --json --limit 5");
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_NE(audit.out.find("\"login\""), std::string::npos) << audit.out;
  EXPECT_NE(audit.out.find("event.add"), std::string::npos) << audit.out;
}

TEST_F(PgE2eTest, TwoServersTakeConcurrentWritesWithoutLostUpdates) {
  ASSERT_EQ(RunAt(dir_, url_, "import '" + data_ + "' -q").exit_code, 0);
  ASSERT_EQ(RunAt(dir_, url_, "user add admin --role admin < pw.txt").exit_code, 0);
  ServeProcess a(dir_, url_, "a"), b(dir_, url_, "b");
  ASSERT_NE(a.port(), 0) << a.log();
  ASSERT_NE(b.port(), 0) << b.log();
  const uint16_t ports[2] = {a.port(), b.port()};
  const std::string auth[2] = {Login(a.port()), Login(b.port())};
  const json doc = json::parse(testing::ReadFileOrDie(data_));
  const size_t log_before =
      json::parse(RunAt(dir_, url_, "audit --json --limit 1").out)["items"][0]["seq"];

  // 1. Racing edits with one version: of 6 clients (3 per server) each round, exactly
  // one wins and five get 409; over 4 rounds, 4 edits land and 20 are refused.
  const std::string pid = doc["partnerships"][1]["id"];
  int wins = 0, conflicts = 0, others = 0;
  for (int round = 0; round < 4; ++round) {
    Response current =
        Http(ports[round % 2], "GET", "/api/partnerships/" + pid, "", auth[round % 2]);
    ASSERT_EQ(current.status, 200) << current.body;
    const std::string version = current.Json()["version"];
    std::atomic<int> ok{0}, conflict{0}, other{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 6; ++c) {
      clients.emplace_back([&, c] {
        Response r =
            Http(ports[c % 2], "PATCH", "/api/partnerships/" + pid,
                 json{{"title", "round " + std::to_string(round) + " client " + std::to_string(c)}}
                     .dump(),
                 auth[c % 2] + "If-Match: \"" + version + "\"\r\n");
        (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
      });
    }
    for (std::thread& t : clients) t.join();
    wins += ok;
    conflicts += conflict;
    others += other;
  }
  EXPECT_EQ(wins, 4);
  EXPECT_EQ(conflicts, 20);
  EXPECT_EQ(others, 0);

  // 2. Concurrent writes to different partnerships through both servers: none lost.
  constexpr int kClients = 8, kEventsEach = 5;
  std::vector<size_t> counts_before;
  for (int c = 0; c < kClients; ++c) {
    const std::string id = doc["partnerships"][2 + c]["id"];
    counts_before.push_back(Http(ports[0], "GET", "/api/partnerships/" + id, "", auth[0])
                                .Json()["partnership"]["events"]
                                .size());
  }
  std::atomic<int> created{0};
  std::vector<std::thread> writers;
  for (int c = 0; c < kClients; ++c) {
    writers.emplace_back([&, c] {
      const std::string id = doc["partnerships"][2 + c]["id"];
      for (int e = 0; e < kEventsEach; ++e) {
        Response r = Http(ports[(c + e) % 2], "POST", "/api/partnerships/" + id + "/events",
                          json{{"type", "note"}, {"date", "2024-0" + std::to_string(e + 1)}}.dump(),
                          auth[(c + e) % 2]);
        if (r.status == 201) ++created;
      }
    });
  }
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(created.load(), kClients * kEventsEach);
  for (int c = 0; c < kClients; ++c) {
    const std::string id = doc["partnerships"][2 + c]["id"];
    Response r = Http(ports[1], "GET", "/api/partnerships/" + id, "", auth[1]);
    EXPECT_EQ(r.Json()["partnership"]["events"].size(), counts_before[c] + kEventsEach) << id;
  }

  // 3. The change log: one entry per write that landed, one chain.
  testing::CliOutput verify = RunAt(dir_, url_, "audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  const json last = json::parse(RunAt(dir_, url_, "audit --json --limit 1").out);
  EXPECT_EQ(last["items"][0]["seq"].get<size_t>(), log_before + 4 + kClients * kEventsEach);
  testing::CliOutput edits =
      RunAt(dir_, url_, "audit --json --action partnership.edit --limit 100");
  EXPECT_EQ(json::parse(edits.out)["total"], 4) << "one entry per edit that won";
}

TEST_F(PgE2eTest, MigrateToPostgresAndBackKeepsEverything) {
  const std::string file = "office.db";
  ASSERT_EQ(RunAt(dir_, "", "import '" + data_ + "' -q --db " + file).exit_code, 0);
  ASSERT_EQ(RunAt(dir_, "", "user add admin --role admin --db " + file + " < pw.txt").exit_code, 0);
  testing::CliOutput token = RunAt(dir_, "", "token create admin --label nightly --db " + file);
  ASSERT_EQ(token.exit_code, 0) << token.err;
  const std::string id = json::parse(testing::ReadFileOrDie(data_))["partnerships"][0]["id"];
  ASSERT_EQ(
      RunAt(dir_, "", "event add " + id + " --type note --date 2024-05 --title moved --db " + file)
          .exit_code,
      0);

  testing::CliOutput there = RunAt(dir_, "", "migrate --from " + file + " --to '" + url_ + "'");
  ASSERT_EQ(there.exit_code, 0) << there.out << there.err;
  EXPECT_NE(there.out.find("change_log:"), std::string::npos) << there.out;
  EXPECT_NE(there.out.find("account_token: 1 rows"), std::string::npos) << there.out;
  // Into a database that is no longer empty: refused, nothing written.
  testing::CliOutput again = RunAt(dir_, "", "migrate --from " + file + " --to '" + url_ + "'");
  EXPECT_EQ(again.exit_code, 2) << again.err;
  EXPECT_NE(again.err.find("empty database"), std::string::npos) << again.err;

  testing::CliOutput back = RunAt(dir_, "", "migrate --from '" + url_ + "' --to back.db");
  ASSERT_EQ(back.exit_code, 0) << back.out << back.err;
  for (const std::string& args :
       {std::string("export"), std::string("history --json"),
        std::string("audit --json --limit 1000"), std::string("user list"),
        std::string("token list"), std::string("list")}) {
    testing::CliOutput a = RunAt(dir_, "", args + " --db " + file);
    testing::CliOutput p = RunAt(dir_, url_, args);
    testing::CliOutput b = RunAt(dir_, "", args + " --db back.db");
    EXPECT_EQ(a.exit_code, 0) << args << a.err;
    EXPECT_EQ(p.out, a.out) << args << " on PostgreSQL";
    EXPECT_EQ(b.out, a.out) << args << " back on SQLite";
  }
  for (const std::string& db : {std::string("--db ") + file, std::string("--db '") + url_ + "'",
                                std::string("--db back.db")}) {
    testing::CliOutput verify = RunAt(dir_, "", "audit verify " + db);
    EXPECT_EQ(verify.exit_code, 0) << db << verify.out << verify.err;
  }
  // The API token still authenticates on the copy: a server on PostgreSQL accepts it.
  const std::string kbt = token.out.substr(token.out.find("kbt_"), 68);
  ServeProcess server(dir_, url_, "migrated");
  ASSERT_NE(server.port(), 0) << server.log();
  Response me = Http(server.port(), "GET", "/api/me", "", "Authorization: Bearer " + kbt + "\r\n");
  EXPECT_EQ(me.status, 200) << me.body;
}

}  // namespace
}  // namespace kembar
