// The reports' own cost over a stored database (issue 13: "the time to render the
// national report over the 100k-partnership benchmark database"): what the server
// spends on GET /api/reports/national once its assessment snapshot is warm, and what
// one partnership's report card and a region's annual report cost.
//
//   report_bench DB [--runs N] [--as-of YYYY-MM-DD]
//
// Loads and assesses DB once (Kembar::AssessAll, timed apart), then per run: the
// national document built (NationalReport) and rendered to PDF, XLSX, HTML and
// Markdown; the first partnership's card to PDF; the region with most partnerships'
// annual report to PDF. Prints one JSON line of medians in milliseconds and the
// output sizes in bytes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kembar/kembar.h"
#include "kembar/report/document.h"
#include "kembar/report/reports.h"

namespace {

using SteadyClock = std::chrono::steady_clock;

double Ms(SteadyClock::time_point a, SteadyClock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kembar;
  if (argc < 2) {
    std::fprintf(stderr, "usage: report_bench DB [--runs N] [--as-of YYYY-MM-DD]\n");
    return 2;
  }
  int runs = 3;
  std::string as_of_text = "2023-12-31";
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--as-of") == 0) as_of_text = argv[i + 1];
  }
  KembarOptions options;
  options.db_path = argv[1];
  auto k = Kembar::Open(options);
  if (!k.ok()) {
    std::fprintf(stderr, "%s\n", k.status().ToString().c_str());
    return 1;
  }
  const Day as_of = *ParseDay(as_of_text);
  AssessOptions assess;
  assess.as_of = as_of;
  auto t0 = SteadyClock::now();
  auto snapshot = (*k)->AssessAll(assess);
  auto t1 = SteadyClock::now();
  if (!snapshot.ok()) {
    std::fprintf(stderr, "%s\n", snapshot.status().ToString().c_str());
    return 1;
  }
  const AssessReport& all = (*snapshot)->report;
  const report::ReportContext ctx{as_of, as_of, Lang::kId};
  // The region with most partnerships, and its assessments.
  std::map<std::string, size_t> per_region;
  for (const auto& a : all.assessments) ++per_region[a.home];
  std::string region;
  size_t most = 0;
  for (const auto& [id, n] : per_region) {
    if (n > most) most = n, region = id;
  }
  std::vector<assess::PartnershipAssessment> mine;
  for (const auto& a : all.assessments) {
    if (a.home == region) mine.push_back(a);
  }

  std::map<std::string, std::vector<double>> ms;
  std::map<std::string, size_t> bytes;
  for (int run = 0; run < runs; ++run) {
    auto a = SteadyClock::now();
    const report::Document doc = report::NationalReport(all.dossier, all.assessments, ctx);
    auto b = SteadyClock::now();
    ms["national_build"].push_back(Ms(a, b));
    for (auto [name, format] : {std::pair{"pdf", report::ReportFormat::kPdf}, std::pair{"xlsx", report::ReportFormat::kXlsx},
                                std::pair{"html", report::ReportFormat::kHtml}, std::pair{"md", report::ReportFormat::kMarkdown}}) {
      auto c = SteadyClock::now();
      auto out = report::Render(doc, format);
      auto d = SteadyClock::now();
      ms[std::string("national_") + name].push_back(Ms(c, d));
      bytes[std::string("national_") + name] = out.ok() ? out->size() : 0;
    }
    auto e = SteadyClock::now();
    auto card = report::Render(report::PartnershipReport(all.dossier, all.assessments.front(), ctx), report::ReportFormat::kPdf);
    auto f = SteadyClock::now();
    ms["card_pdf"].push_back(Ms(e, f));
    bytes["card_pdf"] = card.ok() ? card->size() : 0;
    auto g = SteadyClock::now();
    auto annual = report::Render(report::RegionReport(all.dossier, mine, region, 2023, ctx), report::ReportFormat::kPdf);
    auto h = SteadyClock::now();
    ms["annual_pdf"].push_back(Ms(g, h));
    bytes["annual_pdf"] = annual.ok() ? annual->size() : 0;
  }
  nlohmann::json out = {{"db", argv[1]},
                        {"partnerships", all.assessments.size()},
                        {"runs", runs},
                        {"assess_all_ms", Ms(t0, t1)},
                        {"annual_region", region},
                        {"annual_partnerships", mine.size()}};
  for (const auto& [name, v] : ms) out[name + "_ms"] = Median(v);
  for (const auto& [name, n] : bytes) out[name + "_bytes"] = n;
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
