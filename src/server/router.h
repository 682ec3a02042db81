// Maps a method and a path to a handler. Patterns are literal segments and
// `{name}` captures of one whole segment: "/api/partnerships/{id}".
#ifndef KEMBAR_SERVER_ROUTER_H_
#define KEMBAR_SERVER_ROUTER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/http.h"

namespace kembar::server {

struct RequestContext;

// Who may call a route (checked before its handler runs).
enum class Access {
  kPublic,  // no login
  kUser,    // any logged-in user (session or token)
  kAdmin,   // admins only
  kFeed,    // as kUser, or a calendar feed token in ?feed= (for calendar apps)
};

using Handler = std::function<HttpResponse(RequestContext&)>;

class Router {
 public:
  // Adds a route. `pattern` starts with '/'; a `{name}` segment matches any one
  // non-empty segment and is passed, percent-decoded, as params[name]. Literal
  // segments win over captures when both match.
  void Add(std::string method, const std::string& pattern, Access access, Handler handler);

  struct Match {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed } kind = Kind::kNotFound;
    const Handler* handler = nullptr;  // kFound
    Access access = Access::kUser;     // kFound
    std::map<std::string, std::string> params;
    std::string allow;    // kMethodNotAllowed: "GET, POST"
    std::string pattern;  // kFound: the route's pattern, for logs
  };

  // The route for `method` and the (still percent-encoded) `path`. A path that
  // matches routes of other methods only gives kMethodNotAllowed with their list.
  Match Find(const std::string& method, const std::string& path) const;

  // Every route as "METHOD pattern", in the order added (for docs and tests).
  std::vector<std::string> Describe() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" for a capture
    Access access;
    Handler handler;
  };
  // Whether `route` matches `segments`; fills `params`; `literals` counts literal hits.
  static bool Matches(const Route& route, const std::vector<std::string>& segments,
                      std::map<std::string, std::string>* params, int* literals);
  std::vector<Route> routes_;
};

// Splits a path on '/' ("/a/b" -> {"a","b"}); nullopt for an empty segment ("/a//b")
// other than a single trailing slash.
std::optional<std::vector<std::string>> SplitPath(const std::string& path);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_ROUTER_H_
