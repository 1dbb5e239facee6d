"""Analysts' decisions on suggested evidence (track/suggest.py makes the suggestions).

A suggestion is named by its key ``THREAD_ID:STATEMENT_KEY:KIND``: the thread it is about, the
stable key of the later statement that suggests it (a statement key holds colons itself), and
its kind. ``decide_suggestion`` appends the decision to ``suggestion_decisions``; confirming a
suggestion of a kind in ``COMPLETION_KINDS`` also appends a status entry to the thread (the
tracking codebook's fulfilled label) with the suggesting statement's document and span as
evidence. ``suggestion_decisions_by_key`` gives the latest decision per key, for listings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.codebook.tracking import Tracking
from pledgebook.store.engine import writer
from pledgebook.store.models import Document, ExtractionRun, Statement, SuggestionDecision, Thread
from pledgebook.track.common import Target, TrackError, default_author, labels
from pledgebook.track.status import Evidence, new_entry

DECISIONS = ("confirm", "dismiss")
COMPLETION_KINDS = ("completion",)  # a later document reports the undertaking done


@dataclass(frozen=True, slots=True)
class SuggestionKey:
    thread_id: int
    statement_key: str
    kind: str

    @classmethod
    def parse(cls, key: str) -> SuggestionKey:
        thread, _, rest = key.strip().partition(":")
        statement, _, kind = rest.rpartition(":")
        if not thread.isdigit() or not statement or not kind:
            raise TrackError(f"suggestion key {key!r} is not THREAD_ID:STATEMENT_KEY:KIND "
                             "(as `pledgebook suggestions` prints it)")
        return cls(int(thread), statement, kind)

    def __str__(self) -> str:
        return f"{self.thread_id}:{self.statement_key}:{self.kind}"


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    suggestion_key: str
    decision: str
    author: str
    note: str | None
    status_id: int | None  # the status entry a confirmed completion appended
    created_at: str

    def to_dict(self) -> dict:
        return asdict(self)


def decide_suggestion(engine: Engine, key: str, decision: str, author: str | None = None, note: str | None = None,
                      *, tracking: Tracking | None = None) -> Decision:
    """Record an analyst's ``confirm`` or ``dismiss`` of the suggestion ``key``; ``TrackError``
    (nothing written) for a malformed key, an unknown thread or statement, or another decision."""
    if decision not in DECISIONS:
        raise TrackError(f"unknown decision {decision!r} (one of {', '.join(DECISIONS)})")
    parsed = SuggestionKey.parse(key)
    who = default_author(author)
    with Session(writer(engine)) as session, session.begin():
        if session.get(Thread, parsed.thread_id) is None:
            raise TrackError(f"no thread {parsed.thread_id} (`pledgebook threads --min-docs 1` lists the thread ids)")
        st = session.scalars(select(Statement).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                             .where(Statement.stable_key == parsed.statement_key,
                                    ExtractionRun.is_current.is_(True))).first()
        if st is None:
            raise TrackError(f"no current statement {parsed.statement_key!r} (`pledgebook ledger` prints statement ids)")
        status_id = None
        if decision == "confirm" and parsed.kind in COMPLETION_KINDS:
            doc = session.get(Document, st.document_id)
            assert doc is not None
            entry, _ = new_entry(session, Target(thread_id=parsed.thread_id), labels(tracking).fulfilled,
                                 {}, Evidence(st.text, doc.record_id, f"{st.start}-{st.end}"),
                                 note or f"confirmed suggestion {parsed}", who)
            session.flush()
            status_id = entry.id
        row = SuggestionDecision(suggestion_key=str(parsed), decision=decision, status_id=status_id, author=who,
                                 note=note.strip() if note and note.strip() else None)
        session.add(row)
        session.flush()
        return Decision(row.id, row.suggestion_key, row.decision, row.author, row.note, row.status_id,
                        row.created_at.isoformat())


def suggestion_decisions_by_key(engine: Engine | Session) -> dict[str, Decision]:
    """The latest decision of every decided suggestion, by key."""
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return suggestion_decisions_by_key(session)
    out: dict[str, Decision] = {}
    for row in engine.scalars(select(SuggestionDecision).order_by(SuggestionDecision.id)):
        out[row.suggestion_key] = Decision(row.id, row.suggestion_key, row.decision, row.author, row.note,
                                           row.status_id, row.created_at.isoformat())
    return out
