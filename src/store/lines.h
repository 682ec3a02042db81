// Newline-joined lists in one text column (region names, the partnerships a change
// touched, an editor's regions): one encoding for the store and the account tables.
#ifndef KEMBAR_SRC_STORE_LINES_H_
#define KEMBAR_SRC_STORE_LINES_H_

#include <string>
#include <vector>

namespace kembar::store {

// {"a", "b"} -> "a\nb".
inline std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : "\n") + x;
  return out;
}

// The lines of a newline-joined column (the inverse of Join); "" -> {}.
inline std::vector<std::string> SplitLines(const std::string& joined) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < joined.size()) {
    size_t nl = joined.find('\n', pos);
    if (nl == std::string::npos) nl = joined.size();
    out.push_back(joined.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

}  // namespace kembar::store

#endif  // KEMBAR_SRC_STORE_LINES_H_
