#!/usr/bin/env bash
# Stop the throwaway PostgreSQL cluster that scripts/start-postgres.sh started.
#
#   bash scripts/stop-postgres.sh            # stop it (the cluster's files are kept)
#   bash scripts/stop-postgres.sh --status   # exit 0 if it is running, non-zero if not
#
# Only the cluster in $PLEDGEBOOK_PG_DIR (default /tmp/pledgebook-pg) is touched: never
# another PostgreSQL server on this machine. Stopping one that is not running is not an error.
set -euo pipefail

PGDIR=${PLEDGEBOOK_PG_DIR:-/tmp/pledgebook-pg}
log() { echo "stop-postgres: $*" >&2; }

BINDIR=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$BINDIR" || ! -x "$BINDIR/pg_ctl" ]]; then
  if command -v pg_ctl >/dev/null 2>&1; then BINDIR=$(dirname "$(command -v pg_ctl)"); else BINDIR=""; fi
fi
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
running() {
  [[ -n "$BINDIR" && -s "$PGDIR/PG_VERSION" ]] && as_owner "$BINDIR/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1
}

if [[ "${1:-}" == "--status" ]]; then
  running
  exit $?
fi
if ! running; then
  log "no cluster running in $PGDIR"
  exit 0
fi
as_owner "$BINDIR/pg_ctl" -D "$PGDIR" -m fast -w stop >&2
log "stopped the cluster in $PGDIR"
