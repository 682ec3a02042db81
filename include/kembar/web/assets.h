// The web application (web/, issue 12), built at build time by Vite and compiled
// into the binary (cmake/web.cmake): every file of its dist/ directory with its path,
// content type, bytes, gzip form and ETag. `kembar serve` answers non-/api paths from
// here; docs/web.md says how (SPA fallback, cache headers, gzip).
#ifndef KEMBAR_WEB_ASSETS_H_
#define KEMBAR_WEB_ASSETS_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace kembar::web {

struct Asset {
  std::string_view path;          // "/index.html", "/assets/index-UBoeKsY1.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  const unsigned char* data;      // the file's bytes (followed by a NUL, not counted)
  size_t size;
  const unsigned char* gzip_data;  // the same, gzip-compressed; nullptr when not smaller
  size_t gzip_size;
  std::string_view etag;  // a strong ETag with its quotes: "\"<32 hex of SHA-256>\""
  bool immutable;         // a content-hashed name under /assets/: cacheable forever

  std::string_view bytes() const { return {reinterpret_cast<const char*>(data), size}; }
  std::string_view gzip_bytes() const {
    return gzip_data ? std::string_view(reinterpret_cast<const char*>(gzip_data), gzip_size)
                     : std::string_view();
  }
};

// Every embedded file, sorted by path.
std::span<const Asset> Assets();

// The file at exactly `path` ("/index.html"), or nullptr. "/" is not a file.
const Asset* FindAsset(std::string_view path);

// The file to answer a GET of `path` (without its query string) with: the file
// itself; index.html for "/" and for any other path the app routes itself
// ("/partnerships/surabaya-liverpool"); nullptr for /api paths and for missing files
// under /assets/ (a stale hashed name must be a 404, not HTML served as a script).
const Asset* ResolveAsset(std::string_view path);

// The Cache-Control value for `asset`: hashed files "public, max-age=31536000,
// immutable"; index.html and the other unhashed files "no-cache" (revalidated with
// the ETag, so a new kembar is picked up at once).
std::string_view CacheControl(const Asset& asset);

// One HTTP answer for the app, whatever the server's HTTP library: what
// `kembar serve` needs to serve the embedded app at `/` (docs/web.md).
struct StaticRequest {
  std::string_view method;           // "GET", "HEAD", ...
  std::string_view path;             // without the query string, still percent-encoded
  std::string_view if_none_match;    // the If-None-Match header, or ""
  std::string_view accept_encoding;  // the Accept-Encoding header, or ""
};

struct StaticResponse {
  int status = 200;              // 200, 304, 404 (no such file), 405 (not GET or HEAD)
  const Asset* asset = nullptr;  // the file answered with (200 and 304)
  std::string_view body;         // the bytes to send: gzip form when `gzip`; empty for
                                 // HEAD, 304, 404 and 405 (the server writes its own error)
  size_t content_length = 0;     // of the full answer, also for HEAD
  bool gzip = false;             // body is the gzip form: Content-Encoding: gzip
  // Content-Type, ETag, Cache-Control, Vary, Content-Encoding, Allow as they apply.
  std::vector<std::pair<std::string_view, std::string_view>> headers;
};

// The answer to `request`, or nullopt for /api paths (the API's own). A 304 when
// If-None-Match names the file's ETag (or is "*"); the gzip form when Accept-Encoding
// allows gzip (not "gzip;q=0") and the file has one.
std::optional<StaticResponse> ServeStatic(const StaticRequest& request);

}  // namespace kembar::web

#endif  // KEMBAR_WEB_ASSETS_H_
