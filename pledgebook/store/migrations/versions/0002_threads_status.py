"""Threads (with analysts' merge/split overrides) and the append-only status history.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY = ("status_history", "status_compliance")

POSTGRES_APPEND_ONLY_FUNCTION = """
CREATE FUNCTION pledgebook_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$
"""


def _created_at() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        _created_at(),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threads")),
    )
    op.create_table(
        "thread_members",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("added_by", sa.String(length=10), nullable=False),
        _created_at(),
        sa.CheckConstraint("added_by IN ('auto', 'manual')", name=op.f("ck_thread_members_added_by")),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statements.id"],
            name=op.f("fk_thread_members_statement_id_statements"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_thread_members_thread_id_threads"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_thread_members")),
    )
    op.create_index(op.f("ix_thread_members_thread_id"), "thread_members", ["thread_id"])

    op.create_table(
        "thread_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_a", sa.String(length=250), nullable=False),
        sa.Column("statement_b", sa.String(length=250), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _created_at(),
        sa.CheckConstraint("decision IN ('link', 'separate')", name=op.f("ck_thread_overrides_decision")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thread_overrides")),
    )
    op.create_index(op.f("ix_thread_overrides_statement_a"), "thread_overrides", ["statement_a"])
    op.create_index(op.f("ix_thread_overrides_statement_b"), "thread_overrides", ["statement_b"])

    op.create_table(
        "status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=True),
        sa.Column("statement_record_id", sa.String(length=250), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=True),
        sa.Column("evidence_url", sa.Text(), nullable=True),
        sa.Column("evidence_document_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.Text(), nullable=False),
        _created_at(),
        sa.CheckConstraint(
            "status IN ('pledged', 'in_progress', 'fulfilled', 'stalled', 'dropped')",
            name=op.f("ck_status_history_status"),
        ),
        sa.CheckConstraint(
            "(thread_id IS NULL) <> (statement_record_id IS NULL)", name=op.f("ck_status_history_target")
        ),
        sa.ForeignKeyConstraint(
            ["evidence_document_id"], ["documents.id"],
            name=op.f("fk_status_history_evidence_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(["thread_id"], ["threads.id"], name=op.f("fk_status_history_thread_id_threads")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_history")),
    )
    op.create_index(op.f("ix_status_history_statement_record_id"), "status_history", ["statement_record_id"])
    op.create_index(op.f("ix_status_history_thread_id"), "status_history", ["thread_id"])

    op.create_table(
        "status_compliance",
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.CheckConstraint("score IN (-1, 0, 1)", name=op.f("ck_status_compliance_score")),
        sa.ForeignKeyConstraint(
            ["status_id"], ["status_history.id"], name=op.f("fk_status_compliance_status_id_status_history")
        ),
        sa.PrimaryKeyConstraint("status_id", "party", name=op.f("pk_status_compliance")),
    )

    # History is append-only: the database itself refuses UPDATE and DELETE.
    if op.get_bind().dialect.name == "sqlite":
        for table in APPEND_ONLY:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    else:
        op.execute(POSTGRES_APPEND_ONLY_FUNCTION)
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION pledgebook_append_only()"
            )


def downgrade() -> None:
    for table in ("status_compliance", "status_history", "thread_overrides", "thread_members", "threads"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION pledgebook_append_only()")
