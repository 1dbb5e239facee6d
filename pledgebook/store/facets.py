"""How many current statements the ledger's filters select, in all and by value of each facet
(party, sector, kind, strength, year, entity): counted by the database under the same
conditions as ``query_ledger``, so a page of rows never needs every matching row. Statements
analysts reviewed (few) are counted as ``query_ledger`` shows them instead: a corrected one
under its corrected values, a rejected one not at all, an added one like the others."""

from __future__ import annotations

import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any, TypeVar

from sqlalchemy import Engine, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from pledgebook.store.ledger import LedgerFilter, LedgerRow, _conditions, _document_conditions, query_ledger
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    ReviewCorrection,
    Statement,
    StatementActor,
    StatementEntity,
    StatementSector,
)

FACETS = ("actor", "sector", "kind", "strength", "year", "entity")
T = TypeVar("T")


def ledger_version(session: Session) -> tuple:
    """What changes whenever the counts may: extraction runs (ingests, re-extractions, removals)
    and analysts' review entries. Two small aggregate queries."""
    runs = session.execute(select(func.count(ExtractionRun.id), func.max(ExtractionRun.id),
                                  func.count(case((ExtractionRun.is_current.is_(True), 1))))).one()
    reviewed = session.execute(select(func.count(ReviewCorrection.id), func.max(ReviewCorrection.id))).one()
    return (*runs, *reviewed)


class _Counts:
    """Counts already made on one ledger, by question, while its version stays the same: the
    web ledger and home pages ask the same few questions again and again, and six grouped
    counts over the whole corpus take far longer than checking the version."""

    SIZE = 128  # questions remembered per ledger

    def __init__(self) -> None:
        self.version: tuple | None = None
        self.answers: OrderedDict[tuple, Any] = OrderedDict()


_counts: weakref.WeakKeyDictionary[Engine, _Counts] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _question(name: str, flt: LedgerFilter, *extra: Any) -> tuple:
    values = ((f.name, getattr(flt, f.name)) for f in fields(flt) if f.name != "limit")
    return (name, *((n, tuple(v) if isinstance(v, (list, tuple)) else v) for n, v in values), *extra)


def _remembered(engine: Engine, flt: LedgerFilter, question: tuple, count: Callable[[Session], T]) -> T:
    """``count``'s answer on ``engine``, made again only when the ledger's version changed
    (never remembered for ``overdue``, which statuses decide: they are no part of the version)."""
    with Session(engine) as session:
        if flt.overdue_on is not None:
            return count(session)
        version = ledger_version(session)
        with _lock:
            held = _counts.setdefault(engine, _Counts())
            if held.version != version:
                held.version, held.answers = version, OrderedDict()
            if question in held.answers:
                held.answers.move_to_end(question)
                return held.answers[question]
        answer = count(session)
        with _lock:
            if held.version == version:
                held.answers[question] = answer
                while len(held.answers) > _Counts.SIZE:
                    held.answers.popitem(last=False)
        return answer


def _matching(columns: list[Any], flt: LedgerFilter, dialect: str):  # type: ignore[no-untyped-def]
    """The unreviewed statements matching ``flt`` (reviewed ones: ``_reviewed_rows``)."""
    unreviewed = Statement.stable_key.not_in(select(ReviewCorrection.statement_key))
    return (select(*columns).select_from(Statement)
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .join(Document, Document.id == Statement.document_id)
            .where(and_(*_document_conditions(flt), *_conditions(flt, dialect), unreviewed)))


def _reviewed_rows(session: Session, flt: LedgerFilter) -> list[LedgerRow]:
    """The reviewed statements matching ``flt`` as analysts left them (rejected ones left out)."""
    keys = set(session.scalars(select(ReviewCorrection.statement_key).distinct()))
    if flt.keys:
        keys &= set(flt.keys)
    if not keys:
        return []
    return query_ledger(session, replace(flt, keys=sorted(keys), limit=None))


def _row_values(row: LedgerRow, facet: str) -> list[str]:
    if facet in ("kind", "strength"):
        value = row.kind if facet == "kind" else row.strength
        return [value] if value else []
    if facet == "year":
        return [row.document_date[:4]] if row.document_date else []
    return list(dict.fromkeys({"actor": row.actors, "sector": row.sectors, "entity": row.entities}[facet]))


def count_ledger(target: Engine | Session, flt: LedgerFilter = LedgerFilter()) -> int:
    """How many current statements match ``flt`` (``flt.limit`` ignored). On an engine, an
    answer is remembered until the ledger's version changes (``ledger_version``)."""
    if isinstance(target, Engine):
        return _remembered(target, flt, _question("count", flt), lambda session: count_ledger(session, flt))
    counted = target.scalar(_matching([func.count(Statement.id)], flt, target.get_bind().dialect.name)) or 0
    return counted + len(_reviewed_rows(target, flt))


def _grouped(session: Session, facet: str, flt: LedgerFilter, dialect: str) -> list[tuple[Any, int]]:
    n = func.count(func.distinct(Statement.id))
    if facet in ("kind", "strength"):
        value = Statement.kind if facet == "kind" else Statement.strength
        stmt = _matching([value, n], flt, dialect).where(value.is_not(None)).group_by(value)
    elif facet == "year":  # by day, folded into years below (portable: no dialect's date functions)
        stmt = _matching([Document.date, n], flt, dialect).where(Document.date.is_not(None)).group_by(Document.date)
    else:
        # aliased: the filters' EXISTS subqueries on the same table must not correlate with it
        table = aliased({"actor": StatementActor, "sector": StatementSector, "entity": StatementEntity}[facet])
        value = {"actor": "actor", "sector": "sector", "entity": "name"}[facet]
        column = getattr(table, value)
        stmt = (_matching([column, n], flt, dialect).join(table, table.statement_id == Statement.id)
                .group_by(column))
    return [(value, count) for value, count in session.execute(stmt)]


def ledger_facets(target: Engine | Session, flt: LedgerFilter = LedgerFilter(), *,
                  top: int | None = None) -> dict[str, list[tuple[str, int]]]:
    """For each facet, its values among the statements matching ``flt`` with how many have
    each, the most frequent first (then by value); at most ``top`` per facet. On an engine,
    remembered as ``count_ledger`` is."""
    if isinstance(target, Engine):
        found = _remembered(target, flt, _question("facets", flt, top), lambda session: ledger_facets(session, flt, top=top))
        return {facet: list(values) for facet, values in found.items()}
    dialect = target.get_bind().dialect.name
    reviewed = _reviewed_rows(target, flt)
    out = {}
    for facet in FACETS:
        counts: Counter[str] = Counter()
        for value, count in _grouped(target, facet, flt, dialect):
            counts[str(value.year) if facet == "year" else str(value)] += count
        counts.update(v for row in reviewed for v in _row_values(row, facet))
        out[facet] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return out
