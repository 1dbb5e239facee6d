"""Compliance reports as the G20 Research Group publishes them: per party, sector, year or
thread, the number of commitments assessed, the share scored +1 / 0 / −1 and the average score.

A commitment is a tracked target (a thread, a statement or a dossier) with a current score
for at least one party (track/status.py: the latest score each party was given); each
(commitment, party) score is one assessment. A commitment's sectors are those of its current
statements, as reviewed; its year is the year of its first document; a statement's thread is
the thread it is in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pledgebook.store.models import (
    Document,
    ExtractionRun,
    ReviewCorrection,
    Statement,
    StatementEntity,
    StatementSector,
    ThreadMember,
)
from pledgebook.store.review import ADDED_PREFIX, reviews
from pledgebook.track.common import TrackError
from pledgebook.track.status import CurrentStatus, current_statuses

GROUPINGS = ("party", "sector", "year", "thread")


@dataclass(frozen=True, slots=True)
class ReportRow:
    group: str
    commitments: int  # distinct commitments assessed in the group
    assessments: int  # (commitment, party) scores
    plus: int
    zero: int
    minus: int
    share_plus: float
    share_zero: float
    share_minus: float
    average: float  # mean score, −1 … +1

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Report:
    by: str
    rows: list[ReportRow]
    total: ReportRow
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Chart-ready: the rows, the total, and series aligned with ``labels``."""
        return {
            "by": self.by, "rows": [r.to_dict() for r in self.rows], "total": self.total.to_dict(), "notes": self.notes,
            "chart": {"labels": [r.group for r in self.rows],
                      "series": [{"name": name, "data": [getattr(r, key) for r in self.rows]}
                                 for name, key in (("+1", "share_plus"), ("0", "share_zero"), ("-1", "share_minus"))],
                      "average": [r.average for r in self.rows],
                      "commitments": [r.commitments for r in self.rows]},
        }


@dataclass(frozen=True, slots=True)
class _Context:
    sectors: list[str]
    year: str | None
    thread: str


def compliance_report(engine: Engine, by: str = "party") -> Report:
    """The report grouped ``by`` party, sector, year or thread."""
    if by not in GROUPINGS:
        raise TrackError(f"cannot report by {by!r} (one of {', '.join(GROUPINGS)})")
    scored = [c for c in current_statuses(engine) if c.scores]
    tracked = [c for c in scored if not c.orphaned]
    with Session(engine) as session:
        contexts = _contexts(session, tracked)
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)  # group -> [(commitment, score)]
    for c in tracked:
        ctx, ident = contexts[(c.target, c.target_id)], f"{c.target}:{c.target_id}"
        for party, score in c.scores.items():
            for group in _groups(by, party, ctx):
                groups[group].append((ident, score))
    rows = [_row(g, scored) for g, scored in groups.items()]
    rows.sort(key=lambda r: r.group if by == "year" else (-r.assessments, r.group))
    total = _row("total", [(f"{c.target}:{c.target_id}", s) for c in tracked for s in c.scores.values()])
    left = len(scored) - len(tracked)
    notes = [f"{left} scored target{'s' if left != 1 else ''} with no current statement left out "
             "(`pledgebook status list` shows them as orphaned)"] if left else []
    return Report(by, rows, total, notes)


def _groups(by: str, party: str, ctx: _Context) -> list[str]:
    if by == "party":
        return [party]
    if by == "sector":
        return ctx.sectors or ["(no sector)"]
    if by == "year":
        return [ctx.year or "(undated)"]
    return [ctx.thread]


def _row(group: str, scored: list[tuple[str, int]]) -> ReportRow:
    n = len(scored)
    counts = {s: sum(1 for _, v in scored if v == s) for s in (1, 0, -1)}
    share = (lambda k: round(counts[k] / n, 3)) if n else (lambda k: 0.0)
    return ReportRow(group, len({c for c, _ in scored}), n, counts[1], counts[0], counts[-1], share(1), share(0),
                     share(-1), round(sum(v for _, v in scored) / n, 3) if n else 0.0)


_CHUNK = 500


def _contexts(session: Session, tracked: list[CurrentStatus]) -> dict[tuple[str, str], _Context]:
    """Each commitment's current statements (as reviewed): their sectors, first year, thread.
    Counted in SQL for all targets at once (distinct sectors and the first date per target);
    only the statements analysts reviewed (few) are read one by one, with their reviews."""
    found = reviews(session)
    wanted = {kind: list(dict.fromkeys(c.target_id for c in tracked if c.target == kind))
              for kind in ("thread", "statement", "dossier")}
    sectors: dict[tuple[str, str], list[str]] = defaultdict(list)
    dates: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for kind, targets in wanted.items():
        for chunk in _chunks(targets):
            group, base = _statements_of(kind, chunk)
            plain = base.where(Statement.stable_key.not_in(select(ReviewCorrection.statement_key)))
            for target, sector in session.execute(plain.join(StatementSector, StatementSector.statement_id == Statement.id)
                                                  .with_only_columns(group, StatementSector.sector).distinct()):
                sectors[(kind, str(target))].append(sector)
            for target, first in session.execute(plain.with_only_columns(group, func.min(Document.date)).group_by(group)):
                if first is not None:
                    dates[(kind, str(target))].append(first)
            if found:
                reviewed = base.where(Statement.stable_key.in_(select(ReviewCorrection.statement_key)))
                for target, key, secs, date in session.execute(reviewed.with_only_columns(
                        group, Statement.stable_key, Statement.sectors, Document.date)):  # repeats change nothing
                    _add_reviewed((kind, str(target)), found.get(key), list(secs), date, sectors, dates)
    thread_of = dict(session.execute(select(ThreadMember.statement_key, ThreadMember.thread_id)
                                     .where(ThreadMember.statement_key.in_(wanted["statement"]))).all()) \
        if wanted["statement"] else {}
    for key in wanted["statement"]:
        review = found.get(key)
        if review is not None and review.state == "added":
            date = session.get(Document, review.document_id).date
            _add_reviewed(("statement", key), review, review.fields.get("sectors", []), date, sectors, dates)
    return {(c.target, c.target_id): _Context(
        sorted(set(sectors[(c.target, c.target_id)])),
        str(min(dates[(c.target, c.target_id)]).year) if dates[(c.target, c.target_id)] else None,
        _thread_label(c, thread_of)) for c in tracked}


def _statements_of(kind: str, targets: list[str]):  # type: ignore[no-untyped-def]
    """(the target's column, the current statements of these targets of ``kind``)."""
    current = (select(Statement.id).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
               .join(Document, Document.id == Statement.document_id).where(ExtractionRun.is_current.is_(True)))
    if kind == "thread":
        return ThreadMember.thread_id, current.join(ThreadMember, ThreadMember.statement_key == Statement.stable_key) \
            .where(ThreadMember.thread_id.in_([int(t) for t in targets]))
    if kind == "statement":
        return Statement.stable_key, current.where(Statement.stable_key.in_(targets))
    return StatementEntity.name, current.join(StatementEntity, StatementEntity.statement_id == Statement.id) \
        .where(StatementEntity.name.in_(targets))


def _add_reviewed(target: tuple[str, str], review: Any, secs: list[str], date: Any,
                  sectors: dict[tuple[str, str], list[str]], dates: dict[tuple[str, str], list[Any]]) -> None:
    """A reviewed statement's part in its target's context: none if rejected, else its sectors as corrected."""
    if review is not None and review.hidden:
        return
    sectors[target] += review.fields.get("sectors", secs) if review is not None else secs
    if date is not None:
        dates[target].append(date)


def _chunks(values: list[str]) -> list[list[str]]:
    return [values[i:i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _thread_label(c: CurrentStatus, thread_of: dict[str, int]) -> str:
    if c.target == "thread":
        return f"thread {c.target_id}"
    if c.target == "statement":
        tid = thread_of.get(c.target_id)
        return f"thread {tid}" if tid is not None else f"statement {c.target_id}"
    return f"dossier {c.target_id}"


@dataclass(slots=True)
class Matrix:
    """Two groupings crossed (party × sector): a ``ReportRow`` per cell that has assessments."""

    rows_by: str
    columns_by: str
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], ReportRow]

    def to_dict(self) -> dict:
        return {"rows_by": self.rows_by, "columns_by": self.columns_by, "rows": self.rows, "columns": self.columns,
                "cells": [{"row": r, "column": c, **cell.to_dict()} for (r, c), cell in self.cells.items()]}


def compliance_matrix(engine: Engine, rows_by: str = "party", columns_by: str = "sector") -> Matrix:
    """The assessments of ``compliance_report`` grouped by two groupings at once (a party ×
    sector matrix of average scores), counted the same way."""
    for by in (rows_by, columns_by):
        if by not in GROUPINGS:
            raise TrackError(f"cannot report by {by!r} (one of {', '.join(GROUPINGS)})")
    tracked = [c for c in current_statuses(engine) if c.scores and not c.orphaned]
    with Session(engine) as session:
        contexts = _contexts(session, tracked)
    groups: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for c in tracked:
        ctx, ident = contexts[(c.target, c.target_id)], f"{c.target}:{c.target_id}"
        for party, score in c.scores.items():
            for row in _groups(rows_by, party, ctx):
                for column in _groups(columns_by, party, ctx):
                    groups[(row, column)].append((ident, score))
    cells = {key: _row(f"{key[0]} × {key[1]}", scored) for key, scored in groups.items()}
    return Matrix(rows_by, columns_by, sorted({r for r, _ in cells}), sorted({c for _, c in cells}), cells)
