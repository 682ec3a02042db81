#!/usr/bin/env bash
# GET /api/status latency from the in-memory assessment snapshot (bench/status_bench.cc):
# first request after a start (the snapshot is computed), warm requests (served from
# it) and the request after an edit (recomputed), at 10k and 100k partnerships.
#
# Usage: bench/run_status_bench.sh [SIZES...]   (default: 10000 100000)
#
# Environment: KEMBAR_BENCH_DIR (default /tmp/kembar-status-bench), KEMBAR_BENCH_RUNS (3).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${KEMBAR_BENCH_DIR:-/tmp/kembar-status-bench}"
RUNS="${KEMBAR_BENCH_RUNS:-3}"
SIZES=("${@:-10000 100000}")
mkdir -p "$DIR"
KEMBAR="${KEMBAR_BIN:-$ROOT/build/kembar}"
cmake --build "$ROOT/build" --target status_bench kembar -j2 >/dev/null
for n in ${SIZES[@]}; do
  f="$DIR/dossier-$n.json"
  db="$DIR/status-$n.db"
  [[ -f "$f" ]] || python3 "$ROOT/bench/gen_dossier.py" "$n" "$f" >&2
  [[ -f "$db" ]] || "$KEMBAR" import "$f" --db "$db" -q --max-mb 2048 >&2
  "$ROOT/build/bench/status_bench" "$db" --runs "$RUNS"
done
