"""Stable statement keys, the append-only thread membership log, and the statements'
structured provenance (rule, trigger, trigger_words, actor_source).

- ``statements.stable_key``: a statement's identity across extraction runs (docs/storage.md,
  "Stable keys"); existing statements get their record id, which is what analysts' decisions
  and status entries already hold, so those stay attached.
- ``thread_members`` is keyed by stable key instead of statement row id (a re-extracted
  statement keeps its thread); ``thread_membership_log`` records every move, starting with one
  ``migrated`` row per existing membership, so the current state is derivable from the log.
- ``status_history.statement_record_id`` becomes ``statement_key`` (same values).
- The ``ledger`` view gains the stable key and the provenance columns.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

REASONS = "'linked', 'rebuilt', 'merged', 'split', 'left', 'migrated'"
MIGRATION_AUTHOR = "migration 0004"

LEDGER_VIEW = """
CREATE VIEW ledger AS
SELECT s.id AS statement_id, s.stable_key AS statement_key, s.record_id AS statement_record_id,
       d.id AS document_id, d.date AS document_date, d.source AS document_source,
       d.title AS document_title,
       s.kind, s.actors, s.strength, s.sectors, s.when_text, s.when_date,
       s.plover, s.cameo, s.text, s.start, s."end", s.rule, s."trigger", s.trigger_words,
       s.actor_source, s.rationale,
       r.extractor_version, r.codebook_version
FROM statements s
JOIN extraction_runs r ON r.id = s.run_id
JOIN documents d ON d.id = s.document_id
WHERE r.is_current
"""

OLD_LEDGER_VIEW = """
CREATE VIEW ledger AS
SELECT s.id AS statement_id, s.record_id AS statement_record_id,
       d.id AS document_id, d.date AS document_date, d.source AS document_source,
       d.title AS document_title,
       s.kind, s.actors, s.strength, s.sectors, s.when_text, s.when_date,
       s.plover, s.cameo, s.text, s.start, s."end", s.rationale,
       r.extractor_version, r.codebook_version
FROM statements s
JOIN extraction_runs r ON r.id = s.run_id
JOIN documents d ON d.id = s.document_id
WHERE r.is_current
"""

# Memberships by key: where one key has rows of several runs (possible when a document was
# re-extracted and not linked since), the row of the newest run wins.
MEMBERS_BY_KEY = """
SELECT s.stable_key, tm.thread_id, tm.similarity, tm.added_by, tm.created_at
FROM thread_members tm JOIN statements s ON s.id = tm.statement_id
ORDER BY s.stable_key, s.run_id DESC
"""


def _provenance() -> list[sa.Column]:
    """The record's structured provenance; NULL for statements stored before this migration."""
    return [
        sa.Column("rule", sa.String(length=80), nullable=True),
        sa.Column("trigger", sa.String(length=80), nullable=True),
        sa.Column("trigger_words", sa.JSON(), nullable=True),
        sa.Column("actor_source", sa.String(length=30), nullable=True),
    ]


def _members_table(key_column: sa.Column, fk: sa.ForeignKeyConstraint | None) -> None:
    key = key_column.name
    op.create_table(
        "thread_members",
        key_column,
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("added_by", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("added_by IN ('auto', 'manual')", name=op.f("ck_thread_members_added_by")),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"], name=op.f("fk_thread_members_thread_id_threads"), ondelete="CASCADE"
        ),
        *([fk] if fk is not None else []),
        sa.PrimaryKeyConstraint(key, name=op.f("pk_thread_members")),
    )
    op.create_index(op.f("ix_thread_members_thread_id"), "thread_members", ["thread_id"])


def _append_only(table: str) -> None:
    """The same guard as status_history's (migration 0002)."""
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


def _add_stable_keys() -> None:
    # NOT NULL needs a default to add the column on SQLite; every row is then set to its
    # record id. PostgreSQL drops the default (SQLite cannot; the code always sets the key).
    op.add_column("statements", sa.Column("stable_key", sa.String(length=250), nullable=False, server_default=""))
    op.execute("UPDATE statements SET stable_key = record_id")
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("statements", "stable_key", server_default=None)
    op.create_index(op.f("ix_statements_stable_key"), "statements", ["stable_key"])
    op.create_index("uq_statements_run_id_stable_key", "statements", ["run_id", "stable_key"], unique=True)
    for column in _provenance():
        op.add_column("statements", column)


def _rekey_members() -> list[dict]:
    """Rebuild thread_members keyed by stable key; returns the rows for the log."""
    bind = op.get_bind()
    rows, seen = [], set()
    for key, thread_id, similarity, added_by, created_at in bind.execute(sa.text(MEMBERS_BY_KEY)):
        if key not in seen:
            seen.add(key)
            rows.append({"statement_key": key, "thread_id": thread_id, "similarity": similarity,
                         "added_by": added_by, "created_at": created_at})
    op.drop_table("thread_members")
    _members_table(sa.Column("statement_key", sa.String(length=250), nullable=False), None)
    if rows:
        members = sa.table("thread_members", *(sa.column(c) for c in rows[0]))
        op.bulk_insert(members, rows)
    return rows


def _membership_log(members: list[dict]) -> None:
    op.create_table(
        "thread_membership_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_key", sa.String(length=250), nullable=False),
        sa.Column("from_thread_id", sa.Integer(), nullable=True),
        sa.Column("to_thread_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("added_by", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f"reason IN ({REASONS})", name=op.f("ck_thread_membership_log_reason")),
        sa.CheckConstraint("added_by IN ('auto', 'manual')", name=op.f("ck_thread_membership_log_added_by")),
        sa.CheckConstraint(
            "(from_thread_id IS NOT NULL OR to_thread_id IS NOT NULL) AND "
            "(from_thread_id IS NULL OR to_thread_id IS NULL OR from_thread_id <> to_thread_id)",
            name=op.f("ck_thread_membership_log_move"),
        ),
        sa.ForeignKeyConstraint(
            ["from_thread_id"], ["threads.id"], name=op.f("fk_thread_membership_log_from_thread_id_threads")
        ),
        sa.ForeignKeyConstraint(
            ["to_thread_id"], ["threads.id"], name=op.f("fk_thread_membership_log_to_thread_id_threads")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thread_membership_log")),
    )
    for column in ("statement_key", "from_thread_id", "to_thread_id"):
        op.create_index(op.f(f"ix_thread_membership_log_{column}"), "thread_membership_log", [column])
    if members:
        log = sa.table("thread_membership_log", *(sa.column(c) for c in (
            "statement_key", "to_thread_id", "reason", "author", "similarity", "added_by", "created_at")))
        op.bulk_insert(log, [
            {"statement_key": m["statement_key"], "to_thread_id": m["thread_id"], "reason": "migrated",
             "author": MIGRATION_AUTHOR, "similarity": m["similarity"], "added_by": m["added_by"],
             "created_at": m["created_at"]}
            for m in members
        ])
    _append_only("thread_membership_log")


def _rename_status_target(old: str, new: str) -> None:
    op.drop_index(op.f(f"ix_status_history_{old}"), table_name="status_history")
    op.execute(f"ALTER TABLE status_history RENAME COLUMN {old} TO {new}")
    op.create_index(op.f(f"ix_status_history_{new}"), "status_history", [new])


def upgrade() -> None:
    op.execute("DROP VIEW ledger")
    _add_stable_keys()
    members = _rekey_members()
    _membership_log(members)
    _rename_status_target("statement_record_id", "statement_key")
    op.execute(LEDGER_VIEW)


def downgrade() -> None:
    """Back to 0003: memberships of current statements return to row ids; the log, the keys
    and the provenance columns go (statuses and decisions keep their key values)."""
    bind = op.get_bind()
    op.execute("DROP VIEW ledger")
    _rename_status_target("statement_key", "statement_record_id")
    op.drop_table("thread_membership_log")  # its append-only triggers go with it
    rows = [dict(r._mapping) for r in bind.execute(sa.text(
        "SELECT s.id AS statement_id, tm.thread_id, tm.similarity, tm.added_by, tm.created_at "
        "FROM thread_members tm JOIN statements s ON s.stable_key = tm.statement_key "
        "JOIN extraction_runs r ON r.id = s.run_id WHERE r.is_current"))]
    op.drop_table("thread_members")
    _members_table(
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statements.id"],
            name=op.f("fk_thread_members_statement_id_statements"), ondelete="CASCADE",
        ),
    )
    if rows:
        op.bulk_insert(sa.table("thread_members", *(sa.column(c) for c in rows[0])), rows)
    op.drop_index("uq_statements_run_id_stable_key", table_name="statements")
    op.drop_index(op.f("ix_statements_stable_key"), table_name="statements")
    for column in ("actor_source", "trigger_words", "trigger", "rule", "stable_key"):
        op.drop_column("statements", column)
    op.execute(OLD_LEDGER_VIEW)
