// kembar: the command-line front end. Parses arguments and prints; all work is done
// by kembar::Kembar (see commands.cc).
#include <cstdio>
#include <exception>
#include <string>

#include "commands.h"
#include "kembar/report/cli_text.h"

int main(int argc, char** argv) {
  try {
    return kembar::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    // Only bugs and start-up failures arrive here; expected failures are Status values.
    const std::string line = kembar::report::CliText(
        "app.internal_error", kembar::report::CliLang(argc, argv), {{"what", e.what()}});
    std::fprintf(stderr, "%s\n", line.c_str());
    return 70;
  }
}
