// Black-box tests of the command line's two languages (issue 10, item 4: help and
// errors were English only under --lang id): help, the errors of the core (with
// their JSON path), the CLI's own messages and the parser's, in Indonesian and in
// English, chosen by --lang before or after the command, else $KEMBAR_LANG.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "testing/fixtures.h"

namespace kembar {
namespace {

using Output = testing::CliOutput;

// As testing::RunKembar (the environment neutralised), with `env` ("KEMBAR_LANG=id")
// set for the run.
Output RunKembar(const std::string& dir, const std::string& args, const std::string& env = "") {
  const std::string err_file = dir + "/stderr.txt";
  const std::string cmd = "cd '" + dir + "' && KEMBAR_DB= KEMBAR_LANG= LANG=C " + env + " '" +
                          testing::KembarBinary() + "' " + args + " 2>'" + err_file + "'";
  Output o;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  const int status = pclose(p);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.err = testing::ReadFileOrDie(err_file);
  return o;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class LanguageCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    ASSERT_EQ(RunKembar(dir_, "import '" + testing::SourcePath("data/indonesia.dossier.json") +
                                  "' -q --db records.db")
                  .exit_code,
              0);
    // A dossier whose one event names a day that does not exist.
    testing::WriteFileOrDie(
        dir_ + "/bad.json",
        R"({"format":"kembar-dossier/1","regions":[)"
        R"({"id":"id-x","name":"X","country":"ID","level":"city"},)"
        R"({"id":"jp-y","name":"Y","country":"JP","level":"city"}],)"
        R"("partnerships":[{"id":"x-y","kind":"sister_city","parties":["id-x","jp-y"],)"
        R"("events":[{"type":"note","date":"2018-02-30"}]}]})");
  }
  std::string dir_;
};

TEST_F(LanguageCliTest, HelpInBothLanguages) {
  Output id = RunKembar(dir_, "--lang id --help");
  EXPECT_EQ(id.exit_code, 0) << id.err;
  EXPECT_TRUE(Has(id.out, "Penggunaan")) << id.out;
  EXPECT_TRUE(Has(id.out, "Impor berkas dossier")) << id.out;
  EXPECT_TRUE(Has(id.out, "Tampilkan bantuan ini lalu keluar")) << id.out;
  EXPECT_FALSE(Has(id.out, "Import a dossier file")) << id.out;
  Output en = RunKembar(dir_, "--lang en --help");
  EXPECT_EQ(en.exit_code, 0);
  EXPECT_TRUE(Has(en.out, "Usage")) << en.out;
  EXPECT_TRUE(Has(en.out, "Import a dossier file (all or nothing)")) << en.out;
  // A command's own help, with --lang after the command.
  Output sub = RunKembar(dir_, "event add --help --lang id");
  EXPECT_EQ(sub.exit_code, 0) << sub.err;
  EXPECT_TRUE(Has(sub.out, "jenis peristiwa")) << sub.out;
  EXPECT_TRUE(Has(sub.out, "WAJIB")) << sub.out;
  // $KEMBAR_LANG when there is no --lang; --lang wins over it.
  EXPECT_TRUE(Has(RunKembar(dir_, "--help").out, "Usage"));
  Output env = RunKembar(dir_, "--help", "KEMBAR_LANG=id");
  EXPECT_TRUE(Has(env.out, "Penggunaan")) << env.out;
  EXPECT_TRUE(Has(RunKembar(dir_, "--lang en --help", "KEMBAR_LANG=id").out, "Usage"));
  EXPECT_TRUE(Has(RunKembar(dir_, "--help", "LANG=id_ID.UTF-8").out, "Penggunaan"));
}

TEST_F(LanguageCliTest, NotFoundInBothLanguages) {
  Output id = RunKembar(dir_, "--lang id show NOPE --db records.db");
  EXPECT_EQ(id.exit_code, 3);
  EXPECT_TRUE(Has(id.err, "kemitraan")) << id.err;
  EXPECT_TRUE(Has(id.err, "'NOPE'")) << id.err;
  EXPECT_FALSE(Has(id.err, "no partnership")) << id.err;
  Output en = RunKembar(dir_, "show NOPE --db records.db --lang en");
  EXPECT_EQ(en.exit_code, 3);
  EXPECT_TRUE(Has(en.err, "partnership")) << en.err;
  EXPECT_TRUE(Has(en.err, "'NOPE'")) << en.err;
  // No database at all.
  Output none = RunKembar(dir_, "--lang id show NOPE --db nowhere.db");
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_TRUE(Has(none.err, "tidak ada basis data di 'nowhere.db'")) << none.err;
  Output none_en = RunKembar(dir_, "show NOPE --db nowhere.db");
  EXPECT_TRUE(Has(none_en.err, "there is no database at 'nowhere.db'")) << none_en.err;
}

TEST_F(LanguageCliTest, ImportErrorsKeepTheJsonPath) {
  Output id = RunKembar(dir_, "--lang id import bad.json --db records.db");
  EXPECT_EQ(id.exit_code, 2);
  EXPECT_TRUE(Has(id.err, "bad.json tidak diimpor; basis data tidak berubah")) << id.err;
  EXPECT_TRUE(Has(id.err,
                  "partnerships[0].events[0].date: '2018-02-30' bukan tanggal yang ada "
                  "di kalender"))
      << id.err;
  Output en = RunKembar(dir_, "import bad.json --db records.db --lang en");
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_TRUE(Has(en.err, "bad.json was not imported; the database is unchanged")) << en.err;
  EXPECT_TRUE(
      Has(en.err, "partnerships[0].events[0].date: '2018-02-30' is not a real calendar day"))
      << en.err;
  // validate says the same.
  Output v = RunKembar(dir_, "validate bad.json --lang id");
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_TRUE(Has(v.err, "bukan berkas dossier yang valid")) << v.err;
  EXPECT_TRUE(Has(v.err, "partnerships[0].events[0].date")) << v.err;
  // Malformed JSON: framed in Indonesian, with line and column.
  testing::WriteFileOrDie(dir_ + "/broken.json", "{\"format\": ");
  Output broken = RunKembar(dir_, "--lang id import broken.json --db records.db");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_TRUE(Has(broken.err, "JSON tidak valid")) << broken.err;
}

TEST_F(LanguageCliTest, EventWithABadDate) {
  Output id = RunKembar(dir_,
                        "--lang id event add surabaya-liverpool --type activity --date 2018-13 "
                        "--db records.db");
  EXPECT_EQ(id.exit_code, 2);
  EXPECT_TRUE(Has(id.err, "tidak ada yang diubah")) << id.err;
  EXPECT_TRUE(Has(id.err, "event.date")) << id.err;
  EXPECT_TRUE(Has(id.err, "bukan tanggal")) << id.err;
  Output en = RunKembar(dir_,
                        "event add surabaya-liverpool --type activity --date 2018-13 "
                        "--db records.db --lang en");
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_TRUE(Has(en.err, "nothing was changed")) << en.err;
  EXPECT_TRUE(Has(en.err, "event.date")) << en.err;
  EXPECT_TRUE(Has(en.err, "is not a date")) << en.err;
  // A day that does not exist, and success, in Indonesian.
  Output feb = RunKembar(dir_,
                         "--lang id event add surabaya-liverpool --type activity --date "
                         "2018-02-30 --db records.db");
  EXPECT_TRUE(Has(feb.err, "bukan tanggal yang ada di kalender")) << feb.err;
  Output ok = RunKembar(dir_,
                        "--lang id event add surabaya-liverpool --type note --date 2024-03-19 "
                        "--db records.db");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(Has(ok.out, "ditambahkan")) << ok.out;
}

TEST_F(LanguageCliTest, CommandLineErrorsInBothLanguages) {
  Output missing = RunKembar(dir_, "--lang id event add");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(Has(missing.err, "PARTNERSHIP wajib diberikan")) << missing.err;
  EXPECT_TRUE(Has(missing.err, "Jalankan dengan --help")) << missing.err;
  Output range = RunKembar(dir_, "calendar --months 0 --lang id --db records.db");
  EXPECT_EQ(range.exit_code, 2);
  EXPECT_TRUE(Has(range.err, "di luar rentang")) << range.err;
  Output as_of = RunKembar(dir_, "--lang id status --as-of 2023-02-30 --db records.db");
  EXPECT_EQ(as_of.exit_code, 2);
  EXPECT_TRUE(Has(as_of.err, "bukan tanggal")) << as_of.err;
  Output en = RunKembar(dir_, "event add");
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_TRUE(Has(en.err, "PARTNERSHIP is required")) << en.err;
  // An unknown language is refused, in the environment's language.
  Output fr = RunKembar(dir_, "--lang fr list --db records.db");
  EXPECT_EQ(fr.exit_code, 2);
  EXPECT_TRUE(Has(fr.err, "--lang: 'fr'")) << fr.err;
  // Unknown country, from the reference data.
  Output country = RunKembar(dir_, "--lang id relations ID Atlantis");
  EXPECT_EQ(country.exit_code, 3);
  EXPECT_TRUE(Has(country.err, "negara 'Atlantis' tidak dikenal")) << country.err;
}

}  // namespace
}  // namespace kembar
