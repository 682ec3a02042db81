#!/usr/bin/env bash
# Installs the Debian 12 packages kembar builds and tests with. Idempotent.
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config git
  nlohmann-json3-dev libsimdjson-dev libvalijson-dev libcli11-dev libsqlite3-dev sqlite3
  libgeographiclib-dev libicu-dev   # geodesic distance, time-zone offsets
  libigraph-dev libcairo2-dev libxml2-utils libssl-dev   # network analytics, charts; GraphML/GEXF checks
  libpango1.0-dev libxlsxwriter-dev fonts-noto-core poppler-utils python3-openpyxl   # reports: PDF, XLSX; their tests
  python3-networkx   # the network benchmark's peer
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev lld   # libFuzzer; lld links the sanitizer builds (4x faster than ld)
  libboost-dev libsodium-dev libspdlog-dev   # kembar serve: Beast/Asio, argon2id, access logs
  wrk   # the HTTP load bench (bench/run_http_bench.sh)
  libpqxx-dev postgresql-15   # the PostgreSQL store; its tests start a cluster (tools/pg-test-cluster.sh)
  nodejs npm   # the gazetteer and the web application are built from npm packages at build time
  chromium fonts-noto-core   # the browser tests (web/test/e2e): headless chromium; Indonesian and partner names
)
missing=()
for p in "${PACKAGES[@]}"; do
  # NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
  [ "$p" = npm ] && command -v npm >/dev/null && continue
  [ "$p" = nodejs ] && command -v node >/dev/null && continue  # a Node.js is already there
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
