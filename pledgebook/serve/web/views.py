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
    threads = list_threads(engine, ThreadFilter(min_docs=2, limit=items), wording=False)
    return HomePage(charts, recent_documents(engine, items), threads,
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
    decision: Any = None  # an analyst's latest decision on it (track.decisions.Decision), if any


STEPS_PER_PAGE = 40  # wordings shown (and word-diffed) at a time: a large thread's diffs are computed as they are read


@dataclass(slots=True)
class ThreadPage:
    view: ThreadView
    timeline: Timeline
    steps: list[Step]
    first: int = 1  # the number of the first step shown
    pages: list[tuple[int, int]] = field(default_factory=list)  # (first, last) step of each page of wordings
    status: Any = None  # the status panel (serve/web/tracking.py)

    @property
    def names(self) -> list[str]:
        """The entities the members name, first mention first, once each (case aside)."""
        seen: dict[str, str] = {}
        for m in self.view.members:
            for name in m.entities:
                seen.setdefault(name.lower(), name)
        return list(seen.values())


def thread_steps(view: ThreadView, first: int = 1, count: int | None = None) -> list[Step]:
    """Steps ``first``.. (``count`` of them; None: all), each member's wording marked against
    the one before: the word diffs are computed here, for the steps shown only."""
    from pledgebook.link.views import wording_change

    members = view.members
    last = len(members) if count is None else min(len(members), first - 1 + count)
    steps = []
    for n in range(max(first, 1) - 1, last):
        m = members[n]
        wording = diff_pieces(members[n - 1].text, m.text) if n else [Piece(prose(m.text))]
        similarity = wording_change(members[n - 1].text, m.text)[2] if n else None
        steps.append(Step(n + 1, m, member_href(m), wording, similarity))
    return steps


def thread_page(engine: Engine, thread_id: int, first: int = 1) -> ThreadPage | None:
    from pledgebook.link import get_thread

    view = get_thread(engine, thread_id, wording=False)  # the page diffs the wordings it shows
    if view is None:
        return None
    chart = timeline([(m.document_date, m.strength, m.text, member_href(m)) for m in view.members])
    first = (min(max(first, 1), max(len(view.members), 1)) - 1) // STEPS_PER_PAGE * STEPS_PER_PAGE + 1  # a page's start
    total = len(view.members)
    pages = [(n, min(n + STEPS_PER_PAGE - 1, total)) for n in range(1, total + 1, STEPS_PER_PAGE)]
    return ThreadPage(view, chart, thread_steps(view, first, STEPS_PER_PAGE), first, pages)


def thread_suggestions(engine: Engine, thread_id: int) -> list[SuggestionItem] | None:
    """The thread's suggested evidence (None: no such thread). Its own page, which the thread
    page fetches: on a large ledger it takes seconds, the thread page a fraction of one."""
    from pledgebook.track.decisions import suggestion_decisions_by_key
    from pledgebook.track.suggest import UnknownThread, suggestions

    try:
        found = suggestions(engine, thread_id)
    except UnknownThread:
        return None
    ids = _document_ids(engine, {s.document_source for s in found})
    decided = suggestion_decisions_by_key(engine) if found else {}
    items = []
    for s in found:
        doc = ids.get(s.document_source)
        anchor = f"#st-{s.start}-{s.end}" if s.start is not None else ""
        items.append(SuggestionItem(s, f"/documents/{doc}{anchor}" if doc is not None else None, decided.get(s.key)))
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
    thread_status: dict[int, Any] = field(default_factory=dict)  # thread id -> its CurrentStatus (track)
    status: Any = None  # the dossier's own status panel (serve/web/tracking.py)


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
    return DossierPage(dossier, threads, unthreaded, ids, thread_statuses(engine, [t.view.id for t in threads]))


def thread_statuses(engine: Engine, thread_ids: list[int]) -> dict[int, Any]:
    """The current status (track/status.py) of each of these threads that has one."""
    from pledgebook.track.status import current_statuses

    wanted = {str(t) for t in thread_ids}
    return {int(c.target_id): c for c in current_statuses(engine) if c.target == "thread" and c.target_id in wanted}


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
