#include "engine/snapshot.h"

#include <algorithm>
#include <utility>

#include "engine/assess.h"

namespace kembar::engine {

Result<std::shared_ptr<const AssessSnapshot>> ComputeSnapshot(store::Store& store,
                                                              const AssessOptions& options,
                                                              int64_t version) {
  auto dossier = store.Export({});
  if (!dossier.ok()) return dossier.status();
  auto s = std::make_shared<AssessSnapshot>();
  s->version = version;
  s->as_of = options.as_of;
  s->report = AssessLoaded(std::move(dossier).value(), options);
  s->index.reserve(s->report.assessments.size());
  for (size_t i = 0; i < s->report.assessments.size(); ++i) {
    s->index.emplace(s->report.assessments[i].id, i);
  }
  return std::shared_ptr<const AssessSnapshot>(std::move(s));
}

Result<std::shared_ptr<const AssessSnapshot>> AssessmentCache::Get(store::Store& store,
                                                                   const AssessOptions& options) {
  // The version first: a change landing between it and the export only makes the
  // next call recompute, never keeps an outdated snapshot.
  auto version = store.Version();
  if (!version.ok()) return version.status();
  std::shared_future<Computed> ready;
  std::promise<Computed> promise;
  bool compute = false;
  {
    std::lock_guard lock(mu_);
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) {
      return e.as_of == options.as_of && e.policy == options.policy;
    });
    if (it == entries_.end()) {
      if (entries_.size() >= kMaxEntries) {
        entries_.erase(std::min_element(
            entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.last_used < b.last_used; }));
      }
      entries_.push_back({options.as_of, options.policy, -1, {}, 0});
      it = std::prev(entries_.end());
    }
    it->last_used = ++tick_;
    // A newer version replaces the entry; an older one (a reader that saw the
    // version before a change) is served the newer snapshot, which is as current.
    if (it->version < *version || !it->ready.valid()) {
      it->version = *version;
      it->ready = promise.get_future().share();
      compute = true;
      ++computed_;
    }
    ready = it->ready;
  }
  if (compute) {
    auto s = ComputeSnapshot(store, options, *version);
    if (s.ok()) {
      promise.set_value({Status::Ok(), *s});
    } else {
      promise.set_value({s.status(), nullptr});
      // Not cached: the next call tries again.
      std::lock_guard lock(mu_);
      std::erase_if(entries_, [&](const Entry& e) {
        return e.ready.valid() &&
               e.ready.wait_for(std::chrono::seconds(0)) == std::future_status::ready &&
               !e.ready.get().status.ok();
      });
    }
  }
  const Computed& c = ready.get();
  if (!c.status.ok()) return c.status;
  return c.snapshot;
}

uint64_t AssessmentCache::computed() const {
  std::lock_guard lock(mu_);
  return computed_;
}

}  // namespace kembar::engine
