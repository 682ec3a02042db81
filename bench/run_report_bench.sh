#!/usr/bin/env bash
# The reports over the generated benchmark databases (issue 13):
#  1. whole processes: `kembar report national` in each format beside `kembar status
#     --by province` (the same load and assessment, a text table) in the same run,
#     paired (farm-bench), so the ratio is the report's share of the work;
#  2. in process (bench/report_bench.cc): the snapshot's assessment once, then the
#     national document and each format, a report card and an annual report: what
#     GET /api/reports/... costs a server whose snapshot is warm.
#
# Usage: bench/run_report_bench.sh [SIZES...]   (default: 10000 100000)
# Environment: KEMBAR_BENCH_DIR (default /tmp/kembar-report-bench), KEMBAR_BENCH_RUNS (3).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${KEMBAR_BENCH_DIR:-/tmp/kembar-report-bench}"
RUNS="${KEMBAR_BENCH_RUNS:-3}"
SIZES=("${@:-10000 100000}")
mkdir -p "$DIR"
cmake --build "$ROOT/build" --target report_bench kembar_cli -j2 >/dev/null
# A copy, so that a rebuild during the run does not change the binary under test.
KEMBAR="$DIR/kembar"
cp "$ROOT/build/kembar" "$KEMBAR"
for n in ${SIZES[@]}; do
  f="$DIR/dossier-$n.json"
  db="$DIR/r-$n.db"
  [[ -f "$f" ]] || python3 "$ROOT/bench/gen_dossier.py" "$n" "$f" >&2
  [[ -f "$db" ]] || "$KEMBAR" import "$f" --db "$db" -q --max-mb 2048 >&2
  for format in pdf xlsx html md; do
    echo "== $n partnerships: kembar report national --format $format (A) vs kembar status --by province (B)"
    farm-bench -n "$RUNS" --warmup 0 --timeout 1800 \
      --vs "$KEMBAR status --by province --as-of 2023-12-31 --db $db" -- \
      "$KEMBAR" report national --format "$format" --as-of 2023-12-31 --db "$db" -o /dev/null
  done
  "$ROOT/build/bench/report_bench" "$db" --runs "$RUNS"
done
