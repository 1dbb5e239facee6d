"""Open a ledger: resolve where it is, connect, and migrate it on first use."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from pledgebook.store.engine import make_engine, resolve_db_url
from pledgebook.store.migrate import current_revision, head_revision, upgrade_engine


class LedgerUnavailable(Exception):
    """The ledger cannot be opened (bad URL, server down, not a database). One-line message."""


def open_database(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Engine:
    """An engine on the ledger at ``db`` (URL or bare SQLite path; default ``$PLEDGEBOOK_DB``
    or ``./pledgebook.db``), with every migration applied. The caller disposes of it.
    ``create=False`` (commands that only read): a SQLite file that does not exist is refused,
    and nothing (no file, no folder) is created.

    Raises ``LedgerUnavailable`` when it cannot be reached or is not a usable database."""
    try:
        url = resolve_db_url(db)
        if not create:
            _refuse_missing_file(url)
        engine = make_engine(url)
    except (ArgumentError, ValueError, OSError) as err:
        raise LedgerUnavailable(f"cannot open ledger {db}: {err}") from err
    try:
        if current_revision(engine) != head_revision():
            upgrade_engine(engine)
    except DBAPIError as err:
        engine.dispose()
        where = make_url(url).render_as_string(hide_password=True)
        reason = " ".join(str(err.orig or err).split())  # drivers spread one error over lines
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
