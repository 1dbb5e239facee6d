"""Link the ledger's statements into threads, incrementally.

``link_new_statements(engine)`` is what ingest calls after storing documents: it links the
current statements that are in no thread yet (new documents, re-extracted ones) to the
existing threads or to each other, and gives every threaded-kind statement a thread (a
singleton until something repeats it). ``rebuild=True`` re-links everything from scratch,
reusing thread ids where the clusters overlap the old ones (status history points at them)
and re-applying the analysts' merge/split overrides.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

import numpy as np
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from pledgebook.link.cache import cached_vectors
from pledgebook.link.cluster import LinkItem, candidate_pairs, cluster
from pledgebook.link.config import LinkConfig, load_config
from pledgebook.link.embed import Embedder, make_embedder
from pledgebook.link.overrides import effective_overrides
from pledgebook.store.engine import writer
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
    StatementEntity,
    StatusEntry,
    Thread,
    ThreadMember,
    utcnow,
)

_PG_LOCK_KEY = 0x706C6E6B  # serialises linkers on one PostgreSQL ledger
_LABEL_CHARS = 90


@dataclass(frozen=True, slots=True)
class LinkSummary:
    statements: int  # threaded-kind current statements in the ledger
    linked_now: int  # statements given a thread in this run
    joined_existing: int  # of those, how many joined a thread that already had members
    threads_created: int
    threads_repeated: int  # threads spanning 2+ documents after this run
    embedder: str
    seconds: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class _Loaded:
    ids: list[int]
    record_ids: list[str]
    texts: list[str]
    items: list[LinkItem]
    dates: list[object]


def _load(session: Session, cfg: LinkConfig) -> _Loaded:
    rows = session.execute(
        select(Statement.id, Statement.record_id, Statement.document_id, Statement.text, Statement.actors,
               Statement.sectors, Document.date, Document.parties)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .join(Document, Document.id == Statement.document_id)
        .where(ExtractionRun.is_current.is_(True), Statement.kind.in_(cfg.kinds))
        .order_by(Document.date.nulls_last(), Document.id, Statement.start, Statement.id)
    ).all()
    entities: dict[int, set[str]] = defaultdict(set)
    bridges: dict[int, set[str]] = defaultdict(set)
    ent_rows = session.execute(
        select(StatementEntity.statement_id, StatementEntity.name, StatementEntity.kind)
        .join(Statement, Statement.id == StatementEntity.statement_id)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ExtractionRun.is_current.is_(True), Statement.kind.in_(cfg.kinds),
               StatementEntity.kind.in_(sorted(cfg.entity_kinds)))
    )
    for sid, name, kind in ent_rows:
        entities[sid].add(name.casefold())
        if kind in cfg.bridge_kinds:
            bridges[sid].add(name.casefold())
    return _Loaded(
        ids=[r[0] for r in rows],
        record_ids=[r[1] for r in rows],
        texts=[r[3] for r in rows],
        items=[LinkItem(r[2], frozenset(r[4] or ()), frozenset(r[5] or ()), frozenset(entities.get(r[0], ())),
                        frozenset(r[7] or ()), frozenset(bridges.get(r[0], ())))
               for r in rows],
        dates=[r[6] for r in rows],
    )


def link_new_statements(
    engine: Engine,
    *,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    config: LinkConfig | None = None,
) -> LinkSummary:
    """Give every current statement of a threaded kind a thread; see the module docstring."""
    began = time.perf_counter()
    emb = embedder or make_embedder()
    cfg = (config or load_config()).for_embedder(emb.family)
    with Session(writer(engine)) as session, session.begin():
        if session.get_bind().dialect.name == "postgresql":
            session.execute(select(_pg_lock()))
        data = _load(session, cfg)
        position = {sid: i for i, sid in enumerate(data.ids)}
        members = dict(session.execute(select(ThreadMember.statement_id, ThreadMember.thread_id)).all())
        # Statements of superseded runs (or no longer of a threaded kind) leave their threads.
        stale = [sid for sid in members if sid not in position]
        for start in range(0, len(stale), 500):
            session.execute(delete(ThreadMember).where(ThreadMember.statement_id.in_(stale[start : start + 500])))
        previous = {sid: tid for sid, tid in members.items() if sid in position}
        if rebuild:
            session.execute(delete(ThreadMember))
            current: dict[int, int] = {}
        else:
            current = previous
        is_new = np.array([sid not in current for sid in data.ids], dtype=bool)
        created = joined = 0
        if is_new.any():
            vectors = cached_vectors(session, data.texts, emb)
            must, apart = effective_overrides(session, {rid: i for i, rid in enumerate(data.record_ids)})
            pairs = candidate_pairs(data.items, vectors, is_new, cfg)
            result = cluster(
                data.items, pairs, is_new,
                initial=[current.get(sid) for sid in data.ids], must_link=must, cannot_link=apart,
                vectors=vectors, cohesion=cfg.cohesion,
            )
            created, joined = _write(session, data, result.groups(), result.similarity, result.manual,
                                     is_new, current, previous)
        _drop_empty_threads(session)
        repeated = _count_repeated(session)
    return LinkSummary(
        statements=len(data.ids), linked_now=int(is_new.sum()), joined_existing=joined,
        threads_created=created, threads_repeated=repeated, embedder=emb.id,
        seconds=round(time.perf_counter() - began, 3),
    )


def _pg_lock():  # type: ignore[no-untyped-def]
    from sqlalchemy import func

    return func.pg_advisory_xact_lock(_PG_LOCK_KEY)


def _write(
    session: Session,
    data: _Loaded,
    groups: dict[int, list[int]],
    similarity: list[float | None],
    manual: set[int],
    is_new: np.ndarray,
    current: dict[int, int],
    previous: dict[int, int],
) -> tuple[int, int]:
    """Store memberships of the new items; returns (threads created, items that joined an old thread)."""
    now = utcnow()
    thread_of: dict[int, int] = {}  # group root -> thread id
    todo: list[tuple[int, list[int]]] = []
    claimed: set[int] = set()
    # Largest groups first, so a big cluster keeps its old thread id rather than a fragment.
    for root, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if not any(is_new[i] for i in items):
            continue
        old = [current[data.ids[i]] for i in items if data.ids[i] in current]
        if old:  # an existing thread grows (old threads never merge automatically)
            thread_of[root] = old[0]
            continue
        hints = Counter(previous[data.ids[i]] for i in items if data.ids[i] in previous)
        reuse = next((tid for tid, _ in hints.most_common() if tid not in claimed), None)
        if reuse is not None:
            claimed.add(reuse)
            thread_of[root] = reuse
        else:
            todo.append((root, items))
    if todo:
        fresh = [Thread(label=_label(data, items), created_at=now, updated_at=now) for _, items in todo]
        session.add_all(fresh)
        session.flush()
        for (root, _), thread in zip(todo, fresh):
            thread_of[root] = thread.id
    rows = []
    joined = 0
    for root, items in groups.items():
        if root not in thread_of:
            continue
        had_old = any(not is_new[i] for i in items)
        for i in items:
            if is_new[i]:
                joined += had_old
                rows.append({"statement_id": data.ids[i], "thread_id": thread_of[root],
                             "similarity": similarity[i], "added_by": "manual" if i in manual else "auto",
                             "created_at": now})
    for start in range(0, len(rows), 5000):
        session.execute(insert(ThreadMember), rows[start : start + 5000])
    touched = sorted({r["thread_id"] for r in rows})
    for start in range(0, len(touched), 500):
        session.execute(update(Thread).where(Thread.id.in_(touched[start : start + 500])).values(updated_at=now))
    return len(todo), joined


def _label(data: _Loaded, items: list[int]) -> str:
    first = min(items)  # data is in date order
    names = Counter(n for i in items for n in data.items[i].entities)
    text = " ".join(data.texts[first].split())
    text = text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"
    return f"[{', '.join(n for n, _ in names.most_common(3))}] {text}" if names else text


def _drop_empty_threads(session: Session) -> None:
    """Threads left without members go, unless status history refers to them (it is append-only)."""
    session.execute(
        delete(Thread).where(
            ~select(ThreadMember.statement_id).where(ThreadMember.thread_id == Thread.id).exists(),
            ~select(StatusEntry.id).where(StatusEntry.thread_id == Thread.id).exists(),
        )
    )


def _count_repeated(session: Session) -> int:
    from sqlalchemy import func

    per_thread = (
        select(ThreadMember.thread_id)
        .join(Statement, Statement.id == ThreadMember.statement_id)
        .group_by(ThreadMember.thread_id)
        .having(func.count(func.distinct(Statement.document_id)) >= 2)
        .subquery()
    )
    return session.scalar(select(func.count()).select_from(per_thread)) or 0
