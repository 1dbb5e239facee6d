"""Current status of statements, derived from the append-only ``status_history``: a
statement's own latest entry, else its thread's, else that of a project dossier it names (the
most specific wins). ``ledger --overdue`` reads it here, so the API sees the same."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledgebook.store.models import ExtractionRun, Statement, StatementEntity, StatusEntry, ThreadMember

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Effective:
    """A statement's status and where it comes from."""

    status: str
    source: str  # statement | thread | dossier
    entry_id: int


def latest_entries(session: Session, column, values: Collection) -> dict:  # type: ignore[no-untyped-def]
    """The latest status entry per value of ``column`` (statement_key, thread_id or dossier)."""
    latest: dict = {}
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        for entry in session.scalars(select(StatusEntry).where(column.in_(values[start:start + _CHUNK]))
                                     .order_by(StatusEntry.id)):
            latest[getattr(entry, column.key)] = entry
    return latest


def effective_statuses(session: Session, keys: Collection[str]) -> dict[str, Effective]:
    """The current status of each of ``keys`` (stable keys) that has one."""
    keys = list(dict.fromkeys(keys))
    out: dict[str, Effective] = {}
    if not keys or session.scalar(select(StatusEntry.id).limit(1)) is None:  # nothing tracked yet: no lookups
        return out
    for key, entry in latest_entries(session, StatusEntry.statement_key, keys).items():
        out[key] = Effective(entry.status, "statement", entry.id)
    rest = [k for k in keys if k not in out]
    threads: dict[str, int] = {}
    for start in range(0, len(rest), _CHUNK):
        threads.update(session.execute(select(ThreadMember.statement_key, ThreadMember.thread_id)
                                       .where(ThreadMember.statement_key.in_(rest[start:start + _CHUNK]))).all())
    by_thread = latest_entries(session, StatusEntry.thread_id, set(threads.values()))
    for key, tid in threads.items():
        if tid in by_thread:
            out[key] = Effective(by_thread[tid].status, "thread", by_thread[tid].id)
    rest = [k for k in rest if k not in out]
    dossiers = {e.dossier: e for e in session.scalars(
        select(StatusEntry).where(StatusEntry.dossier.is_not(None)).order_by(StatusEntry.id))}
    if dossiers and rest:
        for key, name in _naming(session, rest, list(dossiers)):
            entry = dossiers[name]
            if key not in out or out[key].entry_id < entry.id:  # of two dossiers, the later entry
                out[key] = Effective(entry.status, "dossier", entry.id)
    return out


def _naming(session: Session, keys: list[str], names: list[str]) -> list[tuple[str, str]]:
    """(stable key, entity name) of current statements among ``keys`` that name one of ``names``."""
    pairs: list[tuple[str, str]] = []
    for start in range(0, len(keys), _CHUNK):
        pairs += session.execute(
            select(Statement.stable_key, StatementEntity.name).distinct()
            .join(StatementEntity, StatementEntity.statement_id == Statement.id)
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .where(ExtractionRun.is_current.is_(True), Statement.stable_key.in_(keys[start:start + _CHUNK]),
                   StatementEntity.name.in_(names))
        ).all()
    return [tuple(p) for p in pairs]  # type: ignore[misc]
