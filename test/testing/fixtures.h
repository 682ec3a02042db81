// Paths and small helpers shared by the tests.
#ifndef KEMBAR_TEST_TESTING_FIXTURES_H_
#define KEMBAR_TEST_TESTING_FIXTURES_H_

#include <string>

namespace kembar::testing {

// An absolute path inside the source tree, e.g. SourcePath("data/indonesia.dossier.json").
std::string SourcePath(const std::string& relative);

// The built kembar binary.
std::string KembarBinary();

std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& text);

// A fresh, empty directory for one test, removed by the OS's tmp cleaning.
std::string TempDir();

}  // namespace kembar::testing

#endif  // KEMBAR_TEST_TESTING_FIXTURES_H_
