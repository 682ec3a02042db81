// The stores' backends for parameterised tests: an SQLite file, or a database on
// the PostgreSQL server named by $KEMBAR_TEST_PG (tools/pg-test-cluster.sh starts
// one; tools/test.sh exports it and sets KEMBAR_REQUIRE_PG=1).
#ifndef KEMBAR_TEST_TESTING_BACKENDS_H_
#define KEMBAR_TEST_TESTING_BACKENDS_H_

#include <gtest/gtest.h>

#include <string>

namespace kembar::testing {

enum class Backend { kSqlite, kPostgres };

// "Sqlite" or "Postgres", for test names.
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

// The PostgreSQL server's URL ($KEMBAR_TEST_PG), "" when unset.
std::string PgServerUrl();
// Whether a missing PostgreSQL server fails the tests that need it ($KEMBAR_REQUIRE_PG=1)
// instead of skipping them.
bool PgRequired();

// A new, empty PostgreSQL database on the test server, with a name of its own (tests
// run in parallel): its URL; "" when there is no server. Fails the test when the
// server does not answer.
std::string NewPgDatabase();

// A fresh database for one test: `dir`/`name` for SQLite, else NewPgDatabase().
std::string NewDatabase(Backend backend, const std::string& dir,
                        const std::string& name = "kembar.db");

// Runs `sql` on the database at `location` (file or URL) on a connection of its own;
// "" when it ran, else the database's message.
std::string ExecSqlAt(const std::string& location, const std::string& sql);

// The first column of the first row `sql` gives on the database at `location`; "" when
// there is none, "error: ..." when it fails.
std::string QueryScalarAt(const std::string& location, const std::string& sql);

}  // namespace kembar::testing

// Skips the test (or fails it, when PostgreSQL is required) when `location` is empty
// because no PostgreSQL server was given.
#define KEMBAR_SKIP_WITHOUT_PG(location)                                               \
  do {                                                                                 \
    if ((location).empty()) {                                                          \
      if (::kembar::testing::PgRequired()) {                                           \
        FAIL() << "KEMBAR_REQUIRE_PG=1 but KEMBAR_TEST_PG names no PostgreSQL server"; \
      }                                                                                \
      GTEST_SKIP() << "no PostgreSQL server: set KEMBAR_TEST_PG=postgresql://... "     \
                      "(tools/pg-test-cluster.sh start DIR prints one)";               \
    }                                                                                  \
  } while (0)

#endif  // KEMBAR_TEST_TESTING_BACKENDS_H_
