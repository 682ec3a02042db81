// The API the HTTP fuzzers call, without sockets: a database in a scratch directory
// holding one small dossier (two regions, one partnership) and an admin, a session
// token for that admin, and a fresh copy of the database every few thousand inputs, so
// that what fuzzed requests delete or add does not pile up.
#ifndef KEMBAR_TEST_FUZZ_FUZZ_API_H_
#define KEMBAR_TEST_FUZZ_FUZZ_API_H_

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "kembar/kembar.h"
#include "server/api.h"

namespace kembar::fuzz {

class FuzzApi {
 public:
  // The admin's password ("@TOKEN@" in an input is replaced by its session token).
  static constexpr const char* kPassword = "correct horse battery";

  FuzzApi() {
    spdlog::set_level(spdlog::level::off);  // the API logs its 500s; the fuzzer checks them
    const char* tmp = std::getenv("TMPDIR");
    dir_ =
        std::filesystem::path(tmp ? tmp : "/tmp") / ("kembar-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    template_ = (dir_ / "template.db").string();
    {
      KembarOptions o;
      o.db_path = template_;
      auto k = Kembar::Open(o);
      if (!k.ok()) Die(k.status().message());
      ImportParams p;
      p.file =
          std::string(KEMBAR_SOURCE_DIR) + "/test/fuzz/corpus/dossier/bundled_semarang_beihai.json";
      p.actor = {"local:fuzz", true};
      if (auto r = (*k)->Import(p); !r.ok()) Die(r.status().message());
      auto a = server::AccountStore::Open(template_, {});
      if (!a.ok()) Die(a.status().message());
      if (auto u =
              (*a)->CreateUser({"admin", server::Role::kAdmin, {}, kPassword, "en"}, {"fuzz", ""});
          !u.ok()) {
        Die(u.status().message());
      }
    }
    Reset();
  }

  ~FuzzApi() {
    api_.reset();
    accounts_.reset();
    kembar_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // Answers `request`; a fresh database every kResetEvery calls.
  server::HttpResponse Handle(const server::HttpRequest& request) {
    if (++calls_ % kResetEvery == 0) Reset();
    return api_->Handle(request);
  }

  const std::string& token() const { return token_; }

  // "@TOKEN@" in `text` replaced by the admin's session token.
  std::string WithToken(std::string text) const {
    for (size_t at = text.find("@TOKEN@"); at != std::string::npos;
         at = text.find("@TOKEN@", at + token_.size())) {
      text.replace(at, 7, token_);
    }
    return text;
  }

 private:
  static constexpr int kResetEvery = 5000;

  [[noreturn]] static void Die(const std::string& why) {
    std::fprintf(stderr, "fuzz setup: %s\n", why.c_str());
    std::abort();
  }

  void Reset() {
    api_.reset();
    accounts_.reset();
    kembar_.reset();
    const std::string db = (dir_ / "kembar.db").string();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(db + suffix, ec);
    }
    std::filesystem::copy_file(template_, db, ec);
    if (ec) Die(ec.message());
    KembarOptions o;
    o.db_path = db;
    auto k = Kembar::Open(o);
    if (!k.ok()) Die(k.status().message());
    kembar_ = std::move(*k);
    server::AccountStore::Options ao;
    ao.clock = [this] { return now_; };
    auto a = server::AccountStore::Open(db, ao);
    if (!a.ok()) Die(a.status().message());
    accounts_ = std::move(*a);
    server::Api::Options opts;
    opts.clock = [this] { return now_; };
    // Failed logins are throttled at once (no password hash per input), and the
    // anonymous rate limit always has a token (the clock jumps an hour per request).
    opts.throttle = {.per_user = 1, .per_address = 2, .window_s = 1'000'000'000};
    opts.monotonic_clock = [this] { return monotonic_ += 3600; };
    api_ = std::make_unique<server::Api>(*kembar_, *accounts_, opts);
    server::HttpRequest login;
    login.method = "POST";
    login.target = login.path = "/api/session";
    login.remote = "192.0.2.1";
    login.body = nlohmann::json{{"username", "admin"}, {"password", kPassword}}.dump();
    server::HttpResponse r = api_->Handle(login);
    if (r.status != 200) Die("login: " + r.body);
    token_ = nlohmann::json::parse(r.body).at("token").get<std::string>();
  }

  std::filesystem::path dir_;
  std::string template_;
  std::string token_;
  int64_t now_ = 1'800'000'000;
  double monotonic_ = 0;
  long calls_ = 0;
  std::unique_ptr<Kembar> kembar_;
  std::unique_ptr<server::AccountStore> accounts_;
  std::unique_ptr<server::Api> api_;
};

// A 500 is a bug (the API answers every request it can refuse with a 4xx); every API
// answer is JSON (or the calendar's iCalendar, or a report document).
inline bool AnswerIsSound(const server::HttpResponse& r) {
  if (r.status < 200 || r.status >= 600 || r.status >= 500) return false;
  if (r.content_type.starts_with("application/json") && !r.body.empty()) {
    return nlohmann::json::accept(r.body);
  }
  return true;
}

}  // namespace kembar::fuzz

#endif  // KEMBAR_TEST_FUZZ_FUZZ_API_H_
