// The command line's entry points for `kembar serve`, `kembar user` and `kembar token`.
#include <pwd.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "kembar/kembar.h"
#include "kembar/model/error_table.h"
#include "kembar/report/cli_text.h"
#include "kembar/server/server.h"
#include "server/accounts.h"
#include "store/sql.h"

namespace kembar::server {

namespace {

// The CLI acts as the local operator, named with the operating-system user.
// (As apps/kembar names it for the records' changes: $USER, $LOGNAME, else the
// password database.)
Actor LocalOperator() {
  const char* user = std::getenv("USER");
  if (!user || !*user) user = std::getenv("LOGNAME");
  if (!user || !*user) {
    const passwd* pw = getpwuid(geteuid());
    user = pw ? pw->pw_name : nullptr;
  }
  return {std::string("local:") + (user && *user ? user : "unknown"), ""};
}

int Fail(const Status& s, Lang lang = Lang::kEn) {
  std::fprintf(stderr, "kembar: %s\n", s.message(lang).c_str());
  return DescribeError(s.code()).exit_code;
}

}  // namespace

int RunServe(const ServeOptions& options) {
  if (options.db_path.empty() ||
      (!Kembar::IsServerDatabase(options.db_path) && !std::filesystem::exists(options.db_path))) {
    const report::CliArgs db = {{"db", options.db_path}};
    return Fail(Status::NotFound(report::CliText("serve.no_db", Lang::kEn, db),
                                 report::CliText("serve.no_db", Lang::kId, db)),
                options.lang);
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("kembar"));
  KembarOptions kopts;
  kopts.db_path = options.db_path;
  auto kembar = Kembar::Open(kopts);
  if (!kembar.ok()) return Fail(kembar.status(), options.lang);
  ServerOptions sopts;
  sopts.listen = options.listen;
  sopts.threads = options.threads;
  sopts.tls_cert_file = options.tls_cert;
  sopts.tls_key_file = options.tls_key;
  auto server = Server::Create(sopts, **kembar, options.db_path);
  if (!server.ok()) return Fail(server.status(), options.lang);
  auto listen = ParseListen(options.listen);
  std::string host = listen.ok() ? listen->first : "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  const std::string base = std::string((*server)->tls() ? "https://" : "http://") + host + ":" +
                           std::to_string((*server)->port());
  const report::CliArgs at = {
      {"url", base},
      {"db", store::RedactUrl(options.db_path)},  // never a password in a URL
      {"body", R"({"username": ..., "password": ...})"}};
  for (const char* key : {"serve.listening", "serve.login", "serve.scripts", "serve.health"}) {
    std::printf("%s\n", report::CliText(key, options.lang, at).c_str());
  }
  auto has_admin = (*server)->HasAdmin();
  if (has_admin.ok() && !*has_admin) {
    std::printf("%s\n", report::CliText(
                            "serve.no_admin", options.lang,
                            {{"db", options.db_path}, {"min", std::to_string(kMinPasswordLength)}})
                            .c_str());
  }
  std::fflush(stdout);
  (*server)->Run();
  server->reset();  // the account tables close before the records
  kembar->reset();
  std::printf("%s\n", report::CliText("serve.stopped", options.lang, {}).c_str());
  return 0;
}

Status CreateUser(const std::string& db_path, const std::string& name, const std::string& role,
                  const std::vector<std::string>& regions, const std::string& password) {
  auto parsed_role = ParseRole(role);
  if (!parsed_role) {
    return Status::InvalidInput("--role is admin, editor or viewer, not \"" + role + "\"");
  }
  if (db_path.empty()) return Status::InvalidInput("--db needs a path");
  KembarOptions kopts;
  kopts.db_path = db_path;
  auto kembar = Kembar::Open(kopts);  // creates and migrates the records' tables
  if (!kembar.ok()) return kembar.status();
  NewUser user;
  user.name = name;
  user.role = *parsed_role;
  user.password = password;
  for (const std::string& r : regions) {
    auto id = (*kembar)->ResolveRegion(r);
    if (!id.ok()) return id.status();
    user.regions.push_back(*id);
  }
  auto accounts = AccountStore::Open(db_path, {});
  if (!accounts.ok()) return accounts.status();
  auto created = (*accounts)->CreateUser(user, LocalOperator());
  return created.ok() ? Status::Ok() : created.status();
}

Result<std::string> ListUsers(const std::string& db_path) {
  if (db_path.empty() ||
      (!Kembar::IsServerDatabase(db_path) && !std::filesystem::exists(db_path))) {
    return Status::NotFound("there is no database at '" + db_path + "'",
                            "tidak ada basis data di '" + db_path + "'");
  }
  auto accounts = AccountStore::Open(db_path, {});
  if (!accounts.ok()) return accounts.status();
  auto users = (*accounts)->Users();
  if (!users.ok()) return users.status();
  std::string out;
  for (const User& u : *users) {
    std::string regions;
    for (const std::string& r : u.regions) regions += (regions.empty() ? "" : ",") + r;
    out += u.name + " " + std::string(RoleName(u.role)) + (regions.empty() ? "" : " " + regions) +
           (u.disabled ? " (disabled)" : "") + "\n";
  }
  return out;
}

namespace {

// The account tables of an existing database (NotFound when there is none).
Result<std::unique_ptr<AccountStore>> OpenExisting(const std::string& db_path) {
  if (db_path.empty() ||
      (!Kembar::IsServerDatabase(db_path) && !std::filesystem::exists(db_path))) {
    return Status::NotFound("there is no database at '" + db_path + "'",
                            "tidak ada basis data di '" + db_path + "'");
  }
  return AccountStore::Open(db_path, {});
}

}  // namespace

Result<std::vector<UserInfo>> UserInfos(const std::string& db_path) {
  auto accounts = OpenExisting(db_path);
  if (!accounts.ok()) return accounts.status();
  auto users = (*accounts)->Users();
  if (!users.ok()) return users.status();
  std::vector<UserInfo> out;
  for (const User& u : *users) {
    out.push_back({u.name, std::string(RoleName(u.role)), u.regions, u.disabled, u.created_at});
  }
  return out;
}

Status SetUserDisabled(const std::string& db_path, const std::string& name, bool disabled) {
  auto accounts = OpenExisting(db_path);
  if (!accounts.ok()) return accounts.status();
  UserUpdate update;
  update.disabled = disabled;
  auto user = (*accounts)->UpdateUser(name, update, LocalOperator());
  return user.ok() ? Status::Ok() : user.status();
}

Status SetUserPassword(const std::string& db_path, const std::string& name,
                       const std::string& password) {
  auto accounts = OpenExisting(db_path);
  if (!accounts.ok()) return accounts.status();
  UserUpdate update;
  update.password = password;
  auto user = (*accounts)->UpdateUser(name, update, LocalOperator());
  return user.ok() ? Status::Ok() : user.status();
}

Result<std::pair<TokenInfo, std::string>> CreateApiToken(const std::string& db_path,
                                                         const std::string& user,
                                                         const std::string& label) {
  auto accounts = OpenExisting(db_path);
  if (!accounts.ok()) return accounts.status();
  auto t = (*accounts)->CreateToken(user, label, LocalOperator());
  if (!t.ok()) return t.status();
  return std::make_pair(TokenInfo{t->info.id, t->info.user, t->info.label, t->info.created_at},
                        t->token);
}

Result<std::vector<TokenInfo>> ApiTokens(const std::string& db_path) {
  auto accounts = OpenExisting(db_path);
  if (!accounts.ok()) return accounts.status();
  auto tokens = (*accounts)->Tokens();
  if (!tokens.ok()) return tokens.status();
  std::vector<TokenInfo> out;
  for (const ApiToken& t : *tokens) out.push_back({t.id, t.user, t.label, t.created_at});
  return out;
}

Status RevokeApiToken(const std::string& db_path, int64_t id) {
  auto accounts = OpenExisting(db_path);
  if (!accounts.ok()) return accounts.status();
  return (*accounts)->DeleteToken(id, LocalOperator());
}

Result<std::string> ReadPassword(const std::string& prompt) {
  std::string line;
  if (isatty(STDIN_FILENO)) {
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fprintf(stderr, "\n");
  } else if (!std::getline(std::cin, line)) {
    return Status::InvalidInput("no password on standard input");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) return Status::InvalidInput("no password on standard input");
  return line;
}

}  // namespace kembar::server
