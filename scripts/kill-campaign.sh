#!/usr/bin/env bash
# A longer crash-consistency campaign than CI's: tests/faults/test_kills.py with every kill count
# multiplied by N (default 5) and a seed of your choice (default: the time), against SQLite and
# the PostgreSQL test server. Prints each kill and what the re-run made of it.
#   bash scripts/kill-campaign.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test >/dev/null
eval "$(bash scripts/start-postgres.sh)"
export PLEDGEBOOK_TEST_PG_URL PLEDGEBOOK_KILL_CAMPAIGN="${1:-5}" PLEDGEBOOK_KILL_SEED="${2:-$(date +%s)}"
echo "kill campaign: counts x${PLEDGEBOOK_KILL_CAMPAIGN}, seed ${PLEDGEBOOK_KILL_SEED}"
.venv/bin/python -m pytest -q -s -p no:cacheprovider tests/faults/test_kills.py
