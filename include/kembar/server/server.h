// kembar serve: the HTTP API over kembar::Kembar, with users, roles, region scope
// and an audit log (docs/api.md). The one public entry of src/server/: the CLI and
// the tests start a server through this header only.
#ifndef KEMBAR_SERVER_SERVER_H_
#define KEMBAR_SERVER_SERVER_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kembar/model/status.h"

namespace kembar {

class Kembar;

namespace server {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // "HOST:PORT", "[V6]:PORT" or "PORT"; port 0: any
  unsigned threads = 0;                   // I/O threads and handler workers; 0: the CPUs (>= 2)
  std::chrono::milliseconds header_timeout{10'000};  // a whole request header must arrive
  std::chrono::milliseconds body_timeout{60'000};    // a body must arrive, a response leave
  std::chrono::milliseconds idle_timeout{30'000};    // keep-alive wait between requests
  std::chrono::milliseconds shutdown_grace{30'000};  // in-flight requests get this long
  size_t max_header_bytes = 16 * 1024;
  size_t max_json_bytes = 1024 * 1024;         // JSON request bodies
  size_t max_upload_bytes = 64 * 1024 * 1024;  // POST /api/import bodies
  size_t max_connections = 4096;               // more are closed when accepted
  int64_t session_lifetime_s = 12 * 3600;      // a session ends this long after login
  bool secure_cookies = false;                 // "Secure" cookies (behind a TLS proxy)
  // HTTPS on the listen address: a PEM certificate chain and its PEM private key
  // (TLS 1.2 or later; the session cookie is then Secure). Both empty: plain HTTP.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Requests without a valid session or token: a token bucket per client address
  // refills at this many per second up to `anonymous_burst`; beyond it 429 with
  // Retry-After. 0: no limit. Authenticated requests are never limited.
  double anonymous_rate = 50;
  double anonymous_burst = 100;
  bool handle_signals = true;  // SIGINT and SIGTERM stop the server
  bool access_log = true;      // one spdlog line per request
};

// A running HTTP API over one database. Create() binds; Run() serves.
class Server {
 public:
  // Opens the account tables of `db_path` (the file `kembar` was opened on; created
  // when missing), loads the TLS certificate and key when given, and binds
  // options.listen. InvalidInput for a bad listen address or only one of the TLS
  // files, IoError naming a TLS file that cannot be read or does not match, or when
  // the address cannot be bound. `kembar` must outlive the Server.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options, Kembar& kembar,
                                                const std::string& db_path);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port (the real one when options.listen asked for port 0).
  uint16_t port() const;
  // Serves until Stop() or, with handle_signals, SIGTERM/SIGINT: then stops
  // accepting, closes idle connections, lets in-flight requests finish (up to
  // shutdown_grace) and returns, so the caller may close the database.
  void Run();
  // Starts the graceful shutdown; safe from any thread; idempotent.
  void Stop();
  // Whether it speaks HTTPS.
  bool tls() const;
  // Whether an enabled admin account exists.
  Result<bool> HasAdmin();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "HOST:PORT" (or "[V6]:PORT", or "PORT" meaning 127.0.0.1) as host and port;
// InvalidInput otherwise.
Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& listen);

// --- The command line's entry points (apps/kembar calls these) ----------------------

struct ServeOptions {
  std::string db_path = "kembar.db";
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;
  std::string tls_cert;  // --tls-cert FILE and --tls-key FILE: HTTPS
  std::string tls_key;
  Lang lang = Lang::kEn;  // of what serve prints (--lang, $LANG)
};

// `kembar serve`: refuses a database that does not exist (saying how to create one),
// prints where to log in and, when there is no admin yet, how to create the first;
// serves until SIGTERM/SIGINT, then closes the database. Returns the exit code
// (error_table.h).
int RunServe(const ServeOptions& options);

// `kembar user add`: adds a user to the database at `db_path` (created when missing),
// acting as the local operator. `role` is admin, editor or viewer; an editor needs
// `regions` (stored region ids or names), the others take none; the password needs
// at least 12 characters. InvalidInput names what is wrong.
Status CreateUser(const std::string& db_path, const std::string& name, const std::string& role,
                  const std::vector<std::string>& regions, const std::string& password);

// `kembar user list`: one line per user of the database at `db_path`: name, role,
// an editor's regions, "(disabled)". NotFound when there is no database.
Result<std::string> ListUsers(const std::string& db_path);

// A user account as `kembar user list` shows it (never its password).
struct UserInfo {
  std::string name;
  std::string role;                  // admin, editor or viewer
  std::vector<std::string> regions;  // an editor's regions
  bool disabled = false;
  std::string created_at;  // UTC, ISO 8601
};

// Every user of the database at `db_path`, by name. NotFound when there is no database.
Result<std::vector<UserInfo>> UserInfos(const std::string& db_path);

// `kembar user disable|enable NAME`: disabling ends the user's sessions and stops its
// API tokens and calendar feed; the last enabled admin cannot be disabled
// (InvalidInput). NotFound for no database or an unknown user. Audited as the local
// operator.
Status SetUserDisabled(const std::string& db_path, const std::string& name, bool disabled);

// `kembar user passwd NAME`: sets the password (at least kMinPasswordLength
// characters, else InvalidInput) and ends the user's sessions. NotFound for no
// database or an unknown user. Audited as the local operator.
Status SetUserPassword(const std::string& db_path, const std::string& name,
                       const std::string& password);

// An API token as `kembar token list` shows it (never the token).
struct TokenInfo {
  int64_t id = 0;
  std::string user, label, created_at;
};

// `kembar token create NAME`: a new API token ("kbt_...") acting as user `user`,
// stored only as its SHA-256; the returned token is the only copy. NotFound for no
// database or an unknown user; InvalidInput for a label of several lines or over
// 200 characters. Audited as the local operator.
Result<std::pair<TokenInfo, std::string>> CreateApiToken(const std::string& db_path,
                                                         const std::string& user,
                                                         const std::string& label);
// `kembar token list`: every API token, oldest first. NotFound when there is no database.
Result<std::vector<TokenInfo>> ApiTokens(const std::string& db_path);
// `kembar token revoke ID`. NotFound for no database or an unknown id. Audited.
Status RevokeApiToken(const std::string& db_path, int64_t id);

// What `kembar migrate` copied: each table and its rows (equal in both databases).
struct MigrateReport {
  std::vector<std::pair<std::string, int64_t>> tables;
  int64_t change_log = 0;  // entries, their hash chain verified in the copy
};

// `kembar migrate --from A --to B`: copies everything of the database `from` into the
// empty database `to` (either an SQLite file or a postgresql:// URL: an office's file
// to the national server, or back): records, import log, change log with its seq,
// times and hashes (the chain verifies in the copy), users, sessions, API tokens and
// the feed key (tokens and feeds keep working). All in one transaction on `to`; then
// the row counts of every table are compared and the copy's chain verified, else
// nothing is kept. InvalidInput when `to` already holds records, a change log or
// users; NotFound when `from` does not exist.
Result<MigrateReport> MigrateDatabase(const std::string& from, const std::string& to);

// Reads a password from standard input: from a terminal without echo (after writing
// `prompt` to standard error), otherwise one line. InvalidInput when nothing was read.
Result<std::string> ReadPassword(const std::string& prompt);

}  // namespace server
}  // namespace kembar

#endif  // KEMBAR_SERVER_SERVER_H_
