// Black-box tests of `kembar serve`'s HTTP API: a server on an ephemeral loopback
// port, spoken to over plain sockets: login, cookie + CSRF, Bearer, JSON error bodies
// (401, 403, 404, 413, 431), a slow client dropped without blocking others, SIGTERM,
// the role matrix, expiry and throttling, JSON paths, and racing writers (409).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "kembar/kembar.h"
#include "kembar/server/server.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
constexpr const char* kPassword = "correct horse battery";

struct Response {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names (last value wins)
  std::vector<std::string> cookies;
  std::string body;
  json Json() const { return json::parse(body); }
};

int Connect(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void SendAll(int fd, const std::string& data) {
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

// Reads until the peer closes (or `timeout`); returns what arrived.
std::string ReadToClose(int fd, std::chrono::milliseconds timeout) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char buf[65536];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    const int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          deadline - std::chrono::steady_clock::now())
                                          .count());
    if (::poll(&p, 1, std::max(left, 1)) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

Response Parse(const std::string& raw) {
  Response r;
  const size_t end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || end == std::string::npos) return r;
  r.status = std::stoi(raw.substr(9, 3));
  size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    size_t eol = raw.find("\r\n", pos);
    std::string line = raw.substr(pos, eol - pos);
    size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    if (name == "set-cookie") r.cookies.push_back(value);
    r.headers[name] = value;
    pos = eol + 2;
  }
  r.body = raw.substr(end + 4);
  return r;
}

class HttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    db_ = dir_ + "/kembar.db";
    {
      KembarOptions ko;
      ko.db_path = db_;
      auto k = Kembar::Open(ko);
      ASSERT_TRUE(k.ok());
      ImportParams p;
      p.file = testing::SourcePath("data/indonesia.dossier.json");
      p.actor = {"local:test", true};
      ASSERT_TRUE((*k)->Import(p).ok());
    }
    for (auto [name, role, regions] :
         std::vector<std::tuple<std::string, std::string, std::vector<std::string>>>{
             {"admin", "admin", {}}, {"siti", "editor", {"id-surabaya"}}, {"budi", "viewer", {}}}) {
      Status s = server::CreateUser(db_, name, role, regions, kPassword);
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
  }
  void TearDown() override { StopServer(); }

  void StartServer(server::ServerOptions options = {}) {
    KembarOptions ko;
    ko.db_path = db_;
    auto k = Kembar::Open(ko);
    ASSERT_TRUE(k.ok());
    kembar_ = std::move(*k);
    options.listen = "127.0.0.1:0";
    options.threads = options.threads ? options.threads : 2;
    options.access_log = false;
    auto s = server::Server::Create(options, *kembar_, db_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
    port_ = server_->port();
    thread_ = std::thread([this] { server_->Run(); });
  }
  void StopServer() {
    if (!server_) return;
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    kembar_.reset();
  }

  Response Request(const std::string& method, const std::string& target,
                   const std::string& body = "", const std::vector<std::string>& headers = {}) {
    int fd = Connect(port_);
    EXPECT_GE(fd, 0);
    std::string req =
        method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
    for (const std::string& h : headers) req += h + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
      req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n";
    }
    req += "\r\n" + body;
    SendAll(fd, req);
    Response r = Parse(ReadToClose(fd, 10s));
    ::close(fd);
    return r;
  }
  json LogIn(const std::string& user) {
    Response r =
        Request("POST", "/api/session", json{{"username", user}, {"password", kPassword}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  static void ExpectErrorBody(const Response& r, int status, const std::string& code,
                              const std::string& path) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.headers.count("content-type") ? r.headers.at("content-type") : "",
              "application/json");
    json b = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(b.is_object()) << r.body;
    EXPECT_EQ(b["code"], code) << r.body;
    EXPECT_TRUE(b["message"].is_string() && !b["message"].get<std::string>().empty());
    EXPECT_EQ(b["path"], path);
  }

  std::string dir_, db_;
  std::unique_ptr<Kembar> kembar_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
};

TEST_F(HttpTest, HealthAndSecurityHeaders) {
  StartServer();
  Response r = Request("GET", "/api/health");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["status"], "ok");
  EXPECT_GT(r.Json()["partnerships"].get<int>(), 0);
  EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
  EXPECT_NE(r.headers["content-security-policy"].find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r.headers["cache-control"], "no-store");
  EXPECT_EQ(r.headers["referrer-policy"], "no-referrer");
}

TEST_F(HttpTest, TheWebApplicationIsServedAtTheRoot) {
  StartServer();
  Response index = Request("GET", "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.headers["content-type"].rfind("text/html", 0), 0u);
  EXPECT_NE(index.body.find("<!doctype html>"), std::string::npos);
  EXPECT_EQ(index.headers["cache-control"], "no-cache");
  EXPECT_NE(index.headers["content-security-policy"].find("default-src 'self'"), std::string::npos);
  // The application routes its own pages: a deep link gets the same page.
  Response deep = Request("GET", "/partnerships/id-surabaya--gb-liverpool");
  EXPECT_EQ(deep.status, 200);
  EXPECT_EQ(deep.body, index.body);
  // Its scripts, by their hashed names, cached for good.
  const size_t src = index.body.find("src=\"/assets/");
  ASSERT_NE(src, std::string::npos) << index.body;
  const std::string script = index.body.substr(src + 5, index.body.find('"', src + 5) - (src + 5));
  Response js = Request("GET", script);
  EXPECT_EQ(js.status, 200) << script;
  EXPECT_NE(js.headers["cache-control"].find("immutable"), std::string::npos);
  // A missing asset is a JSON 404, not the page; /api stays the API's.
  ExpectErrorBody(Request("GET", "/assets/missing.js"), 404, "not_found", "/assets/missing.js");
  EXPECT_EQ(Request("GET", "/api/nope").status, 404);
}

TEST_F(HttpTest, CookieWithCsrfAndBearer) {
  StartServer();
  Response login =
      Request("POST", "/api/session", json{{"username", "budi"}, {"password", kPassword}}.dump());
  ASSERT_EQ(login.status, 200) << login.body;
  ASSERT_EQ(login.cookies.size(), 1u);
  const std::string cookie = login.cookies[0].substr(0, login.cookies[0].find(';'));
  EXPECT_NE(login.cookies[0].find("HttpOnly"), std::string::npos);
  EXPECT_NE(login.cookies[0].find("SameSite=Strict"), std::string::npos);
  const std::string csrf = login.Json()["csrf"];
  const std::string token = login.Json()["token"];

  Response me = Request("GET", "/api/me", "", {"Cookie: " + cookie});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["user"]["name"], "budi");

  const std::string change = json{{"language", "id"}}.dump();
  ExpectErrorBody(Request("PUT", "/api/me", change, {"Cookie: " + cookie}), 403, "csrf_failed",
                  "/api/me");
  Response put = Request("PUT", "/api/me", change, {"Cookie: " + cookie, "X-CSRF-Token: " + csrf});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["user"]["language"], "id");

  Response bearer = Request("PUT", "/api/me", json{{"language", "en"}}.dump(),
                            {"Authorization: Bearer " + token});
  EXPECT_EQ(bearer.status, 200) << bearer.body;

  Response list = Request("GET", "/api/partnerships?region=id-surabaya&per_page=5", "",
                          {"Authorization: Bearer " + token});
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_GT(list.Json()["total"].get<int>(), 0);
  Response one = Request("GET", "/api/partnerships/surabaya-liverpool", "",
                         {"Authorization: Bearer " + token});
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Json()["partnership"]["id"], "surabaya-liverpool");
  EXPECT_FALSE(one.headers["etag"].empty());

  Response logout =
      Request("DELETE", "/api/session", "", {"Cookie: " + cookie, "X-CSRF-Token: " + csrf});
  EXPECT_EQ(logout.status, 204);
  ExpectErrorBody(Request("GET", "/api/me", "", {"Authorization: Bearer " + token}), 401,
                  "unauthorized", "/api/me");
}

TEST_F(HttpTest, ErrorsAreJsonWithTheirStatus) {
  StartServer();
  ExpectErrorBody(Request("GET", "/api/partnerships"), 401, "unauthorized", "/api/partnerships");
  const std::string viewer = LogIn("budi")["token"];
  ExpectErrorBody(Request("GET", "/api/users", "", {"Authorization: Bearer " + viewer}), 403,
                  "forbidden", "/api/users");
  ExpectErrorBody(
      Request("GET", "/api/partnerships/nowhere", "", {"Authorization: Bearer " + viewer}), 404,
      "not_found", "/api/partnerships/nowhere");
  ExpectErrorBody(Request("GET", "/api/nothing/here"), 404, "not_found", "/api/nothing/here");
  ExpectErrorBody(Request("POST", "/api/session", "{\"username\": "), 400, "invalid_input",
                  "/api/session");
  // A body over the 1 MiB JSON limit is refused from its Content-Length, unread.
  ExpectErrorBody(Request("POST", "/api/session", std::string(1024 * 1024 + 1, ' ')), 413,
                  "too_large", "/api/session");
  // So is a chunked one that grows past it.
  {
    int fd = Connect(port_);
    std::string req =
        "POST /api/users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        "Content-Type: application/json\r\n\r\n";
    SendAll(fd, req);
    const std::string chunk(64 * 1024, 'x');
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
    for (int i = 0; i < 20; ++i) SendAll(fd, size + chunk + "\r\n");
    Response r = Parse(ReadToClose(fd, 10s));
    ::close(fd);
    ExpectErrorBody(r, 413, "too_large", "/api/users");
  }
  // A header over 16 KiB.
  Response big = Request("GET", "/api/health", "", {"X-Filler: " + std::string(20000, 'a')});
  EXPECT_EQ(big.status, 431);
  EXPECT_EQ(json::parse(big.body)["code"], "too_large");
}

TEST_F(HttpTest, ASlowClientIsDroppedWithoutBlockingOthers) {
  server::ServerOptions o;
  o.header_timeout = 800ms;
  o.threads = 1;  // one I/O thread: a blocking read would starve everyone
  StartServer(o);
  // Slow clients: connect, send half a header, then nothing.
  std::vector<int> slow;
  for (int i = 0; i < 20; ++i) {
    int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    SendAll(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    slow.push_back(fd);
  }
  // Others are served meanwhile, promptly.
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 10; ++i) EXPECT_EQ(Request("GET", "/api/health").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 700ms);
  // The slow ones are closed after the header timeout, without an answer.
  for (int fd : slow) {
    const auto start = std::chrono::steady_clock::now();
    std::string got = ReadToClose(fd, 5s);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
    EXPECT_TRUE(got.empty()) << got;
    ::close(fd);
  }
  // A client that dribbles one byte at a time is still held to the same deadline.
  int fd = Connect(port_);
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  for (int i = 0; i < 40 && !closed; ++i) {
    if (::send(fd, "a", 1, MSG_NOSIGNAL) != 1) closed = true;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) > 0) {
      char c;
      if (::recv(fd, &c, 1, 0) <= 0) closed = true;
    }
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2500ms);
  ::close(fd);
  EXPECT_EQ(Request("GET", "/api/health").status, 200);
}

TEST_F(HttpTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  StartServer();
  int fd = Connect(port_);
  const std::string req = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
  SendAll(fd, req + req + "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string all = ReadToClose(fd, 5s);
  ::close(fd);
  size_t count = 0;
  for (size_t pos = 0; (pos = all.find("HTTP/1.1 200", pos)) != std::string::npos; ++pos) ++count;
  EXPECT_EQ(count, 3u) << all;
}

TEST_F(HttpTest, SigtermLetsTheInFlightRequestFinishThenReturns) {
  server::ServerOptions o;
  o.handle_signals = true;
  StartServer(o);
  // An idle keep-alive connection and a login (argon2id: the slowest request) in flight.
  int idle = Connect(port_);
  SendAll(idle, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  pollfd p{idle, POLLIN, 0};
  ASSERT_GT(::poll(&p, 1, 5000), 0);
  char buf[4096];
  ASSERT_GT(::recv(idle, buf, sizeof buf, 0), 0);

  auto login = std::async(std::launch::async, [this] {
    return Request("POST", "/api/session",
                   json{{"username", "admin"}, {"password", kPassword}}.dump());
  });
  // The request reaches the server within a millisecond; argon2id then takes ~100 ms.
  std::this_thread::sleep_for(50ms);
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  const auto t0 = std::chrono::steady_clock::now();
  thread_.join();  // Run() returns
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
  EXPECT_EQ(login.get().status, 200);
  EXPECT_TRUE(ReadToClose(idle, 2s).empty());  // the idle connection was closed
  ::close(idle);
  EXPECT_LT(Connect(port_), 0);  // no longer accepting
  server_.reset();
  kembar_.reset();
  // The database closed cleanly: it opens and verifies.
  KembarOptions ko;
  ko.db_path = db_;
  auto k = Kembar::Open(ko);
  ASSERT_TRUE(k.ok());
  EXPECT_TRUE((*k)->VerifyChangeLog().ok());
}

}  // namespace
}  // namespace kembar

namespace kembar {
namespace {

// The role matrix over the wire: each role, each kind of change, inside and outside
// the editor's region (siti edits Surabaya), and reads open to all.
TEST_F(HttpTest, RolesAndRegionScopeDecideEveryChange) {
  StartServer();
  const std::string event = R"({"type": "activity", "date": "2026-05-02", "title": "Rapat"})";
  struct Row {
    const char* user;
    const char* partnership;
    int add, patch, remove;
  };
  for (const Row& row :
       {Row{"admin", "bandung-namur", 201, 200, 204}, Row{"siti", "surabaya-kochi", 201, 200, 204},
        Row{"siti", "bandung-suwon", 403, 403, 403},
        Row{"budi", "surabaya-busan", 403, 403, 403}}) {
    SCOPED_TRACE(std::string(row.user) + " " + row.partnership);
    const std::vector<std::string> auth = {"Authorization: Bearer " +
                                           LogIn(row.user)["token"].get<std::string>()};
    const std::string url = std::string("/api/partnerships/") + row.partnership;
    EXPECT_EQ(Request("GET", url, "", auth).status, 200);
    EXPECT_EQ(Request("POST", url + "/events", event, auth).status, row.add);
    EXPECT_EQ(Request("PATCH", url, R"({"title": "Baru"})", auth).status, row.patch);
    EXPECT_EQ(Request("DELETE", url, "", auth).status, row.remove);
  }
}

TEST_F(HttpTest, SessionsExpireAndFailedLoginsAreThrottled) {
  server::ServerOptions o;
  o.session_lifetime_s = 1;
  StartServer(o);
  const std::string token = LogIn("budi")["token"];
  EXPECT_EQ(Request("GET", "/api/me", "", {"Authorization: Bearer " + token}).status, 200);
  std::this_thread::sleep_for(2100ms);
  ExpectErrorBody(Request("GET", "/api/me", "", {"Authorization: Bearer " + token}), 401,
                  "unauthorized", "/api/me");
  // Five wrong passwords for one name, then even the right one waits.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Request("POST", "/api/session",
                      json{{"username", "siti"}, {"password", "not the password"}}.dump())
                  .status,
              401);
  }
  Response locked =
      Request("POST", "/api/session", json{{"username", "siti"}, {"password", kPassword}}.dump());
  ExpectErrorBody(locked, 429, "rate_limited", "/api/session");
  EXPECT_TRUE(locked.headers.count("retry-after"));
}

TEST_F(HttpTest, ABadEventGetsItsJsonPathAndChangesNothing) {
  StartServer();
  const std::vector<std::string> auth = {"Authorization: Bearer " +
                                         LogIn("siti")["token"].get<std::string>()};
  const std::string url = "/api/partnerships/surabaya-liverpool";
  const std::string before = Request("GET", url, "", auth).body;
  Response bad = Request("POST", url + "/events",
                         R"({"type": "visit", "date": "2018-02-30", "title": "x"})", auth);
  ExpectErrorBody(bad, 400, "invalid_input", url + "/events");
  EXPECT_EQ(bad.Json()["field"], "event.date") << bad.body;
  Response malformed = Request("POST", url + "/events", "{\n\"type\": \"visit\",,\n}", auth);
  ExpectErrorBody(malformed, 400, "invalid_input", url + "/events");
  EXPECT_NE(malformed.Json()["message"].get<std::string>().find("line 2"), std::string::npos)
      << malformed.body;
  EXPECT_EQ(Request("GET", url, "", auth).body, before);
}

// Two clients read the same version and write at once, each with If-Match: exactly
// one wins, the other gets 409, and the winner's change is the one stored.
TEST_F(HttpTest, TwoWritersRacingGetExactlyOne409AndNothingIsLost) {
  StartServer();
  const std::string url = "/api/partnerships/surabaya-guangzhou";
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE(round);
    const std::vector<std::string> a = {"Authorization: Bearer " +
                                        LogIn("siti")["token"].get<std::string>()};
    const std::vector<std::string> b = {"Authorization: Bearer " +
                                        LogIn("admin")["token"].get<std::string>()};
    Response read = Request("GET", url, "", a);
    ASSERT_EQ(read.status, 200);
    const std::string etag = read.headers.at("etag");
    const size_t events = read.Json()["partnership"]["events"].size();
    std::atomic<int> ready{0};
    Response ra, rb;
    auto write = [&](std::vector<std::string> auth, const std::string& title, Response* out) {
      auth.push_back("If-Match: " + etag);
      ready.fetch_add(1);
      while (ready.load() < 2) std::this_thread::yield();
      *out = Request("POST", url + "/events",
                     json{{"type", "activity"}, {"date", "2026-06-01"}, {"title", title}}.dump(),
                     auth);
    };
    std::thread ta(write, a, "A" + std::to_string(round), &ra);
    std::thread tb(write, b, "B" + std::to_string(round), &rb);
    ta.join();
    tb.join();
    EXPECT_EQ(std::multiset<int>({ra.status, rb.status}), std::multiset<int>({201, 409}))
        << ra.body << "\n"
        << rb.body;
    const Response& won = ra.status == 201 ? ra : rb;
    json now = Request("GET", url, "", a).Json();
    ASSERT_EQ(now["partnership"]["events"].size(), events + 1);
    EXPECT_EQ(now["partnership"]["events"].back()["title"], won.Json()["event"]["title"]);
  }
}

TEST(ServeCliTest, UserAddRefusesShortPasswordsAndServeNeedsADatabase) {
  const std::string dir = testing::TempDir();
  testing::WriteFileOrDie(dir + "/short.txt", "nine char\n");
  testing::WriteFileOrDie(dir + "/good.txt", "ten chars!\n");
  testing::CliOutput shorter =
      testing::RunKembar(dir, "user add root --role admin --db k.db < short.txt");
  EXPECT_EQ(shorter.exit_code, 2);
  EXPECT_NE(shorter.err.find("at least 10 characters"), std::string::npos) << shorter.err;
  testing::CliOutput editor =
      testing::RunKembar(dir, "user add siti --role editor --db k.db < good.txt");
  EXPECT_EQ(editor.exit_code, 2);
  EXPECT_NE(editor.err.find("region"), std::string::npos) << editor.err;
  testing::CliOutput bad_role =
      testing::RunKembar(dir, "user add root --role root --db k.db < good.txt");
  EXPECT_EQ(bad_role.exit_code, 2);
  testing::CliOutput added =
      testing::RunKembar(dir, "user add root --role admin --db k.db < good.txt");
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("added admin root"), std::string::npos) << added.out;
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/k.db").find("twelve chars"), std::string::npos);

  testing::CliOutput missing = testing::RunKembar(dir, "serve --db nothere.db");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("kembar user add NAME --role admin"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/nothere.db"));
  testing::CliOutput bad_listen = testing::RunKembar(dir, "serve --db k.db --listen nowhere");
  EXPECT_EQ(bad_listen.exit_code, 2) << bad_listen.err;
}

}  // namespace
}  // namespace kembar
