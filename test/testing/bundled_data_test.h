// A test fixture: a fresh directory whose kembar database holds the bundled
// Indonesian dossier (data/indonesia.dossier.json), imported through the CLI.
#ifndef KEMBAR_TEST_TESTING_BUNDLED_DATA_TEST_H_
#define KEMBAR_TEST_TESTING_BUNDLED_DATA_TEST_H_

#include <gtest/gtest.h>

#include <string>

#include "testing/fixtures.h"

namespace kembar::testing {

class BundledDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    ASSERT_EQ(
        RunKembar(dir_, "import '" + SourcePath("data/indonesia.dossier.json") + "' -q").exit_code,
        0);
  }
  std::string dir_;  // where RunKembar(dir_, ...) finds the database
};

}  // namespace kembar::testing

#endif  // KEMBAR_TEST_TESTING_BUNDLED_DATA_TEST_H_
