// The web application as compiled into the binary (kembar::web, cmake/web.cmake):
// index.html is there, loads only local scripts, no embedded file points at the
// internet, and the first-load JavaScript stays under 300 KB gzipped (issue 12).
#include "kembar/web/assets.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <iostream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace kembar::web {
namespace {

std::string Gzip(std::string_view in) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, in.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Gunzip(std::string_view in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END);
  inflateEnd(&z);
  return out;
}

bool IsText(const Asset& a) {
  const std::string_view t = a.content_type;
  return t.starts_with("text/") || t.find("json") != t.npos || t.find("svg") != t.npos;
}

// `text` without /* ... */ and <!-- ... --> comments (licences live there).
std::string WithoutComments(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "/*") == 0) {
      size_t end = text.find("*/", i + 2);
      i = end == text.npos ? text.size() : end + 2;
    } else if (text.compare(i, 4, "<!--") == 0) {
      size_t end = text.find("-->", i + 4);
      i = end == text.npos ? text.size() : end + 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// The scripts index.html loads at once: module entries and their modulepreloads.
std::vector<std::string> EntryScripts(const std::string& html) {
  std::vector<std::string> out;
  static const std::regex script(R"re(<script\b[^>]*\bsrc="([^"]+)")re");
  static const std::regex preload(R"re(<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)")re");
  for (const std::regex* re : {&script, &preload}) {
    for (std::sregex_iterator it(html.begin(), html.end(), *re), end; it != end; ++it) {
      out.push_back((*it)[1]);
    }
  }
  return out;
}

TEST(WebAssets, IndexHtmlIsEmbeddedAndServedForAppPaths) {
  const Asset* index = FindAsset("/index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_NE(index->bytes().find("<div id=\"app\">"), std::string_view::npos);
  EXPECT_FALSE(index->immutable);
  EXPECT_EQ(CacheControl(*index), "no-cache");
  EXPECT_EQ(ResolveAsset("/"), index);
  EXPECT_EQ(ResolveAsset("/partnerships/surabaya-liverpool"), index);
  EXPECT_EQ(ResolveAsset("/api/partnerships"), nullptr);
  EXPECT_EQ(ResolveAsset("/api"), nullptr);
  EXPECT_EQ(ResolveAsset("/assets/index-00000000.js"), nullptr);
  EXPECT_EQ(FindAsset("/"), nullptr);
}

TEST(WebAssets, TableIsSortedWithTypesEtagsAndGzip) {
  std::span<const Asset> all = Assets();
  ASSERT_GE(all.size(), 3u);
  std::set<std::string_view> etags;
  for (size_t i = 0; i < all.size(); ++i) {
    const Asset& a = all[i];
    SCOPED_TRACE(std::string(a.path));
    if (i > 0) {
      EXPECT_LT(all[i - 1].path, a.path);
    }
    EXPECT_EQ(FindAsset(a.path), &a);
    EXPECT_TRUE(a.path.starts_with("/"));
    EXPECT_FALSE(a.content_type.empty());
    EXPECT_EQ(a.etag.size(), 34u);
    EXPECT_TRUE(etags.insert(a.etag).second);
    EXPECT_EQ(a.data[a.size], 0);
    if (a.gzip_data) {
      EXPECT_LT(a.gzip_size, a.size);
      EXPECT_EQ(Gunzip(a.gzip_bytes()), a.bytes());
    }
    if (a.path.starts_with("/assets/")) {
      EXPECT_TRUE(a.immutable);
      EXPECT_EQ(CacheControl(a), "public, max-age=31536000, immutable");
    }
  }
}

TEST(WebAssets, IndexHtmlLoadsOnlyLocalScripts) {
  const std::string html(FindAsset("/index.html")->bytes());
  std::vector<std::string> scripts = EntryScripts(html);
  ASSERT_FALSE(scripts.empty()) << html;
  for (const std::string& src : scripts) {
    EXPECT_TRUE(src.starts_with("/") && !src.starts_with("//")) << src;
    const Asset* a = FindAsset(src);
    ASSERT_NE(a, nullptr) << src;
    EXPECT_EQ(a->content_type, "text/javascript; charset=utf-8");
  }
  static const std::regex any_ref(R"re(\b(?:src|href)="([^"]+)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), any_ref), end; it != end; ++it) {
    const std::string ref = (*it)[1];
    EXPECT_TRUE(ref.starts_with("/") && !ref.starts_with("//")) << ref;
    EXPECT_NE(FindAsset(ref), nullptr) << ref;
  }
  EXPECT_EQ(html.find("<script>"), std::string::npos) << "inline script: the CSP forbids it";
  EXPECT_EQ(html.find(" style="), std::string::npos) << "inline style: the CSP forbids it";
}

TEST(WebAssets, NothingPointsAtTheInternet) {
  // XML namespace names are identifiers that are never fetched (the DOM needs the SVG
  // one to create SVG elements); every other http(s) URL outside comments is refused.
  static const std::set<std::string> kNamespaces = {
      "http://www.w3.org/2000/svg",    "http://www.w3.org/1999/xhtml",
      "http://www.w3.org/1999/xlink",  "http://www.w3.org/XML/1998/namespace",
      "http://www.w3.org/2000/xmlns/", "http://www.w3.org/1998/Math/MathML",
  };
  static const std::regex url(R"re(https?://[^\s"'`)<>\\]*)re");
  for (const Asset& a : Assets()) {
    if (!IsText(a)) continue;
    const std::string text = WithoutComments(a.bytes());
    for (std::sregex_iterator it(text.begin(), text.end(), url), end; it != end; ++it) {
      std::string found = (*it)[0];
      std::string bare = found;
      while (!bare.empty() && (bare.back() == ',' || bare.back() == ';')) bare.pop_back();
      EXPECT_TRUE(kNamespaces.count(bare)) << a.path << " contains " << found;
    }
  }
}

TEST(WebAssets, FirstLoadJavaScriptUnder300KBGzipped) {
  const std::string html(FindAsset("/index.html")->bytes());
  size_t raw = 0, gzipped = 0;
  for (const std::string& src : EntryScripts(html)) {
    const Asset* a = FindAsset(src);
    ASSERT_NE(a, nullptr) << src;
    raw += a->size;
    gzipped += Gzip(a->bytes()).size();
  }
  size_t all_js = 0;
  for (const Asset& a : Assets()) {
    if (a.content_type.starts_with("text/javascript")) all_js += Gzip(a.bytes()).size();
  }
  std::cout << "first-load JavaScript: " << raw << " bytes, " << gzipped
            << " gzipped; all JavaScript chunks: " << all_js << " gzipped\n";
  RecordProperty("first_load_js_gzip_bytes", static_cast<int>(gzipped));
  EXPECT_GT(gzipped, 0u);
  EXPECT_LT(gzipped, 300u * 1024u);
}

std::string_view Header(const StaticResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return {};
}

TEST(WebAssets, ServeStaticAnswersAsDocsWebMdSays) {
  const Asset* index = FindAsset("/index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_FALSE(ServeStatic({"GET", "/api/partnerships", "", ""}).has_value());

  auto page = ServeStatic({"GET", "/partnerships/surabaya-liverpool", "", "gzip, deflate, br"});
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->asset, index);
  EXPECT_EQ(Header(*page, "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(*page, "ETag"), index->etag);
  EXPECT_EQ(Header(*page, "Content-Type"), "text/html; charset=utf-8");
  if (index->gzip_data) {
    EXPECT_TRUE(page->gzip);
    EXPECT_EQ(Header(*page, "Content-Encoding"), "gzip");
    EXPECT_EQ(Header(*page, "Vary"), "Accept-Encoding");
    EXPECT_EQ(Gunzip(page->body), index->bytes());
  }

  auto plain = ServeStatic({"GET", "/", "", "gzip;q=0, identity"});
  EXPECT_FALSE(plain->gzip);
  EXPECT_EQ(plain->body, index->bytes());
  EXPECT_EQ(Header(*plain, "Content-Encoding"), "");
  EXPECT_FALSE(ServeStatic({"GET", "/", "", ""})->gzip);
  EXPECT_FALSE(ServeStatic({"GET", "/", "", "*;q=0"})->gzip);

  auto head = ServeStatic({"HEAD", "/", "", ""});
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->content_length, index->size);

  std::string tags = "\"other\", W/" + std::string(index->etag);
  auto cached = ServeStatic({"GET", "/", tags, "gzip"});
  EXPECT_EQ(cached->status, 304);
  EXPECT_TRUE(cached->body.empty());
  EXPECT_EQ(Header(*cached, "ETag"), index->etag);
  EXPECT_EQ(ServeStatic({"GET", "/", "\"other\"", ""})->status, 200);

  EXPECT_EQ(ServeStatic({"GET", "/assets/index-00000000.js", "", ""})->status, 404);
  auto post = ServeStatic({"POST", "/", "", ""});
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(Header(*post, "Allow"), "GET, HEAD");

  for (const Asset& a : Assets()) {
    if (!a.immutable) continue;
    auto r = ServeStatic({"GET", a.path, "", "gzip"});
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->asset, &a);
    EXPECT_EQ(Header(*r, "Cache-Control"), "public, max-age=31536000, immutable");
  }
}

}  // namespace
}  // namespace kembar::web
