"""Linking tests use the ledger fixtures (tests/ledger_fixtures.py: SQLite + PostgreSQL) and
hand-made records."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))  # recordkit
sys.path.insert(0, str(Path(__file__).resolve().parent))  # docs
