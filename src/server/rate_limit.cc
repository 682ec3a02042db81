#include "server/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace kembar::server {

namespace {

// Buckets kept before the full ones are swept (bounds memory under many addresses).
constexpr size_t kSweepAt = 100000;

}  // namespace

int RateLimiter::Take(const std::string& key, double now) {
  if (limits_.rate <= 0) return 0;
  const double burst = std::max(1.0, limits_.burst);
  std::lock_guard lock(mu_);
  if (buckets_.size() >= kSweepAt) {
    std::erase_if(buckets_, [&](const auto& kv) {
      return kv.second.tokens + (now - kv.second.at) * limits_.rate >= burst;
    });
  }
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst, now});
  Bucket& b = it->second;
  if (!fresh && now > b.at) {
    b.tokens = std::min(burst, b.tokens + (now - b.at) * limits_.rate);
    b.at = now;
  }
  if (b.tokens >= 1 - 1e-9) {  // a whole token, give or take the clock's rounding
    b.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / limits_.rate)));
}

size_t RateLimiter::size() const {
  std::lock_guard lock(mu_);
  return buckets_.size();
}

}  // namespace kembar::server
