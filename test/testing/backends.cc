#include "testing/backends.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include "store/sql.h"

namespace kembar::testing {

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

std::string PgServerUrl() {
  const char* url = std::getenv("KEMBAR_TEST_PG");
  return url ? url : "";
}

bool PgRequired() {
  const char* v = std::getenv("KEMBAR_REQUIRE_PG");
  return v && std::string(v) == "1";
}

namespace {

// `url` with its database name replaced by `name`.
std::string WithDatabase(const std::string& url, const std::string& name) {
  const size_t scheme = url.find("://");
  const size_t slash = url.find('/', scheme + 3);
  const size_t query = url.find('?', scheme + 3);
  if (slash == std::string::npos || (query != std::string::npos && slash > query)) {
    // No path: postgresql://host?... or postgresql://host
    const size_t at = query == std::string::npos ? url.size() : query;
    return url.substr(0, at) + "/" + name + url.substr(at);
  }
  const size_t end = query == std::string::npos ? url.size() : query;
  return url.substr(0, slash + 1) + name + url.substr(end);
}

}  // namespace

std::string NewPgDatabase() {
  const std::string server = PgServerUrl();
  if (server.empty()) return "";
  static std::atomic<int> counter{0};
  std::random_device rd;
  const std::string name = "kembar_t" + std::to_string(getpid()) + "_" + std::to_string(counter++) +
                           "_" + std::to_string(rd() % 1000000);
  auto conn = store::OpenSqlConnection(server);
  EXPECT_TRUE(conn.ok()) << conn.status().ToString();
  if (!conn.ok()) return "";
  Status s = (*conn)->Exec("CREATE DATABASE " + name);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return WithDatabase(server, name);
}

std::string NewDatabase(Backend backend, const std::string& dir, const std::string& name) {
  if (backend == Backend::kSqlite) return dir + "/" + name;
  return NewPgDatabase();
}

std::string ExecSqlAt(const std::string& location, const std::string& sql) {
  auto conn = store::OpenSqlConnection(location);
  if (!conn.ok()) return conn.status().ToString();
  Status s = (*conn)->Exec(sql);
  return s.ok() ? "" : s.ToString();
}

std::string QueryScalarAt(const std::string& location, const std::string& sql) {
  auto conn = store::OpenSqlConnection(location);
  if (!conn.ok()) return "error: " + conn.status().ToString();
  auto st = (*conn)->Prepare(sql);
  if (!st) return "error: " + (*conn)->LastError();
  const int rc = st->Step();
  if (rc == store::kSqlRow) return st->Text(0);
  if (rc == store::kSqlDone) return "";
  return "error: " + (*conn)->LastError();
}

}  // namespace kembar::testing
