#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install dependencies, build, and run the
# main job on the bundled data (import it into the default database, list it, and
# show the condition of every partnership by province).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target kembar_cli
./build/kembar import data/indonesia.dossier.json
./build/kembar list
# The national picture on the bundled data: condition of every partnership by province.
./build/kembar status --by province
