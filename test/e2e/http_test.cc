// Black-box tests of `kembar serve`'s HTTP API: a server on an ephemeral loopback
// port, spoken to over plain sockets: login, cookie + CSRF, Bearer, JSON error bodies
// (401, 403, 404, 413, 431), a slow client dropped without blocking others, SIGTERM,
// the role matrix, expiry and throttling, JSON paths, and racing writers (409),
// HTTPS with a certificate made at test time, concurrent reads and writes.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "kembar/kembar.h"
#include "kembar/server/server.h"
#include "server/openapi_check.h"
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

// Writes a new P-256 key to `key_path` and a self-signed certificate for
// "localhost" (valid for a day) to `cert_path`, both PEM.
void MakeSelfSignedCertificate(const std::string& cert_path, const std::string& key_path) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  ASSERT_NE(key, nullptr);
  X509* cert = X509_new();
  ASSERT_NE(cert, nullptr);
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  ASSERT_GT(X509_sign(cert, key, EVP_sha256()), 0);
  FILE* f = std::fopen(cert_path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  PEM_write_X509(f, cert);
  std::fclose(f);
  f = std::fopen(key_path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(f);
  X509_free(cert);
  EVP_PKEY_free(key);
}

// One HTTPS exchange on loopback `port`: a TLS 1.2+ handshake that trusts only
// `ca_file`, then `request` sent and everything read until the server closes.
// Returns "" when the handshake fails; `protocol` gets the version's name.
std::string HttpsExchange(uint16_t port, const std::string& ca_file, const std::string& request,
                          std::string* protocol = nullptr) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  std::string out;
  int fd = Connect(port);
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set_tlsext_host_name(ssl, "localhost");
  if (fd >= 0 && SSL_connect(ssl) == 1) {
    if (protocol) *protocol = SSL_get_version(ssl);
    SSL_write(ssl, request.data(), static_cast<int>(request.size()));
    char buf[65536];
    for (;;) {
      const int n = SSL_read(ssl, buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
  }
  ERR_clear_error();
  SSL_free(ssl);
  if (fd >= 0) ::close(fd);
  SSL_CTX_free(ctx);
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
    // Every answer must be what the OpenAPI description says (431 comes from the
    // transport before any route, and is not an operation's answer).
    if (r.status != 0 && r.status != 431) {
      const std::string type = r.headers.count("content-type") ? r.headers.at("content-type") : "";
      if (Status s = server::ValidateResponse(method, target, r.status, type, r.body); !s.ok()) {
        ADD_FAILURE() << s.message();
      }
    }
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

TEST_F(HttpTest, HttpsWithACertificateMadeAtTestTime) {
  const std::string cert = dir_ + "/cert.pem", key = dir_ + "/key.pem";
  MakeSelfSignedCertificate(cert, key);
  server::ServerOptions o;
  o.tls_cert_file = cert;
  o.tls_key_file = key;
  o.header_timeout = 800ms;
  StartServer(o);
  ASSERT_TRUE(server_->tls());
  const std::string get =
      "GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  std::string protocol;
  Response health = Parse(HttpsExchange(port_, cert, get, &protocol));
  ASSERT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(health.Json()["status"], "ok");
  EXPECT_TRUE(protocol == "TLSv1.2" || protocol == "TLSv1.3") << protocol;
  // Over TLS the session cookie is Secure without being asked.
  const std::string body = json{{"username", "budi"}, {"password", kPassword}}.dump();
  Response login =
      Parse(HttpsExchange(port_, cert,
                          "POST /api/session HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                          "Content-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body));
  ASSERT_EQ(login.status, 200) << login.body;
  ASSERT_EQ(login.cookies.size(), 1u);
  EXPECT_NE(login.cookies[0].find("; Secure"), std::string::npos) << login.cookies[0];

  // Plain HTTP to the TLS port: no HTTP answer, the connection is closed at once.
  {
    int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    const auto t0 = std::chrono::steady_clock::now();
    SendAll(fd, get);
    const std::string got = ReadToClose(fd, 5s);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
    EXPECT_EQ(got.find("HTTP/1.1"), std::string::npos) << got;
    ::close(fd);
  }
  // A client that connects and says nothing is dropped after the header timeout.
  {
    int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    const auto t0 = std::chrono::steady_clock::now();
    ReadToClose(fd, 5s);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
    ::close(fd);
  }
  // The server is unharmed.
  EXPECT_EQ(Parse(HttpsExchange(port_, cert, get)).status, 200);
  EXPECT_EQ(server_->tls(), true);
}

TEST_F(HttpTest, UnusableCertificatesAreRefusedNamingTheFile) {
  const std::string cert = dir_ + "/cert.pem", key = dir_ + "/key.pem";
  const std::string other_cert = dir_ + "/other.pem", other_key = dir_ + "/other-key.pem";
  MakeSelfSignedCertificate(cert, key);
  MakeSelfSignedCertificate(other_cert, other_key);
  KembarOptions ko;
  ko.db_path = db_;
  auto k = Kembar::Open(ko);
  ASSERT_TRUE(k.ok());
  auto create = [&](const std::string& c, const std::string& kf) {
    server::ServerOptions o;
    o.listen = "127.0.0.1:0";
    o.handle_signals = false;
    o.tls_cert_file = c;
    o.tls_key_file = kf;
    return server::Server::Create(o, **k, db_);
  };
  auto missing = create(dir_ + "/nothere.pem", key);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nothere.pem"), std::string::npos)
      << missing.status().message();
  auto mismatched = create(cert, other_key);
  ASSERT_FALSE(mismatched.ok());
  EXPECT_NE(mismatched.status().message().find("does not match"), std::string::npos)
      << mismatched.status().message();
  EXPECT_NE(mismatched.status().message().find("other-key.pem"), std::string::npos);
  auto not_a_key = create(cert, cert);
  ASSERT_FALSE(not_a_key.ok());
  EXPECT_NE(not_a_key.status().message().find("cert.pem"), std::string::npos);
  auto half = create(cert, "");
  ASSERT_FALSE(half.ok());
  // The command line fails with a non-zero exit code and the file's name.
  testing::CliOutput cli = testing::RunKembar(
      dir_, "serve --db kembar.db --listen 127.0.0.1:0 --tls-cert nothere.pem --tls-key key.pem");
  EXPECT_NE(cli.exit_code, 0);
  EXPECT_NE(cli.err.find("nothere.pem"), std::string::npos) << cli.err;
}

TEST_F(HttpTest, ConcurrentReadsAndWritesNeverAnswer5xx) {
  StartServer();
  const std::string admin = LogIn("admin")["token"];
  std::atomic<int> requests{0}, server_errors{0}, other{0};
  std::string first_error;
  std::mutex mu;
  auto check = [&](const Response& r, int want, const std::string& what) {
    ++requests;
    if (r.status >= 500 || r.status == 0) {
      ++server_errors;
      std::lock_guard lock(mu);
      if (first_error.empty()) first_error = what + ": " + std::to_string(r.status) + " " + r.body;
    } else if (r.status != want) {
      ++other;
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const std::string user = t % 2 ? "budi" : "siti";
      for (int i = 0; i < 3; ++i) {
        // A login writes a session and an audit entry.
        Response login = Request("POST", "/api/session",
                                 json{{"username", user}, {"password", kPassword}}.dump());
        check(login, 200, "login");
        if (login.status != 200) continue;
        const std::string bearer =
            "Authorization: Bearer " + login.Json()["token"].get<std::string>();
        for (int j = 0; j < 10; ++j) {
          check(Request("PUT", "/api/me", json{{"language", j % 2 ? "id" : "en"}}.dump(), {bearer}),
                200, "PUT /api/me");
          check(Request("GET", "/api/partnerships?per_page=20&page=" + std::to_string(j % 3 + 1),
                        "", {bearer}),
                200, "GET /api/partnerships");
          check(Request("GET", "/api/partnerships/surabaya-liverpool", "", {bearer}), 200,
                "GET /api/partnerships/{id}");
        }
        check(Request("DELETE", "/api/session", "", {bearer}), 204, "logout");
      }
    });
  }
  // An admin changing users and tokens meanwhile.
  threads.emplace_back([&] {
    for (int i = 0; i < 15; ++i) {
      check(Request("PUT", "/api/users/siti", json{{"language", i % 2 ? "id" : "en"}}.dump(),
                    {"Authorization: Bearer " + admin}),
            200, "PUT /api/users/siti");
      Response token = Request("POST", "/api/tokens", json{{"label", "t"}}.dump(),
                               {"Authorization: Bearer " + admin});
      check(token, 201, "POST /api/tokens");
      if (token.status == 201) {
        check(Request("DELETE", "/api/tokens/" + std::to_string(token.Json()["id"].get<int64_t>()),
                      "", {"Authorization: Bearer " + admin}),
              204, "DELETE /api/tokens");
      }
    }
  });
  // And another process's connection writing the records' tables: a re-import.
  threads.emplace_back([&] {
    KembarOptions ko;
    ko.db_path = db_;
    auto k = Kembar::Open(ko);
    ASSERT_TRUE(k.ok());
    for (int i = 0; i < 2; ++i) {
      ImportParams p;
      p.file = testing::SourcePath("data/indonesia.dossier.json");
      p.actor = {"local:test", true};
      Status s = (*k)->Import(p).status();
      EXPECT_TRUE(s.ok()) << s.ToString();
    }
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(server_errors.load(), 0) << first_error;
  EXPECT_EQ(other.load(), 0);
  EXPECT_GT(requests.load(), 400);
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
    Response removed = Request("DELETE", url, "", auth);
    EXPECT_EQ(removed.status, row.remove);
    if (removed.status == 204) {  // no body, so no media type
      EXPECT_EQ(removed.headers.count("content-type"), 0u);
      EXPECT_TRUE(removed.body.empty());
    }
  }
}

TEST_F(HttpTest, SessionsExpireAndFailedLoginsAreThrottled) {
  server::ServerOptions o;
  o.session_lifetime_s = 4;  // a login (argon2id) under load can take most of a second
  StartServer(o);
  const std::string token = LogIn("budi")["token"];
  EXPECT_EQ(Request("GET", "/api/me", "", {"Authorization: Bearer " + token}).status, 200);
  std::this_thread::sleep_for(4200ms);
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
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/k.db").find("ten chars!"), std::string::npos);

  testing::CliOutput missing = testing::RunKembar(dir, "serve --db nothere.db");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("kembar user add NAME --role admin"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/nothere.db"));
  testing::CliOutput missing_id = testing::RunKembar(dir, "serve --db nothere.db --lang id");
  EXPECT_EQ(missing_id.exit_code, 3);
  EXPECT_NE(missing_id.err.find("tidak ada basis data di nothere.db"), std::string::npos)
      << missing_id.err;
  testing::CliOutput bad_listen = testing::RunKembar(dir, "serve --db k.db --listen nowhere");
  EXPECT_EQ(bad_listen.exit_code, 2) << bad_listen.err;
}

}  // namespace
}  // namespace kembar
