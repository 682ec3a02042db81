// The one append path of the change log (table change_log), shared by the records'
// store (SqliteStore) and the server's account tables (server::AccountStore), which
// write to the same file through their own connections. Private to src/.
#ifndef KEMBAR_SRC_STORE_CHANGE_LOG_H_
#define KEMBAR_SRC_STORE_CHANGE_LOG_H_

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "kembar/model/status.h"
#include "kembar/store/store.h"
#include "store/sql.h"

namespace kembar::store {

// The areas of the change log: the records' changes (they alone make
// Store::Version()) and the accounts' (logins, users, tokens).
inline constexpr std::string_view kRecordsArea = "records";
inline constexpr std::string_view kAccountsArea = "accounts";

// SHA-256 (hex) of the previous entry's hash `prev` and the fields of `c`, each
// length-prefixed. The address and area enter only when set (an area other than
// "records"), so that entries written before they existed still verify.
std::string ChangeChainHash(const std::string& prev, const ChangeRecord& c);

// Whether `all` (the whole log, in order) is an unbroken chain from entry 1: ok, or
// Corruption naming the first entry removed or altered. Shared by both backends.
Status VerifyChain(const std::vector<ChangeRecord>& all);

// The Status of a write SQLite refused for want of room (SQLITE_FULL, or
// SQLITE_IOERR_WRITE: ENOSPC, or EFBIG past a file size limit) or of permission
// (SQLITE_READONLY), naming the file and what to do in both languages; Ok for any
// other `extended_rc`. `detail` is SQLite's text in parentheses.
Status WriteFailure(sqlite3* db, int extended_rc, const std::string& detail);

// Appends `*c` to the change log of `db`, chained to its last entry: assigns c->seq,
// c->at (the SQLite clock, unless c->at is set: a migrated entry keeps its time),
// c->area (kRecordsArea when empty) and c->hash. Must run inside a write transaction
// (BEGIN IMMEDIATE), so that two connections never append after the same entry.
// Records' entries are indexed in change_record (Store::History); accounts' are not.
// IoError on a database error.
Status AppendChange(sqlite3* db, ChangeRecord* c);

// The same on either database (the server's account tables, the PostgreSQL store,
// `kembar migrate`), inside a transaction begun with SqlConnection::BeginWrite (on
// PostgreSQL, its advisory lock keeps concurrent writers from appending after the
// same entry). On PostgreSQL c->at comes from the server's clock.
Status AppendChange(SqlConnection& db, ChangeRecord* c);

}  // namespace kembar::store

#endif  // KEMBAR_SRC_STORE_CHANGE_LOG_H_
