#include "testing/fixtures.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kembar::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(KEMBAR_SOURCE_DIR) + "/" + relative;
}

std::string KembarBinary() { return KEMBAR_BINARY; }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void WriteFileOrDie(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!f) throw std::runtime_error("cannot write " + path);
}

std::string TempDir() {
  std::string tmpl = ::testing::TempDir() + "kembar-XXXXXX";
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

CliOutput RunKembar(const std::string& dir, const std::string& args) {
  const std::string err_file = dir + "/stderr.txt";
  const std::string cmd = "cd '" + dir + "' && KEMBAR_DB= KEMBAR_LANG= LANG=C '" + KembarBinary() +
                          "' " + args + " 2>'" + err_file + "'";
  CliOutput o;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  const int status = pclose(p);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.err = ReadFileOrDie(err_file);
  return o;
}

std::string ExecSql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) {
    std::string error = sqlite3_errmsg(db);
    sqlite3_close(db);
    return error.empty() ? "cannot open " + db_path : error;
  }
  char* err = nullptr;
  std::string error;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    error = err ? err : "failed";
  }
  sqlite3_free(err);
  sqlite3_close(db);
  return error;
}

}  // namespace kembar::testing
