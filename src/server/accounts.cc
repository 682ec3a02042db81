#include "server/accounts.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "kembar/io/digest.h"
#include "kembar/store/pg_store.h"
#include "server/sqlite_util.h"
#include "store/change_log.h"
#include "store/lines.h"

namespace kembar::server {

namespace {

// account_meta's schema_version: the layout of the tables below.
// 1: the first layout, with its own audit_log table.
// 2: account_user.feed_generation; the audit entries live in change_log.
constexpr int64_t kAccountSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS account_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS account_user (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL,
  regions       TEXT NOT NULL DEFAULT '',   -- newline-joined region ids
  password_hash TEXT NOT NULL,              -- argon2id, libsodium string form
  language      TEXT NOT NULL DEFAULT 'en',
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  feed_generation INTEGER NOT NULL DEFAULT 0  -- bumped to rotate the calendar feed token
);
CREATE TABLE IF NOT EXISTS account_session (
  id         INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,          -- SHA-256 of the token; the token is never stored
  csrf_hash  TEXT NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES account_user(id) ON DELETE CASCADE,
  address    TEXT NOT NULL,
  created_at INTEGER NOT NULL,              -- Unix seconds
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS account_token (
  id         INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id    INTEGER NOT NULL REFERENCES account_user(id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

// The same tables on PostgreSQL (which never had version 1).
constexpr const char* kPgSchema = R"sql(
CREATE TABLE IF NOT EXISTS account_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS account_user (
  id            BIGSERIAL PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL,
  regions       TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  language      TEXT NOT NULL DEFAULT 'en',
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  feed_generation INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS account_session (
  id         BIGSERIAL PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  csrf_hash  TEXT NOT NULL,
  user_id    BIGINT NOT NULL REFERENCES account_user(id) ON DELETE CASCADE,
  address    TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS account_token (
  id         BIGSERIAL PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id    BIGINT NOT NULL REFERENCES account_user(id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

using store::Join;
using store::SplitLines;

constexpr std::string_view kSessionPrefix = "kbs_";
constexpr std::string_view kApiTokenPrefix = "kbt_";

bool ValidUserName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(name[0])) return false;
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

// InvalidInput about one member of a user ("password", "name", "regions"): the API
// answers it with that member as its `field`, in the caller's language.
Status MemberError(const std::string& member, std::string en, std::string id) {
  Message m{std::move(en), std::move(id)};
  return Status::InvalidInput(m).WithProblems({{member, m}});
}

Status CheckPassword(const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    const std::string n = std::to_string(kMinPasswordLength);
    return MemberError("password", "the password must have at least " + n + " characters",
                       "kata sandi minimal " + n + " karakter");
  }
  if (password.size() > kMaxPasswordLength) {
    const std::string n = std::to_string(kMaxPasswordLength);
    return MemberError("password", "the password must have at most " + n + " characters",
                       "kata sandi maksimal " + n + " karakter");
  }
  return Status::Ok();
}

Status CheckLanguage(const std::string& lang) {
  if (lang != "en" && lang != "id") {
    return MemberError("language", "language must be \"id\" or \"en\", not \"" + lang + "\"",
                       "bahasa harus \"id\" atau \"en\", bukan \"" + lang + "\"");
  }
  return Status::Ok();
}

Status CheckRoleRegions(Role role, const std::vector<std::string>& regions) {
  if (role == Role::kEditor && regions.empty()) {
    return MemberError("regions", "an editor needs at least one region",
                       "editor memerlukan paling sedikit satu wilayah");
  }
  if (role != Role::kEditor && !regions.empty()) {
    return MemberError("regions",
                       "only editors have regions; an admin may change every region "
                       "and a viewer none",
                       "hanya editor yang memiliki wilayah; admin boleh mengubah semua wilayah "
                       "dan viewer tidak satu pun");
  }
  for (const std::string& r : regions) {
    if (r.empty() || r.find('\n') != std::string::npos) {
      return MemberError("regions", "a region id must be one non-empty line",
                         "id wilayah harus satu baris yang tidak kosong");
    }
  }
  return Status::Ok();
}

// The refusal to disable, demote or delete the last enabled admin.
Status LastAdmin(const std::string& name) {
  return Status::InvalidInput("\"" + name +
                                  "\" is the last enabled admin: another enabled admin "
                                  "must exist first",
                              "\"" + name +
                                  "\" adalah admin aktif terakhir: harus ada admin "
                                  "aktif lain lebih dulu");
}

// One argon2id hash computed once, to spend on unknown user names.
const std::string& DummyHash() {
  static const std::string hash = [] {
    auto h = HashPassword("kembar-timing-equaliser");
    return h.ok() ? *h : std::string();
  }();
  return hash;
}

// A user as the change log's before/after: never its password hash.
std::string UserJson(const User& u) {
  return nlohmann::json{{"name", u.name},
                        {"role", RoleName(u.role)},
                        {"regions", u.regions},
                        {"language", u.language},
                        {"disabled", u.disabled}}
      .dump();
}

User RowToUser(Stmt& st) {
  // Columns: id, name, role, regions, language, disabled, created_at.
  User u;
  u.id = st.Int(0);
  u.name = st.Text(1);
  u.role = ParseRole(st.Text(2)).value_or(Role::kViewer);
  u.regions = SplitLines(st.Text(3));
  u.language = st.Text(4);
  u.disabled = st.Int(5) != 0;
  u.created_at = st.Text(6);
  return u;
}

constexpr const char* kUserColumns =
    "u.id, u.name, u.role, u.regions, u.language, u.disabled, u.created_at";

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kEditor:
      return "editor";
    case Role::kAdmin:
      return "admin";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kViewer, Role::kEditor, Role::kAdmin}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

Result<std::string> HashPassword(std::string_view password) {
  if (sodium_init() < 0) return Status::IoError("libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::IoError("out of memory while hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0 || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string h(hash);  // NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string RandomHex(size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  sodium_memzero(raw.data(), raw.size());
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {

// Verified credentials kept at most (the cache is emptied when it is full).
constexpr size_t kAuthCacheMax = 10000;

}  // namespace

AccountStore::AccountStore(std::unique_ptr<store::SqlConnection> db, Options options)
    : db_(std::move(db)), options_(std::move(options)) {}

AccountStore::~AccountStore() = default;

Result<std::unique_ptr<AccountStore>> AccountStore::Open(const std::string& db_path,
                                                         Options options) {
  if (sodium_init() < 0) return Status::IoError("libsodium could not be initialised");
  {
    // The change log the accounts' entries go to belongs to the records' schema:
    // create or migrate it first.
    auto records = store::OpenStore(db_path);
    if (!records.ok()) return records.status();
  }
  // An SQLite file or a PostgreSQL database, as for the records (store::OpenStore).
  auto db = store::OpenSqlConnection(db_path);
  if (!db.ok()) return db.status();
  std::unique_ptr<AccountStore> store(new AccountStore(std::move(*db), std::move(options)));
  if (Status s = store->Init(); !s.ok()) return s;
  return store;
}

Status AccountStore::Exec(const std::string& sql) {
  if (Status s = db_->Exec(sql); !s.ok()) return Status::IoError("account tables: " + s.message());
  return Status::Ok();
}

Status AccountStore::Error(const std::string& what) {
  return Status::IoError("account tables: " + what + ": " + db_->LastError());
}

int64_t AccountStore::Now() const {
  if (options_.clock) return options_.clock();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string AccountStore::NowIso() const {
  const std::time_t t = static_cast<std::time_t>(Now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status AccountStore::Init() {
  std::lock_guard lock(mu_);
  // An SQLite file is already in WAL mode (OpenSqliteStore, just before, set it where
  // it could), and its connection checks foreign keys (OpenSqliteConnection).
  const bool sqlite = db_->dialect() == store::SqlDialect::kSqlite;
  return Transaction([&]() -> Status {
    if (Status s = Exec(sqlite ? kSchema : kPgSchema); !s.ok()) return s;
    std::optional<int64_t> version;  // none: new tables
    {
      Stmt v(*db_, "SELECT value FROM account_meta WHERE key = 'schema_version'");
      if (!v.ok()) return Error(v.error());
      if (v.Step() == store::kSqlRow) version = std::atoll(v.Text(0).c_str());
    }  // finalized: a migration drops a table
    if (version && *version > kAccountSchemaVersion) {
      return Status::Unsupported("the account tables have schema version " +
                                 std::to_string(*version) + "; this kembar understands up to " +
                                 std::to_string(kAccountSchemaVersion) + ": upgrade kembar");
    }
    if (version && *version < 2 && sqlite) {
      if (Status m = MigrateV1Locked(); !m.ok()) return m;
    }
    Stmt ins(*db_,
             "INSERT INTO account_meta(key, value) VALUES ('schema_version', ?1) "
             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    ins.Bind(1, std::to_string(kAccountSchemaVersion));
    if (ins.Step() != store::kSqlDone) return Error("writing the schema version");
    // The feed tokens' key: 256 random bits, made once.
    Stmt key(*db_,
             "INSERT INTO account_meta(key, value) VALUES ('feed_key', ?1) "
             "ON CONFLICT(key) DO NOTHING");
    key.Bind(1, RandomHex(32));
    if (key.Step() != store::kSqlDone) return Error("writing the feed key");
    return Status::Ok();
  });
}

Status AccountStore::Transaction(const std::function<Status()>& body) {
  {
    // Whatever the transaction changes, no credential verified before it is reused.
    std::lock_guard cache_lock(cache_mu_);
    ++generation_;
    auth_cache_.clear();
  }
  // One writer at a time on the database (PostgreSQL: its advisory lock), as the
  // records' writers: the last-admin checks and the change log's chain hold.
  if (Status s = db_->BeginWrite(); !s.ok()) return s;
  Status s = body();
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) db_->Rollback();
  return s;
}

Status AccountStore::AppendLocked(const Actor& actor, std::string action, std::string record,
                                  std::string summary, std::string before, std::string after) {
  store::ChangeRecord c;
  c.area = std::string(store::kAccountsArea);
  c.at = NowIso();
  c.actor = actor.name;
  c.address = actor.address;
  c.action = std::move(action);
  c.record = std::move(record);
  c.summary = std::move(summary);
  c.before = std::move(before);
  c.after = std::move(after);
  return store::AppendChange(*db_, &c);
}

Status AccountStore::MigrateV1Locked() {
  if (Status s = Exec("ALTER TABLE account_user ADD COLUMN feed_generation INTEGER NOT NULL "
                      "DEFAULT 0");
      !s.ok()) {
    return s;
  }
  {
    Stmt exists(*db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'");
    if (exists.Step() != store::kSqlRow) return Status::Ok();
  }  // finalized: the table is dropped below
  // The old entries move to the change log in their order, with their times, chained
  // anew; whether their old chain held is said in one more entry.
  std::string prev, broken;
  int64_t expected = 1, moved = 0;
  {
    Stmt st(*db_,
            "SELECT seq, at, actor, address, action, target, detail, hash FROM audit_log "
            "ORDER BY seq");
    if (!st.ok()) return Error(st.error());
    int rc;
    while ((rc = st.Step()) == store::kSqlRow) {
      const int64_t seq = st.Int(0);
      const std::string at = st.Text(1), actor = st.Text(2), address = st.Text(3),
                        action = st.Text(4), target = st.Text(5), detail = st.Text(6),
                        hash = st.Text(7);
      if (broken.empty()) {
        std::string buf;
        for (const std::string* f : std::initializer_list<const std::string*>{
                 &prev, &at, &actor, &address, &action, &target, &detail}) {
          buf += std::to_string(f->size()) + ":" + *f;
        }
        buf += std::to_string(seq);
        if (seq != expected || io::Sha256Hex(buf) != hash) broken = std::to_string(expected);
      }
      prev = hash;
      ++expected;
      store::ChangeRecord c;
      c.area = std::string(store::kAccountsArea);
      c.at = at;
      c.actor = actor;
      c.address = address;
      c.action = action;
      c.record = target;
      c.summary = detail;
      if (Status s = store::AppendChange(*db_, &c); !s.ok()) return s;
      ++moved;
    }
    if (rc != store::kSqlDone) return Error("reading the old audit log");
  }
  if (moved > 0) {
    std::string summary = std::to_string(moved) + " entries moved from audit_log; their chain " +
                          (broken.empty() ? "held" : "was broken at entry " + broken);
    if (Status s = AppendLocked({"kembar", ""}, "audit.migrate", "audit_log", summary); !s.ok()) {
      return s;
    }
  }
  return Exec("DROP TABLE audit_log");
}

Result<std::optional<User>> AccountStore::FindUserLocked(const std::string& name) {
  const std::string sql =
      std::string("SELECT ") + kUserColumns + " FROM account_user u WHERE u.name = ?1";
  Stmt st(*db_, sql.c_str());
  if (!st.ok()) return Error(st.error());
  st.Bind(1, name);
  const int rc = st.Step();
  if (rc == store::kSqlDone) return std::optional<User>();
  if (rc != store::kSqlRow) return Error("reading user");
  return std::optional<User>(RowToUser(st));
}

Result<int64_t> AccountStore::EnabledAdminsLocked() {
  Stmt st(*db_, "SELECT count(*) FROM account_user WHERE role = 'admin' AND disabled = 0");
  if (!st.ok() || st.Step() != store::kSqlRow) return Error("counting admins");
  return st.Int(0);
}

Result<User> AccountStore::CreateUser(const NewUser& user, const Actor& actor) {
  if (!ValidUserName(user.name)) {
    return MemberError("name",
                       "a user name is 1 to 64 of a-z, 0-9, '.', '_' and '-', "
                       "starting with a letter or digit: \"" +
                           user.name + "\"",
                       "nama pengguna terdiri atas 1 sampai 64 karakter a-z, 0-9, '.', '_' dan "
                       "'-', diawali huruf atau angka: \"" +
                           user.name + "\"");
  }
  if (Status s = CheckRoleRegions(user.role, user.regions); !s.ok()) return s;
  if (Status s = CheckPassword(user.password); !s.ok()) return s;
  if (Status s = CheckLanguage(user.language); !s.ok()) return s;
  auto hash = HashPassword(user.password);  // slow: outside the lock
  if (!hash.ok()) return hash.status();

  std::lock_guard lock(mu_);
  User created;
  Status s = Transaction([&]() -> Status {
    auto existing = FindUserLocked(user.name);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) {
      return Status::InvalidInput("the user \"" + user.name + "\" already exists",
                                  "pengguna \"" + user.name + "\" sudah ada");
    }
    Stmt ins(*db_,
             "INSERT INTO account_user(name, role, regions, password_hash, language, created_at) "
             "VALUES (?1,?2,?3,?4,?5,?6)");
    if (!ins.ok()) return Error(ins.error());
    ins.Bind(1, user.name).Bind(2, RoleName(user.role)).Bind(3, Join(user.regions));
    ins.Bind(4, *hash).Bind(5, user.language).Bind(6, NowIso());
    if (ins.Step() != store::kSqlDone) return Error("adding user");
    auto found = FindUserLocked(user.name);
    if (!found.ok()) return found.status();
    created = **found;
    std::string detail = "role " + std::string(RoleName(user.role));
    if (!user.regions.empty()) {
      detail += ", regions ";
      for (size_t i = 0; i < user.regions.size(); ++i) {
        detail += (i ? "," : "") + user.regions[i];
      }
    }
    return AppendLocked(actor, "user.add", user.name, detail, "", UserJson(created));
  });
  if (!s.ok()) return s;
  return created;
}

Result<User> AccountStore::UpdateUser(const std::string& name, const UserUpdate& update,
                                      const Actor& actor) {
  if (update.password) {
    if (Status s = CheckPassword(*update.password); !s.ok()) return s;
  }
  if (update.language) {
    if (Status s = CheckLanguage(*update.language); !s.ok()) return s;
  }
  std::optional<std::string> hash;
  if (update.password) {
    auto h = HashPassword(*update.password);
    if (!h.ok()) return h.status();
    hash = *h;
  }
  std::lock_guard lock(mu_);
  User updated;
  Status s = Transaction([&]() -> Status {
    auto found = FindUserLocked(name);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return Status::NotFound("no user \"" + name + "\"");
    User u = **found;
    const User before = u;
    const bool was_enabled_admin = u.role == Role::kAdmin && !u.disabled;
    std::vector<std::string> changed;
    if (update.role && *update.role != u.role) {
      u.role = *update.role;
      changed.push_back("role " + std::string(RoleName(u.role)));
      if (u.role != Role::kEditor && !update.regions) u.regions.clear();
    }
    if (update.regions) {
      u.regions = *update.regions;
      changed.push_back("regions " + std::to_string(u.regions.size()));
    }
    if (Status c = CheckRoleRegions(u.role, u.regions); !c.ok()) return c;
    if (update.language && *update.language != u.language) {
      u.language = *update.language;
      changed.push_back("language " + u.language);
    }
    if (update.disabled && *update.disabled != u.disabled) {
      u.disabled = *update.disabled;
      changed.push_back(u.disabled ? "disabled" : "enabled");
    }
    if (hash) changed.push_back("password");
    if (was_enabled_admin && (u.role != Role::kAdmin || u.disabled)) {
      auto admins = EnabledAdminsLocked();
      if (!admins.ok()) return admins.status();
      if (*admins <= 1) return LastAdmin(name);
    }
    Stmt up(*db_,
            "UPDATE account_user SET role = ?2, regions = ?3, language = ?4, disabled = ?5, "
            "password_hash = coalesce(?6, password_hash) WHERE id = ?1");
    if (!up.ok()) return Error(up.error());
    up.Bind(1, u.id).Bind(2, RoleName(u.role)).Bind(3, Join(u.regions)).Bind(4, u.language);
    up.Bind(5, int64_t{u.disabled ? 1 : 0});
    if (hash) up.Bind(6, *hash);
    if (up.Step() != store::kSqlDone) return Error("updating user");
    if (hash || u.disabled) {
      Stmt del(*db_, "DELETE FROM account_session WHERE user_id = ?1");
      del.Bind(1, u.id);
      if (del.Step() != store::kSqlDone) return Error("ending sessions");
    }
    updated = u;
    if (changed.empty()) return Status::Ok();
    std::string detail;
    for (const std::string& c : changed) detail += (detail.empty() ? "" : ", ") + c;
    return AppendLocked(actor, "user.edit", name, detail, UserJson(before), UserJson(u));
  });
  if (!s.ok()) return s;
  return updated;
}

Status AccountStore::DeleteUser(const std::string& name, const Actor& actor) {
  std::lock_guard lock(mu_);
  return Transaction([&]() -> Status {
    auto found = FindUserLocked(name);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return Status::NotFound("no user \"" + name + "\"");
    const User& u = **found;
    if (u.role == Role::kAdmin && !u.disabled) {
      auto admins = EnabledAdminsLocked();
      if (!admins.ok()) return admins.status();
      if (*admins <= 1) return LastAdmin(name);
    }
    for (const char* sql : {"DELETE FROM account_session WHERE user_id = ?1",
                            "DELETE FROM account_token WHERE user_id = ?1",
                            "DELETE FROM account_user WHERE id = ?1"}) {
      Stmt del(*db_, sql);
      del.Bind(1, u.id);
      if (del.Step() != store::kSqlDone) return Error("deleting user");
    }
    return AppendLocked(actor, "user.delete", name, "role " + std::string(RoleName(u.role)),
                        UserJson(u));
  });
}

Result<User> AccountStore::FindUser(const std::string& name) {
  std::lock_guard lock(mu_);
  auto found = FindUserLocked(name);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no user \"" + name + "\"");
  return **found;
}

Result<std::vector<User>> AccountStore::Users() {
  std::lock_guard lock(mu_);
  const std::string sql =
      std::string("SELECT ") + kUserColumns + " FROM account_user u ORDER BY u.name";
  Stmt st(*db_, sql.c_str());
  if (!st.ok()) return Error(st.error());
  std::vector<User> out;
  int rc;
  while ((rc = st.Step()) == store::kSqlRow) out.push_back(RowToUser(st));
  if (rc != store::kSqlDone) return Error("listing users");
  return out;
}

Result<bool> AccountStore::HasAdmin() {
  std::lock_guard lock(mu_);
  auto n = EnabledAdminsLocked();
  if (!n.ok()) return n.status();
  return *n > 0;
}

Result<std::optional<NewSession>> AccountStore::Login(const std::string& name,
                                                      const std::string& password,
                                                      const std::string& address) {
  std::string hash;
  std::optional<User> user;
  {
    std::lock_guard lock(mu_);
    const std::string sql = std::string("SELECT ") + kUserColumns +
                            ", u.password_hash FROM account_user u WHERE u.name = ?1";
    Stmt st(*db_, sql.c_str());
    if (!st.ok()) return Error(st.error());
    st.Bind(1, name);
    const int rc = st.Step();
    if (rc == store::kSqlRow) {
      user = RowToUser(st);
      hash = st.Text(7);
    } else if (rc != store::kSqlDone) {
      return Error("reading user");
    }
  }
  // Verify outside the lock; an unknown name spends the same time on a dummy hash.
  const bool match = password.size() <= kMaxPasswordLength &&
                     VerifyPassword(user ? hash : DummyHash(), password) && user.has_value();
  std::lock_guard lock(mu_);
  if (!match || user->disabled) {
    const std::string reason =
        !user ? "unknown user" : (!match ? "wrong password" : "user disabled");
    Status s = Transaction([&] {
      return AppendLocked({name.substr(0, 64), address}, "login.failed", name.substr(0, 64),
                          reason);
    });
    if (!s.ok()) return s;
    return std::optional<NewSession>();
  }
  NewSession session;
  session.token = std::string(kSessionPrefix) + RandomHex(32);
  session.csrf = RandomHex(32);
  session.expires_at = Now() + options_.session_lifetime_s;
  session.user = *user;
  Status s = Transaction([&]() -> Status {
    Stmt purge(*db_, "DELETE FROM account_session WHERE expires_at <= ?1");
    purge.Bind(1, Now());
    if (purge.Step() != store::kSqlDone) return Error("removing expired sessions");
    Stmt ins(*db_,
             "INSERT INTO account_session(token_hash, csrf_hash, user_id, address, created_at, "
             "expires_at) VALUES (?1,?2,?3,?4,?5,?6) RETURNING id");
    if (!ins.ok()) return Error(ins.error());
    ins.Bind(1, io::Sha256Hex(session.token)).Bind(2, io::Sha256Hex(session.csrf));
    ins.Bind(3, user->id).Bind(4, address).Bind(5, Now()).Bind(6, session.expires_at);
    if (ins.Step() != store::kSqlRow) return Error("writing session");
    const int64_t id = ins.Int(0);
    return AppendLocked({name, address}, "login", name, "session " + std::to_string(id));
  });
  if (!s.ok()) return s;
  return std::optional<NewSession>(std::move(session));
}

Status AccountStore::Logout(int64_t session_id, const Actor& actor) {
  std::lock_guard lock(mu_);
  return Transaction([&]() -> Status {
    Stmt del(*db_, "DELETE FROM account_session WHERE id = ?1");
    del.Bind(1, session_id);
    if (del.Step() != store::kSqlDone) return Error("ending session");
    if (del.Changes() == 0) return Status::Ok();
    return AppendLocked(actor, "logout", actor.name, "session " + std::to_string(session_id));
  });
}

Result<std::optional<Authenticated>> AccountStore::Authenticate(const std::string& token) {
  const bool session = token.starts_with(kSessionPrefix);
  if ((!session && !token.starts_with(kApiTokenPrefix)) || token.size() != 4 + 64) {
    return std::optional<Authenticated>();
  }
  const int64_t steady_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now().time_since_epoch())
                                .count();
  if (options_.auth_cache_ttl_ms > 0) {
    std::lock_guard cache_lock(cache_mu_);
    auto it = auth_cache_.find(token);
    if (it != auth_cache_.end() &&
        steady_ms - it->second.verified_ms < options_.auth_cache_ttl_ms) {
      if (session && it->second.auth.expires_at <= Now()) return std::optional<Authenticated>();
      return std::optional<Authenticated>(it->second.auth);
    }
  }
  const std::string token_hash = io::Sha256Hex(token);
  std::lock_guard lock(mu_);
  uint64_t generation;
  {
    std::lock_guard cache_lock(cache_mu_);
    generation = generation_;
  }
  const std::string sql =
      std::string("SELECT ") + kUserColumns +
      (session ? ", s.id, s.csrf_hash, s.expires_at FROM account_session s JOIN account_user u "
                 "ON u.id = s.user_id WHERE s.token_hash = ?1"
               : ", t.id, '', 0 FROM account_token t JOIN account_user u ON u.id = t.user_id "
                 "WHERE t.token_hash = ?1");
  Stmt st(*db_, sql.c_str());
  if (!st.ok()) return Error(st.error());
  st.Bind(1, token_hash);
  const int rc = st.Step();
  if (rc == store::kSqlDone) return std::optional<Authenticated>();
  if (rc != store::kSqlRow) return Error("reading session");
  Authenticated a;
  a.kind = session ? Authenticated::Kind::kSession : Authenticated::Kind::kApiToken;
  a.user = RowToUser(st);
  a.credential_id = st.Int(7);
  a.csrf_hash = st.Text(8);
  a.expires_at = st.Int(9);
  if (a.user.disabled || (session && a.expires_at <= Now())) {
    return std::optional<Authenticated>();
  }
  if (options_.auth_cache_ttl_ms > 0) {
    std::lock_guard cache_lock(cache_mu_);
    if (generation == generation_) {
      if (auth_cache_.size() >= kAuthCacheMax) auth_cache_.clear();
      auth_cache_[token] = {a, steady_ms};
    }
  }
  return std::optional<Authenticated>(std::move(a));
}

Result<NewApiToken> AccountStore::CreateToken(const std::string& user, const std::string& label,
                                              const Actor& actor) {
  if (label.size() > 200 || label.find('\n') != std::string::npos) {
    return Status::InvalidInput("a token label is one line of at most 200 characters");
  }
  std::lock_guard lock(mu_);
  NewApiToken out;
  Status s = Transaction([&]() -> Status {
    auto found = FindUserLocked(user);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return Status::NotFound("no user \"" + user + "\"");
    out.token = std::string(kApiTokenPrefix) + RandomHex(32);
    out.info.user = user;
    out.info.label = label;
    out.info.created_at = NowIso();
    Stmt ins(*db_,
             "INSERT INTO account_token(token_hash, user_id, label, created_at) "
             "VALUES (?1,?2,?3,?4) RETURNING id");
    if (!ins.ok()) return Error(ins.error());
    ins.Bind(1, io::Sha256Hex(out.token)).Bind(2, (*found)->id).Bind(3, label);
    ins.Bind(4, out.info.created_at);
    if (ins.Step() != store::kSqlRow) return Error("writing token");
    out.info.id = ins.Int(0);
    return AppendLocked(
        actor, "token.add", "token " + std::to_string(out.info.id),
        "for " + user + (label.empty() ? "" : ": " + label), "",
        nlohmann::json{{"id", out.info.id}, {"user", user}, {"label", label}}.dump());
  });
  if (!s.ok()) return s;
  return out;
}

Status AccountStore::DeleteToken(int64_t id, const Actor& actor) {
  std::lock_guard lock(mu_);
  return Transaction([&]() -> Status {
    Stmt del(*db_, "DELETE FROM account_token WHERE id = ?1");
    del.Bind(1, id);
    if (del.Step() != store::kSqlDone) return Error("deleting token");
    if (del.Changes() == 0) return Status::NotFound("no API token " + std::to_string(id));
    return AppendLocked(actor, "token.delete", "token " + std::to_string(id), "");
  });
}

Result<std::vector<ApiToken>> AccountStore::Tokens() {
  std::lock_guard lock(mu_);
  Stmt st(*db_,
          "SELECT t.id, u.name, t.label, t.created_at FROM account_token t "
          "JOIN account_user u ON u.id = t.user_id ORDER BY t.id");
  if (!st.ok()) return Error(st.error());
  std::vector<ApiToken> out;
  int rc;
  while ((rc = st.Step()) == store::kSqlRow) {
    out.push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3)});
  }
  if (rc != store::kSqlDone) return Error("listing tokens");
  return out;
}

Result<std::string> AccountStore::FeedTokenLocked(int64_t user_id) {
  Stmt st(*db_,
          "SELECT u.feed_generation, m.value FROM account_user u, account_meta m "
          "WHERE u.id = ?1 AND m.key = 'feed_key'");
  if (!st.ok()) return Error(st.error());
  st.Bind(1, user_id);
  if (st.Step() != store::kSqlRow)
    return Status::NotFound("no user with id " + std::to_string(user_id));
  const std::string message = "feed:" + std::to_string(user_id) + ":" + std::to_string(st.Int(0));
  const std::string key = st.Text(1);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(kFeedTokenPrefix) + std::to_string(user_id) + "_" + hex;
}

Result<std::string> AccountStore::FeedToken(const std::string& name) {
  std::lock_guard lock(mu_);
  auto found = FindUserLocked(name);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no user \"" + name + "\"");
  return FeedTokenLocked((*found)->id);
}

Result<std::string> AccountStore::RotateFeed(const std::string& name, const Actor& actor) {
  std::lock_guard lock(mu_);
  std::string token;
  Status s = Transaction([&]() -> Status {
    auto found = FindUserLocked(name);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return Status::NotFound("no user \"" + name + "\"");
    Stmt up(*db_, "UPDATE account_user SET feed_generation = feed_generation + 1 WHERE id = ?1");
    up.Bind(1, (*found)->id);
    if (up.Step() != store::kSqlDone) return Error("rotating the feed token");
    auto t = FeedTokenLocked((*found)->id);
    if (!t.ok()) return t.status();
    token = *t;
    return AppendLocked(actor, "feed.rotate", name, "calendar feed token replaced");
  });
  if (!s.ok()) return s;
  return token;
}

Result<std::optional<User>> AccountStore::AuthenticateFeed(const std::string& token) {
  if (!token.starts_with(kFeedTokenPrefix)) return std::optional<User>();
  const size_t sep = token.find('_', kFeedTokenPrefix.size());
  // At most 18 digits of user id: no overflow.
  if (sep == std::string::npos || sep == kFeedTokenPrefix.size() || sep > 22 ||
      token.size() != sep + 1 + 64) {
    return std::optional<User>();
  }
  int64_t id = 0;
  for (size_t i = kFeedTokenPrefix.size(); i < sep; ++i) {
    if (token[i] < '0' || token[i] > '9') return std::optional<User>();
    id = id * 10 + (token[i] - '0');
  }
  std::lock_guard lock(mu_);
  const std::string sql =
      std::string("SELECT ") + kUserColumns + " FROM account_user u WHERE u.id = ?1";
  Stmt st(*db_, sql.c_str());
  if (!st.ok()) return Error(st.error());
  st.Bind(1, id);
  const int rc = st.Step();
  if (rc == store::kSqlDone) return std::optional<User>();
  if (rc != store::kSqlRow) return Error("reading user");
  User u = RowToUser(st);
  auto expected = FeedTokenLocked(id);
  if (!expected.ok()) return expected.status();
  if (!ConstantTimeEquals(*expected, token) || u.disabled) return std::optional<User>();
  return std::optional<User>(std::move(u));
}

}  // namespace kembar::server
