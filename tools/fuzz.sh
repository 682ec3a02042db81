#!/usr/bin/env bash
# Runs kembar's libFuzzer targets (test/fuzz/) from a fuzz build, each on its committed
# seed corpus (test/fuzz/corpus/<name>) and dictionary (test/fuzz/<name>.dict).
# New inputs go to a work corpus under the build dir, never to the committed one.
#
#   tools/fuzz.sh [-b BUILD_DIR] [-t SECONDS] [-n RUNS] [-l LOG_DIR] [-e] [TARGET...]
#
# TARGET is a short name (dossier date policy csv http api_body; all by default).
# -t bounds each target's time, -n its executions (0: no bound). -e checks for leaks
# once, at exit, instead of after every input that allocates more than it frees: about
# 2.4 times as many executions a second on the API targets, and a leak of any input
# still fails the run (LeakSanitizer at exit); for long runs. Prints one line per
# target: "name executions seconds result" (result: ok, crash, leak, timeout, oom or
# failed); exits non-zero when any target found something. Crash inputs are written
# to BUILD_DIR/fuzz-artifacts/ and named in the output.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-fuzz seconds=20 runs=0 logs="" leaks_at_exit=0
while getopts "b:t:n:l:e" opt; do
  case $opt in
    b) build=$OPTARG ;;
    t) seconds=$OPTARG ;;
    n) runs=$OPTARG ;;
    l) logs=$OPTARG ;;
    e) leaks_at_exit=1 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(dossier date policy csv http api_body)
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
failed=0
for t in "${targets[@]}"; do
  bin="$build/test/${t}_fuzzer"
  [[ -x $bin ]] || { echo "$t: $bin is not built (cmake --build $build --target kembar_fuzzers)" >&2; exit 2; }
  work="$build/fuzz-corpus/$t"
  mkdir -p "$work"
  log=$(mktemp)
  args=(-max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -max_len=65536
        -print_final_stats=1 -artifact_prefix="$artifacts/$t-"
        -dict="test/fuzz/$t.dict")
  [[ $runs -gt 0 ]] && args+=(-runs="$runs")
  [[ $leaks_at_exit -eq 1 ]] && args+=(-detect_leaks=0)
  start=$(date +%s)
  set +e
  # The HTTP targets keep their scratch database under TMPDIR.
  LSAN_OPTIONS="suppressions=$PWD/test/lsan.supp" "$bin" "${args[@]}" "$work" "test/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  result=ok
  if [[ $rc -ne 0 ]]; then
    failed=1
    if grep -q "ERROR: LeakSanitizer" "$log"; then result=leak
    elif grep -q "ERROR: libFuzzer: timeout" "$log"; then result=timeout
    elif grep -q "ERROR: libFuzzer: out-of-memory" "$log"; then result=oom
    elif grep -qE "ERROR: (AddressSanitizer|libFuzzer: deadly signal)|runtime error" "$log"; then result=crash
    else result=failed; fi
    grep -E "ERROR|runtime error|Test unit written" "$log" | head -n 5 >&2 || true
  fi
  echo "$t ${execs:-0} $elapsed $result"
  if [[ -n $logs ]]; then mkdir -p "$logs"; cp "$log" "$logs/$t-$(date -u +%Y%m%dT%H%M%S).log"; fi
  rm -f "$log"
done
exit $failed
