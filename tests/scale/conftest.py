"""Scale tests: ingest on a local Ray cluster of 2 CPUs (as CI's machine has), on SQLite and on
the real PostgreSQL server (the storage fixtures, tests/store/conftest.py)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

STORE_TESTS = Path(__file__).resolve().parent.parent / "store"
sys.path.insert(0, str(STORE_TESTS))  # test_kill.check_consistent

_spec = importlib.util.spec_from_file_location("scale_store_fixtures", STORE_TESTS / "conftest.py")
assert _spec and _spec.loader
store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_fixtures)

db_url = store_fixtures.db_url
postgres_url = store_fixtures.postgres_url


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[None]:
    """A local Ray cluster with 2 CPUs for the session, shut down at its end; the ingests
    below find it running and use it (``ray_connection``) instead of starting their own."""
    from pledgebook.scale.ray_engine import start_local_cluster

    start_local_cluster(cpus=2, object_store_mb=256)
    import ray

    try:
        yield
    finally:
        ray.shutdown()
