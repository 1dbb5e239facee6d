"""Where the ledger lives, and how to connect to it.

``--db`` / ``$PLEDGEBOOK_DB`` take either a SQLAlchemy URL (``postgresql+psycopg://...``,
``sqlite:///...``) or a bare file path, which means SQLite. Without either, the ledger is
``./pledgebook.db``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DB_ENV = "PLEDGEBOOK_DB"
DEFAULT_DB_FILE = "pledgebook.db"
# libpq and most hosting services write postgres://, which SQLAlchemy 2 no longer takes.
_POSTGRES_SCHEME = re.compile(r"^postgres(?=(\+\w+)?://)", re.IGNORECASE)


def resolve_db_url(value: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for ``value``, else ``$PLEDGEBOOK_DB``, else ``./pledgebook.db``.
    ``postgres://``, ``postgresql://`` and ``postgresql+DRIVER://`` all mean our psycopg driver."""
    raw = os.fspath(value) if value is not None else os.environ.get(DB_ENV) or DEFAULT_DB_FILE
    if "://" in raw:
        url = make_url(_POSTGRES_SCHEME.sub("postgresql", raw, count=1))  # ArgumentError if malformed
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError(f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL")
        if url.get_backend_name() == "postgresql" and url.drivername != "postgresql+psycopg":
            url = url.set(drivername="postgresql+psycopg")  # the one driver we ship
        return url.render_as_string(hide_password=False)
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def make_engine(url: str) -> Engine:
    """An engine with the settings the ledger relies on (no migrations applied)."""
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str) -> Engine:
    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")  # readers (Datasette, ledger) never block ingest
        cur.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL is still crash-safe
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        # pysqlite defers BEGIN to the first write, so a read-then-write transaction is not
        # atomic and DDL would run outside it. Begin explicitly; writers ask for IMMEDIATE so
        # two ingesting processes queue on the lock instead of failing on upgrade.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning write transactions (``BEGIN IMMEDIATE`` on SQLite)."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine
