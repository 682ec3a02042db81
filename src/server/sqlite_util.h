// A minimal RAII wrapper over statements for the server's own tables (accounts,
// sessions, tokens), on SQLite or PostgreSQL alike (store::SqlConnection). The
// records' tables belong to src/store.
#ifndef KEMBAR_SERVER_SQLITE_UTIL_H_
#define KEMBAR_SERVER_SQLITE_UTIL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/sql.h"

namespace kembar::server {

// One prepared statement; ok() is false (with error()) when preparing failed.
class Stmt {
 public:
  Stmt(store::SqlConnection& db, const char* sql) : db_(db), stmt_(db.Prepare(sql)) {
    if (!stmt_) error_ = db.LastError();
  }

  bool ok() const { return stmt_ != nullptr; }
  const std::string& error() const { return error_; }

  // Binds text (copied) to parameter `i` (1-based).
  Stmt& Bind(int i, std::string_view s) {
    if (stmt_) stmt_->Bind(i, s);
    return *this;
  }
  // Binds an integer to parameter `i` (1-based).
  Stmt& Bind(int i, int64_t v) {
    if (stmt_) stmt_->Bind(i, v);
    return *this;
  }
  // store::kSqlRow, store::kSqlDone or store::kSqlError.
  int Step() { return stmt_ ? stmt_->Step() : store::kSqlError; }
  // Column `col` of the current row as text ("" for NULL).
  std::string Text(int col) { return stmt_->Text(col); }
  // Column `col` of the current row as an integer.
  int64_t Int(int col) { return stmt_->Int(col); }
  // The rows the statement changed.
  int64_t Changes() { return stmt_ ? stmt_->Changes() : 0; }

 private:
  store::SqlConnection& db_;
  std::unique_ptr<store::SqlStatement> stmt_;
  std::string error_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SQLITE_UTIL_H_
