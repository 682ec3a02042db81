#include "engine/engine.h"

#include <utility>

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

}  // namespace kembar::engine
