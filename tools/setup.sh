#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install dependencies, build, and run the
# main job on the bundled data (import it into the default database, list it).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target kembar_cli
./build/kembar import data/indonesia.dossier.json
./build/kembar list
