// kembar migrate (server.h): every table of one database copied into another, across
// SQLite and PostgreSQL, through the one SQL connection interface (store/sql.h).
#include <filesystem>
#include <string>
#include <vector>

#include "kembar/kembar.h"
#include "kembar/server/server.h"
#include "kembar/store/pg_store.h"
#include "server/accounts.h"
#include "store/change_log.h"
#include "store/lines.h"
#include "store/sql.h"

namespace kembar::server {

namespace {

struct Table {
  const char* name;
  const char* columns;
  // Whether the copy keeps its order of insertion (SQLite's rowid, PostgreSQL's ord):
  // regions, partnerships and events are exported in that order.
  bool ordered;
  const char* key;  // the order otherwise
};

// Parents before children; the records' then the accounts'.
constexpr Table kTables[] = {
    {"region", "id, name, country, level, doc", true, ""},
    {"partnership", "id, kind, home, partner, doc", true, ""},
    {"event", "partnership_id, seq, event_id, type, date, first_day, last_day, doc", true, ""},
    {"partnership_region", "partnership_id, region_id", false, "partnership_id, region_id"},
    {"document_member", "key, json", false, "key"},
    {"import_log", "id, at, source, regions, partnerships, events", false, "id"},
    {"change_log",
     "seq, at, actor, address, area, action, record, summary, before, after, touched, hash", false,
     "seq"},
    {"change_record", "seq, record_id", false, "seq, record_id"},
    {"account_meta", "key, value", false, "key"},
    {"account_user",
     "id, name, role, regions, password_hash, language, disabled, created_at, feed_generation",
     false, "id"},
    {"account_session", "id, token_hash, csrf_hash, user_id, address, created_at, expires_at",
     false, "id"},
    {"account_token", "id, token_hash, user_id, label, created_at", false, "id"},
};

// Tables whose id the copy keeps: PostgreSQL's sequences must then start after it.
constexpr const char* kSerialTables[] = {"import_log", "account_user", "account_session",
                                         "account_token"};

// Rows per INSERT statement.
constexpr int kRowsPerInsert = 200;

size_t ColumnCount(const char* columns) {
  size_t n = 1;
  for (const char* c = columns; *c; ++c) n += *c == ',';
  return n;
}

Status DbError(store::SqlConnection& db, const std::string& what) {
  return Status::IoError("migrate: " + what + ": " + db.LastError(),
                         "migrate: " + what + ": " + db.LastError());
}

Result<int64_t> CountRows(store::SqlConnection& db, const std::string& table) {
  auto st = db.Prepare("SELECT count(*) FROM " + table);
  if (!st || st->Step() != store::kSqlRow) return DbError(db, "counting " + table);
  return st->Int(0);
}

// Copies one table's rows from `src` to `dst` (inside dst's transaction).
Status CopyTable(store::SqlConnection& src, store::SqlConnection& dst, const Table& t) {
  const size_t cols = ColumnCount(t.columns);
  std::string order = t.key;
  if (t.ordered) order = src.dialect() == store::SqlDialect::kSqlite ? "rowid" : "ord";
  auto read =
      src.Prepare(std::string("SELECT ") + t.columns + " FROM " + t.name + " ORDER BY " + order);
  if (!read) return DbError(src, std::string("reading ") + t.name);
  std::vector<std::optional<std::string>> batch;  // cols values per row
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    const size_t rows = batch.size() / cols;
    std::string sql = std::string("INSERT INTO ") + t.name + "(" + t.columns + ") VALUES ";
    int n = 0;
    for (size_t r = 0; r < rows; ++r) {
      sql += r ? ",(" : "(";
      for (size_t c = 0; c < cols; ++c) sql += (c ? ",?" : "?") + std::to_string(++n);
      sql += ")";
    }
    auto ins = dst.Prepare(sql);
    if (!ins) return DbError(dst, std::string("writing ") + t.name);
    for (size_t i = 0; i < batch.size(); ++i) {
      if (batch[i]) {
        ins->Bind(static_cast<int>(i + 1), *batch[i]);
      } else {
        ins->BindNull(static_cast<int>(i + 1));
      }
    }
    if (ins->Step() != store::kSqlDone) return DbError(dst, std::string("writing ") + t.name);
    batch.clear();
    return Status::Ok();
  };
  int rc;
  while ((rc = read->Step()) == store::kSqlRow) {
    for (size_t c = 0; c < cols; ++c) {
      const int col = static_cast<int>(c);
      if (read->IsNull(col)) {
        batch.emplace_back(std::nullopt);
      } else {
        batch.emplace_back(read->Text(col));
      }
    }
    if (batch.size() >= cols * kRowsPerInsert) {
      if (Status s = flush(); !s.ok()) return s;
    }
  }
  if (rc != store::kSqlDone) return DbError(src, std::string("reading ") + t.name);
  return flush();
}

// Recomputes the hash chain of the change log as `db` holds it (inside its
// transaction): the number of entries, or Corruption naming the first that breaks it.
Result<int64_t> VerifyChain(store::SqlConnection& db) {
  auto st = db.Prepare(
      "SELECT seq, at, actor, action, record, summary, before, after, touched, hash, address, "
      "area FROM change_log ORDER BY seq");
  if (!st) return DbError(db, "reading the change log");
  std::string prev;
  int64_t n = 0;
  int rc;
  while ((rc = st->Step()) == store::kSqlRow) {
    store::ChangeRecord c;
    c.seq = st->Int(0);
    c.at = st->Text(1);
    c.actor = st->Text(2);
    c.action = st->Text(3);
    c.record = st->Text(4);
    c.summary = st->Text(5);
    c.before = st->Text(6);
    c.after = st->Text(7);
    c.partnerships = store::SplitLines(st->Text(8));
    c.hash = st->Text(9);
    c.address = st->Text(10);
    c.area = st->Text(11);
    ++n;
    if (c.seq != n || store::ChangeChainHash(prev, c) != c.hash) {
      const std::string e = std::to_string(n);
      return Status::Corruption(
          "migrate: the copied change log does not verify at entry " + e,
          "migrate: log perubahan salinan tidak terverifikasi pada entri " + e);
    }
    prev = c.hash;
  }
  if (rc != store::kSqlDone) return DbError(db, "reading the change log");
  return n;
}

}  // namespace

Result<MigrateReport> MigrateDatabase(const std::string& from, const std::string& to) {
  if (from == to) {
    return Status::InvalidInput("--from and --to name the same database",
                                "--from dan --to menyebut basis data yang sama");
  }
  if (!Kembar::IsServerDatabase(from) && !std::filesystem::exists(from)) {
    return Status::NotFound("there is no database at '" + from + "'",
                            "tidak ada basis data di '" + from + "'");
  }
  // Both at the current schema, with the account tables (made where missing).
  for (const std::string* db : {&from, &to}) {
    auto accounts = AccountStore::Open(*db, {});
    if (!accounts.ok()) return accounts.status();
  }
  {
    auto target = store::OpenStore(to);
    if (!target.ok()) return target.status();
    auto counts = (*target)->Count();
    auto log = (*target)->ChangeLogSize();
    if (!counts.ok()) return counts.status();
    if (!log.ok()) return log.status();
    if (counts->regions || counts->partnerships || *log) {
      return Status::InvalidInput(
          "the database " + store::RedactUrl(to) +
              " already holds records or a change log: migrate into an empty database",
          "basis data " + store::RedactUrl(to) +
              " sudah berisi data atau log perubahan: pindahkan ke basis data yang kosong");
    }
  }
  auto src = store::OpenSqlConnection(from);
  if (!src.ok()) return src.status();
  auto dst = store::OpenSqlConnection(to);
  if (!dst.ok()) return dst.status();
  store::SqlConnection& s = **src;
  store::SqlConnection& d = **dst;
  auto users = CountRows(d, "account_user");
  if (!users.ok()) return users.status();
  if (*users) {
    return Status::InvalidInput(
        "the database " + store::RedactUrl(to) +
            " already has users: migrate into an empty database",
        "basis data " + store::RedactUrl(to) +
            " sudah memiliki pengguna: pindahkan ke basis data yang kosong");
  }
  MigrateReport report;
  // The source read in one snapshot, the target written in one transaction.
  if (Status st = s.Exec(s.dialect() == store::SqlDialect::kSqlite
                             ? "BEGIN"
                             : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      !st.ok()) {
    return st;
  }
  if (Status st = d.BeginWrite(); !st.ok()) return st;
  Status st = [&]() -> Status {
    // The target's own meta rows (schema version, a feed key of its own) give way to
    // the source's: its feed tokens stay valid.
    if (Status e = d.Exec("DELETE FROM account_meta"); !e.ok()) return e;
    for (const Table& t : kTables) {
      if (Status c = CopyTable(s, d, t); !c.ok()) return c;
      auto a = CountRows(s, t.name);
      auto b = CountRows(d, t.name);
      if (!a.ok()) return a.status();
      if (!b.ok()) return b.status();
      if (*a != *b) {
        const std::string n = t.name;
        return Status::IoError("migrate: table " + n + " has " + std::to_string(*a) +
                                   " rows in the source but " + std::to_string(*b) + " in the copy",
                               "migrate: tabel " + n + " berisi " + std::to_string(*a) +
                                   " baris di sumber tetapi " + std::to_string(*b) + " di salinan");
      }
      report.tables.emplace_back(t.name, *b);
    }
    if (d.dialect() == store::SqlDialect::kPostgres) {
      for (const char* t : kSerialTables) {
        const std::string n = t;
        if (Status e = d.Exec("SELECT setval(pg_get_serial_sequence('" + n + "', 'id'), " +
                              "coalesce((SELECT max(id) FROM " + n + "), 0) + 1, false)");
            !e.ok()) {
          return e;
        }
      }
    }
    auto chain = VerifyChain(d);
    if (!chain.ok()) return chain.status();
    report.change_log = *chain;
    return Status::Ok();
  }();
  s.Exec(s.dialect() == store::SqlDialect::kSqlite ? "COMMIT" : "ROLLBACK");
  if (!st.ok()) {
    d.Rollback();
    return st;
  }
  if (Status c = d.Commit(); !c.ok()) return c;
  return report;
}

}  // namespace kembar::server
