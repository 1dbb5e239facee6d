"""A throw-away PostgreSQL database for benchmarks and tests: created empty on a server,
dropped (even with open connections) when the block ends."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from pledgebook.store.engine import resolve_db_url


@contextmanager
def scratch_postgres_database(server_url: str, prefix: str = "pledgebook_scratch") -> Iterator[str]:
    """The URL of a new, empty database on the server at ``server_url``, dropped afterwards."""
    server = make_url(resolve_db_url(server_url))
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()
