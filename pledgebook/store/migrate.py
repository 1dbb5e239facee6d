"""Schema migrations, run programmatically with Alembic and applied on first use."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from pledgebook.store.engine import make_engine, resolve_db_url

MIGRATIONS = Path(__file__).with_name("migrations")
# Serialises concurrent first-time upgrades of one PostgreSQL ledger (an arbitrary constant).
_PG_LOCK_KEY = 0x706C6467
# Objects that exist only in the migrations (back-end specific search machinery), which
# autogenerate and model/schema comparisons must ignore.
_UNMODELLED = ("statements_fts", "search_vector", "ix_statements_search_vector")


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    return not (name or "").startswith(_UNMODELLED)


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Apply every pending migration; each commits together with its alembic_version row."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_LOCK_KEY})")
            conn.commit()  # the session-level lock outlives this transaction
        try:
            command.upgrade(alembic_config(conn), revision)
        finally:
            if conn.dialect.name == "postgresql":
                conn.rollback()
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_LOCK_KEY})")
                conn.commit()


def upgrade_database(url: str | None = None, revision: str = "head") -> str:
    """Bring the ledger at ``url`` (URL or bare SQLite path; default as in ``resolve_db_url``)
    up to ``revision``. Returns the resolved URL."""
    resolved = resolve_db_url(url)
    engine = make_engine(resolved)
    try:
        upgrade_engine(engine, revision)
    finally:
        engine.dispose()
    return resolved
