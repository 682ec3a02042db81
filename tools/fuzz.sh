#!/usr/bin/env bash
# Runs kembar's libFuzzer targets (test/fuzz/) from a fuzz build, each on its committed
# seed corpus (test/fuzz/corpus/<name>) and dictionary (test/fuzz/<name>.dict).
# New inputs go to a work corpus under the build dir, never to the committed one.
#
#   tools/fuzz.sh [-b BUILD_DIR] [-t SECONDS] [-n RUNS] [-l LOG_DIR] [-j JOBS] [-e] [TARGET...]
#
# TARGET is a short name (dossier date policy csv http api_body; all by default).
# -t bounds each target's time, -n its executions (0: no bound); -j runs that many
# targets at a time (1 by default; each target is one process). -e checks for leaks
# once, at exit, instead of after every input that allocates more than it frees: about
# 2.4 times as many executions a second on the API targets, and a leak of any input
# still fails the run (LeakSanitizer at exit); for long runs. Prints one line per
# target: "name executions seconds result" (result: ok, crash, leak, timeout, oom or
# failed); exits non-zero when any target found something. Crash inputs are written
# to BUILD_DIR/fuzz-artifacts/ and named in the output.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-fuzz seconds=20 runs=0 logs="" leaks_at_exit=0 jobs=1
while getopts "b:t:n:l:j:e" opt; do
  case $opt in
    b) build=$OPTARG ;;
    t) seconds=$OPTARG ;;
    n) runs=$OPTARG ;;
    l) logs=$OPTARG ;;
    j) jobs=$OPTARG ;;
    e) leaks_at_exit=1 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(dossier date policy csv http api_body)
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
for t in "${targets[@]}"; do
  bin="$build/test/${t}_fuzzer"
  [[ -x $bin ]] || { echo "$t: $bin is not built (cmake --build $build --target kembar_fuzzers)" >&2; exit 2; }
done
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Fuzzes target $1; writes "name executions seconds result" to $results/$1.
run_target() {
  local t=$1
  local bin="$build/test/${t}_fuzzer"
  local work="$build/fuzz-corpus/$t"
  mkdir -p "$work"
  local log
  log=$(mktemp)
  local args=(-max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -max_len=65536
        -print_final_stats=1 -artifact_prefix="$artifacts/$t-"
        -dict="test/fuzz/$t.dict")
  [[ $runs -gt 0 ]] && args+=(-runs="$runs")
  [[ $leaks_at_exit -eq 1 ]] && args+=(-detect_leaks=0)
  local start rc
  start=$(date +%s)
  set +e
  # The HTTP targets keep their scratch database under TMPDIR.
  LSAN_OPTIONS="suppressions=$PWD/test/lsan.supp" "$bin" "${args[@]}" "$work" "test/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  local elapsed=$(( $(date +%s) - start ))
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  local result=ok
  if [[ $rc -ne 0 ]]; then
    if grep -q "ERROR: LeakSanitizer" "$log"; then result=leak
    elif grep -q "ERROR: libFuzzer: timeout" "$log"; then result=timeout
    elif grep -q "ERROR: libFuzzer: out-of-memory" "$log"; then result=oom
    elif grep -qE "ERROR: (AddressSanitizer|libFuzzer: deadly signal)|runtime error" "$log"; then result=crash
    else result=failed; fi
    grep -E "ERROR|runtime error|Test unit written" "$log" | head -n 5 >&2 || true
  fi
  echo "$t ${execs:-0} $elapsed $result" >"$results/$t"
  if [[ -n $logs ]]; then mkdir -p "$logs"; cp "$log" "$logs/$t-$(date -u +%Y%m%dT%H%M%S).log"; fi
  rm -f "$log"
}

running=0
for t in "${targets[@]}"; do
  if ((jobs <= 1)); then
    run_target "$t"
    cat "$results/$t"
    continue
  fi
  if ((running >= jobs)); then
    wait -n
    running=$((running - 1))
  fi
  run_target "$t" &
  running=$((running + 1))
done
wait
failed=0
for t in "${targets[@]}"; do
  ((jobs <= 1)) || cat "$results/$t"
  read -r _ _ _ result <"$results/$t"
  [[ $result == ok ]] || failed=1
done
exit $failed
