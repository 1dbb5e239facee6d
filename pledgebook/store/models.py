"""The ledger's tables, as SQLAlchemy 2 declarative models.

The schema itself is created by the Alembic migrations in ``store/migrations``; these
models mirror it (a test compares the two) and are what the code queries with.
Table and column names are plain English so the SQLite file reads well in Datasette.
Back-end specific objects (SQLite FTS5 table and triggers, PostgreSQL tsvector column,
the ``ledger`` view) live only in the migrations.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    LargeBinary,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pledgebook.core.data import StatementKind, Strength

# Deterministic constraint names, so migrations can refer to them on both back ends.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UNLINKED = "is_current AND linked_at IS NULL"  # a current run the linker has not threaded yet
STATEMENT_KINDS = tuple(k.value for k in StatementKind)
STRENGTHS = tuple(s.value for s in Strength)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Document(Base):
    """One text, stored once per distinct content (sha256 of the text as read)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(200), index=True)  # the extraction record's document id
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # a year or month alone: its first day
    # migration 0007: the date as the record gives it (YYYY, YYYY-MM or YYYY-MM-DD); NULL before it
    record_date: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[list[str]] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(40))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    chars: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    runs: Mapped[list[ExtractionRun]] = relationship(back_populates="document", passive_deletes=True)


class ExtractionRun(Base):
    """One extraction of a document by one extractor + codebook version; exactly one is current."""

    __tablename__ = "extraction_runs"
    __table_args__ = (
        # At most one current run per document, enforced by the database on both back ends.
        Index(
            "uq_extraction_runs_current",
            "document_id",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
        # Migration 0008: the runs an interrupted ingest left for the linker to finish.
        Index(
            "ix_extraction_runs_unlinked",
            "document_id",
            sqlite_where=text(UNLINKED),
            postgresql_where=text(UNLINKED),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    extractor_version: Mapped[str] = mapped_column(String(80))
    codebook_version: Mapped[str] = mapped_column(String(80))
    record_version: Mapped[str] = mapped_column(String(20))
    agreements_signed: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    is_current: Mapped[bool] = mapped_column(Boolean)
    # Migration 0008: when the linker threaded this run's statements; NULL until then.
    linked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    document: Mapped[Document] = relationship(back_populates="runs")
    statements: Mapped[list[Statement]] = relationship(back_populates="run", passive_deletes=True)


class Statement(Base):
    """A statement of one extraction run. ``record_id`` is the record's id for this run's span;
    ``stable_key`` is the statement's identity across runs (docs/storage.md, "Stable keys"):
    what thread membership, analysts' decisions and status refer to."""

    __tablename__ = "statements"
    __table_args__ = (
        UniqueConstraint("run_id", "record_id"),
        Index("uq_statements_run_id_stable_key", "run_id", "stable_key", unique=True),
        CheckConstraint('"end" > start', name="span"),
        CheckConstraint(_in("kind", STATEMENT_KINDS), name="kind"),
        CheckConstraint(f"strength IS NULL OR {_in('strength', STRENGTHS)}", name="strength"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[str] = mapped_column(String(250), index=True)  # this run's "<doc id>:<start>-<end>"
    stable_key: Mapped[str] = mapped_column(String(250), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    actors: Mapped[list[str]] = mapped_column(JSON)
    # Companies and international organisations undertaking it (migration 0007; NULL before it, read as [])
    non_state_actors: Mapped[list[str] | None] = mapped_column(JSON)
    strength: Mapped[str | None] = mapped_column(String(20))
    sectors: Mapped[list[str]] = mapped_column(JSON)
    when_text: Mapped[str | None] = mapped_column(Text)
    when_kind: Mapped[str | None] = mapped_column(String(20))
    when_date: Mapped[str | None] = mapped_column(String(10))  # YYYY, YYYY-MM or YYYY-MM-DD
    when_start: Mapped[int | None] = mapped_column(Integer)
    when_end: Mapped[int | None] = mapped_column(Integer)
    # Due dates (migration 0005); NULL for statements stored before it.
    when_due: Mapped[str | None] = mapped_column(String(10), index=True)  # YYYY-MM-DD
    when_precision: Mapped[str | None] = mapped_column(String(10))
    when_event: Mapped[str | None] = mapped_column(Text)
    plover: Mapped[str | None] = mapped_column(String(20))
    cameo: Mapped[str | None] = mapped_column(String(10))
    rationale: Mapped[str] = mapped_column(Text)
    # Structured provenance (migration 0004); NULL for statements stored before it.
    rule: Mapped[str | None] = mapped_column(String(80))
    trigger: Mapped[str | None] = mapped_column(String(80))
    trigger_words: Mapped[list[str] | None] = mapped_column(JSON)
    actor_source: Mapped[str | None] = mapped_column(String(30))

    run: Mapped[ExtractionRun] = relationship(back_populates="statements")
    document: Mapped[Document] = relationship()
    entities: Mapped[list[StatementEntity]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    actor_links: Mapped[list[StatementActor]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    sector_links: Mapped[list[StatementSector]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class StatementEntity(Base):
    __tablename__ = "statement_entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))


class StatementActor(Base):
    """Normalised copy of ``statements.actors`` for filtering and facets."""

    __tablename__ = "statement_actors"

    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True)
    actor: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)


class StatementSector(Base):
    """Normalised copy of ``statements.sectors`` for filtering and facets."""

    __tablename__ = "statement_sectors"

    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True)
    sector: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


# --- threads and status (migration 0002; filled by the linking slice) ---------------------


class Thread(Base):
    """One undertaking seen across documents."""

    __tablename__ = "threads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ThreadMember(Base):
    """Current state: a statement's thread, by stable key (a statement is in at most one thread).

    Derived from ``thread_membership_log``: each row is what the latest log entry of its key
    says (``pledgebook.link.membership``)."""

    __tablename__ = "thread_members"
    __table_args__ = (CheckConstraint("added_by IN ('auto', 'manual')", name="added_by"),)

    statement_key: Mapped[str] = mapped_column(String(250), primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    added_by: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


MEMBERSHIP_REASONS = ("linked", "rebuilt", "merged", "split", "left", "migrated")


class MembershipChange(Base):
    """Append-only log of thread membership (triggers forbid UPDATE/DELETE): one row per move
    of a statement into, out of or between threads. ``thread_members`` is its latest state."""

    __tablename__ = "thread_membership_log"
    __table_args__ = (
        CheckConstraint(_in("reason", MEMBERSHIP_REASONS), name="reason"),
        CheckConstraint("added_by IN ('auto', 'manual')", name="added_by"),
        CheckConstraint(
            "(from_thread_id IS NOT NULL OR to_thread_id IS NOT NULL) AND "
            "(from_thread_id IS NULL OR to_thread_id IS NULL OR from_thread_id <> to_thread_id)",
            name="move",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_key: Mapped[str] = mapped_column(String(250), index=True)
    from_thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id"), index=True)
    to_thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    author: Mapped[str] = mapped_column(Text)  # an analyst's name, or the linker
    similarity: Mapped[float | None] = mapped_column(Float)
    added_by: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ThreadOverride(Base):
    """An analyst's merge ('link') or split ('separate') decision for a pair of statements.

    Keyed by the statements' stable keys (not row ids or spans) so a decision survives
    re-extraction and re-linking.
    """

    __tablename__ = "thread_overrides"
    __table_args__ = (CheckConstraint("decision IN ('link', 'separate')", name="decision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_a: Mapped[str] = mapped_column(String(250), index=True)
    statement_b: Mapped[str] = mapped_column(String(250), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    author: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


STATUS_TARGET = (
    "(CASE WHEN thread_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN statement_key IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN dossier IS NULL THEN 0 ELSE 1 END) = 1"
)
EVIDENCE_SPAN = (
    "evidence_start IS NULL AND evidence_end IS NULL OR evidence_document_id IS NOT NULL "
    "AND evidence_start >= 0 AND evidence_end > evidence_start"
)


class StatusEntry(Base):
    """Append-only status history of a thread, a statement or a project dossier (triggers
    forbid UPDATE/DELETE). ``status`` is a label of the tracking codebook (migration 0006:
    checked by the tracking service, not the database, so labels are data)."""

    __tablename__ = "status_history"
    __table_args__ = (
        CheckConstraint(STATUS_TARGET, name="target"),
        CheckConstraint(EVIDENCE_SPAN, name="evidence_span"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id"), index=True)
    statement_key: Mapped[str | None] = mapped_column(String(250), index=True)  # a statement's stable key
    status: Mapped[str] = mapped_column(String(40))
    evidence_text: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(Text)
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # migration 0006
    dossier: Mapped[str | None] = mapped_column(String(250), index=True)  # the entity's canonical name
    note: Mapped[str | None] = mapped_column(Text)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)

    compliance: Mapped[list[StatusCompliance]] = relationship(cascade="all")


class StatusCompliance(Base):
    """G20 Research Group compliance score of one party for one status entry."""

    __tablename__ = "status_compliance"
    __table_args__ = (CheckConstraint("score IN (-1, 0, 1)", name="score"),)

    status_id: Mapped[int] = mapped_column(ForeignKey("status_history.id"), primary_key=True)
    party: Mapped[str] = mapped_column(String(20), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)


REVIEW_ACTIONS = ("accept", "reject", "correct", "add")


class ReviewCorrection(Base):
    """Migration 0006: an analyst's review of an extracted statement, by stable key and
    document, kept apart from the machine's output (append-only). ``fields`` holds what a
    ``correct`` or ``add`` sets (kind, actors, strength, sectors, entities, start, end, text)."""

    __tablename__ = "review_corrections"
    __table_args__ = (CheckConstraint(_in("action", REVIEW_ACTIONS), name="action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_key: Mapped[str] = mapped_column(String(250), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    action: Mapped[str] = mapped_column(String(10))
    fields: Mapped[dict | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SuggestionDecision(Base):
    """Migration 0006: an analyst's confirm or dismiss of a suggestion (append-only), by its
    key ``THREAD_ID:STATEMENT_KEY:KIND``; a confirmation that set a status points at it."""

    __tablename__ = "suggestion_decisions"
    __table_args__ = (CheckConstraint("decision IN ('confirm', 'dismiss')", name="decision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_key: Mapped[str] = mapped_column(String(400), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    status_id: Mapped[int | None] = mapped_column(ForeignKey("status_history.id"))
    author: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EmbeddingRow(Base):
    """Migration 0003: one embedding vector per (statement text hash, embedder id)."""

    __tablename__ = "embeddings"

    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    embedder: Mapped[str] = mapped_column(String(120), primary_key=True)
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
