// The command line's own words in English and Indonesian: the help text of every
// command and option, the labels of the help screen, the messages around errors and
// the summaries ("nothing was changed", "imported ..."). One catalogue with both
// languages for every key (the assessment's wording is in kembar/assess/messages.h;
// errors from the core carry both languages in their Status).
//
// Templates take {name} placeholders; numbers are written as the language writes
// them ("1.234" / "1,234") by the caller, through CliNumber.
#ifndef KEMBAR_REPORT_CLI_TEXT_H_
#define KEMBAR_REPORT_CLI_TEXT_H_

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kembar/model/lang.h"

namespace kembar::report {

// The text of `key` in `lang`; the key itself when unknown (a test keeps every key
// used by the CLI in the catalogue).
std::string_view CliText(std::string_view key, Lang lang);

// The template of `key` with its {name} placeholders filled:
// CliText("import.done", lang, {{"file", f}, {"db", db}, ...}). Unknown placeholders
// are left empty.
using CliArgs = std::initializer_list<std::pair<std::string_view, std::string>>;
std::string CliText(std::string_view key, Lang lang, CliArgs args);

// A count or measure as the language writes it: 12343 -> "12,343" / "12.343";
// 77.26 with 1 decimal -> "77.3" / "77,3".
std::string CliNumber(double value, int max_decimals, Lang lang);

// Every key of the catalogue with its two texts, for completeness tests.
struct CliTextEntry {
  std::string_view key, en, id;
};
std::vector<CliTextEntry> CliCatalogue();

// The language of a command line: --lang id|en (or --lang=id) anywhere before "--",
// else LangFromEnvironment(). An invalid value leaves *bad_value set (when not null)
// and gives the environment's language, so the error can be reported in it.
Lang CliLang(int argc, const char* const* argv, std::string* bad_value = nullptr);

// argv without its --lang options (the language is read once, by CliLang, so that
// --lang may come before or after the subcommand).
std::vector<std::string> WithoutLangOption(int argc, const char* const* argv);

// A command-line parser's error message (CLI11's English: "FILE is required", "The
// following argument was not expected: x", "--months: Value 0 not in range 1 to
// 1200", ...) in `lang`; a message it does not recognise is framed ("kesalahan
// pada baris perintah: ...") with the parser's text kept.
std::string CliParseError(std::string_view message, Lang lang);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_CLI_TEXT_H_
