#!/usr/bin/env bash
# Set up everything and run the whole test suite: layer contracts, then pytest against
# SQLite and a real PostgreSQL server started on loopback. A server this script starts is
# stopped when it ends (scripts/stop-postgres.sh); one that was already running, or given
# by $PLEDGEBOOK_TEST_PG_URL, is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
if [ -z "${PLEDGEBOOK_TEST_PG_URL:-}" ]; then
  if ! bash scripts/stop-postgres.sh --status; then
    trap 'bash scripts/stop-postgres.sh' EXIT  # we start it: we stop it, whatever the tests did
  fi
  eval "$(bash scripts/start-postgres.sh)"
fi
export PLEDGEBOOK_TEST_PG_URL
.venv/bin/lint-imports
.venv/bin/python -m pytest -q -n 2 "$@"
