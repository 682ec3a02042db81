// Parse-and-validate and import throughput on generated dossiers of growing size.
// Inputs: $KEMBAR_BENCH_DIR/dossier-<N>.json, made by bench/gen_dossier.py (see
// bench/run_import_bench.sh). Reported: MB/s and partnerships/s per size, so the
// growth of cost with size can be read off.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kembar/io/dossier_reader.h"
#include "kembar/kembar.h"

namespace {

std::string BenchDir() {
  const char* d = std::getenv("KEMBAR_BENCH_DIR");
  return d ? d : "/tmp/kembar-bench";
}

std::string InputPath(int64_t n) { return BenchDir() + "/dossier-" + std::to_string(n) + ".json"; }

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// In-process: the bytes are in memory; time the parse, schema and semantic checks
// and the construction of the model.
void BM_ParseValidate(benchmark::State& state) {
  const std::string text = Slurp(InputPath(state.range(0)));
  if (text.empty()) {
    state.SkipWithError("input missing: run bench/run_import_bench.sh");
    return;
  }
  kembar::io::DossierReader reader;
  for (auto _ : state) {
    kembar::Dossier d;
    auto report = reader.Read(text, &d);
    if (!report.ok()) state.SkipWithError(report.ToStatus().message().c_str());
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ParseValidate)->Arg(10000)->Arg(30000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Whole import from the file into a fresh SQLite database (one transaction).
void BM_Import(benchmark::State& state) {
  const std::string input = InputPath(state.range(0));
  if (!std::filesystem::exists(input)) {
    state.SkipWithError("input missing: run bench/run_import_bench.sh");
    return;
  }
  const int64_t bytes = static_cast<int64_t>(std::filesystem::file_size(input));
  const std::string db = BenchDir() + "/bench-import.db";
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    kembar::KembarOptions options;
    options.db_path = db;
    auto k = kembar::Kembar::Open(options);
    state.ResumeTiming();
    auto stats = (*k)->ImportFile(input);
    if (!stats.ok()) state.SkipWithError(stats.status().message().c_str());
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Import)->Arg(10000)->Arg(30000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(3);

}  // namespace

BENCHMARK_MAIN();
