// One PostgreSQL connection (libpqxx) as an SqlConnection, with what the PostgreSQL
// store needs beyond it: statements with $N parameters and COPY. Private to src/.
#ifndef KEMBAR_SRC_STORE_PG_CONN_H_
#define KEMBAR_SRC_STORE_PG_CONN_H_

#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "store/sql.h"

namespace kembar::store {

// A parameter: text, or NULL (nullopt).
using PgParam = std::optional<std::string>;

class PgConnection final : public SqlConnection {
 public:
  // Connects to `url`; IoError (naming the URL without its password) when it cannot.
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& url);
  ~PgConnection() override;

  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  std::unique_ptr<SqlStatement> Prepare(const std::string& sql) override;
  Status Exec(const std::string& sql) override;
  Status BeginWrite() override;
  Status Commit() override;
  Status Rollback() override;
  std::string LastError() override { return last_error_; }

  // Starts a read-only transaction (one snapshot for several statements).
  Status BeginRead();
  // Whether a transaction is open.
  bool in_transaction() const { return in_tx_; }

  // Runs `sql` with $1, $2, ... bound to `params`; IoError with the server's message.
  Result<pqxx::result> Run(const std::string& sql, const std::vector<PgParam>& params = {});
  // The libpqxx transaction object for COPY (pqxx::stream_to); throws as libpqxx does.
  pqxx::transaction_base& tx() { return *tx_; }
  // A Status for a libpqxx exception: `what` is what was being done.
  Status Fail(const std::string& what, const std::exception& e);
  // Whether the connection is still usable.
  bool is_open() const;

 private:
  PgConnection(std::unique_ptr<pqxx::connection> conn);

  std::unique_ptr<pqxx::connection> conn_;
  // One nontransaction for the connection's life: BEGIN/COMMIT are sent as statements,
  // so that a transaction can span calls.
  std::unique_ptr<pqxx::nontransaction> tx_;
  bool in_tx_ = false;
  std::string last_error_;
};

}  // namespace kembar::store

#endif  // KEMBAR_SRC_STORE_PG_CONN_H_
