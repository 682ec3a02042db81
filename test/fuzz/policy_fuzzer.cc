// libFuzzer target for the policy file (kembar::assess::ParsePolicy): any bytes give a
// policy or a message naming the member at fault, never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kembar/assess/policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto policy = kembar::assess::ParsePolicy(text);
  if (!policy.ok() && policy.status().message().empty()) std::abort();  // always says why
  return 0;
}
