// libFuzzer target for the server's front door: raw bytes read as the transport reads
// a request (Beast's parser with the server's header and body limits,
// ParseRawRequest), then routed and answered by the API on a small database, with
// "@TOKEN@" standing for an admin's session token. Every input gives a request, a
// refusal (400, 413 or 431) or "incomplete"; every answer is sound (no 500, JSON when
// it says JSON); never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_api.h"
#include "server/http_server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static kembar::fuzz::FuzzApi* api = new kembar::fuzz::FuzzApi();
  static const kembar::server::TransportOptions options = [] {
    kembar::server::TransportOptions o;
    o.max_header_bytes = 4096;  // smaller than the server's, so the fuzzer reaches it
    o.max_body_bytes = 16384;
    o.max_upload_bytes = 65536;
    return o;
  }();
  const std::string bytes = api->WithToken(std::string(reinterpret_cast<const char*>(data), size));
  kembar::server::RawRequest raw = kembar::server::ParseRawRequest(bytes, options);
  using Kind = kembar::server::RawRequest::Kind;
  if (raw.kind == Kind::kRefused) {
    if (raw.status != 400 && raw.status != 413 && raw.status != 431) std::abort();
    if (raw.message.empty()) std::abort();
    return 0;
  }
  if (raw.kind == Kind::kIncomplete) return 0;
  const kembar::server::HttpResponse r = api->Handle(raw.request);
  if (!kembar::fuzz::AnswerIsSound(r)) {
    std::fprintf(stderr, "unsound answer %d to %s %s: %s\n", r.status, raw.request.method.c_str(),
                 raw.request.target.c_str(), r.body.c_str());
    std::abort();
  }
  return 0;
}
