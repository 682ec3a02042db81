#!/usr/bin/env bash
# Assessment benchmark (issue 4): assess every partnership of generated dossiers.
#
# Usage: bench/run_assess_bench.sh
#
# 1. 100k partnerships x 20 events (2M events): the headline, goal under 1 s.
# 2. Growth with events per partnership at 25k partnerships: 5, 10, 20, 40 events.
# 3. Growth with partnerships at 20 events: 10k, 30k, 100k.
# Prints one JSON line per input (bench/assess_bench.cc) and a markdown table.
#
# Environment: KEMBAR_BENCH_DIR (default /tmp/kembar-bench), KEMBAR_BENCH_RUNS (5).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${KEMBAR_BENCH_DIR:-/tmp/kembar-bench}"
RUNS="${KEMBAR_BENCH_RUNS:-5}"
mkdir -p "$DIR"
cmake --build "$ROOT/build" --target assess_bench -j2 >/dev/null
BIN="$ROOT/build/bench/assess_bench"

gen() {  # N EVENTS FILE
  [[ -f "$3" ]] || python3 "$ROOT/bench/gen_dossier.py" "$1" "$3" --events "$2" >&2
}

inputs=()
for n in 10000 30000 100000; do
  f="$DIR/dossier-$n.json"; gen "$n" 20 "$f"; inputs+=("$f")
done
for e in 5 10 20 40; do
  f="$DIR/dossier-25000-e$e.json"; gen 25000 "$e" "$f"; inputs+=("$f")
done

echo "| input | partnerships | events | assess median s | us / partnership | model RSS MB | assess peak extra MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for f in "${inputs[@]}"; do
  line="$("$BIN" "$f" --runs "$RUNS")"
  echo "$line" >&2
  python3 - "$line" <<'PY'
import json, os, sys
r = json.loads(sys.argv[1])
print(f"| {os.path.basename(r['file'])} | {r['partnerships']} | {r['events']} | "
      f"{r['assess_median_s']:.3f} | {r['per_partnership_us']:.2f} | {r['rss_model_mb']:.0f} | "
      f"{r['assess_peak_extra_mb']:.0f} |")
PY
done
