// Network analytics beside NetworkX (bench/networkx_peer.py does the same steps in
// Python; bench/run_network_bench.sh runs both and compares the answers).
//
//   network_bench prepare WIKIPEDIA_CSV OUT_DIR [--k 100] [--seed N]
//     Loads the Wikipedia pairs with kembar's normalisation and merging and writes
//     OUT_DIR/edges.csv, OUT_DIR/nodes.csv and OUT_DIR/sources.txt (k node indices,
//     one per line: the shared betweenness sample).
//   network_bench run EDGES_CSV SOURCES_TXT
//     One pass, each step timed: load (read the file, parse, build the graph),
//     connected components, degrees and the top 10, clustering (transitivity and
//     average local), betweenness from the given sources. Prints one JSON line with
//     the seconds per step and the answers.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "kembar/io/json_writer.h"
#include "kembar/report/network_export.h"
#include "kembar/network/graph.h"
#include "kembar/network/stats.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace net = kembar::network;

bool Slurp(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

int Prepare(const std::string& csv_path, const std::string& dir, size_t k, uint64_t seed) {
  std::string text;
  if (!Slurp(csv_path, &text)) {
    std::fprintf(stderr, "cannot read %s\n", csv_path.c_str());
    return 5;
  }
  auto g = net::LoadTwinPairsCsv(text);
  if (!g.ok()) {
    std::fprintf(stderr, "%s\n", g.status().ToString().c_str());
    return 2;
  }
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/edges.csv") << kembar::report::EdgesCsv(*g);
  std::ofstream(dir + "/nodes.csv") << kembar::report::NodesCsv(*g);
  std::ofstream sources(dir + "/sources.txt");
  for (size_t s : net::SampleSources(g->node_count(), k, seed)) sources << s << "\n";
  std::fprintf(stderr, "%zu nodes, %zu edges, %zu sources -> %s\n", g->node_count(), g->edge_count(), k, dir.c_str());
  return 0;
}

int Run(const std::string& edges_path, const std::string& sources_path) {
  std::vector<size_t> sources;
  {
    std::ifstream f(sources_path);
    for (size_t s; f >> s;) sources.push_back(s);
  }
  const auto t0 = Clock::now();
  std::string text;
  if (!Slurp(edges_path, &text)) {
    std::fprintf(stderr, "cannot read %s\n", edges_path.c_str());
    return 5;
  }
  auto loaded = net::LoadEdgeListCsv(text);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
    return 2;
  }
  const net::Graph& g = *loaded;
  const auto t1 = Clock::now();
  const auto [components, largest] = net::Components(g);
  const auto t2 = Clock::now();
  std::vector<size_t> order(g.node_count());
  std::iota(order.begin(), order.end(), size_t{0});
  const size_t top = std::min<size_t>(10, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(top), order.end(), [&](size_t a, size_t b) {
    return g.degree(a) != g.degree(b) ? g.degree(a) > g.degree(b) : a < b;
  });
  order.resize(top);
  const auto t3 = Clock::now();
  const auto [transitivity, average_clustering] = net::Clustering(g);
  const auto t4 = Clock::now();
  const std::vector<double> betweenness = net::SampledBetweenness(g, sources, false);
  const auto t5 = Clock::now();

  std::vector<size_t> by_b(g.node_count());
  std::iota(by_b.begin(), by_b.end(), size_t{0});
  const size_t top_b = std::min<size_t>(10, by_b.size());
  std::partial_sort(by_b.begin(), by_b.begin() + static_cast<ptrdiff_t>(top_b), by_b.end(), [&](size_t a, size_t b) {
    return betweenness[a] != betweenness[b] ? betweenness[a] > betweenness[b] : a < b;
  });
  std::string out;
  kembar::io::JsonWriter w(&out);
  w.BeginObject();
  w.Key("tool");
  w.String("kembar");
  const std::pair<const char*, double> times[] = {{"load_s", Seconds(t0, t1)},       {"components_s", Seconds(t1, t2)},
                                                  {"degree_s", Seconds(t2, t3)},     {"clustering_s", Seconds(t3, t4)},
                                                  {"betweenness_s", Seconds(t4, t5)}, {"total_s", Seconds(t0, t5)}};
  for (const auto& [key, s] : times) {
    w.Key(key);
    w.Number(s);
  }
  w.Key("nodes");
  w.Uint(g.node_count());
  w.Key("edges");
  w.Uint(g.edge_count());
  w.Key("sources");
  w.Uint(sources.size());
  w.Key("components");
  w.Uint(components);
  w.Key("largest_component");
  w.Uint(largest);
  w.Key("top_degree");
  w.BeginArray();
  for (size_t i : order) {
    w.BeginArray();
    w.Uint(i);
    w.Uint(g.degree(i));
    w.EndArray();
  }
  w.EndArray();
  w.Key("transitivity");
  w.Number(transitivity);
  w.Key("average_clustering");
  w.Number(average_clustering);
  w.Key("top_betweenness");
  w.BeginArray();
  for (size_t k = 0; k < top_b; ++k) {
    w.BeginArray();
    w.Uint(by_b[k]);
    w.Number(betweenness[by_b[k]]);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  std::printf("%s\n", out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "prepare") == 0) {
    size_t k = 100;
    uint64_t seed = 20240607;
    for (int i = 4; i + 1 < argc; i += 2) {
      if (std::strcmp(argv[i], "--k") == 0) k = std::stoul(argv[i + 1]);
      if (std::strcmp(argv[i], "--seed") == 0) seed = std::stoull(argv[i + 1]);
    }
    return Prepare(argv[2], argv[3], k, seed);
  }
  if (argc == 4 && std::strcmp(argv[1], "run") == 0) return Run(argv[2], argv[3]);
  std::fprintf(stderr,
               "usage: network_bench prepare WIKIPEDIA_CSV OUT_DIR [--k 100] [--seed N]\n"
               "       network_bench run EDGES_CSV SOURCES_TXT\n");
  return 2;
}
