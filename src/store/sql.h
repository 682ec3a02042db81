// A small SQL connection interface over SQLite and PostgreSQL, for the code that
// runs the same statements on both: the server's account tables, the change log's
// append path and `kembar migrate`'s table copy. The records' stores
// (sqlite_store.cc, pg_store.cc) use their own drivers directly. Private to src/.
//
// Statements are written with SQLite's numbered parameters (?1, ?2, ...); the
// PostgreSQL connection rewrites them to $1, $2, ... A parameter that is not bound
// is NULL.
#ifndef KEMBAR_SRC_STORE_SQL_H_
#define KEMBAR_SRC_STORE_SQL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kembar/model/status.h"

namespace kembar::store {

enum class SqlDialect { kSqlite, kPostgres };

// Step() results; the SQLite values (SQLITE_ROW, SQLITE_DONE).
inline constexpr int kSqlRow = 100;
inline constexpr int kSqlDone = 101;
inline constexpr int kSqlError = 1;

// One statement: bind, then Step() through its rows.
class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  // Binds text (copied) to parameter `i` (1-based).
  virtual void Bind(int i, std::string_view s) = 0;
  // Binds an integer to parameter `i` (1-based).
  virtual void Bind(int i, int64_t v) = 0;
  // Binds NULL to parameter `i` (1-based).
  virtual void BindNull(int i) = 0;
  // Runs the statement (first call) or moves to its next row: kSqlRow, kSqlDone, or
  // kSqlError (the connection's LastError() says why).
  virtual int Step() = 0;
  // Back to before the first Step(), keeping the bindings.
  virtual void Reset() = 0;
  // The current row's columns.
  virtual int ColumnCount() = 0;
  virtual std::string ColumnName(int col) = 0;
  virtual bool IsNull(int col) = 0;
  virtual std::string Text(int col) = 0;  // "" for NULL
  virtual int64_t Int(int col) = 0;       // 0 for NULL
  // The rows the statement changed (after it ran).
  virtual int64_t Changes() = 0;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual SqlDialect dialect() const = 0;
  // A statement (see the file comment); nullptr when it cannot be prepared.
  virtual std::unique_ptr<SqlStatement> Prepare(const std::string& sql) = 0;
  // Runs one or more statements without parameters.
  virtual Status Exec(const std::string& sql) = 0;
  // Starts a write transaction that no other writer of the database runs beside:
  // SQLite's BEGIN IMMEDIATE; on PostgreSQL, BEGIN and the transaction-level advisory
  // lock kWriteLock (so that the change log's chain and every precondition see the
  // last writer's commit).
  virtual Status BeginWrite() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // The last error's text.
  virtual std::string LastError() = 0;
};

// The advisory lock key that serialises kembar's writers on one PostgreSQL database.
inline constexpr int64_t kPgWriteLock = 0x6b656d626172;  // "kembar"

// Whether `location` names a PostgreSQL database (postgresql:// or postgres://).
inline bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

// Opens the SQLite file at `path` (created when missing), with a busy timeout.
Result<std::unique_ptr<SqlConnection>> OpenSqliteConnection(const std::string& path);

// Opens the PostgreSQL database at `url`; Unsupported when this kembar was built
// without PostgreSQL.
Result<std::unique_ptr<SqlConnection>> OpenPgConnection(const std::string& url);

// Either, by the form of `location`.
inline Result<std::unique_ptr<SqlConnection>> OpenSqlConnection(const std::string& location) {
  return IsPostgresUrl(location) ? OpenPgConnection(location) : OpenSqliteConnection(location);
}

// `url` without its password (for messages and logs).
std::string RedactUrl(const std::string& url);

}  // namespace kembar::store

#endif  // KEMBAR_SRC_STORE_SQL_H_
