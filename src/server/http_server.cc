#include "server/http_server.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "server/api.h"

namespace kembar::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace ssl = net::ssl;

namespace {

// What the server and its shutdown need of a connection, whatever its stream.
class ConnectionBase : public std::enable_shared_from_this<ConnectionBase> {
 public:
  virtual ~ConnectionBase() = default;
  // On the connection's strand: closes it unless a request is being answered.
  virtual void Shutdown() = 0;
  // The connection's strand.
  virtual net::any_io_executor executor() = 0;
};

}  // namespace

struct HttpServer::Impl {
  Impl(TransportOptions o, Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        ioc(static_cast<int>(std::max(1u, options.threads))),
        acceptor(net::make_strand(ioc)),
        workers(std::max(1u, options.threads)),
        grace_timer(ioc),
        signals(ioc),
        tls_context(ssl::context::tls_server) {}

  void Accept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  void BeginShutdown();
  void Register(ConnectionBase* c);
  void Unregister(ConnectionBase* c);
  Status LoadTls();

  TransportOptions options;
  Handler handler;
  // Declared before the Asio objects: connections destroyed with the io_context
  // still unregister.
  mutable std::mutex mu;
  std::unordered_set<ConnectionBase*> live;
  std::atomic<bool> stopping{false};
  std::atomic<bool> destroying{false};
  std::atomic<bool> abandoned{false};  // the grace period passed: queued requests are dropped
  uint16_t port = 0;

  net::io_context ioc;
  tcp::acceptor acceptor;
  net::thread_pool workers;
  net::steady_timer grace_timer;  // used on the acceptor's strand
  net::signal_set signals;
  bool tls = false;
  ssl::context tls_context;
};

namespace {

bool IsUpload(const TransportOptions& o, std::string_view target) {
  return !o.upload_prefix.empty() && target.starts_with(o.upload_prefix) &&
         (target.size() == o.upload_prefix.size() || target[o.upload_prefix.size()] == '?' ||
          target[o.upload_prefix.size()] == '/');
}

// The body limit of the request for `target`: uploads get their own.
size_t BodyLimit(const TransportOptions& o, std::string_view target) {
  return IsUpload(o, target) ? o.max_upload_bytes : o.max_body_bytes;
}

std::string HeaderTooLarge(const TransportOptions& o) {
  return "the request header exceeds " + std::to_string(o.max_header_bytes) + " bytes";
}
std::string BodyTooLarge(size_t limit) {
  return "the request body exceeds " + std::to_string(limit) + " bytes";
}

// The server's request value from Beast's (whose body is moved out). False for a
// target that is not a valid origin-form path.
bool ToHttpRequest(http::request<http::string_body>& req, std::string remote,
                   HttpRequest* request) {
  request->method = std::string(req.method_string());
  request->target = std::string(req.target());
  request->remote = std::move(remote);
  for (const auto& field : req) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto [it, fresh] = request->headers.emplace(name, std::string(field.value()));
    if (!fresh) it->second += ", " + std::string(field.value());
  }
  request->body = std::move(req.body());
  return ParseTarget(request->target, &request->path, &request->query);
}

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// One client connection over `Stream` (beast::tcp_stream, or TlsStream for HTTPS):
// reads requests one after another (keep-alive), hands each to the worker pool,
// writes the answer back on the connection's strand.
template <typename Stream>
class Connection : public ConnectionBase {
 public:
  Connection(tcp::socket&& socket, HttpServer::Impl& server)
      : stream_(MakeStream(std::move(socket), server)), server_(server) {
    beast::error_code ec;
    auto ep = Socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
    server_.Register(this);
  }
  ~Connection() override { server_.Unregister(this); }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = Self()] {
      if constexpr (std::is_same_v<Stream, TlsStream>) {
        // The handshake counts as part of the header: a silent client is dropped.
        beast::get_lowest_layer(self->stream_).expires_after(self->server_.options.header_timeout);
        self->stream_.async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
          if (ec) return self->Close();
          self->ReadHeader();
        });
      } else {
        self->ReadHeader();
      }
    });
  }

  // On the strand: closes the connection unless a request is being answered (that one
  // closes after its response).
  void Shutdown() override {
    if (busy_) return;
    Close();
  }

  net::any_io_executor executor() override { return stream_.get_executor(); }

 private:
  static Stream MakeStream(tcp::socket&& socket, HttpServer::Impl& server) {
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      return Stream(std::move(socket), server.tls_context);
    } else {
      return Stream(std::move(socket));
    }
  }

  std::shared_ptr<Connection> Self() {
    return std::static_pointer_cast<Connection>(shared_from_this());
  }
  tcp::socket& Socket() { return beast::get_lowest_layer(stream_).socket(); }
  void ExpiresAfter(std::chrono::milliseconds t) {
    beast::get_lowest_layer(stream_).expires_after(t);
  }

  // Closes the socket. Over TLS no close_notify is sent: the HTTP framing (a length or
  // Connection: close before the close) already marks where every response ends.
  void Close() {
    beast::error_code ec;
    Socket().shutdown(tcp::socket::shutdown_both, ec);
    Socket().close(ec);
  }

  // Keep-alive: waits for the next request's first bytes under the idle timeout.
  void WaitIdle() {
    if (buffer_.size() > 0) return ReadHeader();
    ExpiresAfter(server_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = Self()](beast::error_code ec, size_t n) {
      if (ec) return self->Close();
      self->buffer_.commit(n);
      self->ReadHeader();
    });
  }

  void ReadHeader() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.options.max_header_bytes));
    // The route's own limit is set once the target is known (OnHeader).
    parser_->body_limit(std::max(server_.options.max_body_bytes, server_.options.max_upload_bytes));
    ExpiresAfter(server_.options.header_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = Self()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return Fail(431, "too_large", HeaderTooLarge(server_.options));
    }
    // A declared length over the largest limit is refused by the parser itself, while
    // it reads the header: 413 as for any body over its route's limit (was a 400).
    if (ec == http::error::body_limit) {
      const auto& req = parser_->get();
      return Fail(413, "too_large",
                  BodyTooLarge(BodyLimit(server_.options, std::string_view(req.target().data(),
                                                                           req.target().size()))));
    }
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::error::eof || ec == ssl::error::stream_truncated) {
      return Close();
    }
    if (ec) return Fail(400, "invalid_input", "malformed HTTP request: " + ec.message());
    const auto& req = parser_->get();
    const std::string_view target(req.target().data(), req.target().size());
    const size_t limit = BodyLimit(server_.options, target);
    if (parser_->content_length() && *parser_->content_length() > limit) {
      return Fail(413, "too_large", BodyTooLarge(limit));
    }
    parser_->body_limit(limit);
    ExpiresAfter(server_.options.body_timeout);
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_,
                                                                     req.version());
      return http::async_write(stream_, *cont, [self = Self(), cont](beast::error_code ec, size_t) {
        if (ec) return self->Close();
        self->ReadBody();
      });
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = Self()](beast::error_code ec, size_t) { self->OnBody(ec); });
  }

  void OnBody(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      return Fail(413, "too_large", "the request body is over the limit");
    }
    if (ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == ssl::error::stream_truncated) {
      return Close();
    }
    if (ec) return Fail(400, "invalid_input", "malformed HTTP request: " + ec.message());
    auto& req = parser_->get();
    keep_alive_ = req.keep_alive();
    version_ = req.version();
    HttpRequest request;
    if (!ToHttpRequest(req, remote_, &request)) {
      keep_alive_ = false;
      return Fail(400, "invalid_input", "the request target is not a valid path");
    }
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    auto work = std::make_shared<net::executor_work_guard<net::io_context::executor_type>>(
        server_.ioc.get_executor());
    net::post(server_.workers, [self = Self(), request = std::move(request), work] {
      if (self->server_.abandoned) return;  // shutting down past the grace period
      HttpResponse response = self->server_.handler(request);
      net::post(self->executor(), [self, response = std::move(response), work,
                                   method = request.method, path = request.path]() mutable {
        self->Write(std::move(response), method, path);
      });
    });
  }

  // Answers a request the transport refuses, then closes.
  void Fail(int status, const std::string& code, const std::string& message) {
    keep_alive_ = false;
    busy_ = true;
    started_ = std::chrono::steady_clock::now();
    std::string path;
    if (parser_ && parser_->is_header_done()) {
      std::map<std::string, std::string> query;
      ParseTarget(std::string(parser_->get().target()), &path, &query);
    }
    HttpResponse r = ErrorResponse({status, code, message, {}}, path);
    AddSecurityHeaders(path, &r);
    Write(std::move(r),
          parser_ && parser_->is_header_done() ? std::string(parser_->get().method_string())
                                               : std::string("-"),
          path);
  }

  void Write(HttpResponse response, const std::string& method, const std::string& path) {
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), version_ ? version_ : 11);
    res->set(http::field::server, "kembar");
    // A 204 or 304 has no body, so no media type either (RFC 9110).
    if (!response.content_type.empty() && response.status != 204 && response.status != 304) {
      res->set(http::field::content_type, response.content_type);
    }
    for (const auto& [name, value] : response.headers) res->insert(name, value);
    const bool keep = keep_alive_ && !server_.stopping;
    res->keep_alive(keep);
    const size_t bytes = response.body.size();
    res->body() = std::move(response.body);
    res->prepare_payload();
    if (server_.options.access_log) {
      const auto ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
              .count();
      spdlog::info("{} \"{} {}\" {} {} {:.1f}ms {}", remote_.empty() ? "-" : remote_, method,
                   path.empty() ? "-" : path, response.status, bytes, ms,
                   response.log_user.empty() ? "-" : response.log_user);
    }
    ExpiresAfter(server_.options.body_timeout);
    http::async_write(stream_, *res, [self = Self(), res, keep](beast::error_code ec, size_t) {
      self->busy_ = false;
      if (ec || !keep || self->server_.stopping) return self->Close();
      self->WaitIdle();
    });
  }

  Stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string remote_;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  bool busy_ = false;  // a request is being answered (touched only on the strand)
  std::chrono::steady_clock::time_point started_;
};

}  // namespace

void HttpServer::Impl::Register(ConnectionBase* c) {
  std::lock_guard lock(mu);
  live.insert(c);
}

void HttpServer::Impl::Unregister(ConnectionBase* c) {
  std::lock_guard lock(mu);
  live.erase(c);
  if (stopping && !destroying && live.empty()) {
    net::post(acceptor.get_executor(), [this] { grace_timer.cancel(); });
  }
}

void HttpServer::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void HttpServer::Impl::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (stopping || !acceptor.is_open()) return;
  if (ec) {
    if (ec != net::error::operation_aborted) spdlog::warn("accept: {}", ec.message());
  } else {
    bool full;
    {
      std::lock_guard lock(mu);
      full = live.size() >= options.max_connections;
    }
    if (full) {
      beast::error_code ignored;
      socket.close(ignored);  // over the limit: refused at once
    } else {
      if (tls) {
        std::make_shared<Connection<TlsStream>>(std::move(socket), *this)->Start();
      } else {
        std::make_shared<Connection<beast::tcp_stream>>(std::move(socket), *this)->Start();
      }
    }
  }
  Accept();
}

void HttpServer::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  std::vector<std::shared_ptr<ConnectionBase>> open;
  {
    std::lock_guard lock(mu);
    for (ConnectionBase* c : live) {
      if (auto sp = c->weak_from_this().lock()) open.push_back(std::move(sp));
    }
  }
  for (auto& c : open) net::post(c->executor(), [c] { c->Shutdown(); });
  grace_timer.expires_after(options.shutdown_grace);
  grace_timer.async_wait([this](beast::error_code ec) {
    if (ec == net::error::operation_aborted) return;  // every connection closed in time
    spdlog::warn("shutdown: closing connections still open after the grace period");
    abandoned = true;  // requests still queued for a worker are not started
    ioc.stop();
  });
  std::lock_guard lock(mu);
  if (live.empty()) grace_timer.cancel();
}

RawRequest ParseRawRequest(std::string_view bytes, const TransportOptions& options) {
  RawRequest out;
  auto refuse = [&out](int status, std::string message) {
    out.kind = RawRequest::Kind::kRefused;
    out.status = status;
    out.message = std::move(message);
    return out;
  };
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<uint32_t>(options.max_header_bytes));
  parser.body_limit(std::max(options.max_body_bytes, options.max_upload_bytes));
  beast::error_code ec;
  bool limited = false;  // the route's body limit is set
  // As OnHeader: the header first, then the route's limit, then the body.
  while (!parser.is_done()) {
    const size_t used = parser.put(net::buffer(bytes.data(), bytes.size()), ec);
    bytes.remove_prefix(used);
    if (ec == http::error::need_more) {
      if (bytes.empty() || used == 0) return out;  // the transport would wait
      ec = {};
      continue;
    }
    if (ec == http::error::header_limit) return refuse(431, HeaderTooLarge(options));
    if (ec == http::error::body_limit) {
      const auto& req = parser.get();
      return refuse(
          413, parser.is_header_done() && limited
                   ? "the request body is over the limit"
                   : BodyTooLarge(BodyLimit(
                         options, std::string_view(req.target().data(), req.target().size()))));
    }
    if (ec) return refuse(400, "malformed HTTP request: " + ec.message());
    if (used == 0 && !parser.is_done()) return out;  // no progress: wait, as a socket would
    if (parser.is_header_done() && !parser.is_done() && !limited) {
      limited = true;
      const auto& req = parser.get();
      const size_t limit =
          BodyLimit(options, std::string_view(req.target().data(), req.target().size()));
      if (parser.content_length() && *parser.content_length() > limit) {
        return refuse(413, BodyTooLarge(limit));
      }
      parser.body_limit(limit);
    }
    if (bytes.empty() && !parser.is_done()) return out;
  }
  if (!ToHttpRequest(parser.get(), "192.0.2.1", &out.request)) {
    return refuse(400, "the request target is not a valid path");
  }
  out.kind = RawRequest::Kind::kRequest;
  return out;
}

HttpServer::HttpServer(TransportOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() {
  impl_->destroying = true;
  impl_->ioc.stop();
  impl_->workers.join();
}

namespace {

// The OpenSSL error queue as one line (emptied).
std::string OpenSslErrors() {
  std::string out;
  while (const unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    out += (out.empty() ? "" : "; ") + std::string(buf);
  }
  return out.empty() ? "unknown OpenSSL error" : out;
}

}  // namespace

Status HttpServer::Impl::LoadTls() {
  if (options.tls_cert_file.empty() && options.tls_key_file.empty()) return Status::Ok();
  if (options.tls_cert_file.empty() || options.tls_key_file.empty()) {
    return Status::InvalidInput(
        "HTTPS needs both a certificate (--tls-cert) and a key (--tls-key)");
  }
  SSL_CTX* ctx = tls_context.native_handle();
  ERR_clear_error();
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(
      ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  if (SSL_CTX_use_certificate_chain_file(ctx, options.tls_cert_file.c_str()) != 1) {
    return Status::IoError("cannot use the TLS certificate " + options.tls_cert_file +
                           " (a PEM certificate chain): " + OpenSslErrors());
  }
  if (SSL_CTX_use_PrivateKey_file(ctx, options.tls_key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
    if (ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH) {
      return Status::IoError("the TLS key " + options.tls_key_file +
                             " does not match the certificate " + options.tls_cert_file + ": " +
                             OpenSslErrors());
    }
    return Status::IoError("cannot use the TLS key " + options.tls_key_file +
                           " (a PEM private key): " + OpenSslErrors());
  }
  if (SSL_CTX_check_private_key(ctx) != 1) {
    return Status::IoError("the TLS key " + options.tls_key_file +
                           " does not match the certificate " + options.tls_cert_file + ": " +
                           OpenSslErrors());
  }
  tls = true;
  return Status::Ok();
}

Status HttpServer::Listen() {
  Impl& s = *impl_;
  if (Status tls = s.LoadTls(); !tls.ok()) return tls;
  beast::error_code ec;
  const auto address = net::ip::make_address(s.options.host, ec);
  if (ec) return Status::InvalidInput("not an IP address: \"" + s.options.host + "\"");
  const tcp::endpoint endpoint(address, s.options.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::IoError("cannot listen on " + s.options.host + ":" +
                           std::to_string(s.options.port) + ": " + ec.message());
  }
  s.port = s.acceptor.local_endpoint().port();
  if (s.options.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      spdlog::info("signal {}: stopping (in-flight requests finish)", signal);
      Stop();
    });
  }
  return Status::Ok();
}

uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::Run() {
  Impl& s = *impl_;
  net::dispatch(s.acceptor.get_executor(), [&s] { s.Accept(); });
  std::vector<std::thread> threads;
  const unsigned n = std::max(1u, s.options.threads);
  for (unsigned i = 1; i < n; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
  s.workers.join();
}

void HttpServer::Stop() {
  net::post(impl_->acceptor.get_executor(), [this] { impl_->BeginShutdown(); });
}

bool HttpServer::tls() const { return impl_->tls; }

size_t HttpServer::connections() const {
  std::lock_guard lock(impl_->mu);
  return impl_->live.size();
}

}  // namespace kembar::server
