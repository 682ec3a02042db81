#!/usr/bin/env bash
# Network analytics benchmark (issue 6): kembar (igraph) beside NetworkX on the same
# merged edge list of the Wikipedia twin-city pairs.
#
# Usage: bench/run_network_bench.sh [K]
#
# 1. `network_bench prepare` loads data/twin_cities_wikipedia.csv with kembar's
#    normalisation (countries to ISO, both-side listings merged) and writes the edge
#    list, the node list and K betweenness sources (default 100, fixed seed).
# 2. Both tools, one after the other, RUNS times (default 5): one process each that
#    loads the edge list, then components, degrees + top 10, clustering (transitivity
#    and average local) and betweenness from the same K sources, each step timed.
# 3. Checks that the answers agree (component count, largest component, top-10 hubs by
#    degree exactly; clustering and the top-10 betweenness within 1e-9 relative) and
#    prints a markdown table of medians with the ratio. "process" is the wall clock of
#    the whole process (start-up, Python's imports included).
#
# Environment: KEMBAR_BENCH_DIR (default /tmp/kembar-bench), KEMBAR_BENCH_RUNS (5).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${KEMBAR_BENCH_DIR:-/tmp/kembar-bench}/network"
RUNS="${KEMBAR_BENCH_RUNS:-5}"
K="${1:-100}"
PY=/usr/bin/python3  # Debian's, with python3-networkx; the first python3 on PATH may lack it
mkdir -p "$DIR"
cmake --build "$ROOT/build" --target network_bench -j2 >/dev/null
BIN="$ROOT/build/bench/network_bench"
"$BIN" prepare "$ROOT/data/twin_cities_wikipedia.csv" "$DIR" --k "$K"

now() { date +%s.%N; }
: >"$DIR/kembar.jsonl"
: >"$DIR/networkx.jsonl"
for ((i = 1; i <= RUNS; i++)); do
  t0=$(now); line=$("$BIN" run "$DIR/edges.csv" "$DIR/sources.txt"); t1=$(now)
  echo "$line" | "$PY" -c 'import json,sys; r=json.loads(sys.stdin.read()); r["process_s"]=float(sys.argv[2])-float(sys.argv[1]); print(json.dumps(r))' "$t0" "$t1" >>"$DIR/kembar.jsonl"
  t0=$(now); line=$("$PY" "$ROOT/bench/networkx_peer.py" "$DIR/edges.csv" "$DIR/sources.txt"); t1=$(now)
  echo "$line" | "$PY" -c 'import json,sys; r=json.loads(sys.stdin.read()); r["process_s"]=float(sys.argv[2])-float(sys.argv[1]); print(json.dumps(r))' "$t0" "$t1" >>"$DIR/networkx.jsonl"
  echo "run $i/$RUNS done" >&2
done

"$PY" - "$DIR/kembar.jsonl" "$DIR/networkx.jsonl" <<'PY'
import json, statistics, sys

def load(path):
    return [json.loads(l) for l in open(path) if l.strip()]

k, n = load(sys.argv[1]), load(sys.argv[2])
a, b = k[0], n[0]
problems = []
for key in ("nodes", "edges", "sources", "components", "largest_component", "top_degree"):
    if a[key] != b[key]:
        problems.append(f"{key}: kembar {a[key]} vs NetworkX {b[key]}")
def close(x, y):
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
for key in ("transitivity", "average_clustering"):
    if not close(a[key], b[key]):
        problems.append(f"{key}: kembar {a[key]} vs NetworkX {b[key]}")
if [i for i, _ in a["top_betweenness"]] != [i for i, _ in b["top_betweenness"]] or not all(
        close(x, y) for (_, x), (_, y) in zip(a["top_betweenness"], b["top_betweenness"])):
    problems.append(f"top_betweenness: kembar {a['top_betweenness']} vs NetworkX {b['top_betweenness']}")
# Every run must give the same answers as the first.
for runs in (k, n):
    for r in runs[1:]:
        if r["top_degree"] != runs[0]["top_degree"] or r["components"] != runs[0]["components"]:
            problems.append(f"{r['tool']}: answers differ between runs")

print(f"Input: {a['nodes']:,} places, {a['edges']:,} ties (merged Wikipedia pairs); "
      f"betweenness from {a['sources']} sources; median of {len(k)} runs.\n")
print("| step | kembar (igraph) ms | NetworkX 2.8 ms | ratio |")
print("|---|---:|---:|---:|")
steps = [("load edge list", "load_s"), ("connected components", "components_s"),
         ("degrees + top 10", "degree_s"), ("clustering (transitivity + average local)", "clustering_s"),
         (f"betweenness, {a['sources']} sources", "betweenness_s"),
         ("**total in process**", "total_s"), ("**whole process (wall clock)**", "process_s")]
for label, key in steps:
    km = statistics.median(r[key] for r in k) * 1000
    nm = statistics.median(r[key] for r in n) * 1000
    print(f"| {label} | {km:.2f} | {nm:.2f} | {nm / km:.1f}x |")
print()
print(f"Answers: {a['components']:,} components, largest {a['largest_component']:,}; "
      f"top degree {a['top_degree'][:3]}...; transitivity {a['transitivity']:.4f}, "
      f"average clustering {a['average_clustering']:.4f}.")
if problems:
    print("\nANSWERS DISAGREE:")
    for p in problems:
        print("- " + p)
    sys.exit(1)
print("Answers agree (components, largest component, top-10 degree exactly; clustering and "
      "top-10 betweenness within 1e-9).")
PY
