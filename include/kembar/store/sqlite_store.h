// The embedded Store: one SQLite file in WAL mode, its schema versioned by
// PRAGMA user_version and upgraded by forward-only migrations when opened.
//
// Thread safety: a store returned by OpenSqliteStore may be used from several
// threads at once. It holds one connection guarded by a mutex: every method takes it
// for its whole duration (an import, with its ImportRequest::stream producer, holds
// it until it commits or rolls back), so calls are serialised, and a reader never
// sees an import half written. Other processes may use the same file (WAL).
#ifndef KEMBAR_STORE_SQLITE_STORE_H_
#define KEMBAR_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "kembar/store/store.h"

namespace kembar::store {

// The schema version this build writes; a database with a higher version is refused.
inline constexpr int kSqliteSchemaVersion = 6;

// Opens (creating if needed) the database at `path` and migrates it to the current
// schema. IoError when the file cannot be opened; Unsupported when it was written by
// a newer kembar.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace kembar::store

#endif  // KEMBAR_STORE_SQLITE_STORE_H_
