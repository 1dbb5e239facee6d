"""Tracking tests reuse the storage fixtures (SQLite + PostgreSQL) and hand-made records
(tests/store/recordkit.py); their documents are invented (tests/track/trackdocs.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

STORE_TESTS = Path(__file__).resolve().parent.parent / "store"
sys.path.insert(0, str(STORE_TESTS))  # recordkit
sys.path.insert(0, str(Path(__file__).resolve().parent))  # trackdocs

_spec = importlib.util.spec_from_file_location("track_store_fixtures", STORE_TESTS / "conftest.py")
assert _spec and _spec.loader
store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_fixtures)

db_url = store_fixtures.db_url
engine = store_fixtures.engine
postgres_url = store_fixtures.postgres_url
