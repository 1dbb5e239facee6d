"""Status, evidence and compliance scores on threads, statements and project dossiers.

Every change is a new row of ``status_history`` (append-only in the database); the current
status of a target is its latest row, and its current score for a party is the latest score
given to that party (a later entry without a score for a party keeps the earlier score). A
statement's effective status is its own, else its thread's, else its dossier's
(``store.status.effective_statuses``). Labels come from the tracking codebook
(``codebook/data/tracking.yaml``) and are checked here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload

from pledgebook.codebook import Codebook
from pledgebook.codebook.tracking import Tracking
from pledgebook.store.engine import writer
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
    StatementEntity,
    StatusCompliance,
    StatusEntry,
    ThreadMember,
)
from pledgebook.store.review import ADDED_PREFIX, reviews
from pledgebook.track.common import (
    Target,
    TrackError,
    default_author,
    labels,
    parse_span,
    resolve_document,
    resolve_party,
    resolve_target,
)

SCORES = (-1, 0, 1)
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StatusRecord:
    """One status entry, as history shows it."""

    id: int
    target: str  # thread | statement | dossier
    target_id: str
    status: str
    label: str
    scores: dict[str, int]
    evidence_text: str | None
    evidence_url: str | None
    evidence_document: str | None  # the document id `ledger` prints
    evidence_span: list[int] | None  # [start, end] in that document
    evidence_quote: str | None  # the text of that span
    note: str | None
    author: str
    created_at: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CurrentStatus:
    """A target's current status: its latest entry, and the latest score of each party."""

    target: str
    target_id: str
    status: str
    label: str
    scores: dict[str, int]
    entries: int
    latest: StatusRecord
    history_ids: list[int] = field(default_factory=list)
    statements: int = 0  # current statements it applies to (a thread's members, a dossier's mentions)
    orphaned: bool = False  # none: a thread emptied by a merge, a statement a re-extraction dropped

    def to_dict(self) -> dict:
        return asdict(self)


def target_of(entry: StatusEntry) -> Target:
    return Target(entry.thread_id, entry.statement_key, entry.dossier)


def _record(entry: StatusEntry, tracking: Tracking, doc: Document | None) -> StatusRecord:
    target = target_of(entry)
    quote = doc.text[entry.evidence_start:entry.evidence_end] if doc is not None and entry.evidence_start is not None else None
    return StatusRecord(
        id=entry.id, target=target.kind, target_id=target.id, status=entry.status, label=tracking.label(entry.status),
        scores={c.party: c.score for c in sorted(entry.compliance, key=lambda c: c.party)},
        evidence_text=entry.evidence_text, evidence_url=entry.evidence_url,
        evidence_document=doc.record_id if doc is not None else None,
        evidence_span=[entry.evidence_start, entry.evidence_end] if entry.evidence_start is not None else None,
        evidence_quote=quote, note=entry.note, author=entry.author, created_at=entry.created_at.isoformat(),
    )


def check_status(status: str, tracking: Tracking) -> str:
    if status not in tracking.ids:
        raise TrackError(f"unknown status {status!r} (one of {', '.join(tracking.ids)})")
    return status


def check_scores(scores: Mapping[str, int], codebook: Codebook) -> dict[str, int]:
    out = {}
    for party, score in scores.items():
        if score not in SCORES:
            raise TrackError(f"score {score} for {party} is not on the compliance scale (one of -1, 0, 1)")
        out[resolve_party(party, codebook)] = score
    return out


@dataclass(frozen=True, slots=True)
class Evidence:
    """What shows the status: free text or a URL, and/or a stored document (and a span of it)."""

    text: str | None = None  # a URL here is stored as the URL
    document: str | None = None  # the document id `ledger` prints, or its source
    span: str | None = None  # START-END in that document


def set_status(engine: Engine, ident: str | None, status: str | None, *, dossier: str | None = None,
               scores: Mapping[str, int] | None = None, evidence: Evidence = Evidence(), note: str | None = None,
               author: str | None = None, tracking: Tracking | None = None,
               codebook: Codebook | None = None) -> StatusRecord:
    """Append a status entry to a thread, a statement or a dossier (``status`` None: the
    target's current status is kept, else the labels' default); ``TrackError`` (nothing
    written) for an unknown target, label, party, document or span."""
    tracking, book = labels(tracking), codebook or Codebook.load()
    if status is not None:
        check_status(status, tracking)
    target = resolve_target(engine, ident, dossier, book)
    checked = check_scores(scores or {}, book)
    with Session(writer(engine)) as session, session.begin():
        if status is None:
            latest = session.scalars(select(StatusEntry.status).where(_where(target))
                                     .order_by(StatusEntry.id.desc())).first()
            status = latest or tracking.default
        entry, doc = new_entry(session, target, status, checked, evidence, note, default_author(author))
        session.flush()
        return _record(entry, tracking, doc)


def new_entry(session: Session, target: Target, status: str, scores: Mapping[str, int], evidence: Evidence,
              note: str | None, author: str) -> tuple[StatusEntry, Document | None]:
    """The status row (and its evidence document), added to ``session`` with its scores (the
    caller commits)."""
    text = evidence.text.strip() if evidence.text and evidence.text.strip() else None
    url = text if text and _URL.match(text) else None
    doc, span = None, (None, None)
    if evidence.document is not None:
        doc = resolve_document(session, evidence.document)
        if evidence.span is not None:
            span = parse_span(evidence.span, doc)
    elif evidence.span is not None:
        raise TrackError("an evidence span needs its document (--evidence-document)")
    entry = StatusEntry(thread_id=target.thread_id, statement_key=target.statement_key, dossier=target.dossier,
                        status=status, evidence_text=None if url else text, evidence_url=url,
                        evidence_document_id=doc.id if doc else None, evidence_start=span[0], evidence_end=span[1],
                        note=note.strip() if note and note.strip() else None, author=author,
                        compliance=[StatusCompliance(party=p, score=s) for p, s in scores.items()])
    session.add(entry)
    return entry, doc


def _load(session: Session, *where) -> list[tuple[StatusEntry, Document | None]]:  # type: ignore[no-untyped-def]
    """Entries, oldest first, each with its evidence document."""
    entries = list(session.scalars(select(StatusEntry).where(*where).options(selectinload(StatusEntry.compliance))
                                   .order_by(StatusEntry.id)))
    ids = {e.evidence_document_id for e in entries if e.evidence_document_id is not None}
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(ids)))} if ids else {}
    return [(e, docs.get(e.evidence_document_id) if e.evidence_document_id is not None else None) for e in entries]


def _where(target: Target):  # type: ignore[no-untyped-def]
    if target.thread_id is not None:
        return StatusEntry.thread_id == target.thread_id
    if target.statement_key is not None:
        return StatusEntry.statement_key == target.statement_key
    return StatusEntry.dossier == target.dossier


def status_history(engine: Engine, ident: str | None, *, dossier: str | None = None,
                   tracking: Tracking | None = None, codebook: Codebook | None = None) -> list[StatusRecord]:
    """Every entry of one target, oldest first."""
    tracking = labels(tracking)
    target = resolve_target(engine, ident, dossier, codebook)
    with Session(engine) as session:
        return [_record(e, tracking, doc) for e, doc in _load(session, _where(target))]


def current_statuses(engine: Engine | Session, *, status: str | None = None, party: str | None = None,
                     tracking: Tracking | None = None, codebook: Codebook | None = None) -> list[CurrentStatus]:
    """The current status of every target that has one (``status``: only those; ``party``:
    only those scoring that party), most recently changed first."""
    tracking = labels(tracking)
    if status is not None:
        check_status(status, tracking)
    if party is not None:
        party = resolve_party(party, codebook or Codebook.load())
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return current_statuses(session, status=status, party=party, tracking=tracking, codebook=codebook)
    by_target: dict[Target, list[tuple[StatusEntry, Document | None]]] = {}
    for e, doc in _load(engine):
        by_target.setdefault(target_of(e), []).append((e, doc))
    covered = coverage(engine, list(by_target))
    out = [_current(t, es, tracking, covered.get(t, 0)) for t, es in by_target.items()]
    out = [c for c in out if (status is None or c.status == status) and (party is None or party in c.scores)]
    return sorted(out, key=lambda c: -c.latest.id)


def coverage(session: Session, targets: list[Target]) -> dict[Target, int]:
    """How many current statements each target applies to."""
    current = (select(Statement.stable_key).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
               .where(ExtractionRun.is_current.is_(True)))
    threads = [t.thread_id for t in targets if t.thread_id is not None]
    # a join, not `statement_key IN (every current key)`: that subquery read the whole ledger (5x slower)
    members = dict(session.execute(
        select(ThreadMember.thread_id, func.count(func.distinct(ThreadMember.statement_key)))
        .join(Statement, Statement.stable_key == ThreadMember.statement_key)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ThreadMember.thread_id.in_(threads), ExtractionRun.is_current.is_(True))
        .group_by(ThreadMember.thread_id)).all()) if threads else {}
    keys = [t.statement_key for t in targets if t.statement_key is not None]
    live = set(session.scalars(current.where(Statement.stable_key.in_(keys)))) if keys else set()
    live |= {k for k, r in reviews(session, [k for k in keys if k.startswith(ADDED_PREFIX)]).items()
             if r.state == "added"}
    names = [t.dossier for t in targets if t.dossier is not None]
    named = dict(session.execute(
        select(StatementEntity.name, func.count(func.distinct(Statement.stable_key)))
        .join(Statement, Statement.id == StatementEntity.statement_id)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ExtractionRun.is_current.is_(True), StatementEntity.name.in_(names))
        .group_by(StatementEntity.name)).all()) if names else {}
    return {t: members.get(t.thread_id, 0) if t.thread_id is not None else
            int(t.statement_key in live) if t.statement_key is not None else named.get(t.dossier, 0) for t in targets}


def _current(target: Target, entries: list[tuple[StatusEntry, Document | None]], tracking: Tracking,
             statements: int) -> CurrentStatus:
    scores: dict[str, int] = {}
    for e, _ in entries:
        scores.update({c.party: c.score for c in e.compliance})
    latest = _record(entries[-1][0], tracking, entries[-1][1])
    return CurrentStatus(target.kind, target.id, latest.status, latest.label, dict(sorted(scores.items())),
                         len(entries), latest, [e.id for e, _ in entries], statements, statements == 0)


def current_status(engine: Engine, ident: str | None, *, dossier: str | None = None,
                   tracking: Tracking | None = None, codebook: Codebook | None = None) -> CurrentStatus | None:
    """The current status of one thread, statement or dossier; None when it has none."""
    tracking = labels(tracking)
    target = resolve_target(engine, ident, dossier, codebook)
    with Session(engine) as session:
        entries = _load(session, _where(target))
        return _current(target, entries, tracking, coverage(session, [target])[target]) if entries else None


def status_line(current: CurrentStatus) -> str:
    """One line for a view: the status, the scores, when and by whom, where the history is."""
    scores = ", ".join(f"{p} {s:+d}" if s else f"{p} 0" for p, s in current.scores.items())
    ident = f"--dossier {current.target_id!r}" if current.target == "dossier" else current.target_id
    return (f"status {current.status}{f' ({scores})' if scores else ''} since {current.latest.created_at[:10]} "
            f"by {current.latest.author} · `pledgebook status history {ident}`")
