#include "kembar/report/cli_text.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <string>

namespace kembar::report {
namespace {

// Placeholders of a template, in order of appearance, as a set.
std::set<std::string> Placeholders(std::string_view text) {
  std::set<std::string> out;
  static const std::regex re(R"(\{([a-z_]+)\})");
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

// Keys whose Indonesian text may equal the English one: none today. Proper names,
// codes and option names are fine inside a text, but every entry says something in
// words, and those differ.
const std::set<std::string_view> kSameInBothLanguages = {};

TEST(CliTextTest, EveryKeyHasBothLanguagesAndTheyDiffer) {
  std::set<std::string_view> keys;
  for (const CliTextEntry& e : CliCatalogue()) {
    SCOPED_TRACE(std::string(e.key));
    EXPECT_TRUE(keys.insert(e.key).second) << "duplicate key";
    EXPECT_FALSE(e.en.empty());
    EXPECT_FALSE(e.id.empty());
    if (!kSameInBothLanguages.count(e.key)) {
      EXPECT_NE(e.en, e.id) << "Indonesian text equals the English one";
    }
    // The same facts are filled in, whichever the language.
    EXPECT_EQ(Placeholders(e.en), Placeholders(e.id));
    // Nothing half-translated: no English function words left in the Indonesian
    // text (codes such as mou_signed and option names are not words here).
    for (const char* word : {" the ", " and ", " of ", " is ", " or ", " with ", " not "}) {
      EXPECT_EQ(std::string(e.id).find(word), std::string::npos) << word << ": " << e.id;
    }
  }
  EXPECT_GT(keys.size(), 150u);
}

TEST(CliTextTest, LookupAndTemplates) {
  EXPECT_EQ(CliText("event.nothing_changed", Lang::kEn), "kembar: nothing was changed:");
  EXPECT_EQ(CliText("event.nothing_changed", Lang::kId), "kembar: tidak ada yang diubah:");
  EXPECT_EQ(CliText("no.such.key", Lang::kId), "no.such.key");
  EXPECT_EQ(CliText("event.added", Lang::kId,
                    {{"event", "surabaya-liverpool.07"}, {"partnership", "surabaya-liverpool"}}),
            "peristiwa surabaya-liverpool.07 pada surabaya-liverpool ditambahkan");
  EXPECT_EQ(CliText("import.done", Lang::kEn,
                    {{"file", "a.json"},
                     {"db", "k.db"},
                     {"regions_new", "1"},
                     {"regions_updated", "2"},
                     {"partnerships_new", "3"},
                     {"partnerships_updated", "4"},
                     {"events", CliNumber(12343, 0, Lang::kEn)}}),
            "imported a.json into k.db: regions 1 new, 2 updated; partnerships 3 new, 4 updated; "
            "12,343 events");
  EXPECT_EQ(CliNumber(12343, 0, Lang::kId), "12.343");
  EXPECT_EQ(CliNumber(77.26, 1, Lang::kId), "77,3");
}

TEST(CliTextTest, LanguageFromTheCommandLineThenTheEnvironment) {
  ::setenv("KEMBAR_LANG", "en", 1);
  const char* before[] = {"kembar", "--lang", "id", "show", "X"};
  EXPECT_EQ(CliLang(5, before), Lang::kId);
  const char* after[] = {"kembar", "show", "X", "--lang=id"};
  EXPECT_EQ(CliLang(4, after), Lang::kId);
  const char* none[] = {"kembar", "show", "X"};
  EXPECT_EQ(CliLang(3, none), Lang::kEn);
  ::setenv("KEMBAR_LANG", "id", 1);
  EXPECT_EQ(CliLang(3, none), Lang::kId);
  // After "--" nothing is an option.
  const char* rest[] = {"kembar", "search", "--", "--lang", "en"};
  EXPECT_EQ(CliLang(5, rest), Lang::kId);
  std::string bad;
  const char* wrong[] = {"kembar", "--lang", "fr", "list"};
  EXPECT_EQ(CliLang(4, wrong, &bad), Lang::kId);
  EXPECT_EQ(bad, "fr");
  ::unsetenv("KEMBAR_LANG");

  const char* argv[] = {"kembar", "--lang", "id", "show", "X", "--lang=en", "--", "--lang"};
  EXPECT_EQ(WithoutLangOption(8, argv),
            (std::vector<std::string>{"kembar", "show", "X", "--", "--lang"}));
}

TEST(CliTextTest, ParserErrorsInIndonesian) {
  const Lang id = Lang::kId;
  EXPECT_EQ(CliParseError("PARTNERSHIP is required", id), "PARTNERSHIP wajib diberikan");
  EXPECT_EQ(CliParseError("--output is required", id), "--output wajib diberikan");
  EXPECT_EQ(CliParseError("The following argument was not expected: b", id),
            "argumen berikut tidak dikenal: b");
  EXPECT_EQ(CliParseError("--months: Value 0 not in range 1 to 1200", id),
            "--months: nilai 0 di luar rentang 1 sampai 1200");
  EXPECT_EQ(CliParseError("--lang: fr not in {id,en}", id),
            "--lang: fr bukan salah satu dari {id,en}");
  EXPECT_EQ(CliParseError("--merge excludes --replace", id),
            "--merge tidak dapat dipakai bersama --replace");
  EXPECT_EQ(CliParseError("--db: 1 required TEXT missing", id), "--db: nilainya belum diberikan");
  EXPECT_EQ(CliParseError("Could not convert: --max-mb = abc", id),
            "--max-mb: 'abc' bukan nilai yang valid");
  EXPECT_NE(CliParseError("A subcommand is required", id).find("perintah wajib diberikan"),
            std::string::npos);
  EXPECT_EQ(CliParseError("something new", id), "kesalahan pada baris perintah: something new");
  // English keeps the parser's words where it has no better ones.
  EXPECT_EQ(CliParseError("something new", Lang::kEn), "something new");
  EXPECT_EQ(CliParseError("ID is required", Lang::kEn), "ID is required");
}

}  // namespace
}  // namespace kembar::report
