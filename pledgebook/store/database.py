"""Open a ledger: resolve where it is, connect, and migrate it on first use."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from pledgebook.store.engine import make_engine, resolve_db_url
from pledgebook.store.faults import describe_fault, is_fault
from pledgebook.store.migrate import current_revision, head_revision, upgrade_engine


class LedgerUnavailable(Exception):
    """The ledger cannot be opened (bad URL, server down, not a database). One-line message."""


def open_database(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Engine:
    """An engine on the ledger at ``db`` (URL or bare SQLite path; default ``$PLEDGEBOOK_DB``
    or ``./pledgebook.db``), with every migration applied. The caller disposes of it.
    ``create=False`` (commands that only read): a SQLite file that does not exist, or a
    database without the ledger's tables, is refused, and nothing (no file, no folder, no
    table) is created.

    Raises ``LedgerUnavailable`` when it cannot be reached or is not a usable database."""
    try:
        url = resolve_db_url(db)
        if not create:
            _refuse_missing_file(url)
        else:
            _refuse_read_only_file(url)
        engine = make_engine(url)
    except (ArgumentError, ValueError, OSError) as err:
        raise LedgerUnavailable(f"cannot open ledger {db}: {err}") from err
    try:
        revision = current_revision(engine)
        if revision is None and not create:
            engine.dispose()
            where = make_url(url).render_as_string(hide_password=True)
            raise LedgerUnavailable(f"no ledger in {where}: the database holds no pledgebook tables "
                                    "(check --db or $PLEDGEBOOK_DB; `pledgebook ingest` creates a ledger)")
        if revision != head_revision():
            upgrade_engine(engine)
    except DBAPIError as err:
        engine.dispose()
        where = make_url(url).render_as_string(hide_password=True)
        reason = describe_fault(err) if is_fault(err) else " ".join(str(err.orig or err).split())
        if (read_only := _read_only(url)) is not None:  # SQLite cannot even read a WAL ledger it cannot write
            reason = f"{reason}: {read_only}"
        raise LedgerUnavailable(f"cannot open ledger {where}: {reason}") from err
    except BaseException:
        engine.dispose()
        raise
    return engine


def _refuse_missing_file(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return  # a server database that does not exist fails on connect, creating nothing
    if not Path(parsed.database).is_file():
        raise LedgerUnavailable(f"no ledger at {parsed.database}: nothing is stored there "
                                "(check --db or $PLEDGEBOOK_DB; `pledgebook ingest` creates a ledger)")
    if not _sqlite_has_ledger(parsed.database):  # read-only: a file that is not a ledger stays untouched
        raise LedgerUnavailable(f"no ledger in {parsed.database}: the file holds no pledgebook tables "
                                "(check --db or $PLEDGEBOOK_DB; `pledgebook ingest` creates a ledger)")


def _refuse_read_only_file(url: str) -> None:
    """A writer refuses a SQLite ledger it could not write before doing any work (an ingest
    would otherwise extract every file, then fail at its first write)."""
    if (reason := _read_only(url)) is not None:
        raise LedgerUnavailable(f"{reason}; nothing was changed")


def _read_only(url: str) -> str | None:
    """Why a SQLite ledger cannot be written, if it cannot: SQLite also writes its journal
    files next to the ledger, so the folder must be writable too."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database)
    blocked = [p for p in (path, path.parent) if p.exists() and not os.access(p, os.W_OK)]
    if not blocked:
        return None
    what = "file" if blocked[0] == path else "folder"
    return (f"the ledger is read-only: cannot write to its {what} {blocked[0]} "
            "(check its permissions or the disk's mount)")


def _sqlite_has_ledger(path: str) -> bool:
    try:
        with closing(sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone() is not None
    except sqlite3.DatabaseError as err:  # not a database at all, or a WAL ledger on read-only media
        read_only = _read_only(f"sqlite:///{path}")
        raise LedgerUnavailable(f"cannot open ledger {path}: {err}" + (f": {read_only}" if read_only else "")) from err
