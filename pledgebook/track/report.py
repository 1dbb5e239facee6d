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

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.store.models import Document, ExtractionRun, Statement, StatementEntity, ThreadMember
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
        contexts = {(c.target, c.target_id): _context(session, c) for c in tracked}
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


def _context(session: Session, c: CurrentStatus) -> _Context:
    """The commitment's current statements (as reviewed): their sectors, first year, thread."""
    current = (select(Statement.stable_key, Statement.sectors, Document.date)
               .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
               .join(Document, Document.id == Statement.document_id).where(ExtractionRun.is_current.is_(True)))
    if c.target == "thread":
        current = current.join(ThreadMember, ThreadMember.statement_key == Statement.stable_key).where(
            ThreadMember.thread_id == int(c.target_id))
        thread = f"thread {c.target_id}"
    elif c.target == "statement":
        current = current.where(Statement.stable_key == c.target_id)
        tid = session.scalar(select(ThreadMember.thread_id).where(ThreadMember.statement_key == c.target_id))
        thread = f"thread {tid}" if tid is not None else f"statement {c.target_id}"
    else:
        current = current.where(Statement.id.in_(select(StatementEntity.statement_id)
                                                  .where(StatementEntity.name == c.target_id)))
        thread = f"dossier {c.target_id}"
    rows = [(k, list(s), d) for k, s, d in session.execute(current)]
    found = reviews(session, [k for k, _, _ in rows] + ([c.target_id] if c.target_id.startswith(ADDED_PREFIX) else []))
    if c.target == "statement" and c.target_id in found and found[c.target_id].state == "added":
        added = found[c.target_id]
        rows = [(added.key, added.fields.get("sectors", []), session.get(Document, added.document_id).date)]
    sectors: list[str] = []
    dates = []
    for key, secs, date in rows:
        review = found.get(key)
        if review is not None and review.hidden:
            continue
        sectors += review.fields.get("sectors", secs) if review is not None else secs
        if date is not None:
            dates.append(date)
    return _Context(list(dict.fromkeys(sectors)), str(min(dates).year) if dates else None, thread)


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
        contexts = {(c.target, c.target_id): _context(session, c) for c in tracked}
    groups: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for c in tracked:
        ctx, ident = contexts[(c.target, c.target_id)], f"{c.target}:{c.target_id}"
        for party, score in c.scores.items():
            for row in _groups(rows_by, party, ctx):
                for column in _groups(columns_by, party, ctx):
                    groups[(row, column)].append((ident, score))
    cells = {key: _row(f"{key[0]} × {key[1]}", scored) for key, scored in groups.items()}
    return Matrix(rows_by, columns_by, sorted({r for r, _ in cells}), sorted({c for _, c in cells}), cells)
