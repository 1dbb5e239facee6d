#!/usr/bin/env bash
# Set up everything and run the whole test suite: layer contracts, then pytest against
# SQLite and a real PostgreSQL server started on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
if [ -z "${PLEDGEBOOK_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/start-postgres.sh)"
fi
export PLEDGEBOOK_TEST_PG_URL
.venv/bin/lint-imports
.venv/bin/python -m pytest -q -n 2 "$@"
