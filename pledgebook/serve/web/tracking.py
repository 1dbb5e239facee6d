"""The models of the tracking pages, built from the track services (status, review, report):
a pledge's status panel (history, evidence, the form to add an entry), a statement's review
page, and the compliance report. The pages only render what these return."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pledgebook.store.ledger import LedgerRow
    from pledgebook.store.review import Review
    from pledgebook.track.report import Report
    from pledgebook.track.status import CurrentStatus, StatusRecord

SCORES = (("", "—"), ("1", "+1 complied"), ("0", "0 partly"), ("-1", "−1 not complied"))
PARTY_ROWS = 2  # party/score pairs a status form offers


@dataclass(slots=True)
class StatusPanel:
    """A thread's, dossier's or statement's status: its history, and the form that adds an entry."""

    target: str  # thread | dossier | statement
    action: str  # where the form posts
    current: CurrentStatus | None
    history: list[StatusRecord]
    labels: list[tuple[str, str]]  # (id, label)
    documents: list[tuple[str, str]]  # evidence document choices: (source, shown)
    error: str | None = None
    values: dict[str, str] = field(default_factory=dict)  # the form as sent, when it was refused
    scores: tuple[tuple[str, str], ...] = SCORES
    party_rows: int = PARTY_ROWS


def status_panel(engine: Engine, kind: str, ident: str, action: str, documents: list[tuple[str, str]],
                 ) -> StatusPanel:
    """The panel of the thread / statement id or dossier name ``ident``."""
    from pledgebook.track.common import labels
    from pledgebook.track.status import current_status, status_history

    ident_, dossier = (None, ident) if kind == "dossier" else (ident, None)
    tracking = labels()
    return StatusPanel(kind, action, current_status(engine, ident_, dossier=dossier, tracking=tracking),
                       status_history(engine, ident_, dossier=dossier, tracking=tracking),
                       [(i, tracking.label(i)) for i in tracking.ids], documents)


def evidence_documents(members: list[Any]) -> list[tuple[str, str]]:
    """The documents of a thread's or dossier's statements, newest first, as evidence choices."""
    seen: dict[str, str] = {}
    for m in sorted(members, key=lambda m: m.document_date or "", reverse=True):
        source = m.document_source
        seen.setdefault(source, f"{m.document_date or 'undated'} · {source.rsplit('/', 1)[-1]}")
    return list(seen.items())


def status_change(form: Any) -> dict[str, Any]:
    """A status form as ``set_status`` arguments (blank fields left out)."""
    from pledgebook.track.common import TrackError
    from pledgebook.track.status import Evidence

    def text(name: str) -> str | None:
        value = str(form.get(name, "")).strip()
        return value or None

    scores: dict[str, int] = {}
    for n in range(PARTY_ROWS):
        party, score = text(f"party{n}"), text(f"score{n}")
        if bool(party) != bool(score):
            raise TrackError("give both a party and its score (or neither)")
        if party and score:
            if score not in ("-1", "0", "1"):
                raise TrackError(f"score {score!r} is not on the compliance scale (one of -1, 0, 1)")
            scores[party] = int(score)
    return {"status": text("status"), "scores": scores, "note": text("note"), "author": text("author"),
            "evidence": Evidence(text("evidence"), text("evidence_document"), text("evidence_span"))}


@dataclass(slots=True)
class StatementPage:
    """One statement, as every view shows it (reviewed), with the review forms."""

    key: str
    row: LedgerRow | None  # None: rejected (hidden from every view)
    machine_text: str
    document: int  # the document's row id (its page)
    review: Review | None
    thread_id: int | None
    kinds: tuple[str, ...]
    strengths: tuple[str, ...]
    sectors: list[tuple[str, str]]  # (id, label)
    status: StatusPanel | None = None
    error: str | None = None


def statement_page(engine: Engine, key: str) -> StatementPage | None:
    """The statement ``key`` as reviewed (None: no current or added statement has it)."""
    from pledgebook.codebook import Codebook
    from pledgebook.link import thread_of_statement
    from pledgebook.store import LedgerFilter, query_ledger
    from pledgebook.store.models import ExtractionRun, Statement
    from pledgebook.store.review import reviews
    from pledgebook.track.review import KINDS, STRENGTHS

    with Session(engine) as session:
        review = reviews(session, [key]).get(key)
        machine = session.execute(
            select(Statement.text, Statement.document_id).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .where(Statement.stable_key == key, ExtractionRun.is_current.is_(True))).first()
        rows = query_ledger(session, LedgerFilter(keys=[key]))
        if not rows and key.startswith("added:") and review is not None:  # added statements: by their document
            rows = [r for r in query_ledger(session, LedgerFilter(documents=[review.document_id]))
                    if r.statement_id == key]
    if machine is None and (review is None or review.state != "added"):
        return None
    document = machine[1] if machine is not None else review.document_id  # type: ignore[union-attr]
    book = Codebook.load()
    return StatementPage(key, rows[0] if rows else None, machine[0] if machine is not None else "", document, review,
                         thread_of_statement(engine, key), KINDS, STRENGTHS,
                         [(s.id, s.label) for s in book.sectors])


def correction(form: Any, row: LedgerRow | None) -> Any:  # -> track.review.Correction
    """The correct form as a ``Correction``: only the fields the analyst changed (a field left
    as shown, or blank, is not a correction)."""
    from pledgebook.track.review import Correction

    def text(name: str) -> str:
        return str(form.get(name, "")).strip()

    def listed(name: str, sep: str = ",") -> list[str]:
        return [v.strip() for v in text(name).replace("\n", sep).split(sep) if v.strip()]

    now = row  # what the page showed
    kind = text("kind") or None
    strength = text("strength") or None
    actors, sectors, entities = listed("actors"), listed("sectors"), listed("entities", "\n")
    span = text("span") or None
    return Correction(
        kind=kind if kind and (now is None or kind != now.kind) else None,
        strength=strength if strength and (now is None or strength != (now.strength or "none")) else None,
        actors=actors if actors and (now is None or actors != list(now.actors)) else None,
        sectors=sectors if sectors and (now is None or sectors != list(now.sectors)) else None,
        entities=entities if text("entities") and (now is None or entities != list(now.entities)) else None,
        span=span if span and (now is None or span != f"{now.start}-{now.end}") else None,
    )


@dataclass(frozen=True, slots=True)
class ShareBar:
    """A report row as a stacked bar: the widths of its +1, 0 and −1 shares."""

    group: str
    y: int
    plus: float
    zero: float
    minus: float
    average: float
    assessments: int


@dataclass(slots=True)
class ReportPage:
    by: str
    groupings: tuple[str, ...]
    report: Report
    bars: list[ShareBar]
    width: int = 360  # of a whole bar
    label_width: int = 170


def report_page(engine: Engine, by: str) -> ReportPage:
    """The compliance report grouped ``by`` (``TrackError`` for an unknown grouping) and its
    chart. The party × sector matrix is its own page (``compliance_matrix``), which the report
    page fetches: each reads every tracked pledge."""
    from pledgebook.track.report import GROUPINGS, compliance_report

    report = compliance_report(engine, by)
    page = ReportPage(by, GROUPINGS, report, [])
    for n, r in enumerate(report.rows):
        page.bars.append(ShareBar(r.group, 6 + n * 26, round(r.share_plus * page.width, 1),
                                  round(r.share_zero * page.width, 1), round(r.share_minus * page.width, 1),
                                  r.average, r.assessments))
    return page
