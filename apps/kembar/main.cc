// kembar: the command-line front end. Parses arguments and prints; all work is done
// by kembar::Kembar (see commands.cc).
#include <cstdio>
#include <exception>

#include "commands.h"

int main(int argc, char** argv) {
  try {
    return kembar::cli::Run(argc, argv);
  } catch (const std::exception& e) {
    // Only bugs and start-up failures arrive here; expected failures are Status values.
    std::fprintf(stderr, "kembar: internal error: %s\n", e.what());
    return 70;
  }
}
