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

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Calls f(item) for each comma-separated item of a header value, trimmed.
template <typename F>
void ForEachItem(std::string_view value, F f) {
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view item = Trim(value.substr(0, comma));
    if (!item.empty()) f(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

// If-None-Match: "*" or a list of (possibly weak, W/"...") entity tags.
bool MatchesEtag(std::string_view if_none_match, std::string_view etag) {
  bool match = false;
  ForEachItem(if_none_match, [&](std::string_view tag) {
    if (tag == "*") match = true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) match = true;
  });
  return match;
}

// Accept-Encoding allows gzip: "gzip" (or "x-gzip", or "*") with a q-value above 0.
bool AcceptsGzip(std::string_view accept_encoding) {
  bool gzip = false, gzip_named = false, star = false;
  ForEachItem(accept_encoding, [&](std::string_view item) {
    std::string_view coding = Trim(item.substr(0, item.find(';')));
    bool refused = false;
    if (size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = Trim(item.substr(semi + 1));
      if (param.starts_with("q=") || param.starts_with("Q=")) {
        std::string_view q = param.substr(2);
        refused = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (EqualsNoCase(coding, "gzip") || EqualsNoCase(coding, "x-gzip")) {
      gzip_named = true;
      gzip = !refused;
    } else if (coding == "*") {
      star = !refused;
    }
  });
  return gzip_named ? gzip : star;
}

}  // namespace

std::optional<StaticResponse> ServeStatic(const StaticRequest& request) {
  if (request.path == "/api" || request.path.starts_with("/api/")) return std::nullopt;
  StaticResponse r;
  if (request.method != "GET" && request.method != "HEAD") {
    r.status = 405;
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  const Asset* a = ResolveAsset(request.path);
  if (!a) {
    r.status = 404;
    return r;
  }
  r.asset = a;
  r.headers.emplace_back("ETag", a->etag);
  r.headers.emplace_back("Cache-Control", CacheControl(*a));
  if (a->gzip_data) r.headers.emplace_back("Vary", "Accept-Encoding");
  if (MatchesEtag(request.if_none_match, a->etag)) {
    r.status = 304;
    return r;
  }
  r.headers.emplace_back("Content-Type", a->content_type);
  r.gzip = a->gzip_data && AcceptsGzip(request.accept_encoding);
  if (r.gzip) r.headers.emplace_back("Content-Encoding", "gzip");
  std::string_view body = r.gzip ? a->gzip_bytes() : a->bytes();
  r.content_length = body.size();
  if (request.method == "GET") r.body = body;
  return r;
}

}  // namespace kembar::web
