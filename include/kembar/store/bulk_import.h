// Support for importing large dossiers without holding the whole model: where the
// root "partnerships" array and each of its elements are in the document text, so
// that an importer can read the rest of the document first and then the
// partnerships in batches, writing each batch before reading the next.
#ifndef KEMBAR_STORE_BULK_IMPORT_H_
#define KEMBAR_STORE_BULK_IMPORT_H_

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kembar::store {

// Byte offsets into a dossier's text.
struct DossierOutline {
  size_t open = 0;   // the '[' of the root member "partnerships"
  size_t close = 0;  // its ']'
  // [begin, end) of each element, in order; each begins with '{' and ends with '}'.
  std::vector<std::pair<size_t, size_t>> partnerships;

  // The document without the partnerships: `text` with the array emptied.
  std::string Rest(std::string_view text) const {
    std::string out(text.substr(0, open + 1));
    out.append(text.substr(close));
    return out;
  }
};

namespace outline_internal {

inline bool IsWs(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

inline size_t SkipWs(std::string_view t, size_t i) {
  while (i < t.size() && IsWs(t[i])) ++i;
  return i;
}

// The position after the string whose opening quote is at t[i]; npos when unterminated.
inline size_t SkipString(std::string_view t, size_t i) {
  for (++i; i < t.size();) {
    const void* q = std::memchr(t.data() + i, '"', t.size() - i);
    if (q == nullptr) return std::string_view::npos;
    const size_t pos = static_cast<size_t>(static_cast<const char*>(q) - t.data());
    size_t backslashes = 0;
    while (pos - backslashes > i && t[pos - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return pos + 1;
    i = pos + 1;  // an escaped quote
  }
  return std::string_view::npos;
}

// The position after the object or array that begins at t[i]; npos when unbalanced.
inline size_t SkipComposite(std::string_view t, size_t i) {
  int depth = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '"') {
      i = SkipString(t, i);
      if (i == std::string_view::npos) return i;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
    ++i;
  }
  return std::string_view::npos;
}

}  // namespace outline_internal

// The outline of a dossier whose root is an object with one member "partnerships"
// that is an array of objects. nullopt for anything else (no such member, two of
// them, an escaped member name, an element that is not an object, text that is not
// well-formed where the outline looks): read such a document whole. Only the layout
// is checked here; the importer still reads the rest and every element with the
// dossier reader, which checks everything else.
inline std::optional<DossierOutline> OutlineDossier(std::string_view t) {
  using namespace outline_internal;
  constexpr size_t npos = std::string_view::npos;
  DossierOutline out;
  bool found = false;
  size_t i = 0;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  i = SkipWs(t, i);
  if (i >= t.size() || t[i] != '{') return std::nullopt;
  i = SkipWs(t, i + 1);
  if (i < t.size() && t[i] == '}') return std::nullopt;
  while (true) {
    if (i >= t.size() || t[i] != '"') return std::nullopt;
    const size_t key_end = SkipString(t, i);
    if (key_end == npos) return std::nullopt;
    const std::string_view key = t.substr(i + 1, key_end - i - 2);
    if (key.find('\\') != npos) return std::nullopt;
    i = SkipWs(t, key_end);
    if (i >= t.size() || t[i] != ':') return std::nullopt;
    i = SkipWs(t, i + 1);
    if (i >= t.size()) return std::nullopt;
    if (key == "partnerships") {
      if (found || t[i] != '[') return std::nullopt;
      found = true;
      out.open = i;
      i = SkipWs(t, i + 1);
      if (i < t.size() && t[i] == ']') {
        out.close = i++;
      } else {
        while (true) {
          if (i >= t.size() || t[i] != '{') return std::nullopt;
          const size_t end = SkipComposite(t, i);
          if (end == npos) return std::nullopt;
          out.partnerships.emplace_back(i, end);
          i = SkipWs(t, end);
          if (i >= t.size()) return std::nullopt;
          if (t[i] == ',') {
            i = SkipWs(t, i + 1);
            continue;
          }
          if (t[i] != ']') return std::nullopt;
          out.close = i++;
          break;
        }
      }
    } else if (t[i] == '{' || t[i] == '[') {
      i = SkipComposite(t, i);
    } else if (t[i] == '"') {
      i = SkipString(t, i);
    } else {
      while (i < t.size() && t[i] != ',' && t[i] != '}' && !IsWs(t[i])) ++i;
    }
    if (i == npos) return std::nullopt;
    i = SkipWs(t, i);
    if (i >= t.size()) return std::nullopt;
    if (t[i] == '}') break;
    if (t[i] != ',') return std::nullopt;
    i = SkipWs(t, i + 1);
  }
  if (!found) return std::nullopt;
  return out;
}

}  // namespace kembar::store

#endif  // KEMBAR_STORE_BULK_IMPORT_H_
