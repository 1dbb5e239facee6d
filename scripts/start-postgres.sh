#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for pledgebook's storage tests.
#
#   eval "$(scripts/start-postgres.sh)"    # exports PLEDGEBOOK_TEST_PG_URL
#
# Installs Debian's `postgresql` package if no server binaries are found (needs root),
# creates a cluster in $PLEDGEBOOK_PG_DIR (default /tmp/pledgebook-pg) listening only on
# 127.0.0.1 (trust auth: loopback-only and disposable), creates the test database and
# prints an `export` line on stdout; all other output goes to stderr. Idempotent: if the
# cluster is already up it only re-prints the URL.
set -euo pipefail

PGDIR=${PLEDGEBOOK_PG_DIR:-/tmp/pledgebook-pg}
PORT=${PLEDGEBOOK_PG_PORT:-55432}
DB=${PLEDGEBOOK_PG_DB:-pledgebook_test}
SOCKDIR=/tmp

log() { echo "start-postgres: $*" >&2; }

find_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

BINDIR=$(find_bindir)
if [[ -z "$BINDIR" ]]; then
  if [[ $EUID -ne 0 ]]; then log "PostgreSQL is not installed and I am not root"; exit 1; fi
  log "installing postgresql with apt-get"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
  BINDIR=$(find_bindir)
fi

# initdb/postgres refuse to run as root: run them as the `postgres` user when we are root.
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ ! -s "$PGDIR/PG_VERSION" ]]; then
  log "creating cluster in $PGDIR"
  mkdir -p "$PGDIR"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$PGDIR"
  chmod 700 "$PGDIR"
  as_owner "$BINDIR/initdb" -D "$PGDIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi

if as_owner "$BINDIR/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
  PORT=$(cat "$PGDIR/pledgebook.port" 2>/dev/null || echo "$PORT")
  log "already running on port $PORT"
else
  # The default port may be taken by another server: take the next free one.
  while port_busy "$PORT"; do PORT=$((PORT + 1)); done
  as_owner "$BINDIR/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w start \
    -o "-p $PORT -k $SOCKDIR -c listen_addresses=127.0.0.1 -c max_connections=200" >&2
  echo "$PORT" | as_owner tee "$PGDIR/pledgebook.port" >/dev/null
  log "started on 127.0.0.1:$PORT"
fi

PSQL=("$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
if [[ -z "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
  "${PSQL[@]}" -c "CREATE DATABASE \"$DB\"" >&2
  log "created database $DB"
fi

echo "export PLEDGEBOOK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
