#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install dependencies, build, run the main
# job on the bundled data (import it into the default database, list it, show the
# condition of every partnership by province), then serve it: kembar serve with the web
# application on http://127.0.0.1:8080/ (KEMBAR_LISTEN to change; KEMBAR_NO_SERVE=1 to
# stop after the report).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target kembar_cli
DB=kembar.db
if [ -e "$DB" ]; then
  ./build/kembar import data/indonesia.dossier.json --db "$DB" --merge
else
  ./build/kembar import data/indonesia.dossier.json --db "$DB"
fi
./build/kembar list --db "$DB"
# The national picture on the bundled data: condition of every partnership by province.
./build/kembar status --by province --db "$DB"
[ "${KEMBAR_NO_SERVE:-0}" = 1 ] && exit 0
# No account is shipped: in a terminal, create the first admin now if there is none.
if [ -t 0 ] && ! ./build/kembar user list --db "$DB" 2>/dev/null | grep -q '^[^ ]* admin'; then
  echo
  echo "Create the first admin of the web application (user name 'admin')."
  ./build/kembar user add admin --role admin --db "$DB" || true
fi
exec ./build/kembar serve --db "$DB" --listen "${KEMBAR_LISTEN:-127.0.0.1:8080}"
