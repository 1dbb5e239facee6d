"""Tracking what became of a pledge (docs/tracking.md):

- ``status_history`` may target a project dossier (``dossier``: the entity's canonical name)
  besides a thread or a statement, exactly one of the three; it gains a ``note`` and the span
  of an evidence document (``evidence_start``, ``evidence_end``). Its ``status`` is no longer
  checked against a fixed list: the labels are data (codebook/data/tracking.yaml),
  checked by the tracking service.
- ``review_corrections``: analysts' accept / reject / correct / add decisions on extracted
  statements, by stable key and document, apart from the machine's output (append-only).
- ``suggestion_decisions``: an analyst's confirm / dismiss of a suggested piece of evidence,
  by suggestion key ``THREAD_ID:STATEMENT_KEY:KIND`` (append-only).

SQLite cannot change a table's CHECK constraints, so there ``status_history`` (and
``status_compliance``, whose foreign key points at it) are rebuilt and their rows copied, ids
kept; PostgreSQL alters them in place.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD_STATUSES = "('pledged', 'in_progress', 'fulfilled', 'stalled', 'dropped')"
TARGET = ("(CASE WHEN thread_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN statement_key IS NULL THEN 0 ELSE 1 END)"
          " + (CASE WHEN dossier IS NULL THEN 0 ELSE 1 END) = 1")
OLD_TARGET = "(thread_id IS NULL) <> (statement_key IS NULL)"
SPAN = ("evidence_start IS NULL AND evidence_end IS NULL OR evidence_document_id IS NOT NULL "
        "AND evidence_start >= 0 AND evidence_end > evidence_start")
OLD_COLUMNS = "id, thread_id, statement_key, status, evidence_text, evidence_url, evidence_document_id, author, created_at"
NEW_COLUMNS = ("dossier", "note", "evidence_start", "evidence_end")


def _append_only(table: str) -> None:
    """The guard of migrations 0002 and 0004: UPDATE and DELETE refused by the database."""
    if op.get_bind().dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    else:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION pledgebook_append_only()"
        )


def _status_table(name: str, new: bool) -> None:
    """``status_history`` as 0006 (``new``) or 0005 left it, created under ``name``."""
    extra = [
        sa.Column("dossier", sa.String(length=250), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
    ] if new else []
    checks = [sa.CheckConstraint(TARGET, name=op.f("ck_status_history_target")),
              sa.CheckConstraint(SPAN, name=op.f("ck_status_history_evidence_span"))] if new else [
        sa.CheckConstraint(f"status IN {OLD_STATUSES}", name=op.f("ck_status_history_status")),
        sa.CheckConstraint(OLD_TARGET, name=op.f("ck_status_history_target"))]
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=True),
        sa.Column("statement_key", sa.String(length=250), nullable=True),
        sa.Column("status", sa.String(length=40 if new else 20), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=True),
        sa.Column("evidence_url", sa.Text(), nullable=True),
        sa.Column("evidence_document_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *extra,
        *checks,
        sa.ForeignKeyConstraint(["evidence_document_id"], ["documents.id"],
                                name=op.f("fk_status_history_evidence_document_id_documents")),
        sa.ForeignKeyConstraint(["thread_id"], ["threads.id"], name=op.f("fk_status_history_thread_id_threads")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_history")),
    )


def _compliance_table(name: str, parent: str) -> None:
    op.create_table(
        name,
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.CheckConstraint("score IN (-1, 0, 1)", name=op.f("ck_status_compliance_score")),
        sa.ForeignKeyConstraint(["status_id"], [f"{parent}.id"], name=op.f("fk_status_compliance_status_id_status_history")),
        sa.PrimaryKeyConstraint("status_id", "party", name=op.f("pk_status_compliance")),
    )


def _rebuild_sqlite(new: bool, where: str = "") -> None:
    """Rebuild both status tables in the shape of 0006 (``new``) or 0005, copying the rows
    (those matching ``where``); the compliance table first, so no foreign key dangles."""
    for table in ("status_history", "status_compliance"):
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    _status_table("status_history_next", new)
    _compliance_table("status_compliance_next", "status_history_next")
    op.execute(f"INSERT INTO status_history_next ({OLD_COLUMNS}) SELECT {OLD_COLUMNS} FROM status_history {where}")
    op.execute("INSERT INTO status_compliance_next (status_id, party, score) SELECT status_id, party, score "
               "FROM status_compliance WHERE status_id IN (SELECT id FROM status_history_next)")
    op.drop_table("status_compliance")
    op.drop_table("status_history")
    op.rename_table("status_history_next", "status_history")  # the compliance FK follows the rename
    op.rename_table("status_compliance_next", "status_compliance")
    _status_indexes(new)
    _append_only("status_history")
    _append_only("status_compliance")


def _status_indexes(new: bool) -> None:
    for column in ("thread_id", "statement_key", *(("dossier",) if new else ())):
        op.create_index(op.f(f"ix_status_history_{column}"), "status_history", [column])


def _alter_postgres() -> None:
    op.drop_constraint(op.f("ck_status_history_status"), "status_history", type_="check")
    op.drop_constraint(op.f("ck_status_history_target"), "status_history", type_="check")
    op.alter_column("status_history", "status", type_=sa.String(length=40))
    op.add_column("status_history", sa.Column("dossier", sa.String(length=250), nullable=True))
    op.add_column("status_history", sa.Column("note", sa.Text(), nullable=True))
    op.add_column("status_history", sa.Column("evidence_start", sa.Integer(), nullable=True))
    op.add_column("status_history", sa.Column("evidence_end", sa.Integer(), nullable=True))
    op.create_check_constraint(op.f("ck_status_history_target"), "status_history", TARGET)
    op.create_check_constraint(op.f("ck_status_history_evidence_span"), "status_history", SPAN)
    op.create_index(op.f("ix_status_history_dossier"), "status_history", ["dossier"])


def _decision_tables() -> None:
    op.create_table(
        "review_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_key", sa.String(length=250), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("action IN ('accept', 'reject', 'correct', 'add')", name=op.f("ck_review_corrections_action")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_review_corrections_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_corrections")),
    )
    op.create_index(op.f("ix_review_corrections_statement_key"), "review_corrections", ["statement_key"])
    op.create_index(op.f("ix_review_corrections_document_id"), "review_corrections", ["document_id"])
    op.create_table(
        "suggestion_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_key", sa.String(length=400), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("status_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("decision IN ('confirm', 'dismiss')", name=op.f("ck_suggestion_decisions_decision")),
        sa.ForeignKeyConstraint(["status_id"], ["status_history.id"],
                                name=op.f("fk_suggestion_decisions_status_id_status_history")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_decisions")),
    )
    op.create_index(op.f("ix_suggestion_decisions_suggestion_key"), "suggestion_decisions", ["suggestion_key"])
    _append_only("review_corrections")
    _append_only("suggestion_decisions")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(new=True)
    else:
        _alter_postgres()
    _decision_tables()


def downgrade() -> None:
    """Back to 0005: the review and suggestion tables go, and so do status entries 0005 cannot
    hold (a dossier target, a label outside its fixed list); notes and spans are dropped."""
    op.drop_table("suggestion_decisions")
    op.drop_table("review_corrections")
    keep = f"WHERE dossier IS NULL AND status IN {OLD_STATUSES}"
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(new=False, where=keep)
        return
    for table in ("status_history", "status_compliance"):
        op.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
    op.execute(f"DELETE FROM status_compliance WHERE status_id IN (SELECT id FROM status_history WHERE NOT ({keep[6:]}))")
    op.execute(f"DELETE FROM status_history WHERE NOT ({keep[6:]})")
    for table in ("status_history", "status_compliance"):
        op.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")
    op.drop_index(op.f("ix_status_history_dossier"), table_name="status_history")
    op.drop_constraint(op.f("ck_status_history_evidence_span"), "status_history", type_="check")
    op.drop_constraint(op.f("ck_status_history_target"), "status_history", type_="check")
    for column in reversed(NEW_COLUMNS):
        op.drop_column("status_history", column)
    op.alter_column("status_history", "status", type_=sa.String(length=20))
    op.create_check_constraint(op.f("ck_status_history_status"), "status_history", f"status IN {OLD_STATUSES}")
    op.create_check_constraint(op.f("ck_status_history_target"), "status_history", OLD_TARGET)
