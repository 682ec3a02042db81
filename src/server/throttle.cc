#include "server/throttle.h"

#include <algorithm>

namespace kembar::server {

namespace {

// Entries kept before expired windows are swept (bounds memory under a flood of names).
constexpr size_t kSweepAt = 100000;

}  // namespace

int64_t LoginThrottle::Blocked(const std::unordered_map<std::string, Window>& map,
                               const std::string& key, int limit, int64_t now) const {
  auto it = map.find(key);
  if (it == map.end()) return 0;
  const int64_t end = it->second.start + limits_.window_s;
  if (now >= end || it->second.failures < limit) return 0;
  return end - now;
}

int64_t LoginThrottle::RetryAfter(const std::string& user, const std::string& address,
                                  int64_t now) {
  std::lock_guard lock(mu_);
  return std::max(Blocked(users_, user, limits_.per_user, now),
                  Blocked(addresses_, address, limits_.per_address, now));
}

void LoginThrottle::Count(std::unordered_map<std::string, Window>* map, const std::string& key,
                          int64_t now) {
  if (map->size() >= kSweepAt) {
    std::erase_if(*map, [&](const auto& kv) { return now >= kv.second.start + limits_.window_s; });
  }
  Window& w = (*map)[key];
  if (now >= w.start + limits_.window_s) w = {now, 0};
  ++w.failures;
}

void LoginThrottle::Failure(const std::string& user, const std::string& address, int64_t now) {
  std::lock_guard lock(mu_);
  Count(&users_, user, now);
  Count(&addresses_, address, now);
}

void LoginThrottle::Success(const std::string& user) {
  std::lock_guard lock(mu_);
  users_.erase(user);
}

}  // namespace kembar::server
