"""Ledger fixtures for every test folder (registered in tests/conftest.py): ``engine`` and
``db_url`` run a test against both back ends, SQLite (a temp file) and a real PostgreSQL
server from $PLEDGEBOOK_TEST_PG_URL (start one with scripts/start-postgres.sh). Without that
variable the PostgreSQL cases skip locally but FAIL when CI=true, so CI never skips them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from pledgebook.store.scratch import scratch_postgres_database

PG_ENV = "PLEDGEBOOK_TEST_PG_URL"


def _postgres_server_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        message = f"{PG_ENV} is not set: run `eval \"$(scripts/start-postgres.sh)\"` first"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return url


def fresh_postgres_database(prefix: str = "pledgebook_t"):
    """The URL of a new, empty database on the test server, dropped when the block ends."""
    return scratch_postgres_database(_postgres_server_url(), prefix=prefix)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server, dropped afterwards."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty ledger location on each back end (not yet migrated)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated ledger on each back end."""
    from pledgebook.store import open_database

    eng = open_database(db_url)
    yield eng
    eng.dispose()
