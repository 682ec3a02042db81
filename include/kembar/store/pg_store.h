// The Store on PostgreSQL (15 or later), for a national deployment: one database
// shared by several `kembar serve` processes and the command line.
//
// Schema: the same versions as the SQLite store (one list of migrations), recorded in
// the table kembar_schema; a database written by a newer kembar is refused
// (Unsupported). Writers (imports, edits, deletes, the accounts' changes) run one at
// a time on the database: each holds a transaction-level advisory lock from its
// first statement to its commit, so that every precondition (the version check of an
// edit) sees the last commit, and the change log stays one hash chain. Readers never
// wait for a writer (MVCC): each read runs in one REPEATABLE READ snapshot.
//
// Thread safety: a store may be used from several threads at once; it keeps a small
// pool of connections, one per call in progress.
#ifndef KEMBAR_STORE_PG_STORE_H_
#define KEMBAR_STORE_PG_STORE_H_

#include <memory>
#include <string>

#include "kembar/store/store.h"

namespace kembar::store {

// Opens the PostgreSQL database at `url` (postgresql://user@host/db?...) and
// migrates it to the current schema. IoError when it cannot connect; Unsupported
// when it was written by a newer kembar, or when this kembar was built without
// PostgreSQL.
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& url);

// Opens the store `location` names: a postgresql:// or postgres:// URL selects
// PostgreSQL (OpenPgStore), anything else is an SQLite file (OpenSqliteStore).
Result<std::unique_ptr<Store>> OpenStore(const std::string& location);

// Whether `location` names a PostgreSQL database.
bool IsPostgresLocation(const std::string& location);

}  // namespace kembar::store

#endif  // KEMBAR_STORE_PG_STORE_H_
