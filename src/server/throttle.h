// Login throttling: failed logins counted per user name and per client address in
// fixed windows; once a key reaches its limit it is refused until its window ends.
#ifndef KEMBAR_SERVER_THROTTLE_H_
#define KEMBAR_SERVER_THROTTLE_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kembar::server {

class LoginThrottle {
 public:
  struct Limits {
    int per_user = 5;        // failures per user name per window
    int per_address = 20;    // failures per client address per window
    int64_t window_s = 900;  // 15 minutes
  };

  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds until a login for `user` from `address` may be tried at `now` (Unix
  // seconds); 0 when it may be tried now.
  int64_t RetryAfter(const std::string& user, const std::string& address, int64_t now);
  // Counts a failed login of `user` from `address` at `now`.
  void Failure(const std::string& user, const std::string& address, int64_t now);
  // A successful login clears the user's count (the address keeps its count).
  void Success(const std::string& user);

 private:
  struct Window {
    int64_t start = 0;
    int failures = 0;
  };
  int64_t Blocked(const std::unordered_map<std::string, Window>& map, const std::string& key,
                  int limit, int64_t now) const;
  void Count(std::unordered_map<std::string, Window>* map, const std::string& key, int64_t now);

  Limits limits_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> users_, addresses_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_THROTTLE_H_
