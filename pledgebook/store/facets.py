"""How many current statements the ledger's filters select, in all and by value of each facet
(party, sector, kind, strength, year, entity): counted by the database under the same
conditions as ``query_ledger``, so a page of rows never needs every matching row. Statements
analysts reviewed (few) are counted as ``query_ledger`` shows them instead: a corrected one
under its corrected values, a rejected one not at all, an added one like the others."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from sqlalchemy import Engine, and_, func, select
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
    """How many current statements match ``flt`` (``flt.limit`` ignored)."""
    if isinstance(target, Engine):
        with Session(target) as session:
            return count_ledger(session, flt)
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
    each, the most frequent first (then by value); at most ``top`` per facet."""
    if isinstance(target, Engine):
        with Session(target) as session:
            return ledger_facets(session, flt, top=top)
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
