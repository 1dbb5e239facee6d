"""The models of the home, thread, dossier and diff pages, built from the services that the
CLI uses (link/views, link/dossier, link/diff): the pages only render what these return."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledgebook.serve.web.charts import BarChart, Timeline, bar_chart, timeline
from pledgebook.serve.web.documents import DocumentRef, count_documents, recent_documents
from pledgebook.serve.web.ledger import overview
from pledgebook.serve.web.marks import Piece, diff_pieces, pair_pieces
from pledgebook.serve.wording import prose

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pledgebook.link.diff import DocumentDiff
    from pledgebook.link.dossier import Dossier, DossierStatement, DossierSummary
    from pledgebook.link.views import Member, ThreadView
    from pledgebook.track.suggest import Suggestion

CHART_FACETS = (("kind", "Statements by kind"), ("sector", "by sector"), ("actor", "by party"), ("year", "by year"))


@dataclass(slots=True)
class HomePage:
    charts: list[BarChart]
    documents: list[DocumentRef]
    threads: list[ThreadView]
    dossiers: list[DossierSummary]
    statements: int
    documents_total: int


def home_page(engine: Engine, *, items: int = 8) -> HomePage:
    from pledgebook.link import ThreadFilter, list_threads
    from pledgebook.link.dossier import list_dossiers

    facets = overview(engine)
    charts = []
    for param, title in CHART_FACETS:
        values = facets[param].values
        if param == "year":
            values = sorted(values, key=lambda v: v.value)  # in time order
        charts.append(bar_chart(title, [(v.label or v.value, v.count, v.href) for v in values]))
    total = sum(v.count for v in facets["kind"].values)
    return HomePage(charts, recent_documents(engine, items), list_threads(engine, ThreadFilter(min_docs=2, limit=items)),
                    list_dossiers(engine, limit=items), total, count_documents(engine))


def member_href(member: Member) -> str:
    return f"/documents/{member.document_id}#st-{member.start}-{member.end}"


@dataclass(frozen=True, slots=True)
class Step:
    """A member of a thread, in date order, with its wording marked against the one before."""

    number: int
    member: Member
    href: str
    wording: list[Piece]
    similarity: float | None  # of the wording to the one before (None for the first)


@dataclass(frozen=True, slots=True)
class SuggestionItem:
    """Evidence the ledger suggests about the thread (track/suggest.py), with a link to it."""

    suggestion: Suggestion
    href: str | None  # the quoted span on its document's page


@dataclass(slots=True)
class ThreadPage:
    view: ThreadView
    timeline: Timeline
    steps: list[Step]
    status: Any = None  # status history and evidence (the `track` services) when they land


def thread_steps(view: ThreadView) -> list[Step]:
    steps = []
    for n, m in enumerate(view.members):
        change = view.wording[n - 1] if n else None
        wording = diff_pieces(view.members[n - 1].text, m.text) if n else [Piece(prose(m.text))]
        steps.append(Step(n + 1, m, member_href(m), wording, change.similarity if change else None))
    return steps


def thread_page(engine: Engine, thread_id: int) -> ThreadPage | None:
    from pledgebook.link import get_thread

    view = get_thread(engine, thread_id)
    if view is None:
        return None
    chart = timeline([(m.document_date, m.strength, m.text, member_href(m)) for m in view.members])
    return ThreadPage(view, chart, thread_steps(view))


def thread_suggestions(engine: Engine, thread_id: int) -> list[SuggestionItem] | None:
    """The thread's suggested evidence (None: no such thread). Its own page, which the thread
    page fetches: on a large ledger it takes seconds, the thread page a fraction of one."""
    from pledgebook.track.suggest import UnknownThread, suggestions

    try:
        found = suggestions(engine, thread_id)
    except UnknownThread:
        return None
    ids = _document_ids(engine, {s.document_source for s in found})
    items = []
    for s in found:
        doc = ids.get(s.document_source)
        anchor = f"#st-{s.start}-{s.end}" if s.start is not None else ""
        items.append(SuggestionItem(s, f"/documents/{doc}{anchor}" if doc is not None else None))
    return items


@dataclass(frozen=True, slots=True)
class DossierThread:
    view: ThreadView
    steps: list[Step]


@dataclass(slots=True)
class DossierPage:
    dossier: Dossier
    threads: list[DossierThread]
    unthreaded: list[tuple[DossierStatement, str]]  # (statement, link to it on its document's page)
    documents: dict[str, int] = field(default_factory=dict)  # source -> document id


def _document_ids(engine: Engine, sources: set[str]) -> dict[str, int]:
    from pledgebook.store.models import Document

    with Session(engine) as session:
        return dict(session.execute(select(Document.source, Document.id).where(Document.source.in_(sorted(sources)))).all())


def dossier_page(engine: Engine, name: str) -> DossierPage:
    """The dossier of ``name`` (any alias); ``UnknownEntity`` (with close names) when none is."""
    from pledgebook.link.dossier import build_dossier

    dossier = build_dossier(engine, name)
    ids = _document_ids(engine, {s.document_source for s in dossier.statements})
    unthreaded = [(s, f"/documents/{ids.get(s.document_source, '')}#st-{s.start}-{s.end}")
                  for s in dossier.statements if s.thread_id is None]
    threads = [DossierThread(v, thread_steps(v)) for v in dossier.threads]
    return DossierPage(dossier, threads, unthreaded, ids)


@dataclass(frozen=True, slots=True)
class DiffRow:
    kind: str  # repeated | new | dropped
    old: list[Piece] | None
    new: list[Piece] | None
    old_strength: str | None
    new_strength: str | None
    strength_change: str | None
    old_href: str | None
    new_href: str | None


@dataclass(slots=True)
class DiffPage:
    diff: DocumentDiff
    rows: list[DiffRow]


def diff_page(engine: Engine, old: str, new: str, embedder: Any) -> DiffPage:
    """New / repeated / dropped commitments of ``new`` against ``old`` (``DocumentNotFound``)."""
    from pledgebook.link import diff_documents

    d = diff_documents(engine, old, new, embedder=embedder)

    def link(doc_id: int, side: Any) -> str:
        return f"/documents/{doc_id}#st-{side.start}-{side.end}"

    rows = []
    for r in d.repeated:
        left, right = pair_pieces(r.old.text, r.new.text)
        rows.append(DiffRow("repeated", left, right, r.old.strength, r.new.strength, r.strength_change,
                            link(d.old.id, r.old), link(d.new.id, r.new)))
    rows += [DiffRow("new", None, [Piece(prose(s.text))], None, s.strength, None, None, link(d.new.id, s))
             for s in d.new_commitments]
    rows += [DiffRow("dropped", [Piece(prose(s.text))], None, s.strength, None, None, link(d.old.id, s), None)
             for s in d.dropped]
    return DiffPage(d, rows)
