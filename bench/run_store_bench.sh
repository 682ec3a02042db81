#!/usr/bin/env bash
# Store benchmark (issue 10, item 5): in one run, for each size, as whole processes
#   kembar validate FILE                          (the reference for import)
#   kembar import FILE --db NEW.db -q             (a fresh database every run)
#   kembar assess FILE --as-of 2024-01-01 --json  (the reference for the reads)
#   kembar assess --db DB --as-of 2024-01-01 --json
#   kembar status --db DB --by province --as-of 2024-01-01
# wall clock and peak RSS (/usr/bin/time -v), median of $KEMBAR_BENCH_RUNS runs. The
# five commands alternate within each round, so that the machine's noise falls on all
# of them alike. Prints a markdown table: medians, the ratios the goals are stated in
# (import / validate <= 2, reads / assess FILE <= 1.5) and the growth per partnership.
#
# Usage: bench/run_store_bench.sh [SIZE ...]     (default sizes: 10000 30000 100000)
#
# Environment:
#   KEMBAR_BENCH_DIR   inputs and scratch databases (default /tmp/kembar-bench)
#   KEMBAR_BENCH_RUNS  runs per measurement, median reported (default 3)
#   KEMBAR_BIN         the kembar binary (default build/kembar)
#   KEMBAR_PAIRS_CSV   city-pair CSV for the generator (default data/twin_cities_wikipedia.csv)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${KEMBAR_BENCH_DIR:-/tmp/kembar-bench}"
RUNS="${KEMBAR_BENCH_RUNS:-3}"
KEMBAR="${KEMBAR_BIN:-$ROOT/build/kembar}"
PAIRS="${KEMBAR_PAIRS_CSV:-$ROOT/data/twin_cities_wikipedia.csv}"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(10000 30000 100000)
AS_OF=2024-01-01

die() { echo "run_store_bench: $*" >&2; exit 1; }

[[ -x "$KEMBAR" ]] || die "$KEMBAR not found: build it first (cmake --build build)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is required (apt-get install time)"
command -v python3 >/dev/null || die "python3 is required"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "KEMBAR_BENCH_RUNS must be a positive integer"
mkdir -p "$BENCH_DIR"

for n in "${SIZES[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "size must be a positive integer: $n"
  f="$BENCH_DIR/dossier-$n.json"
  if [[ ! -s "$f" ]]; then
    [[ -f "$PAIRS" ]] || die "pair CSV not found: $PAIRS (set KEMBAR_PAIRS_CSV)"
    echo "generating $f ..." >&2
    python3 "$ROOT/bench/gen_dossier.py" "$n" "$f.tmp" --events 20 --seed 1 --pairs "$PAIRS"
    mv "$f.tmp" "$f"
  fi
done

median() {  # numbers on stdin -> median
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure NAME CMD...: runs CMD once under /usr/bin/time -v; appends "wall rss_kb" to
# $BENCH_DIR/NAME.samples. A failing run aborts with its output.
measure() {
  local name="$1"; shift
  local log="$BENCH_DIR/last-run.log" tv="$BENCH_DIR/last-time.txt"
  /usr/bin/time -v -o "$tv" "$@" >"$log" 2>&1 || { cat "$log" "$tv" >&2; die "failed: $*"; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
          for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tv")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")
  echo "$wall $rss" >>"$BENCH_DIR/$name.samples"
}

med_wall() { awk '{ print $1 }' "$BENCH_DIR/$1.samples" | median; }
med_rss_mb() { awk '{ print $2 / 1024 }' "$BENCH_DIR/$1.samples" | median; }
fmt() { awk -v x="$1" -v p="${2:-2}" 'BEGIN { printf "%.*f", p, x }'; }
div() { awk -v a="$1" -v b="$2" -v p="${3:-2}" 'BEGIN { printf "%.*f", p, a / b }'; }

rows=()
growth=()
for n in "${SIZES[@]}"; do
  f="$BENCH_DIR/dossier-$n.json"
  db="$BENCH_DIR/store-$n.db"
  rm -f "$BENCH_DIR"/*-"$n".samples
  for ((r = 1; r <= RUNS; r++)); do
    echo "size $n, round $r/$RUNS ..." >&2
    measure "validate-$n" "$KEMBAR" validate "$f" --max-mb 2048
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    measure "import-$n" "$KEMBAR" import "$f" --db "$db" -q --max-mb 2048
    measure "assessfile-$n" "$KEMBAR" assess "$f" --as-of "$AS_OF" --json
    measure "assessdb-$n" "$KEMBAR" assess --db "$db" --as-of "$AS_OF" --json
    measure "status-$n" "$KEMBAR" status --db "$db" --by province --as-of "$AS_OF"
  done
  v=$(med_wall "validate-$n"); i=$(med_wall "import-$n"); af=$(med_wall "assessfile-$n")
  ad=$(med_wall "assessdb-$n"); st=$(med_wall "status-$n")
  rows+=("| $n | $(fmt "$v") | $(fmt "$i") | **$(div "$i" "$v")** | $(fmt "$af") | $(fmt "$ad") | **$(div "$ad" "$af")** | $(fmt "$st") | **$(div "$st" "$af")** |")
  growth+=("| $n | $(fmt "$(med_rss_mb "validate-$n")" 0) | $(fmt "$(med_rss_mb "import-$n")" 0) | $(fmt "$(med_rss_mb "assessfile-$n")" 0) | $(fmt "$(med_rss_mb "assessdb-$n")" 0) | $(fmt "$(med_rss_mb "status-$n")" 0) | $(div "$(awk -v x="$i" 'BEGIN { print x * 1e6 }')" "$n" 1) | $(div "$(awk -v x="$ad" 'BEGIN { print x * 1e6 }')" "$n" 1) |")
  rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
done

echo
echo "Wall clock of whole processes, seconds, median of $RUNS runs; ratios of the medians."
echo
echo "| partnerships | validate | import | import / validate | assess FILE | assess --db | / assess FILE | status --by province | / assess FILE |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Peak RSS (MB, median) and cost per partnership (µs):"
echo
echo "| partnerships | validate MB | import MB | assess FILE MB | assess --db MB | status MB | import µs/p | assess --db µs/p |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${growth[@]}"
