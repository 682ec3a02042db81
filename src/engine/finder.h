// The partner-finder use case: candidates for a region over the worldwide network.
#ifndef KEMBAR_SRC_ENGINE_FINDER_H_
#define KEMBAR_SRC_ENGINE_FINDER_H_

#include <string>

#include "engine/engine.h"
#include "kembar/api.h"

namespace kembar::engine {

// See Kembar::FindPartners.
Result<FindReport> FindPartners(const Engine& engine, const std::string& region,
                                const FindOptions& options);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_FINDER_H_
