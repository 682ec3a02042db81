#!/usr/bin/env bash
# The reliability campaign of issue 16 (docs/reliability.md), reproducible:
#   1. the long fuzz runs: each libFuzzer target until RUNS more executions (default
#      10 million), one target at a time, niced; each run is appended to
#      docs/reliability-fuzz-runs.tsv (UTC time, commit, target, executions, seconds,
#      result), so that runs on several days add up;
#   2. the fault and load tests (ctest -L reliability in build/), whose figures
#      (faults injected, inputs tried, throughput) they print as "[figures]" lines;
#   3. the table of docs/reliability.md: executions per target summed over the
#      recorded runs, and the figures of step 2.
#
#   tools/reliability-campaign.sh [--runs N] [--max-seconds S] [--targets "a b"]
#                                 [--skip-fuzz] [--skip-tests]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=10000000 max_seconds=14400 targets="date policy csv dossier http api_body"
fuzz=1 tests=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --max-seconds) max_seconds=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    --skip-fuzz) fuzz=0; shift ;;
    --skip-tests) tests=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
record=docs/reliability-fuzz-runs.tsv
[[ -f $record ]] || printf 'utc\tcommit\ttarget\texecutions\tseconds\tresult\n' >"$record"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

if [[ $fuzz == 1 ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKEMBAR_BUILD_FUZZERS=ON >/dev/null
  cmake --build build-fuzz -j2 --target kembar_fuzzers >/dev/null
  for t in $targets; do
    # One long job at a time, at the lowest priority: the machine may be shared.
    # Leaks are checked at exit (-e: 2.4x the executions a second); the HTTP targets'
    # scratch databases go to memory (/dev/shm) when there is one: no fsync per write.
    tmp=${TMPDIR:-/tmp}
    [[ -d /dev/shm && -w /dev/shm ]] && tmp=/dev/shm
    line=$(TMPDIR=$tmp nice -n 19 tools/fuzz.sh -e -b build-fuzz -t "$max_seconds" -n "$runs" \
      -l build-fuzz/fuzz-logs "$t" || true)
    read -r name execs seconds result <<<"$line"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$commit" "$name" \
      "$execs" "$seconds" "$result" >>"$record"
    echo "fuzz $line"
  done
fi

figures=$(mktemp)
if [[ $tests == 1 ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j2 >/dev/null
  ctest --test-dir build -L 'reliability|concurrency' --output-on-failure -V 2>&1 |
    sed -n 's/.*\[figures\] //p' >"$figures"
fi

# The table: executions per target over every recorded run, failures among them.
echo
# "timeout-starved" marks a run (edited in by hand after checking) whose timeout was
# the machine's load, not kembar: the unit, rerun alone, took well under a second.
# "interrupted" marks a run stopped from outside (SIGTERM) before its bound, with no
# failure until then: its executions count, but its exit leak check never ran.
echo "| Fuzz target | Recorded runs | Executions | Failures | Starved timeouts | Interrupted |"
echo "|---|---:|---:|---:|---:|---:|"
awk -F'\t' 'NR > 1 { runs[$3]++; ex[$3] += $4; if ($6 == "timeout-starved") st[$3]++;
    else if ($6 == "interrupted") it[$3]++; else if ($6 != "ok") bad[$3]++ }
  END { for (t in runs) printf "| %s | %d | %\047d | %d | %d | %d |\n", t, runs[t], ex[t],
        bad[t] + 0, st[t] + 0, it[t] + 0 }' "$record" | sort
if [[ -s $figures ]]; then
  echo
  echo "| Test | Figures |"
  echo "|---|---|"
  awk '{ name = $1; $1 = ""; sub(/^ /, ""); printf "| %s | %s |\n", name, $0 }' "$figures"
fi
rm -f "$figures"
