// Latency of one event edit through the facade, in process (issue 10: p50 under 5 ms
// on a 100k-partnership database): each run changes the title of a random event of a
// random partnership (export of that partnership, validation by the import's rules,
// one transaction with its change record).
//
//   edit_bench DB [--edits N]     DB: a database made by `kembar import` (kept unchanged
//                                 but for the edited titles and the change log)
// Prints one JSON line: {"db", "partnerships", "edits", "p50_ms", "p90_ms", "p99_ms", "max_ms"}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "kembar/kembar.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: edit_bench DB [--edits N]\n");
    return 2;
  }
  size_t edits = 200;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--edits") == 0) edits = std::stoul(argv[i + 1]);
  }
  kembar::KembarOptions options;
  options.db_path = argv[1];
  auto k = kembar::Kembar::Open(options);
  if (!k.ok()) {
    std::fprintf(stderr, "%s\n", k.status().message().c_str());
    return 1;
  }
  auto rows = (*k)->List({});
  if (!rows.ok() || rows->empty()) return 1;
  std::vector<std::string> with_events;
  for (const auto& r : *rows) {
    if (r.events > 0) with_events.push_back(r.id);
  }
  std::mt19937 rng(7);
  std::vector<double> ms;
  for (size_t i = 0; i < edits; ++i) {
    const std::string& pid = with_events[rng() % with_events.size()];
    kembar::store::Selection sel;
    sel.partnership_id = pid;
    auto d = (*k)->Export(sel);  // not timed: choosing an event id
    if (!d.ok()) return 1;
    const auto& events = d->partnerships.front().events;
    const std::string event_id = *events[rng() % events.size()].id;
    kembar::EventEdit edit;
    edit.op = kembar::EventEdit::Op::kEdit;
    edit.partnership_id = pid;
    edit.event_id = event_id;
    edit.event_json = "{\"title\": \"edited " + std::to_string(i) + "\"}";
    edit.actor.name = "bench";
    const auto t0 = std::chrono::steady_clock::now();
    auto r = (*k)->EditEvent(edit);
    const auto t1 = std::chrono::steady_clock::now();
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().message().c_str());
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[static_cast<size_t>(q * static_cast<double>(ms.size() - 1))]; };
  std::printf(
      "{\"db\":\"%s\",\"partnerships\":%zu,\"edits\":%zu,\"p50_ms\":%.2f,\"p90_ms\":%.2f,"
      "\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
      argv[1], rows->size(), edits, at(0.5), at(0.9), at(0.99), ms.back());
  return 0;
}
