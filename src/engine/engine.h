// The engine behind kembar::Kembar: the store it was given and the world context
// every network and finder use case shares. The use cases themselves are free
// functions beside this file (records.h, assess.h, network.h, search.h), each
// taking the engine and its parameters struct (kembar/api.h).
#ifndef KEMBAR_SRC_ENGINE_ENGINE_H_
#define KEMBAR_SRC_ENGINE_ENGINE_H_

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "engine/snapshot.h"
#include "kembar/api.h"
#include "kembar/io/dossier_reader.h"
#include "kembar/network/graph.h"
#include "kembar/store/store.h"

namespace kembar::engine {

// What does not change while the process runs: the worldwide network of the
// Wikipedia pairs compiled in, and how its places meet the gazetteer. Built once
// and then only read, by any number of threads.
struct World {
  network::Graph wikipedia;
  NetworkMatch wikipedia_match;
};

// The stored records and the worldwide network built over them (the Wikipedia
// pairs plus every stored partnership), as of one version of the store. Readers share
// one view until the store changes; nobody modifies a view.
struct WorldView {
  int64_t version = -1;  // Store::Version() it was built at
  std::shared_ptr<const Dossier> stored;
  std::shared_ptr<const network::Graph> graph;
  std::unordered_map<std::string, size_t> region_nodes;  // stored region id -> node

  // The network statistics of this view by (country scope, sample size), each computed
  // once: they take seconds on the worldwide network (distances, betweenness), and a
  // server is asked for the same ones by every officer opening the network page. The
  // view never changes, so they stay right until the store changes and a new view,
  // with an empty memo, replaces this one.
  struct StatsMemo {
    static constexpr size_t kMaxEntries = 64;  // scopes kept; past them, computed each time
    std::mutex mu;
    std::map<std::pair<std::string, size_t>, std::shared_future<Result<NetworkStatsReport>>>
        entries;
    uint64_t computed = 0;  // how many were computed, for tests
  };
  std::unique_ptr<StatsMemo> stats_memo = std::make_unique<StatsMemo>();
};

class Engine {
 public:
  Engine(std::unique_ptr<store::Store> store, io::ReadOptions read);

  // The store; implementations serialise their own access (store.h).
  store::Store& store() const { return *store_; }
  // Bounds for the documents read (size, depth).
  const io::ReadOptions& read_options() const { return read_; }
  // The world context, built on the first call (thread-safe).
  Result<const World*> world() const;
  // The view of the store's current version: rebuilt only after a change, so that
  // searches and network reads do not export the whole store each time.
  Result<std::shared_ptr<const WorldView>> view() const;
  // Every stored partnership assessed as of options.as_of: one shared snapshot per
  // (store version, day, policy), recomputed only after a change (thread-safe).
  Result<std::shared_ptr<const AssessSnapshot>> assessed(const AssessOptions& options) const {
    return assessments_.Get(*store_, options);
  }
  // The cache behind assessed(), for its counters.
  const AssessmentCache& assessment_cache() const { return assessments_; }

 private:
  std::unique_ptr<store::Store> store_;
  io::ReadOptions read_;
  mutable std::once_flag world_once_;
  mutable std::unique_ptr<World> world_;
  mutable Status world_status_;
  mutable std::mutex view_mutex_;
  mutable std::shared_ptr<const WorldView> view_;
  mutable AssessmentCache assessments_;
};

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_ENGINE_H_
