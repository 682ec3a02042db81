// Accounts: password hashing, sessions and their expiry, API tokens, their entries in
// the change log and its tamper detection, feed tokens, region scope, the throttle.
#include "server/accounts.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <thread>

#include "kembar/io/digest.h"
#include "kembar/kembar.h"
#include "kembar/store/sqlite_store.h"
#include "server/scope.h"
#include "server/throttle.h"
#include "testing/fixtures.h"

namespace kembar::server {
namespace {

constexpr const char* kPassword = "correct horse battery";

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempDir() + "/kembar.db";
    AccountStore::Options o;
    o.session_lifetime_s = 3600;
    o.clock = [this] { return now_; };
    auto store = AccountStore::Open(path_, o);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  User Add(const std::string& name, Role role, std::vector<std::string> regions = {}) {
    NewUser u;
    u.name = name;
    u.role = role;
    u.regions = std::move(regions);
    u.password = kPassword;
    auto created = store_->CreateUser(u, {"local:test", ""});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? *created : User{};
  }
  void Sql(const std::string& sql) { EXPECT_EQ(testing::ExecSql(path_, sql), ""); }
  std::string path_;
  int64_t now_ = 1'800'000'000;
  std::unique_ptr<AccountStore> store_;
};

TEST(PasswordTest, Argon2idHashesVerifyAndDiffer) {
  auto a = HashPassword(kPassword);
  auto b = HashPassword(kPassword);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a->starts_with("$argon2id$")) << *a;
  EXPECT_NE(*a, *b);  // salted
  EXPECT_TRUE(VerifyPassword(*a, kPassword));
  EXPECT_FALSE(VerifyPassword(*a, "correct horse battery!"));
  EXPECT_FALSE(VerifyPassword("not a hash", kPassword));
  EXPECT_FALSE(VerifyPassword("", kPassword));
}

TEST(PasswordTest, RandomTokensAreLongAndDistinct) {
  const std::string a = RandomHex(32), b = RandomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
  EXPECT_FALSE(ConstantTimeEquals(a, a.substr(1)));
}

TEST_F(AccountsTest, CreateUserChecksNameRoleRegionsPassword) {
  auto bad = [&](std::string name, Role role, std::vector<std::string> regions,
                 std::string password) {
    NewUser u;
    u.name = name;
    u.role = role;
    u.regions = regions;
    u.password = password;
    auto r = store_->CreateUser(u, {"t", ""});
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::string() : r.status().message();
  };
  EXPECT_NE(bad("Siti", Role::kViewer, {}, kPassword).find("user name"), std::string::npos);
  EXPECT_NE(bad("siti", Role::kViewer, {}, "short").find("at least 10"), std::string::npos);
  EXPECT_NE(bad("siti", Role::kEditor, {}, kPassword).find("region"), std::string::npos);
  EXPECT_NE(bad("siti", Role::kViewer, {"id-surabaya"}, kPassword).find("only editors"),
            std::string::npos);
  Add("siti", Role::kEditor, {"id-surabaya"});
  EXPECT_NE(bad("siti", Role::kViewer, {}, kPassword).find("already exists"), std::string::npos);
  auto siti = store_->FindUser("siti");
  ASSERT_TRUE(siti.ok());
  EXPECT_EQ(siti->role, Role::kEditor);
  EXPECT_EQ(siti->regions, std::vector<std::string>{"id-surabaya"});
}

TEST_F(AccountsTest, PasswordsAndTokensAreNeverStoredInTheClear) {
  Add("admin", Role::kAdmin);
  auto s = store_->Login("admin", kPassword, "127.0.0.1");
  ASSERT_TRUE(s.ok() && s->has_value());
  auto t = store_->CreateToken("admin", "nightly", {"admin", "127.0.0.1"});
  ASSERT_TRUE(t.ok());
  store_.reset();
  std::string file = testing::ReadFileOrDie(path_);
  const std::string wal = path_ + "-wal";
  if (std::filesystem::exists(wal)) file += testing::ReadFileOrDie(wal);
  EXPECT_EQ(file.find(kPassword), std::string::npos);
  EXPECT_EQ(file.find((*s)->token.substr(4)), std::string::npos);
  EXPECT_EQ(file.find((*s)->csrf), std::string::npos);
  EXPECT_EQ(file.find(t->token.substr(4)), std::string::npos);
  EXPECT_NE(file.find(io::Sha256Hex((*s)->token)), std::string::npos);
}

TEST_F(AccountsTest, SessionsAuthenticateUntilTheyExpire) {
  Add("admin", Role::kAdmin);
  auto wrong = store_->Login("admin", "wrong password!!", "10.0.0.1");
  ASSERT_TRUE(wrong.ok());
  EXPECT_FALSE(wrong->has_value());
  auto unknown = store_->Login("nobody", kPassword, "10.0.0.1");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->has_value());

  auto s = store_->Login("admin", kPassword, "10.0.0.1");
  ASSERT_TRUE(s.ok() && s->has_value());
  const NewSession session = **s;
  EXPECT_TRUE(session.token.starts_with("kbs_"));
  EXPECT_EQ(session.expires_at, now_ + 3600);
  auto a = store_->Authenticate(session.token);
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->user.name, "admin");
  EXPECT_EQ((*a)->kind, Authenticated::Kind::kSession);
  EXPECT_EQ((*a)->csrf_hash, io::Sha256Hex(session.csrf));

  EXPECT_FALSE(store_->Authenticate(session.token + "0")->has_value());
  EXPECT_FALSE(store_->Authenticate("kbs_" + std::string(64, '0'))->has_value());
  now_ += 3599;
  EXPECT_TRUE(store_->Authenticate(session.token)->has_value());
  now_ += 1;
  EXPECT_FALSE(store_->Authenticate(session.token)->has_value());
}

TEST_F(AccountsTest, LogoutPasswordChangeAndDisablingEndSessions) {
  Add("admin", Role::kAdmin);
  Add("budi", Role::kViewer);
  auto s1 = store_->Login("budi", kPassword, "a");
  auto s2 = store_->Login("budi", kPassword, "a");
  auto s3 = store_->Login("budi", kPassword, "a");
  ASSERT_TRUE(s1->has_value() && s2->has_value() && s3->has_value());
  auto a1 = store_->Authenticate((*s1)->token);
  ASSERT_TRUE(a1->has_value());
  ASSERT_TRUE(store_->Logout((*a1)->credential_id, {"budi", "a"}).ok());
  EXPECT_FALSE(store_->Authenticate((*s1)->token)->has_value());
  EXPECT_TRUE(store_->Authenticate((*s2)->token)->has_value());

  UserUpdate pw;
  pw.password = "another long password";
  ASSERT_TRUE(store_->UpdateUser("budi", pw, {"admin", "a"}).ok());
  EXPECT_FALSE(store_->Authenticate((*s2)->token)->has_value());
  EXPECT_FALSE(store_->Login("budi", kPassword, "a")->has_value());
  auto s4 = store_->Login("budi", "another long password", "a");
  ASSERT_TRUE(s4->has_value());

  UserUpdate off;
  off.disabled = true;
  ASSERT_TRUE(store_->UpdateUser("budi", off, {"admin", "a"}).ok());
  EXPECT_FALSE(store_->Authenticate((*s4)->token)->has_value());
  EXPECT_FALSE(store_->Login("budi", "another long password", "a")->has_value());
}

TEST_F(AccountsTest, TheLastAdminStays) {
  Add("admin", Role::kAdmin);
  UserUpdate demote;
  demote.role = Role::kViewer;
  EXPECT_FALSE(store_->UpdateUser("admin", demote, {"admin", ""}).ok());
  EXPECT_FALSE(store_->DeleteUser("admin", {"admin", ""}).ok());
  Add("root2", Role::kAdmin);
  EXPECT_TRUE(store_->UpdateUser("admin", demote, {"root2", ""}).ok());
  EXPECT_EQ(store_->FindUser("admin")->role, Role::kViewer);
  EXPECT_TRUE(*store_->HasAdmin());
}

TEST_F(AccountsTest, ApiTokensActAsTheirUserUntilRevoked) {
  Add("admin", Role::kAdmin);
  Add("script", Role::kEditor, {"id-surabaya"});
  auto t = store_->CreateToken("script", "nightly export", {"admin", "1.2.3.4"});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->token.starts_with("kbt_"));
  auto a = store_->Authenticate(t->token);
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->kind, Authenticated::Kind::kApiToken);
  EXPECT_EQ((*a)->user.name, "script");
  EXPECT_EQ((*a)->expires_at, 0);
  ASSERT_EQ(store_->Tokens()->size(), 1u);
  EXPECT_EQ(store_->CreateToken("ghost", "", {"admin", ""}).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->DeleteToken(t->info.id, {"admin", ""}).ok());
  EXPECT_FALSE(store_->Authenticate(t->token)->has_value());
  EXPECT_EQ(store_->DeleteToken(t->info.id, {"admin", ""}).code(), StatusCode::kNotFound);
}

// The change log as the records' store reads it (oldest first, both areas).
std::vector<store::ChangeRecord> ChangeLog(const std::string& path) {
  auto s = store::OpenSqliteStore(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  store::ChangeQuery q;
  q.limit = 1000;
  auto page = (*s)->ChangeLog(q);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  std::vector<store::ChangeRecord> out(page->items.rbegin(), page->items.rend());
  return out;
}

Status VerifyChain(const std::string& path) {
  auto s = store::OpenSqliteStore(path);
  if (!s.ok()) return s.status();
  return (*s)->VerifyChangeLog();
}

TEST_F(AccountsTest, AccountEventsGoToTheChangeLogWithAddressAndWithoutSecrets) {
  Add("admin", Role::kAdmin);
  ASSERT_TRUE(store_->Login("admin", "not the password", "10.1.1.1").ok());
  ASSERT_TRUE(store_->Login("nobody", "not the password", "10.1.1.2").ok());
  auto s = store_->Login("admin", kPassword, "10.1.1.1");
  auto a = store_->Authenticate((*s)->token);
  ASSERT_TRUE(store_->UpdateUser("admin", {.language = "id"}, {"admin", "10.1.1.1"}).ok());
  auto t = store_->CreateToken("admin", "nightly", {"admin", "10.1.1.1"});
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(store_->Logout((*a)->credential_id, {"admin", "10.1.1.1"}).ok());
  const std::vector<store::ChangeRecord> log = ChangeLog(path_);
  std::vector<std::string> actions;
  for (const store::ChangeRecord& e : log) {
    actions.push_back(e.action);
    EXPECT_EQ(e.area, "accounts");
    for (const std::string* f : {&e.summary, &e.before, &e.after, &e.record}) {
      EXPECT_EQ(f->find(kPassword), std::string::npos);
      EXPECT_EQ(f->find("not the password"), std::string::npos);
      EXPECT_EQ(f->find("argon2"), std::string::npos);
      EXPECT_EQ(f->find(t->token), std::string::npos);
      EXPECT_EQ(f->find((*s)->token), std::string::npos);
    }
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"user.add", "login.failed", "login.failed", "login",
                                               "user.edit", "token.add", "logout"}));
  EXPECT_EQ(log[0].address, "");  // the CLI
  EXPECT_EQ(log[0].at, "2027-01-15T08:00:00Z");
  EXPECT_EQ(log[1].address, "10.1.1.1");
  EXPECT_EQ(log[1].summary, "wrong password");
  EXPECT_EQ(log[2].actor, "nobody");
  EXPECT_EQ(log[2].address, "10.1.1.2");
  EXPECT_EQ(log[2].summary, "unknown user");
  EXPECT_EQ(log[3].address, "10.1.1.1");
  // A user change holds the user before and after.
  EXPECT_NE(log[4].before.find("\"language\":\"en\""), std::string::npos) << log[4].before;
  EXPECT_NE(log[4].after.find("\"language\":\"id\""), std::string::npos) << log[4].after;
  EXPECT_EQ(log[4].address, "10.1.1.1");
  EXPECT_TRUE(VerifyChain(path_).ok());
  // Disabled users' failed logins say so.
  Add("budi", Role::kViewer);
  ASSERT_TRUE(store_->UpdateUser("budi", {.disabled = true}, {"admin", ""}).ok());
  ASSERT_FALSE(store_->Login("budi", kPassword, "10.1.1.3")->has_value());
  EXPECT_EQ(ChangeLog(path_).back().summary, "user disabled");
}

TEST_F(AccountsTest, AccountEntriesLeaveTheRecordsVersionAlone) {
  auto records = store::OpenSqliteStore(path_);
  ASSERT_TRUE(records.ok());
  const int64_t before = *(*records)->Version();
  Add("admin", Role::kAdmin);
  ASSERT_TRUE(store_->Login("admin", kPassword, "10.1.1.1").ok());
  EXPECT_EQ(*(*records)->Version(), before);
  EXPECT_TRUE((*records)->ChangedSince(before)->empty());
}

TEST_F(AccountsTest, TheChainHoldsAcrossRecordsAndAccountsWrittenByBothConnections) {
  KembarOptions options;
  options.db_path = path_;
  auto kembar = Kembar::Open(options);
  ASSERT_TRUE(kembar.ok());
  const std::string file = testing::TempDir() + "/doc.json";
  auto import = [&](const std::string& pid) {
    testing::WriteFileOrDie(
        file, R"({"format":"kembar-dossier/1","regions":[{"id":"id-a","name":"A","country":"ID",)"
              R"("level":"city"},{"id":"jp-b","name":"B","country":"JP","level":"city"}],)"
              R"("partnerships":[{"id":")" +
                  pid + R"(","kind":"sister_city","parties":["id-a","jp-b"],"events":[]}]})");
    ImportParams p;
    p.file = file;
    p.mode = ImportMode::kReplace;
    p.actor.name = "editor1";
    p.actor.address = "10.2.2.2";
    p.actor.local_operator = true;
    auto r = (*kembar)->Import(p);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  };
  import("p1");
  Add("admin", Role::kAdmin);
  import("p2");
  ASSERT_TRUE(store_->Login("admin", kPassword, "10.1.1.1").ok());
  ASSERT_TRUE(store_->Login("admin", "wrong one!!", "10.1.1.1").ok());
  import("p3");
  Add("budi", Role::kViewer);
  // Concurrently: both connections append at once; the chain must not fork.
  std::thread t([&] {
    for (int i = 0; i < 5; ++i)
      ASSERT_TRUE(store_->Login("budi", "nope nope nope", "10.3.3.3").ok());
  });
  for (int i = 0; i < 5; ++i) import("q" + std::to_string(i));
  t.join();
  const std::vector<store::ChangeRecord> log = ChangeLog(path_);
  ASSERT_EQ(log.size(), 17u);
  for (size_t i = 0; i < log.size(); ++i) EXPECT_EQ(log[i].seq, static_cast<int64_t>(i + 1));
  EXPECT_EQ(log[0].area, "records");
  EXPECT_EQ(log[0].address, "10.2.2.2");
  EXPECT_EQ(log[1].area, "accounts");
  Status ok = (*kembar)->VerifyChangeLog();
  EXPECT_TRUE(ok.ok()) << ok.ToString();

  Sql("UPDATE change_log SET summary = 'right password' WHERE seq = 5");
  Status altered = (*kembar)->VerifyChangeLog();
  EXPECT_EQ(altered.code(), StatusCode::kCorruption);
  EXPECT_NE(altered.message().find("entry 5"), std::string::npos) << altered.message();
}

TEST_F(AccountsTest, AnOldAuditLogIsMovedIntoTheChangeLog) {
  Add("admin", Role::kAdmin);
  store_.reset();
  // The schema 1 layout: no feed generation, the entries in audit_log with their chain.
  Sql(R"sql(
    CREATE TABLE account_user_v1 AS SELECT id, name, role, regions, password_hash, language,
      disabled, created_at FROM account_user;
    DROP TABLE account_session; DROP TABLE account_token; DROP TABLE account_user;
    ALTER TABLE account_user_v1 RENAME TO account_user;
    CREATE TABLE audit_log(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
      address TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL,
      hash TEXT NOT NULL);
    DELETE FROM change_log;
    UPDATE account_meta SET value = '1' WHERE key = 'schema_version';
  )sql");
  auto hash = [](const std::string& prev, std::vector<std::string> f, int64_t seq) {
    std::string buf = std::to_string(prev.size()) + ":" + prev;
    for (const std::string& x : f) buf += std::to_string(x.size()) + ":" + x;
    return io::Sha256Hex(buf + std::to_string(seq));
  };
  const std::string h1 =
      hash("", {"2026-01-01T00:00:00Z", "local:x", "", "user.add", "admin", "role admin"}, 1);
  const std::string h2 =
      hash(h1, {"2026-01-02T00:00:00Z", "admin", "10.0.0.1", "login", "admin", "session 1"}, 2);
  Sql("INSERT INTO audit_log VALUES (1, '2026-01-01T00:00:00Z', 'local:x', '', 'user.add', "
      "'admin', 'role admin', '" +
      h1 +
      "'), (2, '2026-01-02T00:00:00Z', 'admin', '10.0.0.1', 'login', 'admin', "
      "'session 1', '" +
      h2 + "')");
  auto again = AccountStore::Open(path_, {});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  const std::vector<store::ChangeRecord> log = ChangeLog(path_);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].action, "user.add");
  EXPECT_EQ(log[0].at, "2026-01-01T00:00:00Z");
  EXPECT_EQ(log[1].address, "10.0.0.1");
  EXPECT_EQ(log[1].area, "accounts");
  EXPECT_EQ(log[2].action, "audit.migrate");
  EXPECT_NE(log[2].summary.find("held"), std::string::npos) << log[2].summary;
  EXPECT_TRUE(VerifyChain(path_).ok());
  // audit_log is gone, the feed works on the migrated user.
  auto feed = (*again)->FeedToken("admin");
  ASSERT_TRUE(feed.ok()) << feed.status().ToString();
  EXPECT_TRUE((*again)->AuthenticateFeed(*feed)->has_value());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'", -1, &st,
                     nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(AccountsTest, FeedTokensAreStableRotateAndStopForDisabledUsers) {
  Add("admin", Role::kAdmin);
  User budi = Add("budi", Role::kViewer);
  auto feed = store_->FeedToken("budi");
  ASSERT_TRUE(feed.ok());
  EXPECT_TRUE(feed->starts_with("kbf_" + std::to_string(budi.id) + "_")) << *feed;
  EXPECT_EQ(*store_->FeedToken("budi"), *feed);
  EXPECT_NE(*store_->FeedToken("admin"), *feed);
  auto who = store_->AuthenticateFeed(*feed);
  ASSERT_TRUE(who.ok() && who->has_value());
  EXPECT_EQ((*who)->name, "budi");
  // Not a session or API token, and nothing stored in the clear.
  EXPECT_FALSE(store_->Authenticate(*feed)->has_value());
  EXPECT_EQ(testing::ReadFileOrDie(path_).find(feed->substr(10)), std::string::npos);
  // Forged: another user's id with this MAC, a changed digit, garbage.
  std::string forged = *feed;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_FALSE(store_->AuthenticateFeed(forged)->has_value());
  std::string other = *feed;
  other.replace(4, std::to_string(budi.id).size(), "1");
  EXPECT_FALSE(store_->AuthenticateFeed(other)->has_value());
  EXPECT_FALSE(store_->AuthenticateFeed("kbf_")->has_value());
  EXPECT_FALSE(store_->AuthenticateFeed("kbf_x_y")->has_value());
  // Rotation: a new token, the old one stops.
  auto rotated = store_->RotateFeed("budi", {"budi", "10.0.0.5"});
  ASSERT_TRUE(rotated.ok());
  EXPECT_NE(*rotated, *feed);
  EXPECT_FALSE(store_->AuthenticateFeed(*feed)->has_value());
  EXPECT_TRUE(store_->AuthenticateFeed(*rotated)->has_value());
  EXPECT_EQ(ChangeLog(path_).back().action, "feed.rotate");
  // Disabled: the feed stops; enabled again: it works again.
  ASSERT_TRUE(store_->UpdateUser("budi", {.disabled = true}, {"admin", ""}).ok());
  EXPECT_FALSE(store_->AuthenticateFeed(*rotated)->has_value());
  ASSERT_TRUE(store_->UpdateUser("budi", {.disabled = false}, {"admin", ""}).ok());
  EXPECT_TRUE(store_->AuthenticateFeed(*rotated)->has_value());
}

TEST_F(AccountsTest, ReopensWithItsSchemaVersionAndRefusesANewerOne) {
  Add("admin", Role::kAdmin);
  store_.reset();
  auto again = AccountStore::Open(path_, {});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE((*again)->FindUser("admin").ok());
  again->reset();
  Sql("UPDATE account_meta SET value = '99' WHERE key = 'schema_version'");
  auto newer = AccountStore::Open(path_, {});
  EXPECT_EQ(newer.status().code(), StatusCode::kUnsupported);
}

TEST(ScopeTest, EditorsWriteOnlyWhereOneOfTheirRegionsIsAParty) {
  auto user = [](Role role, std::vector<std::string> regions = {}) {
    User u;
    u.role = role;
    u.regions = std::move(regions);
    return u;
  };
  auto partnership = [](std::string home, std::string partner) {
    Partnership p;
    p.id = home + "-" + partner;
    p.home = std::move(home);
    p.partner = std::move(partner);
    return p;
  };
  const User admin = user(Role::kAdmin), viewer = user(Role::kViewer);
  const User editor = user(Role::kEditor, {"id-surabaya", "id-jatim"});
  const Partnership sby_liverpool = partnership("id-surabaya", "gb-liverpool");
  const Partnership jatim_wa = partnership("id-jatim", "au-wa");
  const Partnership bdg_braunschweig = partnership("id-bandung", "de-braunschweig");
  const Partnership reversed = partnership("gb-liverpool", "id-surabaya");

  EXPECT_TRUE(MayWritePartnership(admin, &bdg_braunschweig, nullptr));
  EXPECT_FALSE(MayWritePartnership(viewer, &sby_liverpool, nullptr));
  EXPECT_TRUE(MayWritePartnership(editor, &sby_liverpool, &sby_liverpool));
  EXPECT_TRUE(MayWritePartnership(editor, &jatim_wa, nullptr));
  EXPECT_TRUE(MayWritePartnership(editor, nullptr, &reversed));  // either party counts
  EXPECT_FALSE(MayWritePartnership(editor, &bdg_braunschweig, nullptr));
  EXPECT_FALSE(MayWritePartnership(editor, nullptr, &bdg_braunschweig));
  // Moving a partnership needs both sides of the move in scope.
  EXPECT_FALSE(MayWritePartnership(editor, &sby_liverpool, &bdg_braunschweig));
  EXPECT_FALSE(MayWritePartnership(editor, &bdg_braunschweig, &sby_liverpool));
  EXPECT_FALSE(MayWritePartnership(editor, nullptr, nullptr));

  User disabled = editor;
  disabled.disabled = true;
  EXPECT_FALSE(MayWritePartnership(disabled, &sby_liverpool, nullptr));
  EXPECT_TRUE(MayWriteRegion(editor, "id-surabaya"));
  EXPECT_FALSE(MayWriteRegion(editor, "gb-liverpool"));
  EXPECT_TRUE(MayWriteRegion(admin, "gb-liverpool"));
  EXPECT_FALSE(MayWriteRegion(viewer, "id-surabaya"));
}

LoginThrottle::Limits Limits(int per_user, int per_address, int64_t window_s) {
  LoginThrottle::Limits l;
  l.per_user = per_user;
  l.per_address = per_address;
  l.window_s = window_s;
  return l;
}

TEST(ThrottleTest, LocksAUserAfterFailuresUntilTheWindowEnds) {
  LoginThrottle t(Limits(3, 5, 60));
  int64_t now = 1000;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.RetryAfter("siti", "1.1.1.1", now), 0);
    t.Failure("siti", "1.1.1.1", now);
  }
  EXPECT_EQ(t.RetryAfter("siti", "1.1.1.1", now + 10), 50);
  EXPECT_EQ(t.RetryAfter("siti", "2.2.2.2", now + 10), 50);  // per user, from anywhere
  EXPECT_EQ(t.RetryAfter("budi", "1.1.1.1", now + 10), 0);
  EXPECT_EQ(t.RetryAfter("siti", "1.1.1.1", now + 60), 0);
}

TEST(ThrottleTest, LocksAnAddressTryingManyNames) {
  LoginThrottle t(Limits(3, 5, 60));
  for (int i = 0; i < 5; ++i) t.Failure("user" + std::to_string(i), "6.6.6.6", 0);
  EXPECT_GT(t.RetryAfter("fresh", "6.6.6.6", 1), 0);
  EXPECT_EQ(t.RetryAfter("fresh", "7.7.7.7", 1), 0);
}

TEST(ThrottleTest, SuccessClearsTheUserCount) {
  LoginThrottle t(Limits(2, 100, 60));
  t.Failure("siti", "a", 0);
  t.Success("siti");
  t.Failure("siti", "a", 1);
  EXPECT_EQ(t.RetryAfter("siti", "a", 2), 0);
  t.Failure("siti", "a", 2);
  EXPECT_GT(t.RetryAfter("siti", "a", 3), 0);
}

}  // namespace
}  // namespace kembar::server
