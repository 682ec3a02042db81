// The store factory: a postgresql:// URL or an SQLite file (pg_store.h).
#include "kembar/store/pg_store.h"
#include "kembar/store/sqlite_store.h"
#include "store/sql.h"

namespace kembar::store {

bool IsPostgresLocation(const std::string& location) { return IsPostgresUrl(location); }

Result<std::unique_ptr<Store>> OpenStore(const std::string& location) {
  return IsPostgresUrl(location) ? OpenPgStore(location) : OpenSqliteStore(location);
}

#ifndef KEMBAR_WITH_POSTGRES
Result<std::unique_ptr<Store>> OpenPgStore(const std::string& url) {
  return Status::Unsupported(
      "this kembar was built without PostgreSQL (libpqxx-dev): cannot open " + RedactUrl(url),
      "kembar ini dibangun tanpa PostgreSQL (libpqxx-dev): tidak dapat membuka " + RedactUrl(url));
}
#endif

}  // namespace kembar::store
