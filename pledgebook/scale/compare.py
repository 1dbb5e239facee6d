"""What a ledger holds, without surrogate ids or timestamps, to compare two ledgers that were
filled different ways (one process, worker processes, a Ray cluster): documents, extraction
runs, statements with their entities, and threads as sets of statement keys."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.store.models import Document, ExtractionRun, Statement, StatementEntity, Thread, ThreadMember

_NOT_CONTENT = {"id", "run_id", "document_id", "statement_id", "ingested_at", "created_at", "updated_at", "linked_at"}


def _content(row: Any) -> tuple:
    """The row's columns that are content (not ids or times), in column order."""
    return tuple(getattr(row, c.key) for c in row.__table__.columns if c.key not in _NOT_CONTENT)


def ledger_fingerprint(engine: Engine, *, thread_details: bool = True) -> dict[str, list[tuple]]:
    """Sorted content rows per table; two ledgers with equal fingerprints read the same.
    ``thread_details``: each thread is its label and its members with their similarity and
    who added them (the same documents linked the same way: one pass, in the same order);
    without, only its members' keys (a ledger linked in several passes holds the same threads,
    but a member that joined a thread later may carry another similarity or label)."""
    with Session(engine) as session:
        docs = session.scalars(select(Document)).all()
        hash_of = {d.id: d.content_hash for d in docs}
        runs = [(hash_of[r.document_id], *_content(r), r.linked_at is not None)  # linked or not; not when
                for r in session.scalars(select(ExtractionRun))]
        statements = session.scalars(select(Statement)).all()
        key_of = {s.id: s.stable_key for s in statements}
        entities = [(key_of[e.statement_id], *_content(e)) for e in session.scalars(select(StatementEntity))]
        members: dict[int, list[tuple]] = {}
        for m in session.scalars(select(ThreadMember)):
            similarity = None if m.similarity is None else round(m.similarity, 6)
            members.setdefault(m.thread_id, []).append(
                (m.statement_key, similarity, m.added_by) if thread_details else (m.statement_key,))
        labels = {t.id: t.label if thread_details else "" for t in session.scalars(select(Thread))}
        return {
            "documents": sorted(_content(d) for d in docs),
            "runs": sorted(runs, key=repr),
            "statements": sorted(((hash_of[s.document_id], *_content(s)) for s in statements), key=repr),
            "entities": sorted(entities, key=repr),
            "threads": sorted(((labels[t], tuple(sorted(ms))) for t, ms in members.items()), key=repr),
        }


def differences(left: dict[str, list[tuple]], right: dict[str, list[tuple]]) -> dict[str, int]:
    """Per table, how many rows are in one fingerprint and not the other (empty: identical)."""
    out = {}
    for table in sorted(left.keys() | right.keys()):
        a, b = Counter(map(repr, left.get(table, []))), Counter(map(repr, right.get(table, [])))
        if a != b:
            out[table] = sum(((a - b) + (b - a)).values())
    return out
