#!/usr/bin/env bash
# HTTP load on `kembar serve` with wrk (Debian): requests/s and latency percentiles on
# loopback for GET /api/health (no login) and GET /api/partnerships/{id} (Bearer),
# at 64 connections, then again with 1,000 idle keep-alive connections held open.
#   bench/run_http_bench.sh [BUILD_DIR] [SECONDS]
# Not part of ctest or .ci/run.
set -euo pipefail
BUILD=${1:-build-server}
SECS=${2:-10}
KEMBAR=$(realpath "$BUILD/kembar")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; kill $IDLE 2>/dev/null || true; rm -rf "$TMP"' EXIT
ulimit -n 8192 2>/dev/null || true
cd "$TMP"
"$KEMBAR" import "$ROOT/data/indonesia.dossier.json" --db bench.db -q
printf 'bench password 123\n' | "$KEMBAR" user add bench --role viewer --db bench.db >/dev/null
PORT=$((20000 + RANDOM % 20000))
THREADS=${THREADS:-$(nproc)}
"$KEMBAR" serve --db bench.db --listen 127.0.0.1:$PORT --threads "$THREADS" >serve.out 2>serve.log &
SERVER=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/session" \
  -d '{"username":"bench","password":"bench password 123"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
ID=surabaya-liverpool
run() {  # label, path, extra wrk args
  local label=$1 path=$2; shift 2
  echo "== $label: GET $path, 64 connections, ${SECS}s, server threads $THREADS"
  wrk -t2 -c64 -d"${SECS}s" --latency "$@" "http://127.0.0.1:$PORT$path" |
    grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors|requests in'
}
run health /api/health
run partnership "/api/partnerships/$ID" -H "Authorization: Bearer $TOKEN"
# 1,000 idle keep-alive connections (each sent one request and keeps the socket open).
python3 - "$PORT" >idle.log 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1]); socks = []
for _ in range(1000):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"); s.recv(65536); socks.append(s)
print("idle connections open", flush=True)
time.sleep(3600)
PY
IDLE=$!
for _ in $(seq 100); do grep -q open idle.log 2>/dev/null && break; sleep 0.1; done
cat idle.log
run "partnership with 1,000 idle keep-alive connections" "/api/partnerships/$ID" -H "Authorization: Bearer $TOKEN"
kill $IDLE
kill -TERM $SERVER
wait $SERVER || true
echo "== server stopped on SIGTERM: $(tail -1 serve.out)"
