// Request rate limits per client address: a token bucket each, refilled at a steady
// rate up to a burst. The API applies it to requests without a valid session or
// token (docs/api.md); authenticated requests never pass through it.
#ifndef KEMBAR_SERVER_RATE_LIMIT_H_
#define KEMBAR_SERVER_RATE_LIMIT_H_

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kembar::server {

class RateLimiter {
 public:
  struct Limits {
    double rate = 50;    // tokens added per second; <= 0: no limit at all
    double burst = 100;  // most tokens a bucket holds (a new address starts full)
  };

  explicit RateLimiter(Limits limits) : limits_(limits) {}

  // Takes one token from `key`'s bucket at `now` (seconds on a monotonic clock).
  // Returns 0 when the request may go on, otherwise the seconds (>= 1, rounded up)
  // until a token will be there, for Retry-After. Thread-safe.
  int Take(const std::string& key, double now);

  // Buckets held now (full buckets are dropped once there are many).
  size_t size() const;

 private:
  struct Bucket {
    double tokens = 0;
    double at = 0;  // when `tokens` was computed
  };

  Limits limits_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_RATE_LIMIT_H_
