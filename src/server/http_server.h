// The transport: HTTP/1.1 on Boost.Beast over Asio. Accepts asynchronously on N I/O
// threads, runs handlers on a pool of N workers (so a slow handler never stalls
// I/O), and bounds what a client may hold: a header-read timeout, a body timeout,
// an idle keep-alive timeout, header and body size limits, and a maximum number of
// open connections. With a certificate and key it speaks HTTPS only (TLS 1.2 or
// later, OpenSSL); the TLS handshake runs under the header timeout. Stop() stops accepting, closes
// idle connections, lets in-flight requests finish (up to a grace period), then Run() returns.
#ifndef KEMBAR_SERVER_HTTP_SERVER_H_
#define KEMBAR_SERVER_HTTP_SERVER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kembar/model/status.h"
#include "server/http.h"

namespace kembar::server {

struct TransportOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: an ephemeral port (see HttpServer::port())
  unsigned threads = 2;  // I/O threads, and as many handler workers
  std::chrono::milliseconds header_timeout{10'000};  // to receive a whole header
  std::chrono::milliseconds body_timeout{60'000};    // to receive a body / send a response
  std::chrono::milliseconds idle_timeout{30'000};    // keep-alive wait for the next request
  std::chrono::milliseconds shutdown_grace{30'000};  // in-flight requests get this long
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;         // JSON requests
  size_t max_upload_bytes = 64 * 1024 * 1024;  // requests under upload_prefix
  std::string upload_prefix = "/api/import";
  size_t max_connections = 4096;  // more are closed as soon as accepted
  bool handle_signals = false;    // SIGINT and SIGTERM call Stop()
  bool access_log = true;         // one spdlog line per request (no query, no secrets)
  // HTTPS: a PEM certificate chain and its PEM private key; both empty: plain HTTP.
  std::string tls_cert_file;
  std::string tls_key_file;
};

// One request read from `bytes` as the transport reads it from a socket (Beast's
// parser under the header limit and the route's body limit of `options`), without a
// socket: for the HTTP fuzzer and tests. Either the request, or the refusal the
// transport answers with (400 malformed, 413 body over the limit, 431 header over the
// limit), or incomplete (the transport would wait for more bytes, then time out).
struct RawRequest {
  enum class Kind { kRequest, kRefused, kIncomplete } kind = Kind::kIncomplete;
  HttpRequest request;  // kRequest
  int status = 0;       // kRefused: 400, 413 or 431
  std::string message;  // kRefused: the error message the client gets
};
RawRequest ParseRawRequest(std::string_view bytes, const TransportOptions& options);

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  // `handler` is called on worker threads, concurrently.
  HttpServer(TransportOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Loads the TLS certificate and key when set (IoError naming the file that cannot
  // be read or does not match), then binds and listens: IoError when the address is
  // taken or invalid.
  Status Listen();
  // The bound port (after Listen).
  uint16_t port() const;
  // Serves until Stop(); returns once every connection has closed (or the grace
  // period has passed) and the threads have joined.
  void Run();
  // Starts the graceful shutdown; safe from any thread and from signal handlers' Asio
  // callbacks, idempotent.
  void Stop();
  // Open connections now.
  size_t connections() const;
  // Whether the server speaks HTTPS (a certificate and key were given).
  bool tls() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_HTTP_SERVER_H_
