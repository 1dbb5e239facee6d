"""The ledger: documents, extraction runs, statements with entities, actors and sectors;
full-text search over statements; the ``ledger`` view of current statements.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATEMENT_KINDS = "'commitment', 'position', 'appreciation', 'agreement', 'meeting', 'discussion'"

# Current statements with their document's date and source: what Datasette users browse.
LEDGER_VIEW = """
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

# SQLite: an external-content FTS5 index kept in sync by triggers, i.e. inside the same
# transaction as the statement rows. Porter stemming to match PostgreSQL's 'english'.
# content="statements" in double quotes is the form Datasette recognises (search box).
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE statements_fts USING fts5(
         text, content="statements", content_rowid='id',
         tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
         INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    """CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
         INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER statements_fts_update AFTER UPDATE OF text ON statements BEGIN
         INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
         INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
       END""",
]

# PostgreSQL: a generated tsvector column (always in sync by construction) and a GIN index.
POSTGRES_FTS = [
    """ALTER TABLE statements ADD COLUMN search_vector tsvector
         GENERATED ALWAYS AS (to_tsvector('english', text)) STORED""",
    "CREATE INDEX ix_statements_search_vector ON statements USING gin (search_vector)",
]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("chars", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    op.create_index(op.f("ix_documents_date"), "documents", ["date"])
    op.create_index(op.f("ix_documents_record_id"), "documents", ["record_id"])

    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=80), nullable=False),
        sa.Column("codebook_version", sa.String(length=80), nullable=False),
        sa.Column("record_version", sa.String(length=20), nullable=False),
        sa.Column("agreements_signed", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"],
            name=op.f("fk_extraction_runs_document_id_documents"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extraction_runs")),
    )
    op.create_index(op.f("ix_extraction_runs_document_id"), "extraction_runs", ["document_id"])
    op.create_index(
        "uq_extraction_runs_current", "extraction_runs", ["document_id"], unique=True,
        sqlite_where=sa.text("is_current"), postgresql_where=sa.text("is_current"),
    )

    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=250), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("strength", sa.String(length=20), nullable=True),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("when_text", sa.Text(), nullable=True),
        sa.Column("when_kind", sa.String(length=20), nullable=True),
        sa.Column("when_date", sa.String(length=10), nullable=True),
        sa.Column("when_start", sa.Integer(), nullable=True),
        sa.Column("when_end", sa.Integer(), nullable=True),
        sa.Column("plover", sa.String(length=20), nullable=True),
        sa.Column("cameo", sa.String(length=10), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.CheckConstraint(f"kind IN ({STATEMENT_KINDS})", name=op.f("ck_statements_kind")),
        sa.CheckConstraint(
            "strength IS NULL OR strength IN ('firm', 'moderate', 'soft')", name=op.f("ck_statements_strength")
        ),
        sa.CheckConstraint('"end" > start', name=op.f("ck_statements_span")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_statements_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["extraction_runs.id"], name=op.f("fk_statements_run_id_extraction_runs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
        sa.UniqueConstraint("run_id", "record_id", name=op.f("uq_statements_run_id_record_id")),
    )
    op.create_index(op.f("ix_statements_document_id"), "statements", ["document_id"])
    op.create_index(op.f("ix_statements_kind"), "statements", ["kind"])
    op.create_index(op.f("ix_statements_record_id"), "statements", ["record_id"])

    op.create_table(
        "statement_entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statements.id"],
            name=op.f("fk_statement_entities_statement_id_statements"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_entities")),
    )
    op.create_index(op.f("ix_statement_entities_name"), "statement_entities", ["name"])
    op.create_index(op.f("ix_statement_entities_statement_id"), "statement_entities", ["statement_id"])

    for table, column, length in (("statement_actors", "actor", 20), ("statement_sectors", "sector", 40)):
        op.create_table(
            table,
            sa.Column("statement_id", sa.Integer(), nullable=False),
            sa.Column(column, sa.String(length=length), nullable=False),
            sa.ForeignKeyConstraint(
                ["statement_id"], ["statements.id"],
                name=op.f(f"fk_{table}_statement_id_statements"), ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("statement_id", column, name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS:
        op.execute(statement)
    op.execute(LEDGER_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW ledger")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE statements_fts")  # its triggers go with the statements table
    for table in ("statement_sectors", "statement_actors", "statement_entities", "statements",
                  "extraction_runs", "documents"):
        op.drop_table(table)
