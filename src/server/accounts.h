// Users, roles, sessions and API tokens of the HTTP server, kept in the records'
// database (an SQLite file, or PostgreSQL) but in the server's own tables (account_*), created and
// versioned here (account_meta). Their audit entries (logins, failed logins, logouts, user and
// token changes) go to the records' change log (area "accounts"), through the one
// append path of src/store/change_log.h, in the same transaction as the change.
//
// Credentials: passwords are hashed with argon2id (libsodium, interactive limits);
// session and API tokens are 256 random bits, handed out once and stored only as
// their SHA-256; each session has a CSRF token, also stored only as its SHA-256.
#ifndef KEMBAR_SERVER_ACCOUNTS_H_
#define KEMBAR_SERVER_ACCOUNTS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kembar/model/status.h"

namespace kembar::store {
class SqlConnection;
}  // namespace kembar::store

namespace kembar::server {

// What a user may do: a viewer reads; an editor also changes partnerships in which
// one of its regions is a party; an admin does everything and manages users.
enum class Role { kViewer, kEditor, kAdmin };

// "viewer", "editor", "admin".
std::string_view RoleName(Role role);
// The role named `name`, or nullopt.
std::optional<Role> ParseRole(std::string_view name);

// Passwords shorter than this are refused (by the CLI and the API alike).
inline constexpr size_t kMinPasswordLength = 10;
// Longer passwords are refused too (hashing cost is bounded).
inline constexpr size_t kMaxPasswordLength = 1024;

// The argon2id hash (libsodium's crypto_pwhash_str string, interactive limits) of
// `password`; IoError when libsodium cannot allocate its memory.
Result<std::string> HashPassword(std::string_view password);
// Whether `password` matches `hash` (a HashPassword result); false for a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);
// `bytes` random bytes as lower-case hex (libsodium's CSPRNG).
std::string RandomHex(size_t bytes);
// Whether `a` and `b` are equal, in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

struct User {
  int64_t id = 0;
  std::string name;
  Role role = Role::kViewer;
  std::vector<std::string> regions;  // an editor's regions (stored region ids)
  std::string language = "en";       // "en" or "id"
  bool disabled = false;
  std::string created_at;  // UTC, ISO 8601
};

// A new user: the name is 1-64 of [a-z0-9._-], starting with a letter or digit.
struct NewUser {
  std::string name;
  Role role = Role::kViewer;
  std::vector<std::string> regions;
  std::string password;  // at least kMinPasswordLength characters
  std::string language = "en";
};

// Changes to a user; absent members stay as they are.
struct UserUpdate {
  std::optional<Role> role;
  std::optional<std::vector<std::string>> regions;
  std::optional<std::string> password;
  std::optional<std::string> language;
  std::optional<bool> disabled;
};

// Who acts on the accounts, for the change log.
struct Actor {
  std::string name;     // a user name, or "local:<os user>" for the CLI
  std::string address;  // the client's IP address; empty for the CLI
};

// A session just created by a login; the token and CSRF token are shown only now.
struct NewSession {
  std::string token;       // "kbs_" + 64 hex digits: the cookie value and a Bearer token
  std::string csrf;        // 64 hex digits: the X-CSRF-Token header value
  int64_t expires_at = 0;  // Unix seconds
  User user;
};

// Who a request's credential belongs to.
struct Authenticated {
  enum class Kind { kSession, kApiToken, kFeed } kind = Kind::kSession;  // kFeed: read-only ICS
  int64_t credential_id = 0;  // the session's or the API token's id
  std::string csrf_hash;      // sessions: SHA-256 of the CSRF token
  int64_t expires_at = 0;     // Unix seconds; 0 when the credential does not expire
  User user;
};

struct ApiToken {
  int64_t id = 0;
  std::string user;   // the user it acts as
  std::string label;  // what it is for ("nightly export")
  std::string created_at;
};

// An API token just created; `token` ("kbt_" + 64 hex digits) is shown only now.
struct NewApiToken {
  ApiToken info;
  std::string token;
};

// Calendar feed tokens ("kbf_<user id>_<64 hex digits>"): read-only credentials for
// GET /api/calendar.ics?feed=TOKEN. A token is the HMAC-SHA256, under a random
// server key kept in account_meta, of the user id and the user's feed generation:
// the database holds no per-user token, rotating (a new generation) invalidates the
// user's old one, and deleting the key (account_meta 'feed_key') invalidates all.
inline constexpr std::string_view kFeedTokenPrefix = "kbf_";

// Seconds since the Unix epoch; replaceable in tests.
using Clock = std::function<int64_t()>;

// The account tables of one database file. Thread-safe: one connection behind a
// mutex (password hashing runs outside it). Authenticate() keeps the credentials it
// verified for `Options::auth_cache_ttl_ms` so that a busy client costs no SQLite
// query per request; every change to the account tables made through this store
// (logout, password, disable, delete, token revoked, ...) empties that cache at once.
// A change made by another process (the CLI) is seen within the TTL.
class AccountStore {
 public:
  struct Options {
    int64_t session_lifetime_s = 12 * 3600;  // a session ends this long after login
    Clock clock;                             // null: the system clock
    int64_t auth_cache_ttl_ms = 2000;        // 0: every Authenticate() asks SQLite
  };

  // Opens the account tables of the SQLite file at `db_path`, or of the PostgreSQL
  // database when it is a postgresql:// URL, creating them (and the file) when
  // missing. Unsupported when account_meta names a newer schema.
  static Result<std::unique_ptr<AccountStore>> Open(const std::string& db_path, Options options);
  ~AccountStore();
  AccountStore(const AccountStore&) = delete;
  AccountStore& operator=(const AccountStore&) = delete;

  // Adds a user. InvalidInput for a bad name, role/region mismatch or short
  // password; InvalidInput ("already exists") for a taken name. Audited.
  Result<User> CreateUser(const NewUser& user, const Actor& actor);
  // Changes a user; a new password or disabling ends its sessions. NotFound for an
  // unknown name; InvalidInput when the change would leave no enabled admin. Audited.
  Result<User> UpdateUser(const std::string& name, const UserUpdate& update, const Actor& actor);
  // Deletes a user with its sessions and API tokens. NotFound for an unknown name;
  // InvalidInput when it is the last enabled admin. Audited.
  Status DeleteUser(const std::string& name, const Actor& actor);
  // The user named `name`; NotFound when none.
  Result<User> FindUser(const std::string& name);
  // Every user, by name.
  Result<std::vector<User>> Users();
  // Whether an enabled admin exists.
  Result<bool> HasAdmin();

  // Checks a user name and password. A match (enabled user) gives a new session;
  // a mismatch gives nullopt and is audited as "login.failed" with the reason (the
  // caller tells the client nothing more). Unknown names cost as much time as
  // wrong passwords.
  Result<std::optional<NewSession>> Login(const std::string& name, const std::string& password,
                                          const std::string& address);
  // Ends a session (idempotent). Audited as "logout".
  Status Logout(int64_t session_id, const Actor& actor);
  // The owner of a session token ("kbs_...") or API token ("kbt_..."); nullopt when
  // unknown, expired, or its user is disabled.
  Result<std::optional<Authenticated>> Authenticate(const std::string& token);

  // Creates an API token acting as user `user`. NotFound for an unknown user. Audited.
  Result<NewApiToken> CreateToken(const std::string& user, const std::string& label,
                                  const Actor& actor);
  // Revokes an API token. NotFound for an unknown id. Audited.
  Status DeleteToken(int64_t id, const Actor& actor);
  // Every API token (never the token itself).
  Result<std::vector<ApiToken>> Tokens();

  // The calendar feed token of user `name` (see kFeedTokenPrefix); the same until
  // RotateFeed. NotFound for an unknown user.
  Result<std::string> FeedToken(const std::string& name);
  // Gives user `name` a new feed token (the old one stops working) and returns it.
  // NotFound for an unknown user. Audited as "feed.rotate".
  Result<std::string> RotateFeed(const std::string& name, const Actor& actor);
  // The user a feed token belongs to; nullopt when it is malformed, was rotated away,
  // or its user is unknown or disabled.
  Result<std::optional<User>> AuthenticateFeed(const std::string& token);

 private:
  AccountStore(std::unique_ptr<store::SqlConnection> db, Options options);
  Status Init();
  Status Exec(const std::string& sql);
  Status Error(const std::string& what);
  int64_t Now() const;
  std::string NowIso() const;
  // Appends an accounts' entry to the change log (inside a transaction).
  Status AppendLocked(const Actor& actor, std::string action, std::string record,
                      std::string summary, std::string before = "", std::string after = "");
  // Schema 1 -> 2: the feed generation, and audit_log's rows moved to change_log.
  Status MigrateV1Locked();
  Result<std::string> FeedTokenLocked(int64_t user_id);
  Result<std::optional<User>> FindUserLocked(const std::string& name);
  Result<int64_t> EnabledAdminsLocked();
  // Runs `body` in an IMMEDIATE transaction (rolled back when it fails).
  Status Transaction(const std::function<Status()>& body);

  std::unique_ptr<store::SqlConnection> db_;
  Options options_;
  std::mutex mu_;

  // Verified credentials by token, with when they were verified (steady clock, ms).
  struct CachedAuth {
    Authenticated auth;
    int64_t verified_ms = 0;
  };
  std::mutex cache_mu_;  // taken after mu_ when both are held
  std::unordered_map<std::string, CachedAuth> auth_cache_;
  uint64_t generation_ = 0;  // bumped (under both mutexes) by every transaction
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_ACCOUNTS_H_
