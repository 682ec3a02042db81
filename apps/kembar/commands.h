#ifndef KEMBAR_APPS_KEMBAR_COMMANDS_H_
#define KEMBAR_APPS_KEMBAR_COMMANDS_H_

namespace kembar::cli {

// Runs the kembar command line; returns the process exit code (see error_table.h).
int Run(int argc, char** argv);

}  // namespace kembar::cli

#endif  // KEMBAR_APPS_KEMBAR_COMMANDS_H_
