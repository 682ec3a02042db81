// Assessment throughput: assess every partnership of a generated dossier (about 20
// events each by default), as `kembar status` does for a national deployment.
//
//   assess_bench FILE [--as-of YYYY-MM-DD] [--runs N]
//
// Loads FILE once (not timed), then times AssessDossier over all partnerships N times
// and prints one JSON line: partnerships, events, load_s, assess_median_s,
// assess_min_s, per_partnership_us, rss_model_mb (after loading) and
// assess_peak_extra_mb (peak RSS growth while assessing, beyond the loaded model).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/io/dossier_reader.h"

namespace {

long ReadStatusKb(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::strlen(key)));
  }
  return -1;
}

// Resets the kernel's peak-RSS mark (VmHWM) to the current RSS (Linux >= 4.0).
void ResetPeak() {
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: assess_bench FILE [--as-of YYYY-MM-DD] [--runs N]\n");
    return 2;
  }
  std::string file = argv[1], as_of_text = "2024-06-30";
  int runs = 5;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--as-of") == 0) as_of_text = argv[i + 1];
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::atoi(argv[i + 1]);
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  kembar::io::ReadOptions ro;
  ro.max_bytes = size_t{4} << 30;
  kembar::io::DossierReader reader(ro);
  kembar::Dossier d;
  auto report = reader.ReadFile(file, &d);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.ToStatus().message().c_str());
    return 2;
  }
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  size_t events = 0;
  for (const auto& p : d.partnerships) events += p.events.size();
  const kembar::Day as_of = kembar::ParseDay(as_of_text).value();

  const long rss_model = ReadStatusKb("VmRSS:");
  ResetPeak();
  std::vector<double> times;
  size_t at_risk = 0;
  for (int r = 0; r < runs; ++r) {
    kembar::geo::TimeZones zones;
    kembar::assess::Context ctx;
    ctx.relations = &kembar::geo::Relations::Bundled();
    ctx.time_zones = &zones;
    const auto t = Clock::now();
    auto out = kembar::assess::AssessDossier(d, as_of, ctx);
    times.push_back(std::chrono::duration<double>(Clock::now() - t).count());
    at_risk = static_cast<size_t>(std::count_if(out.begin(), out.end(), [](const auto& a) {
      return a.condition == kembar::assess::Condition::kAtRisk;
    }));
  }
  const long peak = ReadStatusKb("VmHWM:");
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  std::printf(
      "{\"file\":\"%s\",\"partnerships\":%zu,\"events\":%zu,\"load_s\":%.3f,"
      "\"assess_median_s\":%.4f,\"assess_min_s\":%.4f,\"per_partnership_us\":%.2f,"
      "\"rss_model_mb\":%.1f,\"assess_peak_extra_mb\":%.1f,\"at_risk\":%zu}\n",
      file.c_str(), d.partnerships.size(), events, load_s, median, times.front(),
      median * 1e6 / static_cast<double>(d.partnerships.size()), rss_model / 1024.0,
      (peak - rss_model) / 1024.0, at_risk);
  return 0;
}
