"""Thread membership: an append-only log, and the current state derived from it.

Every change of a statement's thread (linked, moved by a rebuild, merged or split by an
analyst, left because the statement is no longer current) is a row of
``thread_membership_log``: the statement's stable key, from which thread to which, why, who
and when. ``thread_members`` holds the latest row of each key and is written only here, in
the same transaction as the log, so ``members_from_log`` always gives it back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from pledgebook.store.models import MembershipChange, Thread, ThreadMember, utcnow

LINKER = "pledgebook link"  # the author of the linker's own moves
_PG_LOCK_KEY = 0x706C6E6B  # serialises writers of memberships on one PostgreSQL ledger
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Move:
    """One statement's change of thread; ``None`` is "no thread"."""

    key: str
    from_thread: int | None
    to_thread: int | None
    reason: str  # linked | rebuilt | merged | split | left (models.MEMBERSHIP_REASONS)
    similarity: float | None = None
    added_by: str = "auto"  # manual: an analyst's decision put it there


@dataclass(frozen=True, slots=True)
class Membership:
    thread_id: int
    similarity: float | None
    added_by: str


def lock_memberships(session: Session) -> None:
    """Serialise membership writers (linker, merge, split) so each reads the state it changes:
    a transaction-level advisory lock on PostgreSQL; SQLite writers already queue (BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_KEY)))


def record_moves(session: Session, moves: Sequence[Move], *, author: str, now: dt.datetime | None = None) -> None:
    """Append ``moves`` to the log and apply them to ``thread_members`` (one move per key)."""
    if not moves:
        return
    keys = [m.key for m in moves]
    if len(set(keys)) != len(keys):
        raise ValueError("one move per statement key and call")
    now = now or utcnow()
    log = [{"statement_key": m.key, "from_thread_id": m.from_thread, "to_thread_id": m.to_thread,
            "reason": m.reason, "author": author, "similarity": m.similarity, "added_by": m.added_by,
            "created_at": now} for m in moves]
    members = [{"statement_key": m.key, "thread_id": m.to_thread, "similarity": m.similarity,
                "added_by": m.added_by, "created_at": now} for m in moves if m.to_thread is not None]
    touched = sorted({t for m in moves for t in (m.from_thread, m.to_thread) if t is not None})
    for start in range(0, len(moves), _CHUNK):
        session.execute(insert(MembershipChange), log[start : start + _CHUNK])
        session.execute(delete(ThreadMember).where(ThreadMember.statement_key.in_(keys[start : start + _CHUNK])))
    for start in range(0, len(members), _CHUNK):
        session.execute(insert(ThreadMember), members[start : start + _CHUNK])
    for start in range(0, len(touched), _CHUNK):
        session.execute(update(Thread).where(Thread.id.in_(touched[start : start + _CHUNK])).values(updated_at=now))


def current_members(session: Session) -> dict[str, Membership]:
    """``thread_members`` as {statement key: membership}."""
    rows = session.execute(select(ThreadMember.statement_key, ThreadMember.thread_id, ThreadMember.similarity,
                                  ThreadMember.added_by))
    return {key: Membership(tid, sim, by) for key, tid, sim, by in rows}


def members_from_log(session: Session) -> dict[str, Membership]:
    """What ``thread_members`` must hold: the latest log row of each key, where it has a thread."""
    latest: dict[str, Membership | None] = {}
    for key, to_thread, sim, by in session.execute(
        select(MembershipChange.statement_key, MembershipChange.to_thread_id, MembershipChange.similarity,
               MembershipChange.added_by).order_by(MembershipChange.id)
    ):
        latest[key] = Membership(to_thread, sim, by) if to_thread is not None else None
    return {key: m for key, m in latest.items() if m is not None}
