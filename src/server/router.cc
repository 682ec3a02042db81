#include "server/router.h"

#include <algorithm>

namespace kembar::server {

std::optional<std::vector<std::string>> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  if (path.empty() || path[0] != '/') return std::nullopt;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(pos, slash - pos);
    if (seg.empty()) {
      if (slash == path.size()) break;  // "/" or a trailing slash
      return std::nullopt;
    }
    out.push_back(std::move(seg));
    pos = slash + 1;
  }
  return out;
}

void Router::Add(std::string method, const std::string& pattern, Access access, Handler handler) {
  Route r{std::move(method), pattern, SplitPath(pattern).value_or(std::vector<std::string>{}),
          access, std::move(handler)};
  routes_.push_back(std::move(r));
}

bool Router::Matches(const Route& route, const std::vector<std::string>& segments,
                     std::map<std::string, std::string>* params, int* literals) {
  if (route.segments.size() != segments.size()) return false;
  params->clear();
  *literals = 0;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& p = route.segments[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      auto decoded = PercentDecode(segments[i]);
      if (!decoded || decoded->empty()) return false;
      (*params)[p.substr(1, p.size() - 2)] = *decoded;
    } else if (p == segments[i]) {
      ++*literals;
    } else {
      return false;
    }
  }
  return true;
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  auto segments = SplitPath(path);
  if (!segments) return m;
  int best = -1;
  std::vector<std::string> allowed;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    int literals = 0;
    if (!Matches(r, *segments, &params, &literals)) continue;
    if (r.method != method && !(method == "HEAD" && r.method == "GET")) {
      if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end()) {
        allowed.push_back(r.method);
      }
      continue;
    }
    if (literals > best) {
      best = literals;
      m.kind = Match::Kind::kFound;
      m.handler = &r.handler;
      m.access = r.access;
      m.params = std::move(params);
      m.pattern = r.pattern;
    }
  }
  if (m.kind == Match::Kind::kFound || allowed.empty()) return m;
  m.kind = Match::Kind::kMethodNotAllowed;
  for (const std::string& a : allowed) m.allow += (m.allow.empty() ? "" : ", ") + a;
  return m;
}

std::vector<std::string> Router::Describe() const {
  std::vector<std::string> out;
  for (const Route& r : routes_) out.push_back(r.method + " " + r.pattern);
  return out;
}

}  // namespace kembar::server
