"""Analysts' merge and split decisions.

Both are stored in ``thread_overrides`` as decisions about pairs of statements, keyed by the
statements' stable record ids, so they survive re-extraction and ``link --rebuild``:

- ``merge_threads(A, B)``: B's members move to A now, and a ``link`` decision joins the
  earliest statement of each thread (the rest of each thread follows it on re-linking).
- ``split_thread(T, S)``: S leaves T for a thread of its own now, and a ``separate``
  decision is recorded between S and every other member of T.

For a pair decided more than once, the latest decision wins.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from pledgebook.store.engine import writer
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
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
    decisions about statements not in ``index`` (record id -> item) are ignored."""
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


def _current_members(session: Session, thread_id: int) -> list[tuple[int, str]]:
    """(statement row id, record id) of a thread's current statements, earliest document first."""
    if session.get(Thread, thread_id) is None:
        raise ThreadError(f"no thread {thread_id}")
    return [
        (sid, rid)
        for sid, rid in session.execute(
            select(Statement.id, Statement.record_id)
            .join(ThreadMember, ThreadMember.statement_id == Statement.id)
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .join(Document, Document.id == Statement.document_id)
            .where(ThreadMember.thread_id == thread_id, ExtractionRun.is_current.is_(True))
            .order_by(Document.date.nulls_last(), Document.id, Statement.start)
        )
    ]


def merge_threads(engine: Engine, keep: int, other: int, *, author: str, note: str | None = None) -> int:
    """Move every member of thread ``other`` into ``keep``; returns ``keep``."""
    if keep == other:
        raise ThreadError("cannot merge a thread with itself")
    with Session(writer(engine)) as session, session.begin():
        kept, moved = _current_members(session, keep), _current_members(session, other)
        if not kept or not moved:
            raise ThreadError(f"thread {keep if not kept else other} has no current statements")
        now = utcnow()
        session.add(ThreadOverride(statement_a=kept[0][1], statement_b=moved[0][1], decision="link",
                                   author=author, note=note, created_at=now))
        session.execute(
            update(ThreadMember).where(ThreadMember.thread_id == other)
            .values(thread_id=keep, added_by="manual", created_at=now)
        )
        session.execute(update(Thread).where(Thread.id == keep).values(updated_at=now))
    return keep


def split_thread(engine: Engine, thread_id: int, statement: str, *, author: str, note: str | None = None) -> int:
    """Take ``statement`` (a record id) out of ``thread_id`` into a new thread; returns its id."""
    with Session(writer(engine)) as session, session.begin():
        members = _current_members(session, thread_id)
        mine = [sid for sid, rid in members if rid == statement]
        if not mine:
            raise ThreadError(f"statement {statement} is not in thread {thread_id}")
        if len(members) < 2:
            raise ThreadError(f"statement {statement} is alone in thread {thread_id}")
        now = utcnow()
        for _, rid in members:
            if rid != statement:
                session.add(ThreadOverride(statement_a=statement, statement_b=rid, decision="separate",
                                           author=author, note=note, created_at=now))
        label = session.scalar(select(Statement.text).where(Statement.id == mine[0])) or ""
        fresh = Thread(label=" ".join(label.split())[:90], created_at=now, updated_at=now)
        session.add(fresh)
        session.flush()
        session.execute(
            update(ThreadMember).where(ThreadMember.statement_id == mine[0])
            .values(thread_id=fresh.id, added_by="manual", similarity=None, created_at=now)
        )
        session.execute(update(Thread).where(Thread.id == thread_id).values(updated_at=now))
        return fresh.id
