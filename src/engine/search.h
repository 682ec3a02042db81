// The search use case: stored regions and partnerships and gazetteer places by name.
#ifndef KEMBAR_SRC_ENGINE_SEARCH_H_
#define KEMBAR_SRC_ENGINE_SEARCH_H_

#include "kembar/kembar.h"
#include "kembar/store/store.h"

namespace kembar::engine {

// See Kembar::Search.
Result<SearchResult> Search(store::Store& store, const SearchParams& params);

// See Kembar::ResolveRegion.
Result<std::string> ResolveRegion(store::Store& store, const std::string& text);

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_SEARCH_H_
