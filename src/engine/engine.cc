#include "engine/engine.h"

#include <utility>

#include "engine/network.h"
#include "kembar/kembar.h"

namespace kembar::engine {

Engine::Engine(std::unique_ptr<store::Store> store, io::ReadOptions read)
    : store_(std::move(store)), read_(std::move(read)) {}

Result<const World*> Engine::world() const {
  std::call_once(world_once_, [this] {
    auto wiki = network::LoadTwinPairsCsv(network::BundledTwinPairsCsv());
    if (!wiki.ok()) {
      world_status_ = wiki.status();
      return;
    }
    auto w = std::make_unique<World>();
    w->wikipedia = std::move(wiki).value();
    w->wikipedia_match = MatchToGazetteer(w->wikipedia);
    world_ = std::move(w);
  });
  if (!world_) return world_status_;
  return static_cast<const World*>(world_.get());
}

Result<std::shared_ptr<const WorldView>> Engine::view() const {
  auto world_context = world();
  if (!world_context.ok()) return world_context.status();
  // The version first: a change landing between it and the export only makes the
  // next call rebuild, never keeps an outdated view.
  auto version = store_->Version();
  if (!version.ok()) return version.status();
  std::lock_guard<std::mutex> lock(view_mutex_);
  if (view_ && view_->version == *version) return view_;
  auto stored = store_->Export({});
  if (!stored.ok()) return stored.status();
  auto v = std::make_shared<WorldView>();
  v->version = *version;
  v->stored = std::make_shared<const Dossier>(std::move(stored).value());
  auto graph = WorldNetworkOf(**world_context, *v->stored, &v->region_nodes);
  if (!graph.ok()) return graph.status();
  v->graph = std::make_shared<const network::Graph>(std::move(graph).value());
  view_ = std::move(v);
  return view_;
}

}  // namespace kembar::engine
