// libFuzzer target for each JSON request body of the API: the first byte picks the
// endpoint, the rest is the body, sent as an admin (Bearer token) to the API on a
// small database. Every body gives an answer that is sound (no 500; a refusal is JSON
// naming its field or line), never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_api.h"

namespace {

struct Endpoint {
  const char* method;
  const char* target;
};

// Every route that reads a body (src/server/api.cc), with ids of the fuzz database.
constexpr Endpoint kEndpoints[] = {
    {"POST", "/api/session"},
    {"PUT", "/api/me"},
    {"POST", "/api/users"},
    {"PUT", "/api/users/admin"},
    {"POST", "/api/tokens"},
    {"POST", "/api/partnerships"},
    {"PUT", "/api/partnerships/semarang-beihai"},
    {"PATCH", "/api/partnerships/semarang-beihai"},
    {"POST", "/api/partnerships/semarang-beihai/events"},
    {"PUT", "/api/partnerships/semarang-beihai/events/semarang-beihai.01"},
    {"PATCH", "/api/partnerships/semarang-beihai/events/semarang-beihai.01"},
    {"POST", "/api/import"},
    {"POST", "/api/import?mode=replace"},
    {"POST", "/api/me/feed"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static kembar::fuzz::FuzzApi* api = new kembar::fuzz::FuzzApi();
  if (size == 0) return 0;
  const Endpoint& e = kEndpoints[data[0] % std::size(kEndpoints)];
  kembar::server::HttpRequest request;
  request.method = e.method;
  request.target = e.target;
  if (!kembar::server::ParseTarget(request.target, &request.path, &request.query)) std::abort();
  request.headers = {{"authorization", "Bearer " + api->token()},
                     {"content-type", "application/json"}};
  request.remote = "192.0.2.9";
  request.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  const kembar::server::HttpResponse r = api->Handle(request);
  if (!kembar::fuzz::AnswerIsSound(r)) {
    std::fprintf(stderr, "unsound answer %d to %s %s: %s\n", r.status, e.method, e.target,
                 r.body.c_str());
    std::abort();
  }
  return 0;
}
