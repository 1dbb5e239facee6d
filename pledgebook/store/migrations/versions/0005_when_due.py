"""Due dates: ``statements.when_due`` (ISO date, the last day by which the undertaking is to be
met), ``when_precision`` (day, month, season, quarter, half, year, event) and ``when_event``
(the relative event of "before the next summit"), indexed by due date for ``ledger --due`` and
``--overdue``; the ``ledger`` view gains the three. Statements stored before stay NULL until
their document is extracted again (``pledgebook ingest --force``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_LEDGER_VIEW = """
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
LEDGER_VIEW = OLD_LEDGER_VIEW.replace("s.when_text, s.when_date,", "s.when_text, s.when_date, s.when_due, s.when_precision, s.when_event,")
COLUMNS = (("when_due", sa.String(length=10)), ("when_precision", sa.String(length=10)), ("when_event", sa.Text()))


def upgrade() -> None:
    op.execute("DROP VIEW ledger")
    for name, type_ in COLUMNS:
        op.add_column("statements", sa.Column(name, type_, nullable=True))
    op.create_index(op.f("ix_statements_when_due"), "statements", ["when_due"])
    op.execute(LEDGER_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW ledger")
    op.drop_index(op.f("ix_statements_when_due"), table_name="statements")
    for name, _ in reversed(COLUMNS):
        op.drop_column("statements", name)
    op.execute(OLD_LEDGER_VIEW)
