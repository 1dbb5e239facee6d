#!/usr/bin/env bash
# The tracking walkthrough of docs/tracking.md, on a fresh temporary SQLite ledger: the bundled
# examples (the founding example among them) and three later news reports of the U.S.-India
# pledges of 13 February 2025 (tests/data/walkthrough-news: summaries with their source URL and
# date), then three pledges marked with evidence (one is the founding example's ML-1 pledge),
# one correction, one statement the machine missed added (it joins its pledge's thread), one
# suggestion confirmed, and the compliance report.
# tests/track/test_walkthrough.py runs the same steps through the services and checks them.
#
#   bash scripts/walkthrough-tracking.sh [--python PATH] [--keep]
#
# --keep: leave the ledger (its path is printed) instead of deleting it. Output fits 80 columns.
set -euo pipefail
cd "$(dirname "$0")/.."
python="" keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "walkthrough-tracking.sh: unknown option $1 (see its header)" >&2; exit 2 ;;
  esac
done
[ -n "$python" ] || { [ -x .venv/bin/python ] && python=.venv/bin/python || python=python3; }
dir=$(mktemp -d -t pledgebook-walkthrough.XXXXXX)
db=$dir/ledger.db
[ -n "$keep" ] && echo "ledger: $db" || trap 'rm -rf "$dir"' EXIT
export COLUMNS=80
news=tests/data/walkthrough-news
framework="Framework for the U.S.-India Major Defense Partnership"

pb() { "$python" -m pledgebook "$@" --db "$db"; }
# fold80: lines over 80 characters wrapped at spaces (by characters: `fold` counts bytes and would
# cut the tables' box-drawing characters in two)
fold80() {
  "$python" -c 'import sys, textwrap
for line in sys.stdin.read().splitlines():
    print(textwrap.fill(line, 80, break_long_words=True) if len(line) > 80 else line)'
}
# echo: the command as typed (arguments with spaces quoted), folded at 80 columns
echo_command() {
  local line="$ pledgebook" arg
  for arg in "$@"; do [[ $arg == *" "* ]] && line+=" \"$arg\"" || line+=" $arg"; done
  printf '\n%s\n' "$line" | fold80
}
step() { echo_command "$@"; pb "$@" --author analyst; }
show() { echo_command "$@"; pb "$@" 2>&1 | fold80; }
# pick EXPR: evaluate EXPR over the JSON on stdin (bound to v) and print the result
pick() { "$python" -c "import json, sys; v = json.load(sys.stdin); print($1)"; }

show ingest pledgebook/examples "$news" --no-link --no-progress
show link --embedder hashing

# Pledge 1: the framework the leaders planned to sign in 2025, signed on 31 October 2025.
fw_thread=$(pb threads --entity "$framework" --format json | pick 'v[0]["id"]')
fw_row=$(pb ledger --entity "$framework" -f json \
  | pick '[r for r in v if "walkthrough-news" in r["document_source"]][0]')
fw_key=$(echo "$fw_row" | "$python" -c "import ast, sys; print(ast.literal_eval(sys.stdin.read())['statement_id'])")
fw_doc=${fw_key%%:*} fw_span=${fw_key#*:}
step status set "$fw_thread" --status fulfilled --party USA --score 1 --party IND --score 1 \
  --evidence-document "$fw_doc" --span "$fw_span" --note "signed in Kuala Lumpur"

# Pledge 2: 2025 as a pioneering year of civil space cooperation: the first Indian astronaut to
# the International Space Station through AXIOM, and the early launch of NISAR (30 July 2025).
nisar_thread=$(pb threads --entity NISAR --min-docs 1 --format json | pick 'v[0]["id"]')
step status set "$nisar_thread" --status in_progress --party IND --score 0 --party USA --score 0 \
  --evidence "https://www.business-standard.com/amp/india-news/isro-nasa-launch-1-5-billion-nisar-earth-observation-satellite-125073001617_1.html" \
  --note "NISAR launched on 30 July 2025"

# The founding example: "committed to its early deployment" (ML-1, 20 October 2023) is tracked
# from its own words: status pledged, with the statement's span as the evidence.
ml1_key=$(pb ledger --entity ML-1 --kind commitment -f json | pick 'v[0]["statement_id"]')
ml1_thread=$(pb threads --entity ML-1 --kind commitment --min-docs 1 --format json | pick 'v[0]["id"]')
step status set "$ml1_thread" --status pledged --evidence-document "${ml1_key%%:*}" --span "${ml1_key#*:}" \
  --note "as pledged in the joint statement; no later report in this ledger yet"

# One correction: the machine cut a second, wrong name ("... Partnership on Friday").
step review correct "$fw_key" --entity "$framework" --entity ADMM-Plus --note "one framework, named once"

# The report that the first Indian astronaut completed his mission aboard the International
# Space Station holds no statement: the analyst adds it (ISRO and NASA: India and the United
# States), and it joins the thread of the pledge it reports on.
step review add "$news/2025-07-15_ind-usa_axiom-4-returns.md" --kind position --actor ISRO --actor NASA \
  --quote "Shukla and his three crewmates completed an 18-day mission aboard the International Space Station" \
  --embedder hashing

# One confirmed suggestion: the thread now holds a later report of completion.
show suggestions --thread "$nisar_thread"
key=$(pb suggestions --thread "$nisar_thread" --format json | pick '[s["key"] for s in v if s["kind"] == "completion"][0]')
step review confirm "$key" --note "Axiom-4 back on 15 July 2025; NISAR launched"
step status set "$nisar_thread" --party IND --score 1 --party USA --score 1
show status history "$nisar_thread"
show report --by party
show report --by thread
