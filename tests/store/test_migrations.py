from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from pledgebook.store import open_database, upgrade_database
from pledgebook.store.engine import make_engine
from pledgebook.store.migrate import alembic_config, current_revision, head_revision, include_object
from pledgebook.store.models import Base

LEDGER_TABLES = {
    "documents", "extraction_runs", "statements", "statement_entities", "statement_actors",
    "statement_sectors", "threads", "thread_members", "thread_membership_log", "thread_overrides",
    "status_history", "status_compliance",
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
            text("INSERT INTO status_history (statement_key, status, author, created_at) "
                 "VALUES ('x:0-1', 'pledged', 'tester', CURRENT_TIMESTAMP)")
        )
    for sql in ("UPDATE status_history SET status = 'fulfilled'", "DELETE FROM status_history"):
        with pytest.raises(Exception, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM status_history")).scalars().all() == ["pledged"]


def test_membership_log_is_append_only(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO threads (label, created_at, updated_at) "
                          "VALUES ('t', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO thread_membership_log (statement_key, to_thread_id, reason, author, added_by, "
                          "created_at) VALUES ('x:0-1', 1, 'linked', 'tester', 'auto', CURRENT_TIMESTAMP)"))
    for sql in ("UPDATE thread_membership_log SET reason = 'merged'", "DELETE FROM thread_membership_log"):
        with pytest.raises(Exception, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    with pytest.raises(Exception, match="ck_thread_membership_log_move"):  # a move goes somewhere
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO thread_membership_log (statement_key, from_thread_id, to_thread_id, reason, "
                              "author, added_by, created_at) VALUES ('x:0-1', 1, 1, 'rebuilt', 't', 'auto', "
                              "CURRENT_TIMESTAMP)"))


# A ledger as 0003 left it: a document re-extracted once (the statement moved by a character
# and got a new record id), both runs' statements in a thread, a status entry and a decision.
LEDGER_0003 = [
    "INSERT INTO documents (id, record_id, source, parties, kind, content_hash, chars, text, ingested_at) "
    "VALUES (1, 'd', 'd.txt', '[]', 'other', 'h', 30, ' We will build a bridge here.', CURRENT_TIMESTAMP)",
    "INSERT INTO extraction_runs (id, document_id, extractor_version, codebook_version, record_version, "
    "created_at, is_current) VALUES (1, 1, 'x1', 'c', '1.0', CURRENT_TIMESTAMP, FALSE), "
    "(2, 1, 'x2', 'c', '1.0', CURRENT_TIMESTAMP, TRUE)",
    "INSERT INTO statements (id, run_id, document_id, record_id, start, \"end\", text, kind, actors, sectors, "
    "rationale) VALUES (1, 1, 1, 'd:0-28', 0, 28, ' We will build a bridge here', 'commitment', '[]', '[]', 'r'), "
    "(2, 2, 1, 'd:1-28', 1, 28, 'We will build a bridge here', 'commitment', '[]', '[]', 'r'), "
    "(3, 2, 1, 'd:0-1', 0, 1, ' ', 'position', '[]', '[]', 'r')",
    "INSERT INTO threads (id, label, created_at, updated_at) VALUES (7, 'bridge', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "INSERT INTO thread_members (statement_id, thread_id, similarity, added_by, created_at) "
    "VALUES (1, 7, NULL, 'auto', CURRENT_TIMESTAMP), (2, 7, 0.9, 'manual', CURRENT_TIMESTAMP)",
    "INSERT INTO status_history (statement_record_id, status, author, created_at) "
    "VALUES ('d:0-28', 'pledged', 'analyst', CURRENT_TIMESTAMP)",
    "INSERT INTO thread_overrides (statement_a, statement_b, decision, author, created_at) "
    "VALUES ('d:1-28', 'e:5-9', 'separate', 'analyst', CURRENT_TIMESTAMP)",
]


def test_0004_backfills_keys_and_logs_existing_memberships(db_url: str) -> None:
    upgrade_database(db_url, "0003")
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            for sql in LEDGER_0003:
                conn.execute(text(sql))
        upgrade_database(db_url)
        with engine.connect() as conn:
            keys = conn.execute(text("SELECT record_id, stable_key FROM statements ORDER BY id")).all()
            assert [tuple(k) for k in keys] == [("d:0-28", "d:0-28"), ("d:1-28", "d:1-28"), ("d:0-1", "d:0-1")]
            # one membership per key, the newest run's row where a key has several
            members = conn.execute(text("SELECT statement_key, thread_id, similarity, added_by FROM thread_members "
                                        "ORDER BY statement_key")).all()
            assert [tuple(m) for m in members] == [("d:0-28", 7, None, "auto"), ("d:1-28", 7, 0.9, "manual")]
            log = conn.execute(text("SELECT statement_key, from_thread_id, to_thread_id, reason FROM "
                                    "thread_membership_log ORDER BY statement_key")).all()
            assert [tuple(r) for r in log] == [("d:0-28", None, 7, "migrated"), ("d:1-28", None, 7, "migrated")]
            assert conn.execute(text("SELECT statement_key FROM status_history")).scalar() == "d:0-28"
            assert conn.execute(text("SELECT statement_key, rule FROM ledger ORDER BY statement_key")).all() == [
                ("d:0-1", None), ("d:1-28", None)]
        with engine.connect() as conn:  # and back: memberships of current statements by row id again
            command.downgrade(alembic_config(conn), "0003")
            conn.commit()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT statement_id, thread_id FROM thread_members")).all() == [(2, 7)]
            assert conn.execute(text("SELECT statement_record_id FROM status_history")).scalar() == "d:0-28"
        upgrade_database(db_url)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_0005_adds_due_columns_and_back(db_url: str) -> None:
    upgrade_database(db_url, "0004")
    engine = make_engine(db_url)
    try:
        assert "when_due" not in {c["name"] for c in inspect(engine).get_columns("statements")}
        upgrade_database(db_url)
        insp = inspect(engine)
        assert {"when_due", "when_precision", "when_event"} <= {c["name"] for c in insp.get_columns("statements")}
        assert {"when_due", "when_precision", "when_event"} <= {c["name"] for c in insp.get_columns("ledger")}
        with engine.connect() as conn:
            command.downgrade(alembic_config(conn), "0004")
            conn.commit()
        assert "when_due" not in {c["name"] for c in inspect(engine).get_columns("statements")}
        upgrade_database(db_url)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
