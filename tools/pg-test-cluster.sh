#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests (Debian's postgresql-15 package).
#
#   tools/pg-test-cluster.sh start DIR   initdb in DIR (made, owned by `postgres`),
#                                        start on a free port, print the URL
#   tools/pg-test-cluster.sh stop DIR    stop it and remove DIR
#
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres`
# system user. It listens on a Unix socket in DIR only (no TCP), with trust
# authentication: for local tests, never for a real deployment (docs/postgresql.md).
set -euo pipefail
cmd=${1:?usage: pg-test-cluster.sh start|stop DIR}
dir=${2:?usage: pg-test-cluster.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U kembar --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port number (the socket's name carries it; nothing listens on TCP).
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses='' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://kembar@/postgres?host=$dir&port=$port"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-test-cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
