"""Scale tests: ingest on a local Ray cluster of 2 CPUs (as CI's machine has), on SQLite and on
the real PostgreSQL server (the ledger fixtures, tests/ledger_fixtures.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))  # test_kill.check_consistent


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
