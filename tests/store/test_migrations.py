from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from pledgebook.store import open_database, upgrade_database
from pledgebook.store.engine import make_engine
from pledgebook.store.migrate import current_revision, head_revision, include_object
from pledgebook.store.models import Base

LEDGER_TABLES = {
    "documents", "extraction_runs", "statements", "statement_entities", "statement_actors",
    "statement_sectors", "threads", "thread_members", "thread_overrides", "status_history",
    "status_compliance",
}


def test_upgrade_creates_schema_and_version_row(db_url: str) -> None:
    upgrade_database(db_url)
    engine = make_engine(db_url)
    try:
        insp = inspect(engine)
        assert LEDGER_TABLES <= set(insp.get_table_names())
        assert "ledger" in insp.get_view_names()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head_revision()]
            assert conn.execute(text("SELECT count(*) FROM ledger")).scalar() == 0
        # every foreign key Datasette needs to link rows is declared
        fks = {(fk["referred_table"], tuple(fk["constrained_columns"])) for fk in insp.get_foreign_keys("statements")}
        assert fks == {("documents", ("document_id",)), ("extraction_runs", ("run_id",))}
    finally:
        engine.dispose()


def test_models_match_migrated_schema(db_url: str) -> None:
    """The ORM models and the migrations describe the same schema (no drift)."""
    upgrade_database(db_url)
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        engine.dispose()


def test_migrations_apply_one_by_one_and_rerun_is_a_no_op(db_url: str) -> None:
    upgrade_database(db_url, "0001")
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == "0001"
        assert "threads" not in inspect(engine).get_table_names()
        upgrade_database(db_url)
        upgrade_database(db_url)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_full_text_machinery_exists(db_url: str) -> None:
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
                assert {"statements_fts", "statements_fts_insert", "statements_fts_delete"} <= names
                # how Datasette finds the FTS table of "statements" (datasette.utils.detect_fts_sql)
                assert conn.execute(text(
                    "SELECT name FROM sqlite_master WHERE rootpage = 0 AND "
                    "sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"statements\"%'")).scalars().all() == ["statements_fts"]
            else:
                cols = {c["name"] for c in inspect(conn).get_columns("statements")}
                assert "search_vector" in cols
                assert "ix_statements_search_vector" in {i["name"] for i in inspect(conn).get_indexes("statements")}
    finally:
        engine.dispose()


def test_status_history_is_append_only(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO status_history (statement_record_id, status, author, created_at) "
                 "VALUES ('x:0-1', 'pledged', 'tester', CURRENT_TIMESTAMP)")
        )
    for sql in ("UPDATE status_history SET status = 'fulfilled'", "DELETE FROM status_history"):
        with pytest.raises(Exception, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM status_history")).scalars().all() == ["pledged"]
