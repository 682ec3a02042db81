#include "store/pg_conn.h"

#include <cstdlib>

namespace kembar::store {

namespace {

// ?N -> $N (the statements never hold a '?' elsewhere).
std::string ToDollar(const std::string& sql) {
  std::string out = sql;
  for (char& c : out) {
    if (c == '?') c = '$';
  }
  return out;
}

class PgStatement final : public SqlStatement {
 public:
  PgStatement(PgConnection* conn, std::string sql) : conn_(conn), sql_(std::move(sql)) {}
  void Bind(int i, std::string_view s) override { Slot(i) = std::string(s); }
  void Bind(int i, int64_t v) override { Slot(i) = std::to_string(v); }
  void BindNull(int i) override { Slot(i) = std::nullopt; }
  int Step() override {
    if (!ran_) {
      auto r = conn_->Run(sql_, params_);
      if (!r.ok()) return kSqlError;
      result_ = std::move(*r);
      ran_ = true;
      row_ = 0;
    } else {
      ++row_;
    }
    return row_ < result_.size() ? kSqlRow : kSqlDone;
  }
  void Reset() override { ran_ = false; }
  int ColumnCount() override { return static_cast<int>(result_.columns()); }
  std::string ColumnName(int col) override { return result_.column_name(col); }
  bool IsNull(int col) override { return result_[row_][col].is_null(); }
  std::string Text(int col) override {
    const pqxx::field f = result_[row_][col];
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }
  int64_t Int(int col) override {
    const pqxx::field f = result_[row_][col];
    return f.is_null() ? 0 : std::strtoll(f.c_str(), nullptr, 10);
  }
  int64_t Changes() override { return ran_ ? result_.affected_rows() : 0; }

 private:
  PgParam& Slot(int i) {
    if (params_.size() < static_cast<size_t>(i)) params_.resize(static_cast<size_t>(i));
    return params_[static_cast<size_t>(i - 1)];
  }
  PgConnection* conn_;
  std::string sql_;
  std::vector<PgParam> params_;
  pqxx::result result_;
  bool ran_ = false;
  size_t row_ = 0;
};

}  // namespace

PgConnection::PgConnection(std::unique_ptr<pqxx::connection> conn) : conn_(std::move(conn)) {
  tx_ = std::make_unique<pqxx::nontransaction>(*conn_);
}

PgConnection::~PgConnection() {
  try {
    if (in_tx_) tx_->exec("ROLLBACK");
    tx_.reset();
    conn_.reset();
  } catch (...) {
  }
}

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& url) {
  try {
    auto conn = std::make_unique<pqxx::connection>(url);
    auto out = std::unique_ptr<PgConnection>(new PgConnection(std::move(conn)));
    // Quiet notices ("relation already exists, skipping"); UTC for the clock.
    if (auto r = out->Run("SET client_min_messages = warning"); !r.ok()) return r.status();
    if (auto r = out->Run("SET TIME ZONE 'UTC'"); !r.ok()) return r.status();
    return out;
  } catch (const std::exception& e) {
    std::string msg = e.what();
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Status::IoError("cannot connect to the database " + RedactUrl(url) + ": " + msg,
                           "tidak dapat terhubung ke basis data " + RedactUrl(url) + ": " + msg);
  }
}

bool PgConnection::is_open() const { return conn_ && conn_->is_open(); }

Status PgConnection::Fail(const std::string& what, const std::exception& e) {
  last_error_ = e.what();
  while (!last_error_.empty() && (last_error_.back() == '\n' || last_error_.back() == ' ')) {
    last_error_.pop_back();
  }
  return Status::IoError("database error (" + what + "): " + last_error_,
                         "kesalahan basis data (" + what + "): " + last_error_);
}

Result<pqxx::result> PgConnection::Run(const std::string& sql, const std::vector<PgParam>& params) {
  try {
    if (params.empty()) return tx_->exec(sql);
    std::vector<const char*> raw;
    raw.reserve(params.size());
    for (const PgParam& p : params) raw.push_back(p ? p->c_str() : nullptr);
    return tx_->exec_params(sql, pqxx::prepare::make_dynamic_params(raw));
  } catch (const std::exception& e) {
    std::string head = sql.substr(0, 60);
    for (char& c : head) {
      if (c == '\n') c = ' ';
    }
    return Fail(head, e);
  }
}

std::unique_ptr<SqlStatement> PgConnection::Prepare(const std::string& sql) {
  return std::make_unique<PgStatement>(this, ToDollar(sql));
}

Status PgConnection::Exec(const std::string& sql) {
  auto r = Run(sql);
  return r.ok() ? Status::Ok() : r.status();
}

Status PgConnection::BeginWrite() {
  if (Status s = Exec("BEGIN"); !s.ok()) return s;
  in_tx_ = true;
  return Exec("SELECT pg_advisory_xact_lock(" + std::to_string(kPgWriteLock) + ")");
}

Status PgConnection::BeginRead() {
  // REPEATABLE READ: every statement of the transaction sees one snapshot (MVCC: an
  // import in progress elsewhere neither blocks it nor shows half written).
  if (Status s = Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !s.ok()) return s;
  in_tx_ = true;
  return Status::Ok();
}

Status PgConnection::Commit() {
  Status s = Exec("COMMIT");
  in_tx_ = false;
  return s;
}

Status PgConnection::Rollback() {
  Status s = Exec("ROLLBACK");
  in_tx_ = false;
  return s;
}

Result<std::unique_ptr<SqlConnection>> OpenPgConnection(const std::string& url) {
  auto c = PgConnection::Open(url);
  if (!c.ok()) return c.status();
  return std::unique_ptr<SqlConnection>(std::move(*c));
}

}  // namespace kembar::store
