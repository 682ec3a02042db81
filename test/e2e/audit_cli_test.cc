// Black-box tests of `kembar audit`, `audit verify` (with the file tampered with
// through SQLite), `user disable|enable|passwd` and `token create|list|revoke`.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "kembar/model/error_table.h"
#include "server/accounts.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;
using Output = testing::CliOutput;
using testing::RunKembar;

constexpr const char* kPassword = "first password";

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    Output imported =
        RunKembar(dir_, "import '" + testing::SourcePath("data/indonesia.dossier.json") + "' -q");
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    testing::WriteFileOrDie(dir_ + "/pw.txt", std::string(kPassword) + "\n");
    testing::WriteFileOrDie(dir_ + "/pw2.txt", "second password\n");
    for (const char* add :
         {"user add root --role admin < pw.txt", "user add budi --role viewer < pw.txt"}) {
      Output o = RunKembar(dir_, add);
      ASSERT_EQ(o.exit_code, 0) << o.err;
    }
    ASSERT_EQ(RunKembar(dir_, "region edit id-surabaya --set population=2874314").exit_code, 0);
  }
  void Sql(const std::string& sql) { EXPECT_EQ(testing::ExecSql((dir_ + "/kembar.db"), sql), ""); }
  std::unique_ptr<server::AccountStore> Accounts() {
    auto a = server::AccountStore::Open(dir_ + "/kembar.db", {});
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? std::move(*a) : nullptr;
  }
  bool CanLogIn(const std::string& user, const std::string& password) {
    auto s = Accounts()->Login(user, password, "127.0.0.1");
    return s.ok() && s->has_value();
  }
  std::string dir_;
};

TEST_F(AuditCliTest, ListsAndFiltersTheLogInBothLanguages) {
  Output all = RunKembar(dir_, "audit");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("when"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("user.add"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("region.edit"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("4 of 4 entries"), std::string::npos) << all.out;
  // Newest first: the region edit before the import.
  EXPECT_LT(all.out.find("region.edit"), all.out.find("import"));

  Output id = RunKembar(dir_, "audit --lang id --action user.");
  ASSERT_EQ(id.exit_code, 0) << id.err;
  EXPECT_NE(id.out.find("waktu"), std::string::npos) << id.out;
  EXPECT_NE(id.out.find("2 dari 2 entri"), std::string::npos) << id.out;
  EXPECT_EQ(id.out.find("region.edit"), std::string::npos) << id.out;

  Output js = RunKembar(dir_, "audit --region id-surabaya --json");
  ASSERT_EQ(js.exit_code, 0) << js.err;
  const json j = json::parse(js.out);
  EXPECT_EQ(j["total"], 2);  // the import (its partnerships) and the region edit
  EXPECT_EQ(j["items"][0]["action"], "region.edit");
  EXPECT_EQ(j["items"][0]["before"]["id"], "id-surabaya");

  Output limited = RunKembar(dir_, "audit --limit 1 --json");
  EXPECT_EQ(json::parse(limited.out)["items"].size(), 1u);

  Output bad = RunKembar(dir_, "audit --from 2026-02-30");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--from"), std::string::npos) << bad.err;
}

TEST_F(AuditCliTest, VerifyDetectsAChangedEntry) {
  Output ok = RunKembar(dir_, "audit verify");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("4 entries checked"), std::string::npos) << ok.out;
  Sql("UPDATE change_log SET actor='x' WHERE seq=2");
  Output bad = RunKembar(dir_, "audit verify");
  EXPECT_EQ(bad.exit_code, DescribeError(StatusCode::kCorruption).exit_code);
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("entry 2"), std::string::npos) << bad.err;
  Output id = RunKembar(dir_, "audit verify --lang id");
  EXPECT_NE(id.err.find("entri 2"), std::string::npos) << id.err;
}

TEST_F(AuditCliTest, VerifyDetectsARemovedEntry) {
  Sql("DELETE FROM change_log WHERE seq=3");
  Output bad = RunKembar(dir_, "audit verify");
  EXPECT_EQ(bad.exit_code, DescribeError(StatusCode::kCorruption).exit_code);
  EXPECT_NE(bad.err.find("entry 3 was removed"), std::string::npos) << bad.err;
}

TEST_F(AuditCliTest, DisableEnableAndPasswdChangeWhoCanLogIn) {
  ASSERT_TRUE(CanLogIn("budi", kPassword));
  Output disabled = RunKembar(dir_, "user disable budi");
  ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
  EXPECT_NE(disabled.out.find("budi is disabled"), std::string::npos) << disabled.out;
  EXPECT_FALSE(CanLogIn("budi", kPassword));
  Output list = RunKembar(dir_, "user list --lang id");
  EXPECT_NE(list.out.find("budi viewer (dinonaktifkan)"), std::string::npos) << list.out;
  ASSERT_EQ(RunKembar(dir_, "user enable budi").exit_code, 0);
  EXPECT_TRUE(CanLogIn("budi", kPassword));
  // The last enabled admin stays.
  EXPECT_EQ(RunKembar(dir_, "user disable root").exit_code, 2);
  EXPECT_EQ(RunKembar(dir_, "user disable ghost").exit_code,
            DescribeError(StatusCode::kNotFound).exit_code);

  auto accounts = Accounts();
  auto session = accounts->Login("budi", kPassword, "127.0.0.1");
  ASSERT_TRUE(session.ok() && session->has_value());
  Output passwd = RunKembar(dir_, "user passwd budi < pw2.txt");
  ASSERT_EQ(passwd.exit_code, 0) << passwd.err;
  EXPECT_FALSE(CanLogIn("budi", kPassword));
  EXPECT_TRUE(CanLogIn("budi", "second password"));
  // Its sessions ended.
  EXPECT_FALSE(accounts->Authenticate((*session)->token)->has_value());
  testing::WriteFileOrDie(dir_ + "/short.txt", "short\n");
  EXPECT_EQ(RunKembar(dir_, "user passwd budi < short.txt").exit_code, 2);

  // Every step is in the log, and the chain holds.
  Output verify = RunKembar(dir_, "audit verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  Output logins = RunKembar(dir_, "audit --action login --json");
  const json l = json::parse(logins.out);
  EXPECT_GE(l["total"].get<int>(), 5);
  EXPECT_EQ(l["items"][0]["address"], "127.0.0.1");
}

TEST_F(AuditCliTest, TokenCreatePrintsAKbtTokenThatAuthenticates) {
  Output created = RunKembar(dir_, "token create budi --label nightly");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  std::string token = created.out;
  while (!token.empty() && token.back() == '\n') token.pop_back();
  EXPECT_TRUE(token.starts_with("kbt_")) << token;
  EXPECT_EQ(token.size(), 4u + 64u);
  auto a = Accounts()->Authenticate(token);
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ((*a)->user.name, "budi");
  EXPECT_EQ((*a)->kind, server::Authenticated::Kind::kApiToken);
  EXPECT_EQ(testing::ReadFileOrDie(dir_ + "/kembar.db").find(token), std::string::npos);

  Output list = RunKembar(dir_, "token list");
  EXPECT_NE(list.out.find("budi"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("nightly"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find(token), std::string::npos);
  const std::string id = list.out.substr(0, list.out.find(' '));
  Output revoked = RunKembar(dir_, "token revoke " + id);
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_FALSE(Accounts()->Authenticate(token)->has_value());
  EXPECT_EQ(RunKembar(dir_, "token revoke " + id).exit_code,
            DescribeError(StatusCode::kNotFound).exit_code);
  EXPECT_EQ(RunKembar(dir_, "token create ghost").exit_code,
            DescribeError(StatusCode::kNotFound).exit_code);
}

}  // namespace
}  // namespace kembar
