"""Fault tests: real ``python -m pledgebook`` processes killed, starved of disk, cut off from
their server, run side by side; each ledger they leave is checked and compared with a clean
run's. PostgreSQL cases use $PLEDGEBOOK_TEST_PG_URL's server (scripts/start-postgres.sh) and,
for stopping and restarting a server, a private one started here with the same binaries;
without them the cases skip locally and FAIL when CI=true."""

from __future__ import annotations

import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))

from ledgerstate import LedgerState, consistency_errors, ledger_state  # noqa: E402
from pgserver import PrivateServer, find_bindir  # noqa: E402
from runner import DOCS, ingest, start, stored_documents, wait_for  # noqa: E402

PG_ENV = "PLEDGEBOOK_TEST_PG_URL"


def _missing(message: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@dataclass(frozen=True)
class CleanRun:
    """An uninterrupted ingest of the documents: what every interrupted one must end up as."""

    url: str
    state: LedgerState
    seconds: float  # start to exit
    linking: float  # last document stored to exit (linking, mostly)


@pytest.fixture(scope="session")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documents, at one path for every run (a document's source is its path)."""
    assert len(DOCS) >= 8, DOCS
    folder = tmp_path_factory.mktemp("faults") / "docs"
    folder.mkdir()
    for path in DOCS:
        shutil.copy(path, folder / path.name)
    return folder


def clean_run(url: str, docs: Path, *extra: str, stored: Callable[[], bool] | None = None) -> CleanRun:
    """Ingest ``docs`` uninterrupted, timing it; ``stored``: when every document is stored
    (default: all are in the ledger), from which on the run is linking."""
    from pledgebook.store import open_database

    began = time.monotonic()
    proc = start(ingest(url, docs, *extra))
    assert wait_for(proc, stored or (lambda: stored_documents(url) == len(DOCS))), proc.communicate()
    linking_from = time.monotonic()
    _, err = proc.communicate(timeout=600)
    ended = time.monotonic()
    assert proc.returncode == 0, err
    engine = open_database(url)
    try:
        assert consistency_errors(engine, settled=True) == []
        state = ledger_state(engine)
    finally:
        engine.dispose()
    assert state.threads and any(len(t) > 1 for t in state.threads), "the documents should make threads"
    return CleanRun(url, state, ended - began, ended - linking_from)


@pytest.fixture(scope="session")
def clean_sqlite(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> CleanRun:
    return clean_run(f"sqlite:///{tmp_path_factory.mktemp('clean') / 'ledger.db'}", docs)


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[Callable[[], str]]:
    """Make empty databases on the shared test server (all dropped at the end)."""
    url = os.environ.get(PG_ENV)
    if not url:
        _missing(f"{PG_ENV} is not set: run `eval \"$(scripts/start-postgres.sh)\"` first")
    server = make_url(url)
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make() -> str:
        name = f"pledgebook_f_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        made.append(name)
        return server.set(database=name).render_as_string(hide_password=False)

    yield make
    with admin.connect() as conn:
        for name in made:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(scope="session")
def clean_postgres(docs: Path, pg_databases: Callable[[], str]) -> CleanRun:
    return clean_run(pg_databases(), docs)


@pytest.fixture(scope="module")
def private_pg() -> Iterator[PrivateServer]:
    bindir = find_bindir()
    if bindir is None:
        _missing("no PostgreSQL server binaries (scripts/start-postgres.sh installs them)")
    server = PrivateServer(bindir)
    try:
        server.init()
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """A local Ray cluster of 2 CPUs for the module (or the one this process already has): the
    Ray ingests here use it instead of starting their own (``ray_connection``)."""
    import ray

    from pledgebook.scale.ray_engine import start_local_cluster

    if ray.is_initialized():
        yield
        return
    start_local_cluster(cpus=2, object_store_mb=256)
    try:
        yield
    finally:
        ray.shutdown()
