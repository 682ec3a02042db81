#!/usr/bin/env bash
# Runs every test: the GoogleTest suite through CTest, then the importer's libFuzzer
# target for a short while on the committed seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

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
