#!/usr/bin/env bash
# A bounded fuzzing campaign over the readers, the segmenter, extraction and ingest into a
# scratch SQLite ledger (tests/fuzz/test_hostile_input.py: random bytes, invalid UTF-8, mixed
# encodings, enormous lines, deep and broken HTML, broken, encrypted and bomb PDFs, control
# characters). Prints the number of cases run and every failure.
#
#   bash scripts/fuzz.sh [--cases N] [--seconds S] [--seed K] [--python PATH]
#
# --cases: cases per property (default 500; the suite runs 40); --seconds: the time cap for the
# whole campaign (default 900; at the cap it stops and counts what ran); --seed: Hypothesis's
# seed, to repeat a campaign (default: a new one, printed). Exit 0 when no case failed.
set -uo pipefail
cd "$(dirname "$0")/.."
cases=500 seconds=900 seed=$RANDOM$RANDOM python=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    *) echo "fuzz.sh: unknown option $1 (see the header of scripts/fuzz.sh)" >&2; exit 2 ;;
  esac
done
[ -n "$python" ] || { [ -x .venv/bin/python ] && python=.venv/bin/python || python=python3; }
log=$(mktemp -t pledgebook-fuzz.XXXXXX)
echo "fuzz: $cases cases per property, seed $seed, at most ${seconds}s (log: $log)"
started=$(date +%s)
timeout -s INT -k 30 "$seconds" "$python" -m pytest -q -p no:cacheprovider tests/fuzz/test_hostile_input.py \
  --fuzz-cases "$cases" --hypothesis-seed "$seed" --hypothesis-show-statistics >"$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - started ))
# Hypothesis's statistics: "- 480 passing, 0 failing, and 21 invalid test cases" per property
read -r passing failing < <(grep -Eo '[0-9]+ passing, [0-9]+ failing' "$log" \
  | awk '{p += $1; f += $3} END {print p + 0, f + 0}')
echo "fuzz: $((passing + failing)) cases run ($passing passing, $failing failing) in ${elapsed}s"
if [ "$status" -eq 124 ] || [ "$status" -eq 130 ]; then
  echo "fuzz: stopped at the ${seconds}s time cap (the count is of the properties that finished)"
  status=0
fi
if grep -qE '^(FAILED|ERROR) ' "$log"; then
  echo "fuzz: failures (rerun with --seed $seed to repeat them):"
  grep -E '^(FAILED|ERROR) ' "$log"
  grep -E 'Falsifying example|^E  ' "$log" | head -40
  exit 1
fi
exit "$status"
