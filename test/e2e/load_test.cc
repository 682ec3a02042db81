// Issue 16, under load: `kembar serve` on an ephemeral loopback port and `kembar`
// processes on the same database file, at once. Many readers and writers (server
// threads and processes): no "database is locked" reaches anyone, no update is lost,
// throughput measured. A thousand slow clients (slowloris) do not stop others being
// served; a flood of anonymous requests is held to the rate limit; oversized headers
// and bodies are refused before they are read whole. Each test prints its figures on
// a "[figures]" line (tools/reliability-campaign.sh collects them).
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "kembar/kembar.h"
#include "kembar/server/server.h"
#include "testing/fixtures.h"
#include "testing/http_client.h"

namespace kembar {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
constexpr const char* kPassword = "correct horse battery";

using testing::Connect;
using testing::ReadToClose;
using testing::SendAll;
using testing::SendUntilAnswered;
using Response = testing::HttpAnswer;
using testing::ParseAnswer;

// `kembar ARGS` run in `dir` as testing::RunKembar does, but with its own stderr file
// `err_name`, so that several may run at once.
testing::CliOutput RunKembarAlone(const std::string& dir, const std::string& args,
                                  const std::string& err_name) {
  const std::string err_file = dir + "/" + err_name;
  const std::string cmd = "cd '" + dir + "' && KEMBAR_DB= KEMBAR_LANG= LANG=C '" +
                          testing::KembarBinary() + "' " + args + " 2>'" + err_file + "'";
  testing::CliOutput o;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  const int status = pclose(p);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.err = testing::ReadFileOrDie(err_file);
  return o;
}

// The descriptor limit raised to its hard limit (a thousand slow clients and their
// server ends need two thousand); returns the soft limit now in force.
rlim_t RaiseDescriptorLimit() {
  rlimit lim{};
  getrlimit(RLIMIT_NOFILE, &lim);
  lim.rlim_cur = lim.rlim_max;
  setrlimit(RLIMIT_NOFILE, &lim);
  getrlimit(RLIMIT_NOFILE, &lim);
  return lim.rlim_cur;
}

class LoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    db_ = dir_ + "/kembar.db";
    KembarOptions ko;
    ko.db_path = db_;
    auto k = Kembar::Open(ko);
    ASSERT_TRUE(k.ok());
    ImportParams p;
    p.file = testing::SourcePath("data/indonesia.dossier.json");
    p.actor = {"local:test", true};
    ASSERT_TRUE((*k)->Import(p).ok());
    ASSERT_TRUE(server::CreateUser(db_, "admin", "admin", {}, kPassword).ok());
  }
  void TearDown() override {
    if (server_) {
      server_->Stop();
      thread_.join();
      server_.reset();
      kembar_.reset();
    }
  }

  void StartServer(server::ServerOptions options) {
    KembarOptions ko;
    ko.db_path = db_;
    auto k = Kembar::Open(ko);
    ASSERT_TRUE(k.ok());
    kembar_ = std::move(*k);
    options.listen = "127.0.0.1:0";
    options.access_log = false;
    options.handle_signals = false;
    auto s = server::Server::Create(options, *kembar_, db_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
    port_ = server_->port();
    thread_ = std::thread([this] { server_->Run(); });
  }

  Response Request(const std::string& method, const std::string& target,
                   const std::string& body = "", const std::string& headers = "",
                   std::chrono::milliseconds timeout = 30s) {
    return testing::HttpRequest(port_, method, target, body, headers, timeout);
  }

  std::string Bearer() {
    Response r = Request("POST", "/api/session",
                         json{{"username", "admin"}, {"password", kPassword}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return "Authorization: Bearer " + json::parse(r.body)["token"].get<std::string>() + "\r\n";
  }

  int64_t Events(const std::string& partnership) {
    Response r = Request("GET", "/api/partnerships/" + partnership, "", bearer_);
    if (r.status != 200) return -1;
    return static_cast<int64_t>(json::parse(r.body)["partnership"]["events"].size());
  }

  std::string dir_, db_, bearer_;
  std::unique_ptr<Kembar> kembar_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
};

// Server threads and processes read and write one database file at once: every write
// is acknowledged and stored (no lost update), every read answered, nobody is told
// "database is locked", and no answer is a 5xx.
TEST_F(LoadTest, ManyReadersAndWritersOnOneDatabaseLoseNothingAndNeverSeeLocked) {
  server::ServerOptions o;
  o.threads = 4;
  StartServer(o);
  bearer_ = Bearer();
  const std::vector<std::string> targets = {"surabaya-liverpool", "bandung-namur"};
  std::vector<int64_t> before;
  for (const auto& t : targets) before.push_back(Events(t));
  ASSERT_GT(before[0], 0);

  constexpr int kHttpWriters = 4, kWritesEach = 12, kHttpReaders = 4, kCliWriters = 2,
                kCliWritesEach = 6, kCliReaders = 2, kCliReadsEach = 8;
  std::atomic<int> http_writes{0}, http_reads{0}, failures{0};
  std::mutex mu;
  std::string first_failure;
  auto fail = [&](const std::string& what) {
    ++failures;
    std::lock_guard lock(mu);
    if (first_failure.empty()) first_failure = what;
  };
  std::atomic<bool> writing{true};
  const auto t0 = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < kHttpWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kWritesEach; ++i) {
        const std::string& p = targets[static_cast<size_t>(w) % targets.size()];
        Response r = Request("POST", "/api/partnerships/" + p + "/events",
                             json{{"type", "activity"},
                                  {"date", "2026-05-02"},
                                  {"title", "load w" + std::to_string(w) + "." + std::to_string(i)}}
                                 .dump(),
                             bearer_);
        if (r.status == 201) {
          ++http_writes;
        } else {
          fail("POST event: " + std::to_string(r.status) + " " + r.body);
        }
      }
    });
  }
  for (int rd = 0; rd < kHttpReaders; ++rd) {
    threads.emplace_back([&, rd] {
      while (writing) {
        Response r = Request("GET",
                             rd % 2 ? "/api/partnerships?per_page=50"
                                    : "/api/partnerships/" + targets[static_cast<size_t>(rd / 2)],
                             "", bearer_);
        if (r.status == 200) {
          ++http_reads;
        } else {
          fail("GET: " + std::to_string(r.status) + " " + r.body);
        }
      }
    });
  }
  // Processes: writers adding events with `kembar event add`, readers listing.
  std::atomic<int> cli_writes{0}, cli_reads{0};
  for (int w = 0; w < kCliWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kCliWritesEach; ++i) {
        testing::CliOutput c =
            RunKembarAlone(dir_,
                           "event add " + targets[static_cast<size_t>(w) % targets.size()] +
                               " --type activity --date 2026-06 --title 'cli w" +
                               std::to_string(w) + "." + std::to_string(i) + "' --db kembar.db",
                           "writer" + std::to_string(w) + ".err");
        if (c.exit_code == 0) {
          ++cli_writes;
        } else {
          fail("kembar event add: " + c.err);
        }
      }
    });
  }
  for (int rd = 0; rd < kCliReaders; ++rd) {
    threads.emplace_back([&, rd] {
      for (int i = 0; i < kCliReadsEach; ++i) {
        testing::CliOutput c =
            RunKembarAlone(dir_, "list --db kembar.db", "reader" + std::to_string(rd) + ".err");
        if (c.exit_code == 0) {
          ++cli_reads;
        } else {
          fail("kembar list: " + c.err);
        }
      }
    });
  }
  for (size_t i = 0; i < static_cast<size_t>(kHttpWriters); ++i) threads[i].join();
  for (size_t i = kHttpWriters + kHttpReaders; i < threads.size(); ++i) threads[i].join();
  writing = false;
  for (size_t i = kHttpWriters; i < static_cast<size_t>(kHttpWriters + kHttpReaders); ++i) {
    threads[i].join();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();

  EXPECT_EQ(failures.load(), 0) << first_failure;
  EXPECT_EQ(first_failure.find("locked"), std::string::npos) << first_failure;
  EXPECT_EQ(http_writes.load(), kHttpWriters * kWritesEach);
  EXPECT_EQ(cli_writes.load(), kCliWriters * kCliWritesEach);
  // No lost update: every acknowledged event is stored.
  int64_t added = 0;
  for (size_t i = 0; i < targets.size(); ++i) added += Events(targets[i]) - before[i];
  EXPECT_EQ(added, http_writes.load() + cli_writes.load());
  EXPECT_EQ(testing::ExecSql(db_, "PRAGMA integrity_check"), "");
  std::printf(
      "[figures] concurrent_readers_writers seconds=%.1f http_writes=%d cli_writes=%d "
      "http_reads=%d cli_reads=%d writes_per_s=%.1f reads_per_s=%.1f failures=%d\n",
      seconds, http_writes.load(), cli_writes.load(), http_reads.load(), cli_reads.load(),
      (http_writes + cli_writes) / seconds, (http_reads + cli_reads) / seconds, failures.load());
}

// Slowloris: a thousand connections each sending one byte of a header a second. The
// others are served promptly all the while, and the slow ones are closed once the
// header timeout has passed.
TEST_F(LoadTest, AThousandSlowClientsDoNotStopOthersBeingServed) {
  const rlim_t fds = RaiseDescriptorLimit();
  const int slow_count = fds >= 2200 ? 1000 : static_cast<int>((fds - 200) / 2);
  ASSERT_GE(slow_count, 400) << "descriptor limit " << fds;
  server::ServerOptions o;
  o.threads = 2;
  o.header_timeout = 6s;  // the slow clients outlive it
  StartServer(o);
  bearer_ = Bearer();
  std::vector<int> slow;
  for (int i = 0; i < slow_count; ++i) {
    const int fd = Connect(port_);
    ASSERT_GE(fd, 0) << "connection " << i;
    ::fcntl(fd, F_SETFL, O_NONBLOCK);
    slow.push_back(fd);
  }
  const std::string header = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
  std::atomic<bool> dribbling{true};
  std::atomic<int> bytes_sent{0};
  std::thread dribbler([&] {
    for (size_t second = 0; dribbling; ++second) {
      const char c = second < header.size() ? header[second] : 'a';
      for (int fd : slow) {
        if (::send(fd, &c, 1, MSG_NOSIGNAL) == 1) ++bytes_sent;
      }
      for (int i = 0; i < 10 && dribbling; ++i) std::this_thread::sleep_for(100ms);
    }
  });
  // Others meanwhile: sequential requests for ten seconds, each answered promptly.
  int served = 0, refused = 0;
  double worst_ms = 0;
  const auto t0 = Clock::now();
  while (Clock::now() - t0 < 10s) {
    const auto start = Clock::now();
    Response r = Request("GET", served % 2 ? "/api/health" : "/api/partnerships?per_page=5", "",
                         bearer_, 10s);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    worst_ms = std::max(worst_ms, ms);
    if (r.status == 200) {
      ++served;
    } else {
      ++refused;
    }
    std::this_thread::sleep_for(50ms);
  }
  // By now (10 s > the 6 s header timeout) the server has closed every slow client.
  int closed = 0;
  const auto deadline = Clock::now() + 3s;
  for (int fd : slow) {
    char buf[256];
    pollfd p{fd, POLLIN, 0};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (::poll(&p, 1, static_cast<int>(std::max<int64_t>(left, 0))) > 0) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) ++closed;
    }
  }
  dribbling = false;
  dribbler.join();
  for (int fd : slow) ::close(fd);
  EXPECT_EQ(refused, 0);
  EXPECT_GT(served, 40);
  EXPECT_LT(worst_ms, 2000) << "a request waited behind the slow clients";
  EXPECT_EQ(closed, slow_count) << "slow clients still held after the header timeout";
  std::printf(
      "[figures] slowloris slow_connections=%d bytes_dribbled=%d others_served=%d "
      "others_refused=%d worst_latency_ms=%.0f slow_closed_by_timeout=%d\n",
      slow_count, bytes_sent.load(), served, refused, worst_ms, closed);
}

// A flood of anonymous requests from one address is held to the rate limit (the
// burst, then the refill rate; 429 with Retry-After beyond), while a logged-in client
// is never limited.
TEST_F(LoadTest, AFloodOfAnonymousRequestsIsHeldToTheRateLimit) {
  server::ServerOptions o;
  o.threads = 2;
  o.anonymous_rate = 20;
  o.anonymous_burst = 40;
  StartServer(o);
  bearer_ = Bearer();  // the login itself takes one anonymous token
  std::atomic<int> ok{0}, limited{0}, other{0}, no_retry_after{0}, auth_ok{0}, auth_other{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 60; ++i) {
        Response r = Request("GET", "/api/health");
        if (r.status == 200) {
          ++ok;
        } else if (r.status == 429) {
          ++limited;
          if (r.head.find("Retry-After: ") == std::string::npos) ++no_retry_after;
        } else {
          ++other;
        }
      }
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < 60; ++i) {
      Response r = Request("GET", "/api/me", "", bearer_);
      ++(r.status == 200 ? auth_ok : auth_other);
    }
  });
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  // At most the burst plus what the rate refilled while the flood lasted.
  EXPECT_LE(ok.load(), static_cast<int>(40 + 20 * seconds) + 1);
  EXPECT_GE(ok.load(), 39);
  EXPECT_EQ(ok + limited, 480);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(no_retry_after.load(), 0);
  EXPECT_EQ(auth_ok.load(), 60) << "a logged-in client was limited";
  std::printf(
      "[figures] flood anonymous_requests=480 served=%d refused_429=%d seconds=%.1f "
      "bound=%d authenticated_served=%d/60\n",
      ok.load(), limited.load(), seconds, static_cast<int>(40 + 20 * seconds) + 1, auth_ok.load());
}

// Too-large requests are refused as soon as the header says so, before the body is
// read: a declared length over the limit (JSON and upload routes), a chunked body
// that grows past it, and a header that never ends.
TEST_F(LoadTest, OversizedHeadersAndBodiesAreRefusedBeforeTheyAreReadWhole) {
  server::ServerOptions o;
  o.threads = 2;
  StartServer(o);
  bearer_ = Bearer();
  int refused_early = 0;
  // Declared lengths over the limits, and no body sent at all: the answer comes anyway.
  for (const auto& [target, length] : std::vector<std::pair<std::string, std::string>>{
           {"/api/partnerships", "1048577"},
           {"/api/partnerships", "999999999999"},
           {"/api/import", "67108865"},
           {"/api/import?mode=replace", "4000000000"}}) {
    SCOPED_TRACE(target + " " + length);
    const int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    const auto start = Clock::now();
    SendAll(fd, "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + bearer_ +
                    "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n");
    Response r = ParseAnswer(ReadToClose(fd, 5s));
    ::close(fd);
    EXPECT_EQ(r.status, 413) << r.head;
    EXPECT_NE(r.body.find("too_large"), std::string::npos) << r.body;
    EXPECT_LT(Clock::now() - start, 3s);
    refused_early += r.status == 413;
  }
  // A chunked body that passes the JSON limit: 413 while the client is still sending.
  {
    const int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    SendAll(fd, "POST /api/partnerships HTTP/1.1\r\nHost: x\r\n" + bearer_ +
                    "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    // Up to 2 MiB in 64 KiB chunks; no final chunk is ever sent.
    const std::vector<std::string> chunks(32, "10000\r\n" + std::string(0x10000, ' ') + "\r\n");
    size_t sent = 0;
    Response r = ParseAnswer(SendUntilAnswered(fd, chunks, &sent));
    ::close(fd);
    EXPECT_LT(sent, 1600u * 1024) << "the body was read past the limit";
    EXPECT_EQ(r.status, 413) << r.head << " after " << sent << " bytes";
    refused_early += r.status == 413;
  }
  // A header that goes on past the limit, never finished: 431.
  {
    const int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    std::vector<std::string> lines = {"GET /api/health HTTP/1.1\r\nHost: x\r\n"};
    for (int i = 0; i < 100; ++i) {  // 100 pieces of 20 lines, 1 KiB each
      std::string piece;
      for (int j = 0; j < 20; ++j)
        piece += "X-Pad-" + std::to_string(i * 20 + j) + ": " + std::string(38, 'a') + "\r\n";
      lines.push_back(piece);
    }
    size_t sent = 0;
    Response r = ParseAnswer(SendUntilAnswered(fd, lines, &sent));
    ::close(fd);
    EXPECT_LT(sent, 64u * 1024) << "the header was read past the limit";
    EXPECT_EQ(r.status, 431) << r.head;
    refused_early += r.status == 431;
  }
  EXPECT_EQ(Request("GET", "/api/health").status, 200);
  std::printf("[figures] oversized requests=6 refused_before_read_whole=%d\n", refused_early);
}

}  // namespace
}  // namespace kembar
