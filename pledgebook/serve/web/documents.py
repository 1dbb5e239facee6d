"""Stored documents as the web pages show them: one document with its current statements and
their spans cut into highlighted segments, the previous document of the same relationship
(same parties), and the documents ingested last."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Engine, Text, cast, func, select
from sqlalchemy.orm import Session, defer, selectinload

from pledgebook.store.models import Document, ExtractionRun, Statement, ThreadMember


@dataclass(frozen=True, slots=True)
class DocumentRef:
    id: int
    record_id: str
    source: str
    title: str | None
    date: str | None
    parties: list[str]
    statements: int = 0


@dataclass(frozen=True, slots=True)
class StatementDetails:
    """A current statement of the document with what its details panel shows."""

    anchor: str  # the HTML id of its details
    key: str  # the stable key, as in `ledger` and `thread`
    kind: str
    start: int
    end: int
    text: str
    actors: list[str]
    strength: str | None
    sectors: list[str]
    entities: list[str]
    when: str | None
    due: str | None
    due_precision: str | None
    due_event: str | None
    rule: str | None
    trigger: str | None
    rationale: str
    thread_id: int | None


@dataclass(frozen=True, slots=True)
class Segment:
    """A slice of the document's text; ``statement`` is the one it belongs to (None: plain text)."""

    text: str
    statement: StatementDetails | None = None


@dataclass(slots=True)
class DocumentView:
    ref: DocumentRef
    place: str | None
    kind: str
    chars: int
    ingested_at: str
    agreements_signed: int | None
    extractor_version: str | None
    statements: list[StatementDetails]
    segments: list[Segment]
    kinds: dict[str, int] = field(default_factory=dict)
    previous: DocumentRef | None = None


def segments(text: str, statements: list[StatementDetails]) -> list[Segment]:
    """``text`` cut at the statements' spans, in order. A span that overlaps the one before it
    starts where that one ends (each character belongs to at most one statement)."""
    out: list[Segment] = []
    cursor = 0
    for st in sorted(statements, key=lambda s: (s.start, s.end)):
        start, end = max(st.start, cursor), min(st.end, len(text))
        if start >= end:
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], st))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def _ref(doc: Document, statements: int = 0) -> DocumentRef:
    return DocumentRef(doc.id, doc.record_id, doc.source, doc.title, doc.date.isoformat() if doc.date else None,
                       list(doc.parties), statements)


def find_document(session: Session, ref: str) -> Document | None:
    """A document by row id or by its extraction record's id."""
    if ref.isdigit():
        return session.get(Document, int(ref))
    return session.scalars(select(Document).where(Document.record_id == ref).order_by(Document.id)).first()


def _details(st: Statement, thread_id: int | None) -> StatementDetails:
    entities = list(dict.fromkeys(e.name for e in sorted(st.entities, key=lambda e: e.start)))
    return StatementDetails(
        anchor=f"st-{st.start}-{st.end}", key=st.stable_key, kind=st.kind, start=st.start, end=st.end, text=st.text,
        actors=list(st.actors), strength=st.strength, sectors=list(st.sectors), entities=entities, when=st.when_text,
        due=st.when_due, due_precision=st.when_precision, due_event=st.when_event, rule=st.rule,
        trigger=st.trigger, rationale=st.rationale, thread_id=thread_id,
    )


def reviewed(session: Session, statements: list[StatementDetails]) -> list[StatementDetails]:
    """The statements as every view shows them: analysts' corrections applied, rejected ones
    left out (store.review)."""
    from dataclasses import replace

    from pledgebook.store.review import overlaid, reviews

    found = reviews(session, [s.key for s in statements])
    if not found:
        return statements
    return [replace(s, anchor=f"st-{s.start}-{s.end}") for s in overlaid(statements, "key", found)]


def previous_document(session: Session, doc: Document) -> Document | None:
    """The latest document dated before ``doc`` whose parties are the same (one relationship)."""
    if doc.date is None or not doc.parties:
        return None
    parties = sorted(doc.parties)
    # the stored JSON as text: one of the same parties has text as long, and only those are decoded
    # (decoding every earlier document's parties was a fifth of a page on the whole corpus)
    stored = cast(Document.parties, Text)
    own = session.scalar(select(func.length(stored)).where(Document.id == doc.id))
    candidates = session.execute(
        select(Document.id, stored).where(Document.date < doc.date, func.length(stored) == own)
        .order_by(Document.date.desc(), Document.id.desc())
    )
    for doc_id, other in candidates:
        if sorted(json.loads(other)) == parties:
            return session.get(Document, doc_id)
    return None


def document_view(engine: Engine, ref: str) -> DocumentView | None:
    """The document ``ref`` (row id or record id) with its current statements, or None."""
    with Session(engine) as session:
        doc = find_document(session, ref)
        if doc is None:
            return None
        run = session.scalar(select(ExtractionRun).where(ExtractionRun.document_id == doc.id,
                                                         ExtractionRun.is_current.is_(True)))
        rows = session.execute(
            select(Statement, ThreadMember.thread_id)
            .outerjoin(ThreadMember, ThreadMember.statement_key == Statement.stable_key)
            .where(Statement.run_id == (run.id if run else -1))
            .order_by(Statement.start, Statement.end)
            .options(selectinload(Statement.entities))
        ).all()
        statements = reviewed(session, [_details(st, tid) for st, tid in rows])
        previous = previous_document(session, doc)
        return DocumentView(
            ref=_ref(doc, len(statements)), place=doc.place, kind=doc.kind, chars=doc.chars,
            ingested_at=doc.ingested_at.strftime("%Y-%m-%d %H:%M UTC"),
            agreements_signed=run.agreements_signed if run else None,
            extractor_version=run.extractor_version if run else None,
            statements=statements, segments=segments(doc.text, statements),
            kinds=dict(Counter(s.kind for s in statements).most_common()),
            previous=_ref(previous) if previous is not None else None,
        )


def count_documents(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Document)) or 0


def recent_documents(engine: Engine, limit: int = 8, *, by_date: bool = False) -> list[DocumentRef]:
    """The documents ingested last (``by_date``: dated last), with their number of current statements."""
    with Session(engine) as session:
        docs = session.scalars(
            select(Document).options(defer(Document.text))
            .order_by(*((Document.date.desc().nulls_last(),) if by_date else ()), Document.ingested_at.desc(),
                      Document.id.desc()).limit(limit)
        ).all()
        counts = dict(session.execute(  # counted for these documents only
            select(Statement.document_id, func.count())
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .where(ExtractionRun.is_current.is_(True), Statement.document_id.in_([d.id for d in docs]))
            .group_by(Statement.document_id)
        ).all())
        return [_ref(doc, counts.get(doc.id, 0)) for doc in docs]
