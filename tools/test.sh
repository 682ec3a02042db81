#!/usr/bin/env bash
# Runs every test: the GoogleTest suite through CTest, the same suite under ASan and
# UBSan, then the importer's libFuzzer target for a short while on the committed seed
# corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"

# A PostgreSQL 15 cluster of its own in a temporary directory, for the store tests on
# PostgreSQL (each test makes a database of its own); stopped and removed at the end.
pg_dir=$(mktemp -d /tmp/kembar-pg.XXXXXX)
trap 'tools/pg-test-cluster.sh stop "$pg_dir"' EXIT
KEMBAR_TEST_PG=$(tools/pg-test-cluster.sh start "$pg_dir")
export KEMBAR_TEST_PG KEMBAR_REQUIRE_PG=1

ctest --test-dir build --output-on-failure -j"$(nproc)"

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (KEMBAR_ASAN=0
# skips it); fontconfig's and cairo's process-lifetime caches are not reported as leaks.
if [[ "${KEMBAR_ASAN:-1}" != 0 ]]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKEMBAR_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$(nproc)"
  LSAN_OPTIONS="suppressions=$PWD/test/lsan.supp" UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
fi

# Fuzzing needs clang's libFuzzer; new inputs go to a scratch dir, not the corpus.
FUZZ_SECONDS=${KEMBAR_FUZZ_SECONDS:-30}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKEMBAR_BUILD_FUZZERS=ON -DKEMBAR_BUILD_TESTS=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target dossier_fuzzer
scratch=$(mktemp -d)
./build-fuzz/test/dossier_fuzzer -max_total_time="$FUZZ_SECONDS" -max_len=65536 \
  -dict=test/fuzz/dossier.dict -print_final_stats=1 "$scratch" test/fuzz/corpus 2>&1 | tail -n 12
rm -rf "$scratch"
echo "all tests passed"
