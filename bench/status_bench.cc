// Latency of GET /api/status through the API in process (the issue: "the national and
// regional dashboards are served from an in-memory snapshot refreshed when data
// changes, p50 under 50 ms on a 100k-partnership database").
//
//   status_bench DB [--runs N] [--warm N]
//     DB: a database made by `kembar import` (kept unchanged but for one event edit
//     per run and the accounts tables).
//
// Per run, a fresh Kembar and Api over DB (an empty snapshot cache, as after a
// server start): the first GET /api/status?by=province (computes the snapshot), then
// `warm` GETs of the same (served from it), then ?by=country, then one event edit
// and the GET after it (the refresh). Prints one JSON line: {"db","partnerships",
// "runs","first_ms" (median of the runs), "warm_p50_ms","warm_p90_ms","warm_max_ms"
// (over every warm GET of every run),"by_country_ms","after_edit_ms"}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kembar/kembar.h"
#include "server/api.h"

namespace {

using SteadyClock = std::chrono::steady_clock;

double Ms(SteadyClock::time_point a, SteadyClock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kembar;
  using namespace kembar::server;
  if (argc < 2) {
    std::fprintf(stderr, "usage: status_bench DB [--runs N] [--warm N]\n");
    return 2;
  }
  int runs = 3, warm = 50;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--warm") == 0) warm = std::stoi(argv[i + 1]);
  }
  const std::string db = argv[1];
  const std::string password = "bench password 1234";
  std::vector<double> first, warm_ms, by_country, after_edit;
  size_t partnerships = 0;
  for (int run = 0; run < runs; ++run) {
    KembarOptions options;
    options.db_path = db;
    auto k = Kembar::Open(options);
    if (!k.ok()) {
      std::fprintf(stderr, "%s\n", k.status().message().c_str());
      return 1;
    }
    auto accounts = AccountStore::Open(db, {});
    if (!accounts.ok()) return 1;
    (void)(*accounts)->CreateUser({"bench", Role::kViewer, {}, password, "en"}, {"bench", ""});
    Api api(**k, **accounts, {});
    auto call = [&](const std::string& method, const std::string& target, const std::string& body,
                    const std::string& token) {
      HttpRequest r;
      r.method = method;
      r.target = target;
      ParseTarget(target, &r.path, &r.query);
      if (!token.empty()) r.headers["authorization"] = "Bearer " + token;
      r.body = body;
      r.remote = "127.0.0.1";
      return api.Handle(r);
    };
    HttpResponse login =
        call("POST", "/api/session",
             nlohmann::json{{"username", "bench"}, {"password", password}}.dump(), "");
    if (login.status != 200) {
      std::fprintf(stderr, "login: %s\n", login.body.c_str());
      return 1;
    }
    const std::string token = nlohmann::json::parse(login.body)["token"];
    const std::string target = "/api/status?by=province&as_of=2024-06-30";
    auto timed = [&](const std::string& t) {
      const auto t0 = SteadyClock::now();
      HttpResponse r = call("GET", t, "", token);
      const auto t1 = SteadyClock::now();
      if (r.status != 200) {
        std::fprintf(stderr, "%s: %d %s\n", t.c_str(), r.status, r.body.substr(0, 300).c_str());
        std::exit(1);
      }
      partnerships = nlohmann::json::parse(r.body)["total"];
      return Ms(t0, t1);
    };
    first.push_back(timed(target));
    for (int i = 0; i < warm; ++i) warm_ms.push_back(timed(target));
    by_country.push_back(timed("/api/status?by=country&as_of=2024-06-30"));
    // One change: the next GET recomputes the snapshot.
    auto rows = (*k)->ListPage({});
    if (!rows.ok() || rows->items.empty()) return 1;
    EventEdit edit;
    edit.partnership_id = rows->items.front().id;
    edit.event_json = R"({"type":"visit","date":"2024-05-0)" + std::to_string(run + 1) +
                      R"(","title":"status_bench"})";
    edit.actor.name = "bench";
    if (auto e = (*k)->EditEvent(edit); !e.ok()) {
      std::fprintf(stderr, "edit: %s\n", e.status().message().c_str());
      return 1;
    }
    after_edit.push_back(timed(target));
  }
  std::printf(
      "{\"db\":\"%s\",\"partnerships\":%zu,\"runs\":%d,\"first_ms\":%.1f,\"warm_p50_ms\":%.2f,"
      "\"warm_p90_ms\":%.2f,\"warm_max_ms\":%.2f,\"by_country_ms\":%.2f,\"after_edit_ms\":%.1f}\n",
      db.c_str(), partnerships, runs, Quantile(first, 0.5), Quantile(warm_ms, 0.5),
      Quantile(warm_ms, 0.9), Quantile(warm_ms, 1.0), Quantile(by_country, 0.5),
      Quantile(after_edit, 0.5));
  return 0;
}
