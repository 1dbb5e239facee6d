"""Analysts' merge and split decisions.

Both are stored in ``thread_overrides`` as decisions about pairs of statements, keyed by the
statements' stable keys, so they survive re-extraction and ``link --rebuild``; the moves they
make now are appended to the membership log (reasons ``merged`` and ``split``):

- ``merge_threads(A, B)``: B's members move to A now, and ``link`` decisions join every
  other member of A and B to A's earliest statement, so the merged thread holds together
  whenever it is re-clustered (an incremental link re-clusters the threads new statements
  reach, ``link.region``; a rebuild re-clusters all).
- ``split_thread(T, S)``: S leaves T for a thread of its own now, and a ``separate``
  decision is recorded between S and every other member of T.

What analysts recorded of the threads' fate (``status_history``, append-only) follows them:
a merge appends to A a copy of B's latest status entry when it is newer than A's (the merged
thread's status is the later of the two), and a split appends to the new thread a copy of T's
latest entry (both halves keep the status). A copy keeps the status, evidence and scores,
says where it came from in its note, and leaves the original history where it was.

For a pair decided more than once, the latest decision wins.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.link.membership import Move, lock_memberships, record_moves
from pledgebook.store.engine import writer
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
    StatusCompliance,
    StatusEntry,
    Thread,
    ThreadMember,
    ThreadOverride,
    utcnow,
)


class ThreadError(ValueError):
    """A thread or statement that does not exist, or an operation that makes no sense."""


def effective_overrides(
    session: Session, index: Mapping[str, int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(must-link, cannot-link) pairs of item indices, from the latest decision per pair;
    decisions about statements not in ``index`` (stable key -> item) are ignored."""
    latest: dict[frozenset[str], str] = {}
    for a, b, decision in session.execute(
        select(ThreadOverride.statement_a, ThreadOverride.statement_b, ThreadOverride.decision)
        .order_by(ThreadOverride.created_at, ThreadOverride.id)
    ):
        latest[frozenset((a, b))] = decision
    must, apart = [], []
    for pair, decision in latest.items():
        ids = sorted(pair)
        if len(ids) == 2 and ids[0] in index and ids[1] in index:
            (must if decision == "link" else apart).append((index[ids[0]], index[ids[1]]))
    return must, apart


def _current_members(session: Session, thread_id: int) -> list[str]:
    """Stable keys of a thread's current statements, earliest document first."""
    if session.get(Thread, thread_id) is None:
        raise ThreadError(f"no thread {thread_id}")
    return list(session.scalars(
        select(Statement.stable_key)
        .join(ThreadMember, ThreadMember.statement_key == Statement.stable_key)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .join(Document, Document.id == Statement.document_id)
        .where(ThreadMember.thread_id == thread_id, ExtractionRun.is_current.is_(True))
        .order_by(Document.date.nulls_last(), Document.id, Statement.start)
    ))


def merge_threads(engine: Engine, keep: int, other: int, *, author: str, note: str | None = None) -> int:
    """Move every member of thread ``other`` into ``keep``; returns ``keep``."""
    if keep == other:
        raise ThreadError("cannot merge a thread with itself")
    with Session(writer(engine)) as session, session.begin():
        lock_memberships(session)
        kept, moved = _current_members(session, keep), _current_members(session, other)
        if not kept or not moved:
            raise ThreadError(f"thread {keep if not kept else other} has no current statements")
        now = utcnow()
        session.add_all(ThreadOverride(statement_a=kept[0], statement_b=other_key, decision="link",
                                       author=author, note=note, created_at=now)
                        for other_key in (*kept[1:], *moved))
        members = session.execute(
            select(ThreadMember.statement_key, ThreadMember.similarity).where(ThreadMember.thread_id == other)
            .order_by(ThreadMember.statement_key)
        )
        record_moves(session, [Move(key, other, keep, "merged", sim, "manual") for key, sim in members],
                     author=author, now=now)
        theirs, ours = _latest_status(session, other), _latest_status(session, keep)
        if theirs is not None and (ours is None or theirs.created_at > ours.created_at):
            _carry_status(session, theirs, keep, f"carried from thread {other} when it was merged into {keep}", now)
    return keep


def split_thread(engine: Engine, thread_id: int, statement: str, *, author: str, note: str | None = None) -> int:
    """Take ``statement`` (a stable key) out of ``thread_id`` into a new thread; returns its id."""
    with Session(writer(engine)) as session, session.begin():
        lock_memberships(session)
        members = _current_members(session, thread_id)
        if statement not in members:
            raise ThreadError(f"statement {statement} is not in thread {thread_id}")
        if len(members) < 2:
            raise ThreadError(f"statement {statement} is alone in thread {thread_id}")
        now = utcnow()
        for other in members:
            if other != statement:
                session.add(ThreadOverride(statement_a=statement, statement_b=other, decision="separate",
                                           author=author, note=note, created_at=now))
        label = session.scalar(
            select(Statement.text).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .where(Statement.stable_key == statement, ExtractionRun.is_current.is_(True))
        ) or ""
        fresh = Thread(label=" ".join(label.split())[:90], created_at=now, updated_at=now)
        session.add(fresh)
        session.flush()
        record_moves(session, [Move(statement, thread_id, fresh.id, "split", None, "manual")], author=author, now=now)
        latest = _latest_status(session, thread_id)
        if latest is not None:
            _carry_status(session, latest, fresh.id, f"carried from thread {thread_id} when it was split", now)
        return fresh.id


def _latest_status(session: Session, thread_id: int) -> StatusEntry | None:
    return session.scalars(select(StatusEntry).where(StatusEntry.thread_id == thread_id)
                           .order_by(StatusEntry.id.desc()).limit(1)).first()


def _carry_status(session: Session, entry: StatusEntry, thread_id: int, why: str, now) -> None:  # type: ignore[no-untyped-def]
    """Append to ``thread_id`` a copy of ``entry`` (status, evidence, scores; its author kept)."""
    note = f"{entry.note} ({why})" if entry.note else why.capitalize()
    copy = StatusEntry(thread_id=thread_id, status=entry.status, evidence_text=entry.evidence_text,
                       evidence_url=entry.evidence_url, evidence_document_id=entry.evidence_document_id,
                       evidence_start=entry.evidence_start, evidence_end=entry.evidence_end,
                       author=entry.author, note=note, created_at=now)
    copy.compliance = [StatusCompliance(party=c.party, score=c.score) for c in entry.compliance]
    session.add(copy)
