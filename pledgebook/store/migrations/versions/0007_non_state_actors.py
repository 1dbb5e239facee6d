"""Non-state actors and the record's own document date, so a stored record reads back whole
(``store.records.load_record``):

- ``statements.non_state_actors`` (JSON list): the companies and international organisations
  that undertake a statement (record 1.1, ``actor_source: non_state``), also in the ``ledger``
  view;
- ``documents.record_date``: the document's date as the record gives it (``2024`` for a UN
  speech dated by its year); ``documents.date`` keeps its first day for date-range filters.

Both are NULL for rows stored before this migration, which read as ``[]`` and as ``date``'s
ISO day until the document is extracted again (``pledgebook ingest`` re-extracts a document
whenever the extractor or codebook version changed).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OLD_LEDGER_VIEW = """
CREATE VIEW ledger AS
SELECT s.id AS statement_id, s.stable_key AS statement_key, s.record_id AS statement_record_id,
       d.id AS document_id, d.date AS document_date, d.source AS document_source,
       d.title AS document_title,
       s.kind, s.actors, s.strength, s.sectors, s.when_text, s.when_date, s.when_due, s.when_precision, s.when_event,
       s.plover, s.cameo, s.text, s.start, s."end", s.rule, s."trigger", s.trigger_words,
       s.actor_source, s.rationale,
       r.extractor_version, r.codebook_version
FROM statements s
JOIN extraction_runs r ON r.id = s.run_id
JOIN documents d ON d.id = s.document_id
WHERE r.is_current
"""
LEDGER_VIEW = OLD_LEDGER_VIEW.replace("s.kind, s.actors,", "s.kind, s.actors, s.non_state_actors,")


def upgrade() -> None:
    op.execute("DROP VIEW ledger")
    op.add_column("statements", sa.Column("non_state_actors", sa.JSON(), nullable=True))
    op.add_column("documents", sa.Column("record_date", sa.String(length=10), nullable=True))
    op.execute(LEDGER_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW ledger")
    op.drop_column("documents", "record_date")
    op.drop_column("statements", "non_state_actors")
    op.execute(OLD_LEDGER_VIEW)
