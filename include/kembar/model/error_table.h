// The one table that maps a StatusCode to its stable API code, its process exit
// code and its HTTP status. The core only produces StatusCodes; front ends read
// this table, so the CLI, the server and the docs never disagree.
#ifndef KEMBAR_MODEL_ERROR_TABLE_H_
#define KEMBAR_MODEL_ERROR_TABLE_H_

#include <string_view>

#include "kembar/model/status.h"

namespace kembar {

struct ErrorInfo {
  StatusCode code;
  std::string_view api_code;   // stable, machine-readable: "invalid_input"
  std::string_view summary;    // one line for humans
  int exit_code;               // for the CLI
  int http_status;             // for the HTTP server
};

// The row for `code`; never fails (every code has a row).
const ErrorInfo& DescribeError(StatusCode code);

}  // namespace kembar

#endif  // KEMBAR_MODEL_ERROR_TABLE_H_
