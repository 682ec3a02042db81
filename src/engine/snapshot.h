// The in-memory assessment of every stored partnership, for the national and
// regional dashboards: computed once per (store version, day, policy) and shared
// read-only by every request until the store changes.
#ifndef KEMBAR_SRC_ENGINE_SNAPSHOT_H_
#define KEMBAR_SRC_ENGINE_SNAPSHOT_H_

#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

#include "kembar/api.h"
#include "kembar/store/store.h"

namespace kembar::engine {

// A small cache of AssessSnapshots keyed by (Store::Version(), as_of, policy). Safe
// to call from several threads: concurrent first requests for one key wait for a
// single computation; readers keep their shared_ptr while a newer snapshot replaces
// it. A snapshot is recomputed only when the store's version changes.
class AssessmentCache {
 public:
  // Distinct (as_of, policy) keys kept; the least recently used goes first.
  static constexpr size_t kMaxEntries = 4;

  // The snapshot of `store` as of options.as_of under options.policy (null: the
  // compiled-in policy), from the cache when the store has not changed since it was
  // computed. Errors of the store are returned and not cached.
  Result<std::shared_ptr<const AssessSnapshot>> Get(store::Store& store,
                                                    const AssessOptions& options);

  // How many snapshots were computed (not served from the cache), for tests and
  // benchmarks.
  uint64_t computed() const;

 private:
  struct Computed {
    Status status;
    std::shared_ptr<const AssessSnapshot> snapshot;
  };
  struct Entry {
    Day as_of{};
    const assess::Policy* policy = nullptr;
    int64_t version = -1;
    std::shared_future<Computed> ready;
    uint64_t last_used = 0;
  };

  mutable std::mutex mu_;
  std::vector<Entry> entries_;
  uint64_t tick_ = 0;
  uint64_t computed_ = 0;
};

// Assesses every partnership of `store` as of options.as_of (the work behind a cache
// miss).
Result<std::shared_ptr<const AssessSnapshot>> ComputeSnapshot(store::Store& store,
                                                              const AssessOptions& options,
                                                              int64_t version);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_SNAPSHOT_H_
