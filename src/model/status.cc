#include "kembar/model/status.h"

#include <array>
#include <string>

#include "kembar/model/error_table.h"

namespace kembar {

namespace {

constexpr std::array<ErrorInfo, 9> kErrorTable = {{
    {StatusCode::kOk, "ok", "OK", 0, 200},
    {StatusCode::kInvalidInput, "invalid_input", "invalid input", 2, 400},
    {StatusCode::kNotFound, "not_found", "not found", 3, 404},
    {StatusCode::kTooLarge, "too_large", "input too large", 4, 413},
    {StatusCode::kIoError, "io_error", "I/O error", 5, 500},
    {StatusCode::kCorruption, "corruption", "stored data is corrupt", 6, 500},
    {StatusCode::kUnsupported, "unsupported", "unsupported", 7, 501},
    {StatusCode::kConflict, "conflict", "changed by someone else first", 8, 409},
    {StatusCode::kPermissionDenied, "forbidden", "not allowed", 9, 403},
}};

}  // namespace

const ErrorInfo& DescribeError(StatusCode code) {
  for (const ErrorInfo& row : kErrorTable) {
    if (row.code == code) return row;
  }
  return kErrorTable[0];  // unreachable: every code has a row (tested)
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(DescribeError(code_).api_code);
  out += ": ";
  out += message_.en;
  return out;
}

}  // namespace kembar
