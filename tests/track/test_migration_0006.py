"""Migration 0006 on both back ends: status entries of 0005 kept (ids, scores, append-only),
the status labels no longer fixed by the database, a dossier target, the review and suggestion
tables append-only, and back to 0005."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from pledgebook.store import upgrade_database
from pledgebook.store.engine import make_engine
from pledgebook.store.migrate import alembic_config, current_revision, head_revision

LEDGER_0005 = [
    "INSERT INTO documents (id, record_id, source, parties, kind, content_hash, chars, text, ingested_at) "
    "VALUES (1, 'd', 'd.txt', '[]', 'other', 'h', 28, 'We will build a bridge here.', CURRENT_TIMESTAMP)",
    "INSERT INTO threads (id, label, created_at, updated_at) VALUES (7, 'bridge', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
    "INSERT INTO status_history (id, thread_id, status, author, created_at) "
    "VALUES (3, 7, 'in_progress', 'analyst', CURRENT_TIMESTAMP)",
    "INSERT INTO status_compliance (status_id, party, score) VALUES (3, 'KEN', 1), (3, 'JPN', 0)",
]


def _insert(engine, sql: str) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(text(sql))


def test_0006_keeps_statuses_relaxes_labels_and_adds_review_tables(db_url: str) -> None:
    upgrade_database(db_url, "0005")
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            for sql in LEDGER_0005:
                conn.execute(text(sql))
        upgrade_database(db_url, "0006")
        assert current_revision(engine) == "0006"
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, thread_id, status FROM status_history")).all() == [(3, 7, "in_progress")]
            assert sorted(conn.execute(text("SELECT party, score FROM status_compliance")).all()) == [("JPN", 0), ("KEN", 1)]
        # a label of an organisation's own codebook, on a dossier, with a note and an evidence span
        _insert(engine, "INSERT INTO status_history (dossier, status, note, evidence_document_id, evidence_start, "
                        "evidence_end, author, created_at) VALUES ('Lake Turkana Wind Power', 'partially_met', "
                        "'seen', 1, 0, 7, 'analyst', CURRENT_TIMESTAMP)")
        with pytest.raises(Exception, match="ck_status_history_target"):  # two targets
            _insert(engine, "INSERT INTO status_history (thread_id, dossier, status, author, created_at) "
                            "VALUES (7, 'X', 'pledged', 'a', CURRENT_TIMESTAMP)")
        with pytest.raises(Exception, match="ck_status_history_evidence_span"):  # a span needs its document
            _insert(engine, "INSERT INTO status_history (thread_id, status, evidence_start, evidence_end, author, "
                            "created_at) VALUES (7, 'pledged', 0, 5, 'a', CURRENT_TIMESTAMP)")
        _insert(engine, "INSERT INTO review_corrections (statement_key, document_id, action, fields, author, "
                        "created_at) VALUES ('d:0-27', 1, 'correct', '{\"kind\": \"position\"}', 'a', CURRENT_TIMESTAMP)")
        _insert(engine, "INSERT INTO suggestion_decisions (suggestion_key, decision, author, created_at) "
                        "VALUES ('7:d:0-27:completion', 'dismiss', 'a', CURRENT_TIMESTAMP)")
        for table in ("status_history", "status_compliance", "review_corrections", "suggestion_decisions"):
            for sql in (f"UPDATE {table} SET author = 'x'" if table != "status_compliance" else
                        "UPDATE status_compliance SET score = 0", f"DELETE FROM {table}"):
                with pytest.raises(Exception, match="append-only"):
                    _insert(engine, sql)
        with pytest.raises(Exception, match="ck_review_corrections_action"):
            _insert(engine, "INSERT INTO review_corrections (statement_key, document_id, action, author, created_at) "
                            "VALUES ('d:0-27', 1, 'delete', 'a', CURRENT_TIMESTAMP)")
        with engine.connect() as conn:  # back to 0005: what it cannot hold goes, the rest stays
            command.downgrade(alembic_config(conn), "0005")
            conn.commit()
        insp = inspect(engine)
        assert "review_corrections" not in insp.get_table_names()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, thread_id, status FROM status_history")).all() == [(3, 7, "in_progress")]
            assert len(conn.execute(text("SELECT * FROM status_compliance")).all()) == 2
        with pytest.raises(Exception, match="ck_status_history_status"):
            _insert(engine, "INSERT INTO status_history (thread_id, status, author, created_at) "
                            "VALUES (7, 'partially_met', 'a', CURRENT_TIMESTAMP)")
        upgrade_database(db_url)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
