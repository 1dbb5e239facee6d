#!/usr/bin/env bash
# A longer crash-consistency campaign than CI's: tests/faults/test_kills.py with every kill count
# multiplied by N (default 5) and a seed of your choice (default: the time), against SQLite and
# the PostgreSQL test server. Prints each kill and what the re-run made of it.
#   bash scripts/kill-campaign.sh [N] [SEED] [--python PATH]
# --python: the interpreter to run the tests with (default: ./.venv's, after scripts/setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
python="" positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python=$2; shift 2 ;;
    -*) echo "kill-campaign.sh: unknown option $1 (see the header of scripts/kill-campaign.sh)" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
if [ -z "$python" ]; then
  bash scripts/setup.sh --test >/dev/null
  python=.venv/bin/python
fi
eval "$(bash scripts/start-postgres.sh)"
export PLEDGEBOOK_TEST_PG_URL PLEDGEBOOK_KILL_CAMPAIGN="${positional[0]:-5}" \
  PLEDGEBOOK_KILL_SEED="${positional[1]:-$(date +%s)}"
echo "kill campaign: counts x${PLEDGEBOOK_KILL_CAMPAIGN}, seed ${PLEDGEBOOK_KILL_SEED}"
"$python" -m pytest -q -s -p no:cacheprovider tests/faults/test_kills.py
