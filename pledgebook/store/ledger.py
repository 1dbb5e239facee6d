"""Query the ledger: current statements filtered by actor, sector, kind, entity, date range
and full text (SQLite FTS5 or PostgreSQL full-text search, with the same semantics: every
word or "quoted phrase" must occur, English stemming)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from sqlalchemy import ColumnElement, Engine, and_, column, func, or_, select, text
from sqlalchemy.orm import Session, defer, selectinload

from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
    StatementActor,
    StatementEntity,
    StatementSector,
)


@dataclass(frozen=True, slots=True)
class LedgerFilter:
    """Values within one field are alternatives (OR); fields combine with AND."""

    actors: Sequence[str] = ()
    sectors: Sequence[str] = ()
    kinds: Sequence[str] = ()
    strengths: Sequence[str] = ()  # firm, moderate, soft (only commitments carry one)
    entities: Sequence[str] = ()  # canonical name or surface form, case-insensitive
    since: dt.date | None = None  # document date, inclusive
    until: dt.date | None = None
    search: str | None = None
    due: tuple[dt.date, dt.date] | None = None  # due date within, inclusive ("--due 2025": 2025-01-01, 2025-12-31)
    overdue_on: dt.date | None = None  # due before this day (no status tracking yet: none is fulfilled)
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """A current statement with its document: the fields of a statement row (serve/rows.py)."""

    statement_id: str  # the stable key: the same across re-extractions of the statement
    record_id: str  # the extraction record's id of this run's span
    document_id: str  # the extraction record's document id, as in `extract` (not the table's row id)
    document_source: str
    document_date: str | None
    document_title: str | None
    document_place: str | None
    document_parties: list[str]
    kind: str
    actors: list[str]
    strength: str | None
    sectors: list[str]
    text: str
    start: int
    end: int
    when: str | None
    when_date: str | None
    due: str | None  # YYYY-MM-DD: the last day the undertaking may be met
    due_precision: str | None  # day, month, season, quarter, half, year, event
    due_event: str | None  # "the next summit"
    plover: str | None
    cameo: str | None
    rule: str | None  # None for statements stored before the ledger kept provenance
    trigger: str | None
    trigger_words: list[str]
    actor_source: str | None
    rationale: str
    entities: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def search_terms(query: str) -> list[str]:
    """Words and "quoted phrases" of a user's search, in order."""
    return [phrase or word for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query) if (phrase or word).strip()]


def _fts_condition(dialect: str, query: str) -> ColumnElement[bool] | None:
    terms = search_terms(query)
    if not terms:
        return None
    if dialect == "sqlite":
        # Each term quoted as an FTS5 string: user text never reaches FTS5's query syntax.
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        matching = text("SELECT rowid FROM statements_fts WHERE statements_fts MATCH :fts").bindparams(fts=match)
        return Statement.id.in_(matching.columns(column("rowid")))
    tsquery = " && ".join(f"phraseto_tsquery('english', :fts{i})" for i in range(len(terms)))
    return text(f"statements.search_vector @@ ({tsquery})").bindparams(
        **{f"fts{i}": t for i, t in enumerate(terms)}
    )


def _conditions(flt: LedgerFilter, dialect: str) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [ExtractionRun.is_current.is_(True)]
    if flt.actors:
        actors = [a.upper() for a in flt.actors]
        conds.append(
            select(StatementActor.statement_id)
            .where(StatementActor.statement_id == Statement.id, StatementActor.actor.in_(actors))
            .exists()
        )
    if flt.sectors:
        conds.append(
            select(StatementSector.statement_id)
            .where(StatementSector.statement_id == Statement.id, StatementSector.sector.in_(list(flt.sectors)))
            .exists()
        )
    if flt.kinds:
        conds.append(Statement.kind.in_(list(flt.kinds)))
    if flt.strengths:
        conds.append(Statement.strength.in_(list(flt.strengths)))
    if flt.entities:
        names = [e.lower() for e in flt.entities]
        conds.append(
            select(StatementEntity.id)
            .where(
                StatementEntity.statement_id == Statement.id,
                or_(func.lower(StatementEntity.name).in_(names), func.lower(StatementEntity.surface).in_(names)),
            )
            .exists()
        )
    if flt.since is not None:
        conds.append(Document.date >= flt.since)
    if flt.until is not None:
        conds.append(Document.date <= flt.until)
    # due dates are ISO strings, which compare as the dates do
    if flt.due is not None:
        conds.append(Statement.when_due.between(flt.due[0].isoformat(), flt.due[1].isoformat()))
    if flt.overdue_on is not None:
        conds.append(Statement.when_due < flt.overdue_on.isoformat())
    if flt.search:
        fts = _fts_condition(dialect, flt.search)
        if fts is not None:
            conds.append(fts)
    return conds


def query_ledger(target: Engine | Session, flt: LedgerFilter = LedgerFilter()) -> list[LedgerRow]:
    """Current statements matching ``flt``, newest document first, then in text order."""
    if isinstance(target, Engine):
        with Session(target) as session:
            return query_ledger(session, flt)
    session = target
    stmt = (
        select(Statement, Document)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .join(Document, Document.id == Statement.document_id)
        .where(and_(*_conditions(flt, session.get_bind().dialect.name)))
        .order_by(Document.date.desc().nulls_last(), Document.id, Statement.start, Statement.id)
        # A row needs none of its document's text: sorting whole texts made a page 5x slower.
        .options(selectinload(Statement.entities), defer(Document.text))
    )
    if flt.limit is not None:
        stmt = stmt.limit(flt.limit)
    return [_row(st, doc) for st, doc in session.execute(stmt)]


def _row(st: Statement, doc: Document) -> LedgerRow:
    return LedgerRow(
        statement_id=st.stable_key,
        record_id=st.record_id,
        document_id=doc.record_id,
        document_source=doc.source,
        document_date=doc.date.isoformat() if doc.date else None,
        document_title=doc.title,
        document_place=doc.place,
        document_parties=list(doc.parties),
        kind=st.kind,
        actors=list(st.actors),
        strength=st.strength,
        sectors=list(st.sectors),
        text=st.text,
        start=st.start,
        end=st.end,
        when=st.when_text,
        when_date=st.when_date,
        due=st.when_due,
        due_precision=st.when_precision,
        due_event=st.when_event,
        plover=st.plover,
        cameo=st.cameo,
        rule=st.rule,
        trigger=st.trigger,
        trigger_words=list(st.trigger_words or ()),
        actor_source=st.actor_source,
        rationale=st.rationale,
        entities=list(dict.fromkeys(e.name for e in st.entities)),
    )
