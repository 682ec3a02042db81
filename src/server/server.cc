#include "kembar/server/server.h"

#include <charconv>
#include <thread>

#include "kembar/kembar.h"
#include "server/accounts.h"
#include "server/api.h"
#include "server/http_server.h"

namespace kembar::server {

struct Server::Impl {
  std::unique_ptr<AccountStore> accounts;
  std::unique_ptr<Api> api;
  std::unique_ptr<HttpServer> http;
};

Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& listen) {
  std::string host = "127.0.0.1";
  std::string port_text = listen;
  if (!listen.empty() && listen.front() == '[') {
    const size_t close = listen.find("]:");
    if (close == std::string::npos) {
      return Status::InvalidInput("--listen takes HOST:PORT or [IPV6]:PORT, not \"" + listen +
                                  "\"");
    }
    host = listen.substr(1, close - 1);
    port_text = listen.substr(close + 2);
  } else if (const size_t colon = listen.rfind(':'); colon != std::string::npos) {
    host = listen.substr(0, colon);
    port_text = listen.substr(colon + 1);
  }
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || port_text.empty() || ec != std::errc() ||
      end != port_text.data() + port_text.size() || port > 65535) {
    return Status::InvalidInput("--listen takes HOST:PORT (e.g. 127.0.0.1:8080), not \"" + listen +
                                "\"");
  }
  return std::make_pair(host, static_cast<uint16_t>(port));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options, Kembar& kembar,
                                               const std::string& db_path) {
  auto listen = ParseListen(options.listen);
  if (!listen.ok()) return listen.status();
  auto impl = std::make_unique<Impl>();
  AccountStore::Options account_options;
  account_options.session_lifetime_s = options.session_lifetime_s;
  auto accounts = AccountStore::Open(db_path, account_options);
  if (!accounts.ok()) return accounts.status();
  impl->accounts = std::move(*accounts);

  Api::Options api_options;
  api_options.service.session_lifetime_s = options.session_lifetime_s;
  const bool tls = !options.tls_cert_file.empty() || !options.tls_key_file.empty();
  api_options.service.secure_cookies = options.secure_cookies || tls;
  api_options.anonymous.rate = options.anonymous_rate;
  api_options.anonymous.burst = options.anonymous_burst;
  impl->api = std::make_unique<Api>(kembar, *impl->accounts, api_options);

  TransportOptions t;
  t.host = listen->first;
  t.port = listen->second;
  t.threads = options.threads ? options.threads : std::max(2u, std::thread::hardware_concurrency());
  t.header_timeout = options.header_timeout;
  t.body_timeout = options.body_timeout;
  t.idle_timeout = options.idle_timeout;
  t.shutdown_grace = options.shutdown_grace;
  t.max_header_bytes = options.max_header_bytes;
  t.max_body_bytes = options.max_json_bytes;
  t.max_upload_bytes = options.max_upload_bytes;
  t.max_connections = options.max_connections;
  t.handle_signals = options.handle_signals;
  t.access_log = options.access_log;
  t.tls_cert_file = options.tls_cert_file;
  t.tls_key_file = options.tls_key_file;
  const Api* api = impl->api.get();
  impl->http = std::make_unique<HttpServer>(
      t, [api](const HttpRequest& request) { return api->Handle(request); });
  if (Status s = impl->http->Listen(); !s.ok()) return s;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

uint16_t Server::port() const { return impl_->http->port(); }

bool Server::tls() const { return impl_->http->tls(); }

void Server::Run() { impl_->http->Run(); }

void Server::Stop() { impl_->http->Stop(); }

Result<bool> Server::HasAdmin() { return impl_->accounts->HasAdmin(); }

}  // namespace kembar::server
