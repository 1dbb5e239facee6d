"""Read threads back: members in date order, first/last seen, how often, and how the
strength and the wording changed from one document to the next."""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.orm import Session

from pledgebook.core.data import STRENGTH_RANK, Strength
from pledgebook.link.added import added_memberships, added_statements
from pledgebook.store.review import ADDED_PREFIX, Review, overlaid, reviews
from pledgebook.store.status import latest_entries
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
    StatementActor,
    StatementEntity,
    StatementSector,
    StatusEntry,
    Thread,
    ThreadMember,
)

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class ThreadFilter:
    """A thread qualifies when enough documents repeat it and some member matches each given
    field, on its values as analysts corrected them (store.review)."""

    min_docs: int = 2
    actors: Sequence[str] = ()
    sectors: Sequence[str] = ()
    entities: Sequence[str] = ()  # canonical name or surface, case-insensitive
    limit: int | None = None
    strengths: Sequence[str] = ()  # firm, moderate, soft
    kinds: Sequence[str] = ()

    @property
    def by_member(self) -> bool:
        return bool(self.actors or self.sectors or self.entities or self.strengths or self.kinds)

    def member_matches(self, m: Member) -> bool:
        """Whether ``m`` (as corrected) has one of each given field's values (entities by their
        canonical names here: a corrected entity has no surface form)."""
        names = {e.casefold() for e in self.entities}
        return all((
            not self.actors or bool({a.upper() for a in self.actors} & set(m.actors)),
            not self.sectors or bool(set(self.sectors) & set(m.sectors)),
            not self.entities or bool(names & {e.casefold() for e in m.entities}),
            not self.strengths or m.strength in self.strengths,
            not self.kinds or m.kind in self.kinds,
        ))


@dataclass(frozen=True, slots=True)
class Member:
    statement_id: str  # the statement's stable key
    document_id: int
    document_source: str
    document_date: str | None
    start: int
    end: int
    text: str
    kind: str  # commitment, agreement, appreciation or position (linking.yaml `kinds`)
    strength: str | None
    actors: list[str]
    sectors: list[str]
    entities: list[str]
    similarity: float | None
    added_by: str


@dataclass(frozen=True, slots=True)
class WordingChange:
    """From one member to the next: the words dropped and the words added."""

    from_statement: str
    to_statement: str
    removed: list[str]
    added: list[str]
    similarity: float  # difflib ratio of the two token sequences


@dataclass(slots=True)
class ThreadView:
    id: int
    label: str | None
    documents: int
    first_seen: str | None
    last_seen: str | None
    strengths: list[str | None]  # per member, in date order
    strength_change: str  # stronger | weaker | unchanged | mixed | n/a (first vs last member)
    members: list[Member]
    wording: list[WordingChange] = field(default_factory=list)
    status: str | None = None  # its latest status entry (docs/tracking.md), None when never set

    def to_dict(self) -> dict:
        """As ``dataclasses.asdict`` gives it, without its deep copy of every value (a large
        thread's members made it a tenth of the API's time)."""
        out = _shallow(self)
        out["members"] = [_shallow(m) for m in self.members]
        out["wording"] = [_shallow(w) for w in self.wording]
        return out


def _shallow(obj: Any) -> dict:
    """A dataclass's fields, lists copied (the values within are strings and numbers)."""
    return {f.name: list(v) if isinstance(v := getattr(obj, f.name), list) else v for f in fields(obj)}


def wording_change(old: str, new: str) -> tuple[list[str], list[str], float]:
    """(removed phrases, added phrases, similarity) between two statement texts, word by word."""
    removed, added, ratio = _wording_change(old, new)
    return list(removed), list(added), ratio


@functools.lru_cache(maxsize=4096)
def _wording_change(old: str, new: str) -> tuple[tuple[str, ...], tuple[str, ...], float]:
    """``wording_change``, remembered: a thread's consecutive wordings are diffed again each
    time the thread is shown (hundreds of pairs for the largest), and they rarely change."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(a=[t.lower() for t in a], b=[t.lower() for t in b], autojunk=False)
    removed, added = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            removed.append(" ".join(a[i1:i2]))
        if op in ("replace", "insert"):
            added.append(" ".join(b[j1:j2]))
    return tuple(removed), tuple(added), round(matcher.ratio(), 3)


def strength_change(strengths: Sequence[str | None]) -> str:
    """First vs last known strength: stronger | weaker | unchanged | mixed (same ends, not
    throughout) | n/a (fewer than two known). ``diff`` uses it on (old, new)."""
    ranks = [STRENGTH_RANK[Strength(s)] for s in strengths if s]
    if len(ranks) < 2:
        return "n/a"
    if ranks[-1] > ranks[0]:
        return "stronger"
    if ranks[-1] < ranks[0]:
        return "weaker"
    return "unchanged" if len(set(ranks)) == 1 else "mixed"


def _current_statements():  # type: ignore[no-untyped-def]
    """Thread members joined to their current statements (a membership is by stable key)."""
    return (
        select(ThreadMember.thread_id)
        .join(Statement, Statement.stable_key == ThreadMember.statement_key)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(ExtractionRun.is_current.is_(True))
    )


def _thread_ids(session: Session, flt: ThreadFilter, reviewed: list[str] = ()) -> list[int]:  # type: ignore[assignment]
    """The threads ``flt`` selects by the machine's values, most repeated first; with the keys
    of ``reviewed`` statements, also every thread holding one (its corrected values are checked
    on its view, by ``list_threads``), and no limit (rejected members may drop a thread)."""
    current = _current_statements()
    member_conds = []
    for values, column, table in (
        ([a.upper() for a in flt.actors], StatementActor.actor, StatementActor),
        (list(flt.sectors), StatementSector.sector, StatementSector),
    ):
        if values:
            member_conds.append(ThreadMember.thread_id.in_(
                _current_statements().join(table, table.statement_id == Statement.id).where(column.in_(values))))
    if flt.entities:
        names = [e.casefold() for e in flt.entities]
        member_conds.append(ThreadMember.thread_id.in_(
            _current_statements()
            .join(StatementEntity, StatementEntity.statement_id == Statement.id)
            .where((func.lower(StatementEntity.name).in_(names)) | (func.lower(StatementEntity.surface).in_(names)))))
    for values, column in ((list(flt.strengths), Statement.strength), (list(flt.kinds), Statement.kind)):
        if values:
            member_conds.append(ThreadMember.thread_id.in_(_current_statements().where(column.in_(values))))
    if reviewed and member_conds:
        touched = select(ThreadMember.thread_id).where(ThreadMember.statement_key.in_(list(reviewed)))
        member_conds = [or_(ThreadMember.thread_id.in_(touched), and_(*member_conds))]
    docs = func.count(func.distinct(Statement.document_id))
    stmt = (
        current.where(*member_conds).group_by(ThreadMember.thread_id)
        .having(docs >= flt.min_docs)
        .order_by(docs.desc(), ThreadMember.thread_id)
    )
    if flt.limit is not None and not reviewed:
        stmt = stmt.limit(flt.limit)
    ids = list(session.scalars(stmt))
    # threads holding a statement an analyst added (no statements row: counted on their views)
    return ids + sorted({tm.thread_id for tm in added_memberships(session).values()} - set(ids))


def _views(session: Session, ids: list[int], wording: bool = True) -> list[ThreadView]:
    if not ids:
        return []
    by_thread: dict[int, list[Member]] = defaultdict(list)
    entity_names: dict[int, list[str]] = defaultdict(list)
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # plain columns on the session's connection, not ORM objects or the ORM's result loading:
        # building three objects per member was most of a large thread's read
        rows += session.connection().execute(
            select(*_MEMBER_COLUMNS)
            .join(Statement, Statement.stable_key == ThreadMember.statement_key)
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .join(Document, Document.id == Statement.document_id)
            .where(ThreadMember.thread_id.in_(chunk), ExtractionRun.is_current.is_(True))
            .order_by(Document.date.nulls_last(), Document.id, Statement.start)
        ).all()
        for sid, name in session.connection().execute(
            select(StatementEntity.statement_id, StatementEntity.name)
            .join(Statement, Statement.id == StatementEntity.statement_id)
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .join(ThreadMember, ThreadMember.statement_key == Statement.stable_key)
            .where(ThreadMember.thread_id.in_(chunk), ExtractionRun.is_current.is_(True))
            .order_by(StatementEntity.start)
        ):
            if name not in entity_names[sid]:
                entity_names[sid].append(name)
    for row in rows:
        by_thread[row.thread_id].append(_member_of(row, entity_names.get(row.statement_row, [])))
    labels = dict(session.execute(select(Thread.id, Thread.label).where(Thread.id.in_(ids))).all())
    memberships = added_memberships(session, ids)
    # analysts' corrections win; one read for the extracted members and the added ones
    found = reviews(session, [row.stable_key for row in rows] + list(memberships))
    statuses = latest_entries(session, StatusEntry.thread_id, ids)
    for tid, members in _added_members(session, memberships, found).items():  # into date order, as the query sorts
        by_thread[tid] = sorted(by_thread[tid] + members, key=member_order)
    views = [thread_view(tid, labels.get(tid), overlaid(by_thread.get(tid, []), "statement_id", found), wording=wording)
             for tid in ids]
    for view in views:
        if view.id in statuses:
            view.status = statuses[view.id].status
    return views


def _added_members(session: Session, memberships: dict[str, ThreadMember],
                   found: dict[str, Review]) -> dict[int, list[Member]]:
    """The statements analysts added among ``memberships`` (by key), from their reviews ``found``."""
    out: dict[int, list[Member]] = defaultdict(list)
    for a in added_statements(session, {k: found[k] for k in memberships if k in found}):
        out[memberships[a.key].thread_id].append(added_member(memberships[a.key], a.review, a.document))
    return out


def member_order(m: Member) -> tuple:
    return (m.document_date is None, m.document_date or "", m.document_id, m.start)


def added_member(tm: ThreadMember, review: Review, doc: Document) -> Member:
    """A statement an analyst added (store.review), as a member of its thread."""
    f = review.fields
    return _member(review.key, doc.id, doc.source, doc.date, tm.similarity, tm.added_by,
                   start=f["start"], end=f["end"], text=f["text"], kind=f["kind"], strength=f.get("strength"),
                   actors=f.get("actors", []), sectors=f.get("sectors", []), entities=f.get("entities", []))


_MEMBER_COLUMNS = (
    ThreadMember.thread_id, ThreadMember.similarity, ThreadMember.added_by, Statement.id.label("statement_row"),
    Statement.stable_key, Statement.start, Statement.end, Statement.text, Statement.kind, Statement.strength,
    Statement.actors, Statement.sectors, Document.id.label("document_row"), Document.source, Document.date,
)
_STATEMENT_FIELDS = ("start", "end", "text", "kind", "strength", "actors", "sectors")


def _member_of(row: Any, entities: list[str]) -> Member:
    """A member from a row of ``_MEMBER_COLUMNS`` (as ``member`` makes one from objects)."""
    return _member(row.stable_key, row.document_row, row.source, row.date, row.similarity, row.added_by,
                   entities=entities, **{name: getattr(row, name) for name in _STATEMENT_FIELDS})


def member(tm: ThreadMember, st: Statement, doc: Document, entities: list[str]) -> Member:
    """A current statement as a member of its thread."""
    return _member(st.stable_key, doc.id, doc.source, doc.date, tm.similarity, tm.added_by,
                   entities=entities, **{name: getattr(st, name) for name in _STATEMENT_FIELDS})


def _member(key: str, document_id: int, source: str, date: Any, similarity: float | None, added_by: str, *,
            start: int, end: int, text: str, kind: str, strength: str | None, actors: Sequence[str],
            sectors: Sequence[str], entities: Sequence[str]) -> Member:
    """The one place a ``Member`` is put together (dates as ISO text, similarity rounded)."""
    return Member(
        statement_id=key, document_id=document_id, document_source=source,
        document_date=date.isoformat() if date else None, start=start, end=end, text=text, kind=kind,
        strength=strength, actors=list(actors), sectors=list(sectors), entities=list(entities),
        similarity=round(similarity, 4) if similarity is not None else None, added_by=added_by,
    )


def thread_view(tid: int, label: str | None, members: list[Member], *, wording: bool = True) -> ThreadView:
    """The view of ``members`` (in date order): first/last seen, strengths, and the wording
    change from each member to the next (``wording=False``: left empty, for a caller that does
    not show it: a word diff per pair is most of a large thread's time). A dossier builds it
    from a thread's members that name one project."""
    dates = [m.document_date for m in members if m.document_date]
    strengths = [m.strength for m in members]
    changes = []
    for prev, nxt in zip(members, members[1:]) if wording else ():
        removed, added, ratio = wording_change(prev.text, nxt.text)
        changes.append(WordingChange(prev.statement_id, nxt.statement_id, removed, added, ratio))
    return ThreadView(
        id=tid, label=label, documents=len({m.document_id for m in members}),
        first_seen=min(dates) if dates else None, last_seen=max(dates) if dates else None,
        strengths=strengths, strength_change=strength_change(strengths), members=members, wording=changes,
    )


def list_threads(engine: Engine | Session, flt: ThreadFilter = ThreadFilter(), *, wording: bool = True) -> list[ThreadView]:
    """Threads matching ``flt``, most repeated first."""
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return list_threads(session, flt, wording=wording)
    # Reviewed statements: a thread is checked on its members as corrected, and one whose members
    # analysts rejected may fall below min_docs (store.review); so it is ranked on its view.
    reviewed = list(reviews(engine)) if flt.by_member or flt.min_docs > 1 else []
    touched = set(reviewed)
    views = [v for v in _views(engine, _thread_ids(engine, flt, reviewed), wording) if v.documents >= flt.min_docs
             and (not flt.by_member or not touched.intersection(m.statement_id for m in v.members)
                  or any(flt.member_matches(m) for m in v.members))]
    if reviewed or any(m.statement_id.startswith(ADDED_PREFIX) for v in views for m in v.members):
        views.sort(key=lambda v: (-v.documents, v.id))
    return views[: flt.limit] if flt.limit is not None else views


def get_thread(engine: Engine | Session, thread_id: int, *, wording: bool = True) -> ThreadView | None:
    if isinstance(engine, Engine):
        with Session(engine) as session:
            return get_thread(session, thread_id, wording=wording)
    if engine.get(Thread, thread_id) is None:
        return None
    return _views(engine, [thread_id], wording)[0]


def thread_of_statement(engine: Engine, key: str) -> int | None:
    """The thread of a current statement, or of one an analyst added, by its stable key."""
    with Session(engine) as session:
        if key.startswith(ADDED_PREFIX):  # one key's review, not every added statement's
            review = reviews(session, [key]).get(key)
            if review is None or review.state != "added":
                return None
            return session.scalar(select(ThreadMember.thread_id).where(ThreadMember.statement_key == key))
        return session.scalar(
            select(ThreadMember.thread_id)
            .join(Statement, Statement.stable_key == ThreadMember.statement_key)
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .where(Statement.stable_key == key, ExtractionRun.is_current.is_(True))
        )
