"""Open a ledger: resolve where it is, connect, and migrate it on first use."""

from __future__ import annotations

import os

from sqlalchemy import Engine

from pledgebook.store.engine import make_engine, resolve_db_url
from pledgebook.store.migrate import current_revision, head_revision, upgrade_engine


def open_database(db: str | os.PathLike[str] | None = None) -> Engine:
    """An engine on the ledger at ``db`` (URL or bare SQLite path; default ``$PLEDGEBOOK_DB``
    or ``./pledgebook.db``), with every migration applied. The caller disposes of it."""
    engine = make_engine(resolve_db_url(db))
    try:
        if current_revision(engine) != head_revision():
            upgrade_engine(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine
