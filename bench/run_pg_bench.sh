#!/usr/bin/env bash
# SQLite and PostgreSQL side by side (issue 15): import, assessment and status over
# N partnerships (~20 events each), as whole `kembar` processes, median of runs.
#
# Usage: bench/run_pg_bench.sh [SIZE ...]          (default: 100000)
#
# For each size it generates $KEMBAR_BENCH_DIR/dossier-N.json if missing
# (bench/gen_dossier.py), then times on an SQLite file and on a PostgreSQL database:
#   kembar import FILE -q --max-mb 2048             (a fresh, empty database every run)
#   kembar assess --as-of 2024-06-30 --json         (every partnership, output discarded)
#   kembar status --as-of 2024-06-30 --by province
# and prints a markdown table with the ratio PostgreSQL / SQLite.
#
# Environment:
#   KEMBAR_BENCH_PG    a PostgreSQL server URL (its database is replaced by kembar_bench);
#                      unset: a throw-away cluster (tools/pg-test-cluster.sh), stopped at
#                      the end. Note its settings: fsync=off, synchronous_commit=off.
#   KEMBAR_BENCH_DIR   inputs and scratch databases (default /tmp/kembar-pg-bench)
#   KEMBAR_BENCH_RUNS  runs per measurement, median reported (default 3)
#   KEMBAR_BIN         the kembar binary (default build/kembar)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${KEMBAR_BENCH_DIR:-/tmp/kembar-pg-bench}"
RUNS="${KEMBAR_BENCH_RUNS:-3}"
KEMBAR="${KEMBAR_BIN:-$ROOT/build/kembar}"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100000)
AS_OF=2024-06-30
die() { echo "run_pg_bench: $*" >&2; exit 1; }
[[ -x "$KEMBAR" ]] || die "$KEMBAR not found: build it first"
command -v psql >/dev/null || die "psql is required (postgresql-client-15)"
mkdir -p "$DIR"

server="${KEMBAR_BENCH_PG:-}"
if [[ -z "$server" ]]; then
  cluster=$(mktemp -d /tmp/kembar-pg-bench-cluster.XXXXXX)
  trap '"$ROOT/tools/pg-test-cluster.sh" stop "$cluster"' EXIT
  server=$("$ROOT/tools/pg-test-cluster.sh" start "$cluster")
  cluster_note="a throw-away cluster (tools/pg-test-cluster.sh: fsync=off, synchronous_commit=off, Unix socket)"
else
  cluster_note="the server at KEMBAR_BENCH_PG"
fi
# The bench database's URL: the server's with its database name replaced.
pg_url=$(python3 - "$server" <<'PY'
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
print(u.urlunsplit((p.scheme, p.netloc, "/kembar_bench", p.query, p.fragment)))
PY
)
fresh_pg() { psql -q "$server" -c "DROP DATABASE IF EXISTS kembar_bench" -c "CREATE DATABASE kembar_bench" >/dev/null; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# time_cmd PREPARE CMD...: median wall seconds of CMD over $RUNS runs, PREPARE untimed before each.
time_cmd() {
  local prepare="$1"; shift
  local i t0 t1 log="$DIR/last-run.log"
  for ((i = 0; i < RUNS; i++)); do
    eval "$prepare"
    t0=$(date +%s.%N)
    "$@" >"$log" 2>&1 || { cat "$log" >&2; die "failed: $*"; }
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
  done | median
}
fmt() { awk -v x="$1" 'BEGIN { printf "%.2f", x }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

rows=()
for n in "${SIZES[@]}"; do
  f="$DIR/dossier-$n.json"
  if [[ ! -s "$f" ]]; then
    echo "generating $f ..." >&2
    python3 "$ROOT/bench/gen_dossier.py" "$n" "$f.tmp" --events 20 --seed 1 \
      --pairs "$ROOT/data/twin_cities_wikipedia.csv"
    mv "$f.tmp" "$f"
  fi
  db="$DIR/bench-$n.db"
  for backend in sqlite postgresql; do
    if [[ $backend == sqlite ]]; then
      target="$db"; prepare="rm -f '$db' '$db-wal' '$db-shm' '$db-journal'"
    else
      target="$pg_url"; prepare="fresh_pg"
    fi
    echo "size $n, $backend: import ..." >&2
    imp=$(time_cmd "$prepare" "$KEMBAR" import "$f" --db "$target" -q --max-mb 2048)
    echo "size $n, $backend: assess ..." >&2
    ass=$(time_cmd : "$KEMBAR" assess --db "$target" --as-of "$AS_OF" --json)
    echo "size $n, $backend: status ..." >&2
    sta=$(time_cmd : "$KEMBAR" status --db "$target" --as-of "$AS_OF" --by province)
    eval "${backend}_imp=$imp ${backend}_ass=$ass ${backend}_sta=$sta"
  done
  rows+=("| $n | import | $(fmt "$sqlite_imp") | $(fmt "$postgresql_imp") | $(ratio "$postgresql_imp" "$sqlite_imp") |")
  rows+=("| $n | assess (all, JSON) | $(fmt "$sqlite_ass") | $(fmt "$postgresql_ass") | $(ratio "$postgresql_ass" "$sqlite_ass") |")
  rows+=("| $n | status --by province | $(fmt "$sqlite_sta") | $(fmt "$postgresql_sta") | $(ratio "$postgresql_sta" "$sqlite_sta") |")
  rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
done

echo
echo "| partnerships | command | SQLite s | PostgreSQL s | PG / SQLite |"
echo "|---:|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Wall time of whole kembar processes, median of $RUNS runs, ~20 events per partnership;"
echo "PostgreSQL $(psql -tA "$server" -c 'SHOW server_version'): $cluster_note."
