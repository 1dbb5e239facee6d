"""Link the ledger's statements into threads, incrementally.

``link_new_statements(engine)`` is what ingest calls after storing documents: it links the
current statements that are in no thread yet (new documents, statements new in a
re-extraction) and gives every threaded-kind statement a thread (a singleton until something
repeats it). The result is the one clustering everything at once would give, whatever order
documents came in: the new statements and every thread they touch (``link.region``) are
re-clustered from scratch, so a newcomer that bridges two threads merges them, and one that
changes which pairs win may re-assign statements. Membership is by stable key, so a
re-extracted statement that continues a stored one keeps its thread. ``rebuild=True``
re-clusters everything. Either way the analysts' merge/split decisions are re-applied and
each cluster takes the id of the old thread it shares the most statements with
(``_claim_threads``). Statements are read as analysts reviewed them (only the reviews of the
statements loaded): a rejected one, or one corrected to a kind that is not threaded, links
nowhere; one corrected to a threaded kind links as one; corrected actors, sectors, entities and
span are the ones compared, and a statement so corrected is re-linked at every pass (docs/tracking.md).
Every change is appended to the membership log (``link.membership``),
and the runs the pass read are marked ``linked_at`` in the same transaction: a pass killed
midway leaves them waiting for the next ``ingest`` or ``link`` (``store.resume``).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np
from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.orm import Session

from pledgebook.link.added import Mentions, added_reviews, added_statements, entity_mentions, named_mentions
from pledgebook.link.cache import cached_vectors
from pledgebook.link.cluster import Clustering, LinkItem, candidate_pairs, cluster, link_item, with_document_projects
from pledgebook.link.config import LinkConfig, load_config
from pledgebook.link.embed import Embedder, make_embedder
from pledgebook.link.membership import LINKER, Move, current_members, lock_memberships, record_moves
from pledgebook.link.overrides import effective_overrides
from pledgebook.link.region import region
from pledgebook.link.scope import is_headline
from pledgebook.store.engine import writer
from pledgebook.store.faults import NO_RECONNECT, Reconnect
from pledgebook.store.resume import mark_linked, unlinked_runs
from pledgebook.store.review import Review, reviews
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    ReviewCorrection,
    Statement,
    StatementEntity,
    Thread,
    ThreadMember,
    utcnow,
)

_LABEL_CHARS = 90


@dataclass(frozen=True, slots=True)
class LinkSummary:
    statements: int  # threaded-kind current statements in the ledger
    linked_now: int  # statements given a thread in this run
    joined_existing: int  # of those, how many joined a thread that already had members
    threads_created: int
    moved: int  # statements already in a thread that the re-clustering put in another one
    threads_repeated: int  # threads spanning 2+ documents after this run
    embedder: str
    seconds: float

    def to_dict(self) -> dict:
        return asdict(self)


# The reviewed fields that change what linking compares: a statement corrected in one of them
# is re-linked at every pass (it seeds a region, as a new statement does), since nothing records
# which pass last saw the correction. Re-clustering an unchanged region moves nothing.
LINK_FIELDS = frozenset({"kind", "actors", "sectors", "entities", "start", "end", "text"})


@dataclass(slots=True)
class _Loaded:
    keys: list[str]  # stable statement keys
    texts: list[str]
    items: list[LinkItem]
    corrected: frozenset[str] = frozenset()  # keys of statements whose link fields an analyst corrected


def _load(session: Session, cfg: LinkConfig) -> _Loaded:
    """Current statements of the threaded kinds as analysts reviewed them (kind, actors, sectors,
    entities, span), with their link features, in date order and then by content (never by
    ingest order, which would make ties depend on it); the statements analysts added
    (``link.added``) among them, in the same order. Only the reviews of the statements loaded
    are read (``store.review.reviews`` by key, in chunks)."""
    rows, entities = _statements(session, cfg)
    found = reviews(session, [r.stable_key for r in rows])  # analysts' reviews win: a rejected statement links nowhere
    shown = [(r, rv) for r in rows if _linked_as_reviewed(r.kind, rv := found.get(r.stable_key), cfg)]
    named = _named_entities(session, shown, entities)
    loaded = []
    for r, review in shown:
        fields = review.fields if review is not None else {}
        text, start, end = fields.get("text", r.text), fields.get("start", r.start), fields.get("end", r.end)
        mentions = named[r.stable_key] if r.stable_key in named else _machine_mentions(entities.get(r.id, ()), r, fields)
        item = link_item(r.document_id, fields.get("actors", r.actors) or (), fields.get("sectors", r.sectors) or (),
                         mentions, r.parties or (), cfg, kind=fields.get("kind", r.kind), text=text, span=(start, end))
        loaded.append((_order(r.date, r.content_hash, start, r.stable_key), r.stable_key, text,
                       _headline(item, text, r.title)))
    by_analysts = added_reviews(session)
    added = _added_items(session, cfg, by_analysts)
    if added or any(rv is not None and "start" in rv.fields for _, rv in shown):  # a re-cut span may move
        loaded = sorted(loaded + added, key=lambda row: row[0])  # stable: the rest stay as loaded
    corrected = {r.stable_key for r, rv in shown if rv is not None and LINK_FIELDS & rv.fields.keys()}
    corrected |= {key for _, key, _, _ in added if by_analysts[key].entries > 1}  # corrected after it was added
    return _Loaded(keys=[key for _, key, _, _ in loaded], texts=[text for _, _, text, _ in loaded],
                   items=with_document_projects([item for _, _, _, item in loaded], cfg),
                   corrected=frozenset(corrected))


def _linked_as_reviewed(kind: str, review: Review | None, cfg: LinkConfig) -> bool:
    """Not rejected, and of a threaded kind as reviewed (an analyst may have corrected it to one,
    or from one)."""
    if review is None:
        return kind in cfg.kinds
    return not review.hidden and review.fields.get("kind", kind) in cfg.kinds


def _statements(session: Session, cfg: LinkConfig) -> tuple[list[Any], dict[int, list[tuple[str, str, int, int]]]]:
    """The current statements of the threaded kinds, and those of another kind that an analyst
    corrected (maybe to a threaded one), in ``_order``; their extracted entities by row id."""
    wanted = and_(ExtractionRun.is_current.is_(True), or_(Statement.kind.in_(cfg.kinds), Statement.stable_key.in_(
        select(ReviewCorrection.statement_key).where(ReviewCorrection.action == "correct"))))
    rows = session.execute(
        select(Statement.id, Statement.stable_key, Statement.document_id, Statement.text, Statement.kind,
               Statement.start, Statement.end, Statement.actors, Statement.sectors, Document.parties,
               Document.title, Document.date, Document.content_hash)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .join(Document, Document.id == Statement.document_id)
        .where(wanted)
        .order_by(Document.date.nulls_last(), Document.content_hash, Statement.start, Statement.stable_key)
    ).all()
    entities: dict[int, list[tuple[str, str, int, int]]] = defaultdict(list)
    for sid, name, kind, start, end in session.execute(
        select(StatementEntity.statement_id, StatementEntity.name, StatementEntity.kind, StatementEntity.start,
               StatementEntity.end)
        .join(Statement, Statement.id == StatementEntity.statement_id)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(wanted)
        .order_by(StatementEntity.start)
    ):
        entities[sid].append((name, kind, start, end))
    return list(rows), entities



def _machine_mentions(found: Iterable[tuple[str, str, int, int]], row: Any, fields: dict[str, Any]) -> Mentions:
    """The extractor's entities of a statement, offsets in its text; of a span an analyst re-cut,
    those inside the new span."""
    start = fields.get("start", row.start)
    out: Mentions = [(n, k, a - start, b - start) for n, k, a, b in found]
    if "start" in fields:
        length = len(fields.get("text", row.text))
        out = [m for m in out if m[2] >= 0 and m[3] <= length]  # (the extractor gives every entity its offsets)
    return out


def _named_entities(session: Session, shown: list[tuple[Any, Review | None]],
                    entities: dict[int, list[tuple[str, str, int, int]]]) -> dict[str, Mentions]:
    """For each loaded statement whose entities an analyst corrected, the entities as corrected
    (``added.named_mentions``: a name resolved through the gazetteer, by any alias). A name the
    extractor found keeps its mentions (their exact offsets and kind)."""
    named, machine = {}, {}
    for r, review in shown:
        if review is not None and "entities" in review.fields:
            machine[r.stable_key] = _machine_mentions(entities.get(r.id, ()), r, review.fields)
            named[r.stable_key] = (review.fields.get("text", r.text), review.fields["entities"] or (),
                                   {n: k for n, k, _, _ in machine[r.stable_key]})
    out = {}
    for key, mentions in named_mentions(session, named).items() if named else ():
        chosen = {name for name, *_ in mentions}
        found = [m for m in machine[key] if m[0] in chosen]
        out[key] = sorted(found + [m for m in mentions if m[0] not in {n for n, *_ in found}],
                          key=lambda m: (m[2] is None, m[2] or 0))
    return out


def _order(date: dt.date | None, content_hash: str, start: int, key: str) -> tuple:
    """The order ``_load`` reads statements in."""
    return (date is None, date or dt.date.min, content_hash, start, key)


def _added_items(session: Session, cfg: LinkConfig, found: dict[str, Review]) -> list[tuple[tuple, str, str, LinkItem]]:
    """The statements analysts added, of a threaded kind, as ``_load`` rows: their items come from
    the one factory, on their fields as reviewed (kind, actors, sectors, entities, text)."""
    added = added_statements(session, found, kinds=cfg.kinds)
    if not added:
        return []
    mentions = entity_mentions(session, added)
    out = []
    for a in added:
        f, doc = a.fields, a.document
        item = link_item(doc.id, f.get("actors") or (), f.get("sectors") or (), mentions[a.key], doc.parties or (),
                         cfg, kind=f["kind"], text=f["text"], span=(f["start"], f["end"]))
        out.append((_order(doc.date, doc.content_hash, f["start"], a.key), a.key, f["text"],
                    _headline(item, f["text"], doc.title)))
    return out


def _headline(item: LinkItem, text: str, title: str | None) -> LinkItem:
    """A report's headline restates its lead ("Japan to invest 3.2 lakh crore rupees in India over
    next 5 years" above "Japan will raise its investment target to 5 trillion yen or 3.2 lakh
    crore"): it may share a thread with the lead's pledge (no one-commitment-per-document)."""
    return replace(item, exclusive=False) if item.exclusive and is_headline(text, title) else item


def current_items(session: Session, config: LinkConfig) -> dict[str, LinkItem]:
    """What the linker knows of each current statement of a threaded kind, by stable key (with
    its report's project: ``with_document_projects``): for explaining a pair's score."""
    data = _load(session, config)
    return dict(zip(data.keys, data.items))


def link_new_statements(
    engine: Engine,
    *,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    config: LinkConfig | None = None,
    reconnect: Reconnect = NO_RECONNECT,
) -> LinkSummary:
    """Give every current statement of a threaded kind a thread; see the module docstring.
    ``embedder``: None for ``embed.default_embedder()``. A pass is one transaction: one the
    database server dropped left nothing, and is run again for as long as ``reconnect`` says
    (``store.faults``); after that, or for another error, the error is raised."""
    began = time.perf_counter()
    emb = embedder or make_embedder()
    cfg = (config or load_config()).for_embedder(emb.family)
    counts = reconnect.run(lambda: _link_pass(engine, rebuild, emb, cfg))
    return LinkSummary(**counts, embedder=emb.id, seconds=round(time.perf_counter() - began, 3))


def _link_pass(engine: Engine, rebuild: bool, emb: Embedder, cfg: LinkConfig) -> dict[str, int]:
    """One linking pass, in one transaction: ``LinkSummary``'s counts."""
    with Session(writer(engine)) as session, session.begin():
        lock_memberships(session)
        now = utcnow()
        pending = unlinked_runs(session)  # read before loading, so every run listed is loaded
        data = _load(session, cfg)
        position = {key: i for i, key in enumerate(data.keys)}
        previous = {key: m.thread_id for key, m in current_members(session).items()}
        # Statements no longer current (or no longer of a threaded kind) leave their threads.
        moves = [Move(key, tid, None, "left") for key, tid in sorted(previous.items()) if key not in position]
        kept = {key: tid for key, tid in previous.items() if key in position}
        is_new = np.array([key not in kept for key in data.keys], dtype=bool)
        corrected = np.array([key in data.corrected for key in data.keys], dtype=bool)
        created = joined = moved = linked = 0
        if rebuild or is_new.any() or corrected.any() or moves:
            vectors = cached_vectors(session, data.texts, emb)
            must, apart = effective_overrides(session, position)
            thread_of = [kept.get(key) for key in data.keys]
            seeds = is_new | corrected | _left_behind(thread_of, {m.from_thread for m in moves})
            redo = np.ones(len(data.keys), dtype=bool) if rebuild or not kept else region(
                data.items, vectors, seeds, thread_of, must, cfg)
            result = cluster(
                data.items, candidate_pairs(data.items, vectors, redo, cfg), redo,
                initial=[None if redo[i] else tid for i, tid in enumerate(thread_of)],
                must_link=must, cannot_link=apart, vectors=vectors, cohesion=cfg,
            )
            decided = {data.keys[i] for pair in (*must, *apart) for i in pair}  # an analyst's decision starts a thread
            groups, unthreaded = _starting(
                {root: items for root, items in result.groups().items() if redo[items[0]]}, data, decided)
            claimed = _claim_threads(groups, data.keys, kept)
            created = _create_threads(session, data, groups, claimed, now)
            relinked = _moves(groups, claimed, data.keys, kept, result)
            relinked += [Move(data.keys[i], kept[data.keys[i]], None, "rebuilt") for i in unthreaded if data.keys[i] in kept]
            moves += relinked
            moved = sum(m.from_thread is not None for m in relinked)
            joined = sum(int(is_new[i]) for items in groups.values() if not all(is_new[items]) for i in items)
            linked = sum(int(is_new[i]) for items in groups.values() for i in items)
        record_moves(session, moves, author=LINKER, now=now)
        mark_linked(session, pending, now)  # commits with the moves: a killed pass leaves them pending
        repeated = _count_repeated(session)
    return {"statements": len(data.keys), "linked_now": linked, "joined_existing": joined,
            "threads_created": created, "moved": moved, "threads_repeated": repeated}


def _left_behind(thread_of: list[int | None], emptied: set[int | None]) -> np.ndarray:
    """Statements of threads that lost a member: without it, the batch might cut them differently."""
    return np.array([tid is not None and tid in emptied for tid in thread_of], dtype=bool)


def _starting(groups: dict[int, list[int]], data: _Loaded, decided: set[str]) -> tuple[dict[int, list[int]], list[int]]:
    """The clusters that get a thread, and the statements left without one: a cluster none of
    whose members may start a thread (a welcome of a principle, a position with no project)
    and none of which an analyst's decision names gets none; its statements are linked again
    next run. (Not "none threaded already": a batch has nothing threaded, and order must not matter.)"""
    kept: dict[int, list[int]] = {}
    left: list[int] = []
    for root, items in groups.items():
        if any(data.items[i].starts or data.keys[i] in decided for i in items):
            kept[root] = items
        else:
            left.extend(items)
    return kept, sorted(left)


def _claim_threads(groups: dict[int, list[int]], keys: list[str], kept: dict[str, int]) -> dict[int, int]:
    """Old thread ids for the new clusters: each cluster takes the old thread it shares the
    most statements with. Pairs go greedily from the largest overlap down, ties to the lower
    thread id, then to the cluster with the earliest statement; a thread id goes to one
    cluster at most. When a newcomer merges two threads, the merged cluster keeps the id of
    the one it holds more statements of, and the other's statements move."""
    overlaps = []
    for root, items in groups.items():
        for tid, shared in Counter(kept[keys[i]] for i in items if keys[i] in kept).items():
            overlaps.append((-shared, tid, min(items), root))
    thread_of: dict[int, int] = {}
    claimed: set[int] = set()
    for _, tid, _, root in sorted(overlaps):
        if root not in thread_of and tid not in claimed:
            thread_of[root] = tid
            claimed.add(tid)
    return thread_of


def _create_threads(session: Session, data: _Loaded, groups: dict[int, list[int]], thread_of: dict[int, int],
                    now: dt.datetime) -> int:
    """New threads for the clusters that claimed none (written into ``thread_of``); returns how many."""
    todo = sorted((min(items), root) for root, items in groups.items() if root not in thread_of)
    fresh = [Thread(label=_label(data, groups[root]), created_at=now, updated_at=now) for _, root in todo]
    session.add_all(fresh)
    session.flush()
    for (_, root), thread in zip(todo, fresh):
        thread_of[root] = thread.id
    return len(fresh)


def _moves(groups: dict[int, list[int]], thread_of: dict[int, int], keys: list[str], kept: dict[str, int],
           result: Clustering) -> list[Move]:
    """A move for every statement whose thread differs from the one it had."""
    moves = []
    for root, items in groups.items():
        for i in sorted(items):
            old, new = kept.get(keys[i]), thread_of[root]
            if old != new:
                moves.append(Move(keys[i], old, new, "linked" if old is None else "rebuilt", result.similarity[i],
                                  "manual" if i in result.manual else "auto"))
    return moves


def _label(data: _Loaded, items: list[int]) -> str:
    first = min(items)  # data is in date order
    names = Counter(n for i in items for n in data.items[i].entities)
    text = " ".join(data.texts[first].split())
    text = text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"
    # ties by name: an item's entities are a frozenset, whose order changes from process to process
    top = sorted(names.items(), key=lambda item: (-item[1], item[0]))[:3]
    return f"[{', '.join(n for n, _ in top)}] {text}" if names else text


def _count_repeated(session: Session) -> int:
    per_thread = (
        select(ThreadMember.thread_id)
        .join(Statement, Statement.stable_key == ThreadMember.statement_key)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ExtractionRun.is_current.is_(True))
        .group_by(ThreadMember.thread_id)
        .having(func.count(func.distinct(Statement.document_id)) >= 2)
        .subquery()
    )
    return session.scalar(select(func.count()).select_from(per_thread)) or 0
