"""Analysts' decisions on suggested evidence (track/suggest.py makes the suggestions).

A suggestion is named by its key ``THREAD_ID:STATEMENT_KEY:KIND``: the thread it is about, what
suggests it (a later statement's stable key; for a sentence that holds no statement its span
``<document record id>:<start>-<end>``; for ``dropped`` the silent document's record id: these
hold colons themselves) and its kind. ``decide_suggestion`` appends the decision to
``suggestion_decisions``; confirming a suggestion of a kind the tracking labels map to a status
(``suggestions:`` in tracking.yaml: completion -> fulfilled ...) also appends that status to the
thread, with the suggesting document and span as evidence. ``suggestion_decisions_by_key``
gives the latest decision per key, for listings.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.codebook.tracking import Tracking
from pledgebook.store.engine import writer
from pledgebook.store.models import Document, ExtractionRun, Statement, SuggestionDecision, Thread
from pledgebook.store.review import ADDED_PREFIX, reviews
from pledgebook.track.common import Target, TrackError, default_author, labels
from pledgebook.track.status import Evidence, new_entry

DECISIONS = ("confirm", "dismiss")
_SPAN = re.compile(r"^(?P<doc>.+):(?P<start>\d+)-(?P<end>\d+)$")


@dataclass(frozen=True, slots=True)
class SuggestionKey:
    thread_id: int
    said: str  # a statement's stable key, a sentence's "<doc record id>:<start>-<end>", or a document's record id
    kind: str

    @classmethod
    def parse(cls, key: str) -> SuggestionKey:
        thread, _, rest = key.strip().partition(":")
        said, _, kind = rest.rpartition(":")
        if not thread.isdigit() or not said or not kind:
            raise TrackError(f"suggestion key {key!r} is not THREAD_ID:STATEMENT_KEY:KIND "
                             "(as `pledgebook suggestions --format json` prints it)")
        return cls(int(thread), said, kind)

    def __str__(self) -> str:
        return f"{self.thread_id}:{self.said}:{self.kind}"


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    suggestion_key: str
    decision: str
    author: str
    note: str | None
    status_id: int | None  # the status entry a confirmation appended
    created_at: str

    def to_dict(self) -> dict:
        return asdict(self)


def _evidence(session: Session, said: str) -> Evidence:
    """What the key's middle names, as evidence: a current statement (its text, document and
    span), a sentence no statement holds (its span), or a silent document (``dropped``)."""
    st = session.scalars(select(Statement).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                         .where(Statement.stable_key == said, ExtractionRun.is_current.is_(True))).first()
    if st is not None:
        doc = session.get(Document, st.document_id)
        assert doc is not None
        return Evidence(st.text, doc.record_id, f"{st.start}-{st.end}")
    added = reviews(session, [said]).get(said) if said.startswith(ADDED_PREFIX) else None
    if added is not None and added.state == "added":  # a statement an analyst added, in the thread
        doc = session.get(Document, added.document_id)
        assert doc is not None
        return Evidence(added.fields["text"], doc.record_id, f"{added.fields['start']}-{added.fields['end']}")
    match = _SPAN.match(said)
    if match and session.scalar(select(Document.id).where(Document.record_id == match["doc"])) is not None:
        return Evidence(None, match["doc"], f"{match['start']}-{match['end']}")
    if session.scalar(select(Document.id).where(Document.record_id == said)) is not None:
        return Evidence("not repeated in this document", said)
    raise TrackError(f"no current statement, sentence or document {said!r} (`pledgebook suggestions --format json` "
                     "prints the keys)")


def decide_suggestion(engine: Engine, key: str, decision: str, author: str | None = None, note: str | None = None,
                      *, tracking: Tracking | None = None) -> Decision:
    """Record an analyst's ``confirm`` or ``dismiss`` of the suggestion ``key``; ``TrackError``
    (nothing written) for a malformed key, an unknown thread, statement or document, or another
    decision. Confirming a kind the tracking labels map to a status appends it to the thread."""
    if decision not in DECISIONS:
        raise TrackError(f"unknown decision {decision!r} (one of {', '.join(DECISIONS)})")
    parsed, sets = SuggestionKey.parse(key), labels(tracking).suggestions
    who = default_author(author)
    with Session(writer(engine)) as session, session.begin():
        if session.get(Thread, parsed.thread_id) is None:
            raise TrackError(f"no thread {parsed.thread_id} (`pledgebook threads --min-docs 1` lists the thread ids)")
        evidence = _evidence(session, parsed.said)
        status_id = None
        if decision == "confirm" and parsed.kind in sets:
            entry, _ = new_entry(session, Target(thread_id=parsed.thread_id), sets[parsed.kind], {}, evidence,
                                 note or f"confirmed suggestion {parsed}", who)
            session.flush()
            status_id = entry.id
        row = SuggestionDecision(suggestion_key=str(parsed), decision=decision, status_id=status_id, author=who,
                                 note=note.strip() if note and note.strip() else None)
        session.add(row)
        session.flush()
        return _decision(row)


def _decision(row: SuggestionDecision) -> Decision:
    return Decision(row.id, row.suggestion_key, row.decision, row.author, row.note, row.status_id,
                    row.created_at.isoformat())


def suggestion_decisions_by_key(engine: Engine | Session) -> dict[str, Decision]:
    """The latest decision of every decided suggestion, by key."""
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return suggestion_decisions_by_key(session)
    return {row.suggestion_key: _decision(row)
            for row in engine.scalars(select(SuggestionDecision).order_by(SuggestionDecision.id))}
