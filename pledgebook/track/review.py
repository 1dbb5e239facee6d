"""Analysts' review of extracted statements: accept, reject, correct (kind, actors, strength,
sectors, entities, span), or add a statement the machine missed.

Each decision is a new row of ``review_corrections``, by the statement's stable key and
document, apart from the machine's output; ``store.review`` folds them and the views apply the
result (ledger, export, threads, dossiers). A key survives re-extraction when the statement
does (store.identity); a reviewed statement that a new run no longer has is kept and reported
as orphaned (``reviewed_statements(orphaned=True)``), never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.codebook import Codebook
from pledgebook.core.data import StatementKind, Strength
from pledgebook.extract.entities import EntityFinder
from pledgebook.link import Embedder, link_new_statements
from pledgebook.store.engine import writer
from pledgebook.store.models import Document, ExtractionRun, ReviewCorrection, Statement, ThreadMember
from pledgebook.store.review import ADDED_PREFIX, Review, reviews
from pledgebook.track.actors import actor_fields, stored_institutions
from pledgebook.track.common import TrackError, default_author, parse_span, resolve_document

KINDS = tuple(k.value for k in StatementKind)
STRENGTHS = tuple(s.value for s in Strength)


@dataclass(frozen=True, slots=True)
class Correction:
    """What an analyst sets; None: left as it is. ``strength`` "none" clears it."""

    kind: str | None = None
    actors: Sequence[str] | None = None
    strength: str | None = None
    sectors: Sequence[str] | None = None
    entities: Sequence[str] | None = None
    span: str | None = None  # START-END in the document


@dataclass(frozen=True, slots=True)
class ReviewedStatement:
    statement_id: str  # the stable key (added:<document id>:<start>-<end> for an added one)
    document_id: str  # the document id `ledger` prints
    document_source: str
    state: str  # accepted | rejected | corrected | added
    fields: dict[str, Any]
    entries: int
    author: str  # of the latest entry
    orphaned: bool  # the current run of its document has no statement with this key
    text: str | None  # as the analyst set it, else the current statement's
    thread_id: int | None = None  # the thread it is in (an added one too, once linked)

    def to_dict(self) -> dict:
        return asdict(self)


def _current(session: Session, key: str) -> Statement | None:
    return session.scalars(select(Statement).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                           .where(Statement.stable_key == key, ExtractionRun.is_current.is_(True))).first()


def _reviewable(session: Session, key: str) -> tuple[int, Review | None]:
    """(document row id, its review so far) of a current statement or an added one."""
    found = reviews(session, [key]).get(key)
    if key.startswith(ADDED_PREFIX) and found is not None and found.state == "added":
        return found.document_id, found
    st = _current(session, key)
    if st is None:
        raise TrackError(f"no current statement {key!r} (`pledgebook ledger` prints statement ids; "
                         "`pledgebook review orphans` lists reviewed statements a re-extraction dropped)")
    return st.document_id, found


def checked_fields(doc: Document, change: Correction, codebook: Codebook, kind_now: str | None,
                   companies: Sequence[str] = ()) -> dict[str, Any]:
    """``change`` validated into stored fields; ``TrackError`` naming the valid values."""
    out: dict[str, Any] = {}
    if change.kind is not None:
        if change.kind not in KINDS:
            raise TrackError(f"unknown kind {change.kind!r} (one of {', '.join(KINDS)})")
        out["kind"] = change.kind
    if change.strength is not None:
        if change.strength not in (*STRENGTHS, "none"):
            raise TrackError(f"unknown strength {change.strength!r} (one of {', '.join(STRENGTHS)}, none)")
        out["strength"] = None if change.strength == "none" else change.strength
    if (out.get("kind") or kind_now) != "commitment" and out.get("strength"):
        raise TrackError("only a commitment has a strength (give --kind commitment, or --strength none)")
    if change.kind is not None and change.kind != "commitment":
        out["strength"] = None
    if change.actors is not None:  # parties and non-state actors, split as extraction splits them
        out.update(actor_fields(change.actors, codebook, companies))
    if change.sectors is not None:
        out["sectors"] = [_sector(s, codebook) for s in change.sectors]
    if change.entities is not None:
        out["entities"] = [e.strip() for e in change.entities if e.strip()]
    if change.span is not None:
        start, end = parse_span(change.span, doc)
        out.update(start=start, end=end, text=doc.text[start:end])
    return out


def _sector(value: str, codebook: Codebook) -> str:
    sector = codebook.sector_id(value)
    if sector is None:
        raise TrackError(f"unknown sector {value!r} (one of {', '.join(s.id for s in codebook.sectors)})")
    return sector


def review(engine: Engine, key: str, action: str, change: Correction = Correction(), *, note: str | None = None,
           author: str | None = None, codebook: Codebook | None = None) -> ReviewedStatement:
    """Accept, reject or correct the statement ``key``; the statement as reviewed now."""
    if action not in ("accept", "reject", "correct"):
        raise TrackError(f"unknown review action {action!r} (one of accept, reject, correct, add)")
    book = codebook or Codebook.load()
    with Session(writer(engine)) as session, session.begin():
        doc_id, before = _reviewable(session, key)
        doc = session.get(Document, doc_id)
        assert doc is not None
        current = _current(session, key)
        kind_now = (before.fields.get("kind") if before else None) or (current.kind if current else None)
        companies = stored_institutions(session, change.actors or ())
        fields = checked_fields(doc, change, book, kind_now, companies) if action == "correct" else {}
        if action == "correct" and not fields:
            raise TrackError("nothing to correct: give --kind, --actors, --strength, --sectors, --entities or --span")
        session.add(ReviewCorrection(statement_key=key, document_id=doc_id, action=action, fields=fields or None,
                                     note=_clean(note), author=default_author(author)))
        session.flush()
        return _reviewed(session, reviews(session, [key])[key], {key} if current else set())


def add_statement(engine: Engine, document: str, change: Correction, *, quote: str | None = None,
                  note: str | None = None, author: str | None = None, codebook: Codebook | None = None,
                  embedder: Embedder | None = None) -> ReviewedStatement:
    """Record a statement the machine missed, by span (or by the first occurrence of ``quote``);
    its actors default to the document's parties, its entities to the names the entity finder
    finds in its span. Then thread it (link.added), as ingest threads what it stores."""
    book = codebook or Codebook.load()
    added = _add(engine, document, change, quote, note, author, book)
    link_new_statements(engine, embedder=embedder)
    with Session(engine) as session:
        return _reviewed(session, reviews(session, [added.statement_id])[added.statement_id], set())


def _add(engine: Engine, document: str, change: Correction, quote: str | None, note: str | None,
         author: str | None, book: Codebook) -> ReviewedStatement:
    with Session(writer(engine)) as session, session.begin():
        doc = resolve_document(session, document)
        if change.span is None:
            where = doc.text.find(quote) if quote else -1
            if where < 0:
                raise TrackError("give --span START-END, or a --quote that occurs in the document")
            change = Correction(**{**asdict(change), "span": f"{where}-{where + len(quote or '')}"})
        if change.kind is None:
            raise TrackError(f"an added statement needs --kind (one of {', '.join(KINDS)})")
        fields = checked_fields(doc, change, book, change.kind, stored_institutions(session, change.actors or ()))
        fields.setdefault("actors", list(doc.parties))
        if "entities" not in fields:
            fields.update(_found_entities(doc, fields["start"], fields["end"], book))
        key = f"{ADDED_PREFIX}{doc.record_id}:{fields['start']}-{fields['end']}"
        if key in reviews(session, [key]):
            raise TrackError(f"{key} was already added (correct it with `pledgebook review correct {key} ...`)")
        session.add(ReviewCorrection(statement_key=key, document_id=doc.id, action="add", fields=fields,
                                     note=_clean(note), author=default_author(author)))
        session.flush()
        return _reviewed(session, reviews(session, [key])[key], set())


def _found_entities(doc: Document, start: int, end: int, book: Codebook) -> dict[str, Any]:
    """The entities the extractor's finder names in ``doc.text[start:end]`` (canonical names),
    with their kinds: what the linker and the dossiers know an added statement by."""
    found = EntityFinder(book).analyse(doc.text, doc.parties).find(start, end)
    kinds = {m.name: m.kind for m in found}
    return {"entities": list(kinds), "entity_kinds": kinds}


def reviewed_statements(engine: Engine, *, orphaned: bool | None = None) -> list[ReviewedStatement]:
    """Every reviewed statement (``orphaned=True``: only those a re-extraction dropped), by document."""
    with Session(engine) as session:
        found = reviews(session)
        keys = [k for k in found if not k.startswith(ADDED_PREFIX)]
        current: set[str] = set()
        for start in range(0, len(keys), 500):
            current.update(session.scalars(
                select(Statement.stable_key).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                .where(Statement.stable_key.in_(keys[start:start + 500]), ExtractionRun.is_current.is_(True))))
        out = [_reviewed(session, r, current) for r in found.values()]
    if orphaned is not None:
        out = [r for r in out if r.orphaned == orphaned]
    return sorted(out, key=lambda r: (r.document_source, r.fields.get("start", 0), r.statement_id))


def _reviewed(session: Session, found: Review, current: set[str]) -> ReviewedStatement:
    doc = session.get(Document, found.document_id)
    assert doc is not None
    orphaned = found.state != "added" and found.key not in current
    text = found.fields.get("text")
    if text is None and not orphaned:
        st = _current(session, found.key)
        text = st.text if st is not None else None
    if text is None:  # an orphan: the statement as the latest run that had it
        text = session.scalars(select(Statement.text).where(Statement.stable_key == found.key)
                               .order_by(Statement.run_id.desc())).first()
    thread = session.scalar(select(ThreadMember.thread_id).where(ThreadMember.statement_key == found.key))
    shown = {k: v for k, v in found.fields.items() if k != "entity_kinds"}
    return ReviewedStatement(found.key, doc.record_id, doc.source, found.state, shown, found.entries,
                             found.author, orphaned, text, None if orphaned or found.hidden else thread)


def _clean(note: str | None) -> str | None:
    return note.strip() if note and note.strip() else None
