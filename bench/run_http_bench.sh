#!/usr/bin/env bash
# HTTP load on `kembar serve` beside nginx serving the same answers as static files, on
# loopback, in the same run: requests/s and p50/p99 latency with wrk at 64 connections,
# then again while 1,000 idle keep-alive connections stay open.
#   bench/run_http_bench.sh [BUILD_DIR] [SECONDS]
# Environment:
#   ENDPOINTS  space-separated request targets, "{id}" standing for a partnership id
#              (default: "/api/partnerships/{id} /api/partnerships?per_page=50")
#   N          partnerships in the database (default 10000; bench/gen_dossier.py)
#   THREADS    kembar threads and nginx workers (default: nproc)
#   CONNS      wrk connections (default 64); IDLE idle connections (default 1000)
#   KEMBAR_BENCH_DIR  where the generated dossier and database are kept between runs
# Installs wrk and nginx-light (Debian) when missing. Not part of ctest or .ci/run.
set -euo pipefail
BUILD=${1:-build}
SECS=${2:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEMBAR=$(realpath "$BUILD/kembar")
ENDPOINTS=${ENDPOINTS:-"/api/partnerships/{id} /api/partnerships?per_page=50"}
N=${N:-10000}
THREADS=${THREADS:-$(nproc)}
CONNS=${CONNS:-64}
IDLE=${IDLE:-1000}
CACHE=${KEMBAR_BENCH_DIR:-/tmp/kembar-bench}

# --- tools: wrk and nginx, from Debian, when missing ----------------------------------
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if ! command -v wrk >/dev/null || [ ! -x "$NGINX" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx-light wrk
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
fi
command -v python3 >/dev/null && command -v curl >/dev/null || {
  echo "python3 and curl are needed" >&2
  exit 1
}

TMP=$(mktemp -d)
chmod 755 "$TMP"  # nginx workers (nobody when started as root) read the files
SERVER="" NGINX_PID="" IDLE_PID=""
cleanup() {
  for p in $IDLE_PID $NGINX_PID $SERVER; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# --- the database: N partnerships, generated and imported once --------------------------
mkdir -p "$CACHE"
DB="$CACHE/http-$N.db"
if [ ! -f "$DB" ]; then
  [ -f "$CACHE/dossier-$N.json" ] || python3 "$ROOT/bench/gen_dossier.py" "$N" "$CACHE/dossier-$N.json"
  "$KEMBAR" import "$CACHE/dossier-$N.json" --db "$DB.tmp" -q
  printf 'bench password 123\n' | "$KEMBAR" user add bench --role viewer --db "$DB.tmp" >/dev/null
  mv "$DB.tmp" "$DB"
  rm -f "$DB.tmp-wal" "$DB.tmp-shm"
fi
cp "$DB" "$TMP/bench.db"

# --- kembar serve -------------------------------------------------------------------------
PORT=$((20000 + RANDOM % 10000))
NPORT=$((PORT + 10000))
"$KEMBAR" serve --db "$TMP/bench.db" --listen 127.0.0.1:$PORT --threads "$THREADS" \
  >"$TMP/serve.out" 2>"$TMP/serve.log" &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/session" \
  -d '{"username":"bench","password":"bench password 123"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
ID=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/partnerships?per_page=1&page=$((N / 2))" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# --- nginx: the same answers as static files ----------------------------------------------
mkdir -p "$TMP/www" "$TMP/nginx-tmp"
MAP=""
TARGETS=()
i=0
for e in $ENDPOINTS; do
  target=${e//\{id\}/$ID}
  TARGETS+=("$target")
  curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$target" >"$TMP/www/$i.json"
  MAP+="    \"$target\" /$i.json;"$'\n'
  i=$((i + 1))
done
chmod -R a+rX "$TMP/www"
cat >"$TMP/nginx.conf" <<NGINX
worker_processes $THREADS;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
daemon off;
events { worker_connections 8192; }
http {
  map_hash_bucket_size 256;  # request targets with a query are long keys
  access_log $TMP/nginx-access.log;
  client_body_temp_path $TMP/nginx-tmp/body;
  proxy_temp_path $TMP/nginx-tmp/proxy;
  fastcgi_temp_path $TMP/nginx-tmp/fastcgi;
  uwsgi_temp_path $TMP/nginx-tmp/uwsgi;
  scgi_temp_path $TMP/nginx-tmp/scgi;
  keepalive_timeout 65s;
  keepalive_requests 100000000;
  map \$request_uri \$answer {
    default "";
$MAP  }
  server {
    listen 127.0.0.1:$NPORT;
    root $TMP/www;
    default_type application/json;
    # The headers kembar sends on every /api answer.
    add_header X-Content-Type-Options nosniff;
    add_header Content-Security-Policy "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    add_header X-Frame-Options DENY;
    add_header Referrer-Policy no-referrer;
    add_header Cache-Control no-store;
    location / { try_files \$answer =404; }
  }
}
NGINX
"$NGINX" -p "$TMP" -c "$TMP/nginx.conf" -e "$TMP/nginx-error.log" &
NGINX_PID=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NPORT${TARGETS[0]}" >/dev/null && break; sleep 0.1; done
for t in "${TARGETS[@]}"; do
  cmp -s <(curl -sf "http://127.0.0.1:$NPORT$t") <(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$t") ||
    echo "warning: nginx and kembar answer $t differently" >&2
done

echo "kembar serve and nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), $THREADS threads/workers each," \
  "$N partnerships, wrk -t2 -c$CONNS -d${SECS}s, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"

# run SERVER_PORT TARGET: prints "rps p50 p99 errors non2xx requests"
run() {
  KEMBAR_TOKEN=$TOKEN wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$ROOT/bench/http/wrk_report.lua" \
    "http://127.0.0.1:$1$2" | sed -n 's/^RESULT //p'
}
# with_idle SERVER_PORT TARGET: the same with IDLE idle keep-alive connections open.
with_idle() {
  python3 "$ROOT/bench/http/idle_connections.py" "$1" "$2" "$IDLE" "$TOKEN" 600 >"$TMP/idle.log" 2>&1 &
  IDLE_PID=$!
  for _ in $(seq 300); do grep -q open "$TMP/idle.log" 2>/dev/null && break; sleep 0.1; done
  local opened
  opened=$(sed -n 's/idle connections open: //p' "$TMP/idle.log")
  run "$1" "$2"
  kill "$IDLE_PID" 2>/dev/null || true
  wait "$IDLE_PID" 2>/dev/null || true
  IDLE_PID=""
  [ "${opened:-0}" -eq "$IDLE" ] || echo "warning: only ${opened:-0} of $IDLE idle connections opened" >&2
  sleep 1
}

printf '\n| endpoint | idle conns | kembar req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | kembar/nginx | errors k/n |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for e in $ENDPOINTS; do
  target=${e//\{id\}/$ID}
  for idle in 0 "$IDLE"; do
    if [ "$idle" = 0 ]; then
      read -r krps kp50 kp99 kerr knon kreq < <(run $PORT "$target")
      read -r nrps np50 np99 nerr nnon nreq < <(run $NPORT "$target")
    else
      read -r krps kp50 kp99 kerr knon kreq < <(with_idle $PORT "$target")
      read -r nrps np50 np99 nerr nnon nreq < <(with_idle $NPORT "$target")
    fi
    ratio=$(python3 -c "print(f'{$krps / max($nrps, 1):.2f}')")
    printf '| `GET %s` | %s | %s | %s | %s | %s | %s | %s | %s | %s/%s |\n' "$e" "$idle" \
      "$krps" "$kp50" "$kp99" "$nrps" "$np50" "$np99" "$ratio" "$((kerr + knon))" "$((nerr + nnon))"
  done
done

kill -TERM $SERVER
wait $SERVER || true
SERVER=""
echo
echo "server stopped on SIGTERM: $(tail -1 "$TMP/serve.out")"
