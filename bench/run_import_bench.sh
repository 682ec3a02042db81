#!/usr/bin/env bash
# End-to-end import/validation benchmark (issue 3).
#
# Usage: bench/run_import_bench.sh [SIZE ...]          (default sizes: 10000 30000 100000)
#
# For each size N (partnerships, ~20 events each) it generates
# $KEMBAR_BENCH_DIR/dossier-N.json if missing (bench/gen_dossier.py), then times, as
# whole processes (wall clock, median of $KEMBAR_BENCH_RUNS runs, one after another):
#   kembar validate FILE --max-mb 2048
#   node bench/ajv_validate.mjs schemas/dossier-v1.schema.json FILE   (JSON.parse + ajv)
#   kembar import FILE --db TMP.db -q                  (fresh database every run)
# and prints a markdown table.
#
# Environment:
#   KEMBAR_BENCH_DIR   inputs and scratch databases (default /tmp/kembar-bench)
#   KEMBAR_BENCH_RUNS  runs per measurement, median reported (default 5)
#   KEMBAR_BIN         the kembar binary (default build/kembar)
#   KEMBAR_PAIRS_CSV   city-pair CSV for the generator (default data/twin_cities_wikipedia.csv)
#   NODE_OPTIONS_BENCH extra node flags (default none; node 20's default heap handled
#                      100k partnerships / 316 MB at about 1.2 GB RSS. For much larger
#                      inputs pass e.g. --max-old-space-size=8192)
# Uses hyperfine when installed, else a date +%s.%N loop.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${KEMBAR_BENCH_DIR:-/tmp/kembar-bench}"
RUNS="${KEMBAR_BENCH_RUNS:-5}"
KEMBAR="${KEMBAR_BIN:-$ROOT/build/kembar}"
PAIRS="${KEMBAR_PAIRS_CSV:-$ROOT/data/twin_cities_wikipedia.csv}"
SCHEMA="$ROOT/schemas/dossier-v1.schema.json"
read -r -a NODE_FLAGS <<< "${NODE_OPTIONS_BENCH:-}"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(10000 30000 100000)

die() { echo "run_import_bench: $*" >&2; exit 1; }

[[ -x "$KEMBAR" ]] || die "$KEMBAR not found: build it first (cmake --build build)"
command -v python3 >/dev/null || die "python3 is required"
command -v node >/dev/null || die "node is required"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "KEMBAR_BENCH_RUNS must be a positive integer"
mkdir -p "$BENCH_DIR"

if [[ ! -d "$ROOT/bench/node_modules/ajv" || ! -d "$ROOT/bench/node_modules/ajv-formats" ]]; then
  echo "installing node dependencies in bench/ ..." >&2
  if [[ -f "$ROOT/bench/package-lock.json" ]]; then
    (cd "$ROOT/bench" && npm ci --no-audit --no-fund >&2)
  else
    (cd "$ROOT/bench" && npm install --no-audit --no-fund >&2)
  fi
fi

# --- inputs ---
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

# --- timing ---
have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1

median() {  # numbers on stdin -> median
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_cmd PREPARE CMD...: median wall seconds of CMD over $RUNS runs; PREPARE (a shell
# snippet, may be ":") runs untimed before each run. Any failing run aborts with its output.
time_cmd() {
  local prepare="$1"; shift
  local log="$BENCH_DIR/last-run.log"
  if (( have_hyperfine )); then
    local json="$BENCH_DIR/hyperfine.json" quoted
    printf -v quoted '%q ' "$@"
    hyperfine --style none --runs "$RUNS" --prepare "$prepare" --export-json "$json" \
      "$quoted" >"$log" 2>&1 || { cat "$log" >&2; die "failed: $*"; }
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
    return
  fi
  local i t0 t1
  for ((i = 0; i < RUNS; i++)); do
    eval "$prepare"
    t0=$(date +%s.%N)
    "$@" >"$log" 2>&1 || { cat "$log" >&2; die "failed: $*"; }
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
  done | median
}

fmt() { awk -v x="$1" -v p="${2:-2}" 'BEGIN { printf "%.*f", p, x }'; }
div() { awk -v a="$1" -v b="$2" -v p="${3:-1}" 'BEGIN { printf "%.*f", p, a / b }'; }

echo "timing with $([[ $have_hyperfine == 1 ]] && echo hyperfine || echo 'a date loop'), median of $RUNS runs" >&2
rows=()
notes=()
for n in "${SIZES[@]}"; do
  f="$BENCH_DIR/dossier-$n.json"
  db="$BENCH_DIR/import-$n.db"
  bytes=$(stat -c %s "$f")
  mb=$(div "$bytes" 1000000 1)
  echo "size $n ($mb MB): kembar validate ..." >&2
  kv=$(time_cmd : "$KEMBAR" validate "$f" --max-mb 2048)
  echo "size $n: node + ajv ..." >&2
  nv=$(time_cmd : node "${NODE_FLAGS[@]}" "$ROOT/bench/ajv_validate.mjs" "$SCHEMA" "$f")
  if (( have_hyperfine )); then  # hyperfine swallows the output: one more, untimed run
    node "${NODE_FLAGS[@]}" "$ROOT/bench/ajv_validate.mjs" "$SCHEMA" "$f" >"$BENCH_DIR/last-run.log"
  fi
  notes+=("| $n | $(cat "$BENCH_DIR/last-run.log") |")
  echo "size $n: kembar import ..." >&2
  ki=$(time_cmd "rm -f '$db' '$db-wal' '$db-shm' '$db-journal'" "$KEMBAR" import "$f" --db "$db" -q)
  rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
  rows+=("| $n | $mb | $(fmt "$kv") | $(div "$mb" "$kv" 0) | $(div "$n" "$kv" 0) | $(fmt "$nv") | $(div "$nv" "$kv" 1)x | $(fmt "$ki") | $(div "$n" "$ki" 0) |")
done

echo
echo "| partnerships | MB | kembar validate s | MB/s | partnerships/s | node+ajv s | node/kembar | kembar import s | partnerships/s |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Wall time of whole processes, median of $RUNS runs; MB = 10^6 bytes; ~20 events per partnership."
echo "node: $(node --version)${NODE_FLAGS[*]:+ ${NODE_FLAGS[*]}}, ajv $(node -p 'require("'"$ROOT"'/bench/node_modules/ajv/package.json").version')."
echo
echo "node + ajv phases (last run):"
echo
echo "| partnerships | ajv_validate.mjs output |"
echo "|---:|---|"
printf '%s\n' "${notes[@]}"
