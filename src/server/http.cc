#include "server/http.h"

#include <algorithm>

#include "kembar/model/error_table.h"

namespace kembar::server {

namespace {

struct DepthExceeded {};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Line and column (1-based) of byte offset `pos` in `text`.
std::pair<size_t, size_t> LineColumn(const std::string& text, size_t pos) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

std::string HttpRequest::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::string HttpRequest::Cookie(std::string_view name) const {
  const std::string all = Header("cookie");
  std::string_view rest(all);
  while (!rest.empty()) {
    size_t semi = rest.find(';');
    std::string_view item = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    size_t eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) {
      return std::string(item.substr(eq + 1));
    }
  }
  return {};
}

namespace {

// The JSON path a message starts with ("event.date: must be ..."), or "".
std::string LeadingPath(const std::string& message) {
  const size_t colon = message.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 200) return {};
  for (size_t i = 0; i < colon; ++i) {
    const char c = message[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '[' || c == ']' || c == '-';
    if (!ok) return {};
  }
  return message.substr(0, colon);
}

}  // namespace

ApiError ErrorFromStatus(const Status& status, Lang lang) {
  const ErrorInfo& info = DescribeError(status.code());
  ApiError e(info.http_status, std::string(info.api_code), status.message(lang));
  for (const Problem& p : status.problems()) e.problems.emplace_back(p.path, p.message.in(lang));
  e.field = e.problems.empty() ? LeadingPath(status.message()) : e.problems.front().first;
  return e;
}

ApiError Unauthorized(std::string message) { return {401, "unauthorized", std::move(message), {}}; }

ApiError Forbidden(std::string message) { return {403, "forbidden", std::move(message), {}}; }

ApiError CsrfFailed() {
  return {403,
          "csrf_failed",
          "a request with the session cookie that changes something must carry the session's "
          "X-CSRF-Token header",
          {}};
}

ApiError BadRequest(std::string message, std::string field) {
  return {400, "invalid_input", std::move(message), std::move(field)};
}

HttpResponse ErrorResponse(const ApiError& error, const std::string& request_path) {
  nlohmann::json body = {{"code", error.code}, {"message", error.message}, {"path", request_path}};
  if (!error.field.empty()) body["field"] = error.field;
  if (!error.problems.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [path, message] : error.problems) {
      list.push_back({{"path", path}, {"message", message}});
    }
    body["problems"] = std::move(list);
  }
  return JsonResponse(error.http_status, body);
}

HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

std::optional<std::string> PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;
    const int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

bool ParseTarget(std::string_view target, std::string* path,
                 std::map<std::string, std::string>* query) {
  if (target.empty() || target.front() != '/') return false;
  const size_t q = target.find('?');
  *path = std::string(target.substr(0, q));
  query->clear();
  if (q == std::string_view::npos) return true;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    std::string_view item = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    std::string k(item.substr(0, eq));
    std::string v(eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1));
    std::replace(k.begin(), k.end(), '+', ' ');
    std::replace(v.begin(), v.end(), '+', ' ');
    auto dk = PercentDecode(k), dv = PercentDecode(v);
    if (!dk || !dv) return false;
    (*query)[*dk] = *dv;
  }
  return true;
}

Result<nlohmann::json> ParseJsonBody(const std::string& body) {
  try {
    nlohmann::json::parser_callback_t limit = [](int depth, nlohmann::json::parse_event_t,
                                                 nlohmann::json&) {
      if (depth >= kMaxJsonDepth) throw DepthExceeded{};
      return true;
    };
    return nlohmann::json::parse(body, limit);
  } catch (const DepthExceeded&) {
    return Status::InvalidInput("the JSON body nests more than " + std::to_string(kMaxJsonDepth) +
                                " levels");
  } catch (const nlohmann::json::parse_error& e) {
    const auto [line, col] = LineColumn(body, e.byte == 0 ? 0 : e.byte - 1);
    return Status::InvalidInput("malformed JSON at line " + std::to_string(line) + ", column " +
                                std::to_string(col));
  } catch (const nlohmann::json::out_of_range&) {
    // nlohmann refuses a number beyond a double (1e400) this way, not as a parse error;
    // found by the api_body fuzzer (a 500 before).
    return Status::InvalidInput(
        "a number in the JSON body is out of range: beyond the largest number (about 1.8e308)");
  } catch (const nlohmann::json::exception&) {
    return Status::InvalidInput("the JSON body cannot be read");
  }
}

}  // namespace kembar::server
