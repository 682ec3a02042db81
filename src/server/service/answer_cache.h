// Rendered answers kept while the records stay the same: a read endpoint whose answer
// depends only on the stored records and its parameters keeps it under the store's
// version, so a repeated question is a copy instead of a store read and a render.
#ifndef KEMBAR_SERVER_SERVICE_ANSWER_CACHE_H_
#define KEMBAR_SERVER_SERVICE_ANSWER_CACHE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kembar::server {

class AnswerCache {
 public:
  // Keeps at most `capacity` answers (all are dropped when it is full).
  explicit AnswerCache(size_t capacity) : capacity_(capacity) {}

  // The answer kept for `key` at store version `version`, or null. Thread-safe.
  std::shared_ptr<const std::string> Find(int64_t version, const std::string& key) const {
    std::lock_guard lock(mu_);
    if (version != version_) return nullptr;
    auto it = answers_.find(key);
    return it == answers_.end() ? nullptr : it->second;
  }

  // Keeps `answer` for `key` at `version`; a newer version drops every older answer.
  void Put(int64_t version, const std::string& key, std::string answer) {
    auto kept = std::make_shared<const std::string>(std::move(answer));
    std::lock_guard lock(mu_);
    if (version < version_) return;  // computed before a change another request saw
    if (version > version_ || answers_.size() >= capacity_) {
      answers_.clear();
      version_ = version;
    }
    answers_[key] = std::move(kept);
  }

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  int64_t version_ = -1;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> answers_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_ANSWER_CACHE_H_
