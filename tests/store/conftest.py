"""Storage tests: the ledger fixtures (``engine``, ``db_url``, ``postgres_url``) come from
tests/ledger_fixtures.py for every folder; recordkit (hand-made records) is importable here,
also by the subprocess scripts."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # recordkit
