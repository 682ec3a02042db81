// SqlConnection on SQLite (sql.h), and what does not need PostgreSQL.
#include <sqlite3.h>

#include <vector>

#include "store/sql.h"

namespace kembar::store {

namespace {

class SqliteStatement final : public SqlStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* st) : db_(db), st_(st) {}
  ~SqliteStatement() override { sqlite3_finalize(st_); }
  void Bind(int i, std::string_view s) override {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) override { sqlite3_bind_int64(st_, i, v); }
  void BindNull(int i) override { sqlite3_bind_null(st_, i); }
  int Step() override {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return kSqlRow;
    if (rc == SQLITE_DONE) {
      changes_ = sqlite3_changes(db_);
      return kSqlDone;
    }
    return kSqlError;
  }
  void Reset() override { sqlite3_reset(st_); }
  int ColumnCount() override { return sqlite3_column_count(st_); }
  std::string ColumnName(int col) override { return sqlite3_column_name(st_, col); }
  bool IsNull(int col) override { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  std::string Text(int col) override {
    const unsigned char* t = sqlite3_column_text(st_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
  }
  int64_t Int(int col) override { return sqlite3_column_int64(st_, col); }
  int64_t Changes() override { return changes_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_;
  int64_t changes_ = 0;
};

class SqliteConnection final : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  std::unique_ptr<SqlStatement> Prepare(const std::string& sql) override {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      sqlite3_finalize(st);
      return nullptr;
    }
    return std::make_unique<SqliteStatement>(db_, st);
  }
  Status Exec(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Status::IoError("database error: " + msg);
    }
    return Status::Ok();
  }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override { return Exec("ROLLBACK"); }
  std::string LastError() override { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenSqliteConnection(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError("cannot open the database '" + path + "': " + msg,
                           "tidak dapat membuka basis data '" + path + "': " + msg);
  }
  // Before any statement: each may meet another connection's lock and must wait.
  sqlite3_busy_timeout(db, 5000);
  auto conn = std::make_unique<SqliteConnection>(db);
  if (Status s = conn->Exec("PRAGMA foreign_keys=ON"); !s.ok()) return s;
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

std::string RedactUrl(const std::string& url) {
  // scheme://user:password@host -> scheme://user:***@host; a password= parameter too.
  std::string out = url;
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t at = out.find('@', scheme + 3);
    const size_t colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  const size_t pw = out.find("password=");
  if (pw != std::string::npos) {
    const size_t end = out.find('&', pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

#ifndef KEMBAR_WITH_POSTGRES
Result<std::unique_ptr<SqlConnection>> OpenPgConnection(const std::string& url) {
  return Status::Unsupported(
      "this kembar was built without PostgreSQL (libpqxx-dev): cannot open " + RedactUrl(url),
      "kembar ini dibangun tanpa PostgreSQL (libpqxx-dev): tidak dapat membuka " + RedactUrl(url));
}
#endif

}  // namespace kembar::store
