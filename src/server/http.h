// The server's own request and response values, independent of Boost.Beast: the
// router and the services see only these (only http_server.cc knows Beast), and
// the helpers that turn a Status or an API error into a JSON error body.
#ifndef KEMBAR_SERVER_HTTP_H_
#define KEMBAR_SERVER_HTTP_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kembar/model/status.h"

namespace kembar::server {

struct HttpRequest {
  std::string method;                          // "GET", "POST", ...
  std::string target;                          // as received: "/api/partnerships?page=2"
  std::string path;                            // the target before '?', still percent-encoded
  std::map<std::string, std::string> query;    // decoded names and values
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote;  // the client's IP address

  // The value of header `lower_name`, or "".
  std::string Header(const std::string& lower_name) const;
  // The value of cookie `name` in the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond the standard ones
  std::string log_user;  // who made the request, for the access log; empty: anonymous
};

// An error as the API reports it: HTTP status, stable code, message, and the JSON
// path of the request member at fault (empty when the error is not about one).
struct ApiError {
  ApiError() = default;
  ApiError(int http_status, std::string code, std::string message, std::string field = {})
      : http_status(http_status),
        code(std::move(code)),
        message(std::move(message)),
        field(std::move(field)) {}

  int http_status = 500;
  std::string code;
  std::string message;
  std::string field;
  // A document's problems, each at its JSON path (Status::problems()).
  std::vector<std::pair<std::string, std::string>> problems;
};

// The error for a non-ok Status, from the one error table (DescribeError), with the
// message in `lang`. `field` is the path of the first problem, or the JSON path a
// message starts with ("event.date: ..."), so that a form can show it in place.
ApiError ErrorFromStatus(const Status& status, Lang lang = Lang::kEn);
// The errors the transport and the access checks add to the table.
ApiError Unauthorized(std::string message);                        // 401 unauthorized
ApiError Forbidden(std::string message);                           // 403 forbidden
ApiError CsrfFailed();                                             // 403 csrf_failed
ApiError BadRequest(std::string message, std::string field = {});  // 400 invalid_input

// The JSON error body {"code","message","path"} (plus "field" when set, and
// "problems": [{"path","message"}] for a document's problems), where "path" is the
// request's path.
HttpResponse ErrorResponse(const ApiError& error, const std::string& request_path);
// A JSON response with `status`.
HttpResponse JsonResponse(int status, const nlohmann::json& body);

// Splits `target` into its path and decoded query parameters; false for a target
// that is not an origin-form path ("/..."), or has bad percent-encoding.
bool ParseTarget(std::string_view target, std::string* path,
                 std::map<std::string, std::string>* query);
// Percent-decodes `in` ('+' stays '+'); nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view in);

// Most nested arrays and objects a request body may have.
inline constexpr int kMaxJsonDepth = 64;

// Parses a JSON request body: InvalidInput naming the line and column of a syntax
// error, or the nesting limit.
Result<nlohmann::json> ParseJsonBody(const std::string& body);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_HTTP_H_
