// The Levenshtein distance of two short strings: "did you mean" for vocabulary names
// (engine/profile.cc) and similar place names (engine/network.cc, MatchNode).
#ifndef KEMBAR_SRC_ENGINE_EDIT_DISTANCE_H_
#define KEMBAR_SRC_ENGINE_EDIT_DISTANCE_H_

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace kembar::engine {

// Insertions, deletions and substitutions of bytes that turn `a` into `b`.
inline size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + static_cast<size_t>(a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_EDIT_DISTANCE_H_
