"""Query the ledger: current statements filtered by actor, sector, kind, entity, date range
and full text (SQLite FTS5 or PostgreSQL full-text search, with the same semantics: every
word or "quoted phrase" must occur, English stemming)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import ColumnElement, Engine, Join, and_, column, func, or_, select, text, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from pledgebook.codebook.tracking import load_tracking
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
    StatementActor,
    StatementEntity,
    StatementSector,
)
from pledgebook.store.review import Review, overlaid, reviews
from pledgebook.store.status import effective_statuses


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
    overdue_on: dt.date | None = None  # due before this day, and not fulfilled (docs/tracking.md)
    fulfilled: str | None = None  # the status that means done (None: the bundled tracking labels')
    limit: int | None = None
    keys: Sequence[str] = ()  # statements' stable keys (the API's /statements/{key})
    documents: Sequence[int] = ()  # documents' row ids (a document's statements)


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
    non_state_actors: list[str]  # companies and international organisations undertaking it (then actors is [])
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
    status: str | None = None  # its current status (store/status.py: its own, its thread's or a dossier's)

    def to_dict(self) -> dict:
        # as dataclasses.asdict gives it (lists copied), without its deep copy of every value
        values = (getattr(self, name) for name in _ROW_FIELDS)
        return {name: list(v) if isinstance(v, list) else v for name, v in zip(_ROW_FIELDS, values)}


_ROW_FIELDS = tuple(f.name for f in fields(LedgerRow))


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


def _document_conditions(flt: LedgerFilter) -> list[ColumnElement[bool]]:
    """What an analyst's correction cannot change: the run is current, the document and its
    date, the statement's stable key."""
    conds: list[ColumnElement[bool]] = [ExtractionRun.is_current.is_(True)]
    if flt.keys:
        conds.append(Statement.stable_key.in_(list(flt.keys)))
    if flt.documents:
        conds.append(Statement.document_id.in_(list(flt.documents)))
    if flt.since is not None:
        conds.append(Document.date >= flt.since)
    if flt.until is not None:
        conds.append(Document.date <= flt.until)
    return conds


def _conditions(flt: LedgerFilter, dialect: str) -> list[ColumnElement[bool]]:
    """The conditions on a statement's own fields (a corrected statement is checked on its
    corrected fields instead, by ``_matches``)."""
    conds: list[ColumnElement[bool]] = []
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
    """Current statements matching ``flt``, newest document first, then in text order, with
    analysts' reviews applied (store.review): a rejected statement is left out, a corrected one
    shown and filtered as corrected, an added one listed like the others (before the machine's
    statements that start where it does). Each row carries its current status."""
    if isinstance(target, Engine):
        with Session(target) as session:
            return query_ledger(session, flt)
    rows, _ = _ledger_rows(target, flt, size=flt.limit)
    return rows


def _sort_key(date: dt.date | None, document: int, start: int, statement: int, end: int) -> tuple:
    """A row's place in the ledger: newest document first (undated last), then the document's
    row id, the start, the statement's row id (0 for an analyst's added statement: before the
    machine's at the same start) and the end (which orders added statements that start together)."""
    return (date is None, -(date.toordinal() if date else 0), document, start, statement, end)


def with_status(session: Session, rows: list[LedgerRow]) -> list[LedgerRow]:
    """``rows`` with their current status (store/status.py)."""
    current = effective_statuses(session, [r.statement_id for r in rows])
    if not current:
        return rows
    return [replace(r, status=current[r.statement_id].status) if r.statement_id in current else r for r in rows]


def _added_rows(session: Session, found: dict[str, Review], flt: LedgerFilter) -> list[tuple]:
    """Statements analysts added, as (sort key, row), of the documents (and keys) the filter
    keeps; their own fields are checked by ``_passing``."""
    out = []
    for row, doc in added_rows(session, found):
        if (flt.since and (doc.date is None or doc.date < flt.since)) or (
                flt.until and (doc.date is None or doc.date > flt.until)):
            continue
        if (flt.keys and row.statement_id not in flt.keys) or (flt.documents and doc.id not in flt.documents):
            continue
        out.append((_sort_key(doc.date, doc.id, row.start, 0, row.end), row))
    return out


def added_rows(session: Session, found: dict[str, Review]) -> list[tuple[LedgerRow, Document]]:
    """The statements analysts added (of ``found``), as ledger rows with their documents."""
    added = [r for r in found.values() if r.state == "added"]
    if not added:
        return []
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_({r.document_id for r in added})))}
    return [(added_row(review, docs[review.document_id]), docs[review.document_id]) for review in added]


def added_row(review: Review, doc: Document) -> LedgerRow:
    """A statement an analyst added, as a ledger row (no machine provenance)."""
    f = review.fields
    return LedgerRow(
        statement_id=review.key, record_id=review.key, document_id=doc.record_id, document_source=doc.source,
        document_date=doc.date.isoformat() if doc.date else None, document_title=doc.title,
        document_place=doc.place, document_parties=list(doc.parties), kind=f["kind"],
        actors=list(f.get("actors", [])), non_state_actors=list(f.get("non_state_actors", [])), strength=f.get("strength"), sectors=list(f.get("sectors", [])),
        text=f["text"], start=f["start"], end=f["end"], when=None, when_date=None, due=None, due_precision=None,
        due_event=None, plover=None, cameo=None, rule="review", trigger=None, trigger_words=[],
        actor_source=f.get("actor_source"),
        rationale=f"added by {review.author}", entities=list(f.get("entities", [])),
    )


def _matches(row: LedgerRow, flt: LedgerFilter) -> bool:
    """``flt``'s statement conditions on a reviewed row (full text: every term occurs, unstemmed)."""
    lower = {e.casefold() for e in row.entities}
    due = row.due
    return all((
        not flt.actors or bool({a.upper() for a in flt.actors} & set(row.actors)),
        not flt.sectors or bool(set(flt.sectors) & set(row.sectors)),
        not flt.kinds or row.kind in flt.kinds,
        not flt.strengths or row.strength in flt.strengths,
        not flt.entities or bool({e.casefold() for e in flt.entities} & lower),
        flt.due is None or (due is not None and flt.due[0].isoformat() <= due <= flt.due[1].isoformat()),
        flt.overdue_on is None or (due is not None and due < flt.overdue_on.isoformat()),
        not flt.search or all(t.casefold() in row.text.casefold() for t in search_terms(flt.search)),
    ))


def _fulfilled(session: Session, keys: list[str], fulfilled: str | None) -> set[str]:
    """Those of ``keys`` whose current status is ``fulfilled`` (default: the bundled labels' done status)."""
    done = fulfilled or load_tracking().fulfilled
    return {key for key, current in effective_statuses(session, keys).items() if current.status == done}


@dataclass(frozen=True, slots=True)
class LedgerPosition:
    """Where a page of the ledger ended: the sort key of its last statement (document date,
    document and statement row ids, start; for a statement an analyst added, statement 0 and
    its end). The next page starts after it, so rows stored meanwhile never shift a page the
    way an offset would."""

    date: str | None
    document: int
    start: int
    statement: int
    end: int = 0  # only for an added statement (statement 0): added ones may start together

    def sort_key(self) -> tuple:
        day = dt.date.fromisoformat(self.date) if self.date else None
        return _sort_key(day, self.document, self.start, self.statement, self.end if not self.statement else 0)


def _after(pos: LedgerPosition) -> ColumnElement[bool]:
    """Rows after ``pos`` in the ledger's order (date descending, undated last)."""
    rest = tuple_(Document.id, Statement.start, Statement.id) > tuple_(pos.document, pos.start, pos.statement)
    if pos.date is None:
        return and_(Document.date.is_(None), rest)
    day = dt.date.fromisoformat(pos.date)
    return or_(Document.date < day, Document.date.is_(None), and_(Document.date == day, rest))


_ORDER = (Document.date.desc().nulls_last(), Document.id, Statement.start, Statement.id)


class _DocumentsFirst(Join):
    """Documents joined to their statements, read in that order on SQLite (a CROSS JOIN, which
    SQLite's planner never reorders): documents newest first by their date index, each one's
    statements by ``statements.document_id``, so a page of the ledger's order stops after its
    rows instead of sorting every match (0.3 ms instead of 30 for ``kind=commitment`` on the
    whole corpus). Other databases plan it as the plain join it is."""

    inherit_cache = True


@compiles(_DocumentsFirst, "sqlite")
def _cross_join(join: _DocumentsFirst, compiler: Any, **kw: Any) -> str:
    left, _, rest = compiler.visit_join(join, **kw).partition(" JOIN ")  # left: the documents table
    return f"{left} CROSS JOIN {rest}"


def _selective(flt: LedgerFilter) -> bool:
    """Whether ``flt`` has a condition that picks few statements through an index of its own
    (keys, documents, full text, due dates, entities): then the planner starts from those and
    sorts them, which beats walking the whole ledger in order."""
    return bool(flt.keys or flt.documents or flt.search or flt.entities or flt.due or flt.overdue_on)


def _ledger_from(flt: LedgerFilter):  # type: ignore[no-untyped-def]
    """Statements with their documents, to be read in the ledger's order (``_DocumentsFirst``)
    unless ``flt`` is selective."""
    documents, statements = Document.__table__, Statement.__table__
    joined = _DocumentsFirst if not _selective(flt) else Join
    return joined(documents, statements, statements.c.document_id == documents.c.id)


_DOCUMENT_FIELDS = ("record_id", "source", "title", "date", "place", "parties")


def query_ledger_page(
    target: Engine | Session, flt: LedgerFilter, *, size: int, after: LedgerPosition | None = None, offset: int = 0,
) -> tuple[list[LedgerRow], LedgerPosition | None]:
    """One page of ``query_ledger``: up to ``size`` rows after ``after`` (and after the first
    ``offset`` of those: the web ledger's numbered pages), and the position to ask the next page
    from (None on the last page). ``flt.limit`` is ignored.

    The page's statements are chosen by their sort keys alone, and only those are then read,
    as plain columns: sorting every match's full row, or building ORM objects for rows that
    are only turned into ``LedgerRow``s, is what made a page slow. Statements analysts added
    (few) are merged in by the same sort key."""
    if isinstance(target, Engine):
        with Session(target) as session:
            return query_ledger_page(session, flt, size=size, after=after, offset=offset)
    return _ledger_rows(target, flt, size=size, after=after, offset=offset)


def _ledger_rows(session: Session, flt: LedgerFilter, *, size: int | None, after: LedgerPosition | None = None,
                 offset: int = 0) -> tuple[list[LedgerRow], LedgerPosition | None]:
    """The one read of the ledger behind ``query_ledger`` and its pages: rows ``offset`` to
    ``offset + size`` (all with ``size`` None) after ``after``, as reviewed, and where the next
    page starts. The sort keys of the matches are read first, analysts' added statements
    merged in by theirs; a reviewed or added statement is checked on its corrected fields, and
    with ``overdue_on`` every one on its status, before the page is cut, so pages are exact;
    only then are the page's own rows read."""
    found = reviews(session)
    wanted = None if size is None or flt.overdue_on is not None else offset + size + 1 + len(found)
    matches = _matching(session, flt, found, after=after, limit=wanted)
    keys = {sid: key for _, sid, key in matches}
    chosen: list[tuple[tuple, Any]] = [(sort_key, sid) for sort_key, sid, _ in matches]
    floor = after.sort_key() if after is not None else None
    added = [(k, row) for k, row in _added_rows(session, found, flt) if floor is None or k > floor]
    if added:
        chosen = sorted(chosen + added, key=lambda c: c[0])
    if found or flt.overdue_on is not None:
        chosen = _passing(session, chosen, keys, found, flt)
    window = chosen[offset:] if size is None else chosen[offset:offset + size + 1]
    shown = window if size is None else window[:size]
    ids = [c[1] for c in shown if isinstance(c[1], int)]
    read = dict(zip(ids, _rows_by_id(session, ids)))
    rows = with_status(session, [read[c[1]] if isinstance(c[1], int) else c[1] for c in shown])
    if size is None or len(window) <= size:
        return rows, None
    key = window[size - 1][0]
    date = dt.date.fromordinal(-key[1]).isoformat() if not key[0] else None
    return rows, LedgerPosition(date, key[2], key[3], key[4], key[5] if not key[4] else 0)


def _passing(session: Session, chosen: list[tuple[tuple, Any]], keys: dict[int, str], found: dict[str, Review],
             flt: LedgerFilter) -> list[tuple[tuple, Any]]:
    """``chosen`` (sort key, statement row id or added row; ``keys``: the ids' stable keys)
    without the statements analysts rejected or corrected out of ``flt`` (a corrected one that
    passes is kept as corrected) and, for ``overdue_on``, those fulfilled. Only the reviewed
    machine statements are read here."""
    reviewed = [c[1] for c in chosen if isinstance(c[1], int) and keys[c[1]] in found]
    candidates = _rows_by_id(session, reviewed) + [c[1] for c in chosen if not isinstance(c[1], int)]
    kept = {r.statement_id: r for r in _as_reviewed(candidates, found, flt)}
    done = _fulfilled(session, [*keys.values(), *kept], flt.fulfilled) if flt.overdue_on is not None else set()
    out = []
    for sort_key, item in chosen:
        key = keys[item] if isinstance(item, int) else item.statement_id
        if key in done or (key in found and key not in kept):
            continue
        out.append((sort_key, kept[key] if key in found else item))
    return out


def _matching(session: Session, flt: LedgerFilter, found: dict[str, Review], *, after: LedgerPosition | None = None,
              limit: int | None = None) -> list[tuple[tuple, int, str]]:
    """(sort key, row id, stable key) of the machine's current statements ``flt`` selects, in the ledger's
    order, after ``after``, at most ``limit``: the sort keys alone, so that only the rows shown
    are then read. A reviewed statement (of ``found``) is kept whatever its fields: it is
    checked on its corrected ones later (``_passing``)."""
    fields = _conditions(flt, session.get_bind().dialect.name)
    if found and fields:
        fields = [or_(Statement.stable_key.in_(list(found)), and_(*fields))] if len(found) <= 5000 else fields
    conds = _document_conditions(flt) + fields + ([_after(after)] if after is not None else [])
    stmt = (select(Statement.id, Document.id, Document.date, Statement.start, Statement.stable_key)
            .select_from(_ledger_from(flt))
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id).where(and_(*conds)).order_by(*_ORDER))
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = session.connection().execute(stmt)  # plain rows: the ORM's result loading is no help here
    return [(_sort_key(date, doc, start, sid, 0), sid, key) for sid, doc, date, start, key in rows]


def _as_reviewed(rows: list[LedgerRow], found: dict[str, Review], flt: LedgerFilter) -> list[LedgerRow]:
    """Rows as analysts reviewed them (rejected ones left out), those that still match ``flt``."""
    return [r for r in overlaid(rows, "statement_id", found) if r.statement_id not in found or _matches(r, flt)]


_STATEMENT_FIELDS = ("id", "document_id", "stable_key", "record_id", "kind", "actors", "non_state_actors", "strength",
                     "sectors", "text", "start", "end", "when_text", "when_date", "when_due", "when_precision",
                     "when_event", "plover", "cameo", "rule", "trigger", "trigger_words", "actor_source", "rationale")
_CHUNK = 500


def _rows_by_id(session: Session, ids: list[int]) -> list[LedgerRow]:
    """The ledger rows of these statements, in this order: their columns, their documents'
    and their entities' names read as plain columns (three queries per 500 rows, no ORM objects)."""
    statements, documents = Statement.__table__.c, Document.__table__.c
    found: dict[int, Any] = {}
    names: dict[int, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        found.update((row.id, row) for row in session.execute(
            select(*(statements[f] for f in _STATEMENT_FIELDS)).where(statements.id.in_(chunk))))
        for statement, name in session.execute(
            select(StatementEntity.statement_id, StatementEntity.name)
            .where(StatementEntity.statement_id.in_(chunk)).order_by(StatementEntity.id)
        ):
            names[statement].append(name)
    wanted = list({row.document_id for row in found.values()})
    docs: dict[int, Any] = {}
    for start in range(0, len(wanted), _CHUNK):
        docs.update((row.id, row) for row in session.execute(
            select(documents.id, *(documents[f] for f in _DOCUMENT_FIELDS))
            .where(documents.id.in_(wanted[start:start + _CHUNK]))))
    return [_row(found[i], docs[found[i].document_id], names[i]) for i in ids]


def _row(st: Any, doc: Any, entities: list[str]) -> LedgerRow:
    """A ledger row of a statement's and its document's columns (rows or objects with the
    tables' column names) and its entities' names."""
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
        non_state_actors=list(st.non_state_actors or ()),
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
        entities=list(dict.fromkeys(entities)),
    )
