"""Resumable linking: ``extraction_runs.linked_at``, set by the linker in the transaction that
threads the run's statements and NULL until then. A current run with no ``linked_at`` is work an
interrupted (or ``--no-link``) ingest left: the next ``ingest`` or ``link`` finishes it
(docs/storage.md, "Faults and resumption"). A partial index keeps that question cheap.

Runs stored before this migration are marked linked only when they are not current; current
runs start unlinked, so the first ``ingest`` or ``link`` after the upgrade re-checks them once
(an incremental link of a linked ledger changes nothing) and a ledger an old interrupted ingest
left half-linked is completed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UNLINKED = "is_current AND linked_at IS NULL"


def upgrade() -> None:
    op.add_column("extraction_runs", sa.Column("linked_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE extraction_runs SET linked_at = created_at WHERE NOT is_current")
    op.create_index("ix_extraction_runs_unlinked", "extraction_runs", ["document_id"],
                    sqlite_where=sa.text(UNLINKED), postgresql_where=sa.text(UNLINKED))


def downgrade() -> None:
    op.drop_index("ix_extraction_runs_unlinked", table_name="extraction_runs")
    op.drop_column("extraction_runs", "linked_at")  # SQLite 3.35+ drops a column in place
