"""Tracking tests use the ledger fixtures (tests/ledger_fixtures.py: SQLite + PostgreSQL), hand-made records
(tests/store/recordkit.py); their documents are invented (tests/track/trackdocs.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))  # recordkit
sys.path.insert(0, str(Path(__file__).resolve().parent))  # trackdocs
