// Paths and small helpers shared by the tests.
#ifndef KEMBAR_TEST_TESTING_FIXTURES_H_
#define KEMBAR_TEST_TESTING_FIXTURES_H_

#include <string>

namespace kembar::testing {

// True in a build under AddressSanitizer or ThreadSanitizer, where code runs 10 to 50
// times slower: the few tests whose work is a count of random cases run fewer of
// them there (the Release suite runs them all).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// An absolute path inside the source tree, e.g. SourcePath("data/indonesia.dossier.json").
std::string SourcePath(const std::string& relative);

// The built kembar binary.
std::string KembarBinary();

std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& text);

// A fresh, empty directory for one test, removed by the OS's tmp cleaning.
std::string TempDir();

// What a run of the kembar binary printed and returned.
struct CliOutput {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `kembar ARGS` (a shell fragment) in `dir` with $KEMBAR_DB, $KEMBAR_LANG and
// $LANG neutralised, so the defaults under test are kembar's own.
CliOutput RunKembar(const std::string& dir, const std::string& args);

// Runs `sql` on the SQLite file `db_path` through a connection of its own (as someone
// tampering with the file would); "" when it ran, else SQLite's message.
std::string ExecSql(const std::string& db_path, const std::string& sql);

}  // namespace kembar::testing

#endif  // KEMBAR_TEST_TESTING_FIXTURES_H_
