"""API tests: FastAPI's TestClient over a real ledger holding the bundled examples.

The examples are ingested and linked once per session into a SQLite template; each module
gets its own copy (writes in one module never reach another). The PostgreSQL module ingests
into a fresh database on the test server ($PLEDGEBOOK_TEST_PG_URL, scripts/start-postgres.sh)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

TOKEN = "test-token-5f2c"  # noqa: S105 - a test server's token


def ingest_examples(db: str) -> None:
    """What `pledgebook demo` stores: every bundled example, ingested and linked."""
    from pledgebook.link import link_new_statements
    from pledgebook.read import iter_input_paths
    from pledgebook.store import open_database
    from pledgebook.store.batch import ingest_paths

    engine = open_database(db)
    try:
        summary = ingest_paths(engine, [str(p) for p in iter_input_paths([EXAMPLES])])
        assert not summary.failed and summary.new >= 5, summary
        link_new_statements(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def example_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api-template") / "examples.db"
    ingest_examples(str(path))
    assert not path.with_name(path.name + "-wal").exists() or path.with_name(path.name + "-wal").stat().st_size == 0
    return path


@pytest.fixture(scope="module")
def ledger(example_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This module's own copy of the example ledger."""
    path = tmp_path_factory.mktemp("api-ledger") / "ledger.db"
    shutil.copyfile(example_template, path)
    return path


def client_for(db: str, **kwargs):  # -> TestClient
    from fastapi.testclient import TestClient

    from pledgebook.serve.app import create_app

    return TestClient(create_app(db, **kwargs), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(ledger: Path) -> Iterator:
    """A server with a token (writes allowed with it)."""
    with client_for(str(ledger), token=TOKEN) as c:
        yield c


@pytest.fixture(scope="module")
def engine(client):
    return client.app.state.engine


AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def postgres_db() -> Iterator[str]:
    """A fresh database on the PostgreSQL test server for the module, dropped afterwards. Without
    the server the module skips locally and fails under CI=true, as the storage tests do."""
    from ledger_fixtures import fresh_postgres_database

    with fresh_postgres_database("pledgebook_api") as url:
        yield url
