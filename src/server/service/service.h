// What every service (one class per endpoint, as OSRM's src/server/service/) works
// with: the facade, the accounts, the login throttle, and the request context the
// API fills before a handler runs (route parameters, the authenticated user).
#ifndef KEMBAR_SERVER_SERVICE_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_SERVICE_H_

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kembar/kembar.h"
#include "server/accounts.h"
#include "server/http.h"
#include "server/throttle.h"

namespace kembar::server {

// Settings the services need.
struct ServiceOptions {
  int64_t session_lifetime_s = 12 * 3600;
  bool secure_cookies = false;  // add "Secure" to the session cookie (behind TLS)
};

// The shared state of the services; outlives every request.
struct ServiceEnv {
  Kembar* kembar = nullptr;
  std::mutex* kembar_mu = nullptr;  // serialises facade calls (null: none)
  AccountStore* accounts = nullptr;
  LoginThrottle* throttle = nullptr;
  Clock clock;  // Unix seconds
  ServiceOptions options;

  // Runs `f(Kembar&)` under kembar_mu.
  template <typename F>
  auto WithKembar(F&& f) const {
    if (!kembar_mu) return f(*kembar);
    std::lock_guard lock(*kembar_mu);
    return f(*kembar);
  }
};

// One request as a handler sees it.
struct RequestContext {
  const HttpRequest& request;
  std::map<std::string, std::string> params;  // route captures, decoded
  std::optional<Authenticated> auth;          // set on routes that need a login
  std::string user_name;                      // for the access log; empty when anonymous

  // The error response for this request.
  HttpResponse Error(const ApiError& error) const { return ErrorResponse(error, request.path); }
  // The error response for a non-ok Status, in the caller's language.
  HttpResponse Error(const Status& status) const { return Error(ErrorFromStatus(status, lang())); }
  // 400 invalid_input about the request member or query parameter `field`, with the
  // message in the caller's language.
  HttpResponse BadParam(const std::string& field, const std::string& en,
                        const std::string& id) const {
    return Error(BadRequest(lang() == Lang::kId ? id : en, field));
  }
  // The audit actor: the user's name and the client's address.
  Actor actor() const { return {auth ? auth->user.name : std::string(), request.remote}; }
  // The caller's language: ?lang=id|en, else the user's preference, else the
  // browser's (Accept-Language starting with "id"), else English.
  Lang lang() const;
  // The user as the engine's principal: named, with the client's address and the
  // role and region-scope checks run inside each write's transaction.
  store::Principal principal() const;
};

// The user as the API shows it (no secrets).
nlohmann::json UserJson(const User& user);

// Reads an optional string member; InvalidInput (naming `key`) when it is not a string.
Result<std::optional<std::string>> OptString(const nlohmann::json& body, const std::string& key);
// Reads an optional array of strings.
Result<std::optional<std::vector<std::string>>> OptStrings(const nlohmann::json& body,
                                                           const std::string& key);
// The request body as a JSON object: InvalidInput naming the line and column of a
// syntax error, or saying that it is not an object.
Result<nlohmann::json> ParseObject(const HttpRequest& request);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_SERVICE_H_
