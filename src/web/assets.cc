#include "kembar/web/assets.h"

#include <algorithm>

namespace kembar::web {

const Asset* FindAsset(std::string_view path) {
  std::span<const Asset> all = Assets();
  auto it = std::lower_bound(all.begin(), all.end(), path,
                             [](const Asset& a, std::string_view p) { return a.path < p; });
  if (it == all.end() || it->path != path) return nullptr;
  return &*it;
}

const Asset* ResolveAsset(std::string_view path) {
  if (path == "/api" || path.starts_with("/api/")) return nullptr;
  if (const Asset* a = FindAsset(path)) return a;
  if (path.starts_with("/assets/")) return nullptr;
  return FindAsset("/index.html");
}

std::string_view CacheControl(const Asset& asset) {
  return asset.immutable ? "public, max-age=31536000, immutable" : "no-cache";
}

}  // namespace kembar::web
