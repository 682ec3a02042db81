// Accounts: password hashing, sessions and their expiry, API tokens, the audit
// chain and its tamper detection, region scope, the login throttle.
#include "server/accounts.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "kembar/io/digest.h"
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
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_free(err);
    sqlite3_close(db);
  }
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

TEST_F(AccountsTest, AuditLogRecordsAccountEventsWithoutSecrets) {
  Add("admin", Role::kAdmin);
  ASSERT_TRUE(store_->Login("admin", "not the password", "10.1.1.1").ok());
  auto s = store_->Login("admin", kPassword, "10.1.1.1");
  auto a = store_->Authenticate((*s)->token);
  ASSERT_TRUE(store_->Logout((*a)->credential_id, {"admin", "10.1.1.1"}).ok());
  auto log = store_->Audit();
  ASSERT_TRUE(log.ok());
  std::vector<std::string> actions;
  for (const AuditEntry& e : *log) {
    actions.push_back(e.action);
    EXPECT_EQ(e.detail.find(kPassword), std::string::npos);
    EXPECT_EQ(e.detail.find("not the password"), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"user.add", "login.failed", "login", "logout"}));
  EXPECT_EQ((*log)[1].address, "10.1.1.1");
  EXPECT_EQ((*log)[1].detail, "wrong password");
  EXPECT_EQ((*log)[0].at, "2027-01-15T08:00:00Z");
  EXPECT_TRUE(store_->VerifyAudit().ok());
}

TEST_F(AccountsTest, AuditChainDetectsAlteredAndRemovedEntries) {
  Add("admin", Role::kAdmin);
  Add("budi", Role::kViewer);
  ASSERT_TRUE(store_->Login("budi", "wrong password x", "10.0.0.9").ok());
  ASSERT_TRUE(store_->Login("budi", kPassword, "10.0.0.9").ok());
  ASSERT_TRUE(store_->VerifyAudit().ok());

  Sql("UPDATE audit_log SET address = '127.0.0.1' WHERE seq = 3");
  Status altered = store_->VerifyAudit();
  EXPECT_EQ(altered.code(), StatusCode::kCorruption);
  EXPECT_NE(altered.message().find("altered at entry 3"), std::string::npos) << altered.message();
  Sql("UPDATE audit_log SET address = '10.0.0.9' WHERE seq = 3");
  ASSERT_TRUE(store_->VerifyAudit().ok());

  Sql("DELETE FROM audit_log WHERE seq = 2");
  Status removed = store_->VerifyAudit();
  EXPECT_EQ(removed.code(), StatusCode::kCorruption);
  EXPECT_NE(removed.message().find("lacks entry 2"), std::string::npos) << removed.message();
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
