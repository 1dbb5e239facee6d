"""The page routes: each parses its parameters, calls a service and renders a template. A
missing thing is a 404 page and a bad filter a 400 page, each with a one-line reason."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pledgebook.serve.listings import short_source
from pledgebook.serve.web.documents import count_documents, document_view, recent_documents
from pledgebook.serve.web.editors import editor, server_token
from pledgebook.serve.web.ledger import BadFilter, ledger_page
from pledgebook.serve.web.views import diff_page, dossier_page, home_page, thread_page, thread_suggestions
from pledgebook.serve.wording import prose

HERE = Path(__file__).resolve().parent
# Every value is escaped (HTML and the SVG drawn in it); nothing is ever marked safe.
ENV = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html", "svg"],
                  default=True), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
# Titles are shown as written (on one line); quoted statements as prose, as the CLI shows them.
ENV.filters.update(prose=prose, one_line_title=lambda v: " ".join((v or "").split()), short_source=short_source,
                   path_part=lambda v: quote(str(v), safe=""), plural=lambda n, word: f"{n} {word}{'' if n == 1 else 's'}")
templates = Jinja2Templates(env=ENV)
router = APIRouter(include_in_schema=False)
INDEX_LIMIT = 200  # documents (newest), threads and dossiers (most repeated) listed on their index pages


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The template ``name``; every page knows whether its visitor may write (``editor``, with
    the form's CSRF value) and whether the server accepts writes at all (``writable``)."""
    context.setdefault("editor", editor(request))
    context.setdefault("writable", server_token(request) is not None)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def problem(request: Request, status_code: int, title: str, message: str) -> HTMLResponse:
    return page(request, "error.html", status_code, title=title, message=message)


def error_page(request: Request, status_code: int, error: str) -> HTMLResponse:
    """The page for an error the app's handlers catch outside /api (an unknown address, an
    invalid parameter, a crash): ``app.state.page_error`` (serve/api/errors.py calls it)."""
    return problem(request, status_code, HTTPStatus(status_code).phrase, error)


def _engine(request: Request) -> Any:
    return request.app.state.engine


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return page(request, "home.html", home=home_page(_engine(request)))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request) -> HTMLResponse:
    docs = recent_documents(_engine(request), INDEX_LIMIT, by_date=True)
    return page(request, "documents.html", documents=docs, total=count_documents(_engine(request)), limit=INDEX_LIMIT)


@router.get("/documents/{ref}", response_class=HTMLResponse)
def document(request: Request, ref: str) -> HTMLResponse:
    view = document_view(_engine(request), ref)
    if view is None:
        return problem(request, 404, "No such document", f"no ingested document {ref!r}")
    return page(request, "document.html", doc=view)


@router.get("/ledger", response_class=HTMLResponse)
def ledger(request: Request) -> HTMLResponse:
    params = list(request.query_params.multi_items())
    try:
        number = int(request.query_params.get("page", "1"))
    except ValueError:
        return problem(request, 400, "Bad page", "page must be a number")
    try:
        model = ledger_page(_engine(request), params, number)
    except BadFilter as err:
        return problem(request, 400, "Bad filter", str(err))
    return page(request, "ledger.html", ledger=model)


@router.get("/threads", response_class=HTMLResponse)
def threads(request: Request) -> HTMLResponse:
    from pledgebook.link import ThreadFilter, list_threads

    views = list_threads(_engine(request), ThreadFilter(min_docs=2, limit=INDEX_LIMIT), wording=False)
    return page(request, "threads.html", views=views, limit=INDEX_LIMIT)


@router.get("/threads/{thread_id}/suggestions", response_class=HTMLResponse)
def suggestions(request: Request, thread_id: int) -> HTMLResponse:
    items = thread_suggestions(_engine(request), thread_id)
    if items is None:
        return problem(request, 404, "No such thread", f"no thread {thread_id}")
    return page(request, "suggestions.html", items=items, thread_id=thread_id)


@router.get("/dossiers", response_class=HTMLResponse)
def dossiers(request: Request) -> HTMLResponse:
    from pledgebook.link.dossier import list_dossiers

    return page(request, "dossiers.html", dossiers=list_dossiers(_engine(request), limit=INDEX_LIMIT),
                limit=INDEX_LIMIT)


@router.get("/threads/{thread_id}", response_class=HTMLResponse)
def thread(request: Request, thread_id: int, step: int = 1) -> HTMLResponse:
    return render_thread(request, thread_id, step)


def render_thread(request: Request, thread_id: int, step: int = 1, *, error: str | None = None,
                  values: dict[str, str] | None = None, status_code: int = 200) -> HTMLResponse:
    """The thread page (wordings from ``step`` on), its status form showing ``error`` and the
    ``values`` sent when a status was refused."""
    from pledgebook.serve.web.tracking import evidence_documents, status_panel

    model = thread_page(_engine(request), thread_id, step)
    if model is None:
        return problem(request, 404, "No such thread", f"no thread {thread_id}")
    model.status = status_panel(_engine(request), "thread", str(thread_id), f"/threads/{thread_id}/status",
                                evidence_documents(model.view.members))
    model.status.error, model.status.values = error, values or {}
    return page(request, "thread.html", status_code, thread=model)


@router.get("/dossiers/{name}", response_class=HTMLResponse)
def dossier(request: Request, name: str) -> HTMLResponse:
    return render_dossier(request, name)


def render_dossier(request: Request, name: str, *, error: str | None = None, values: dict[str, str] | None = None,
                   status_code: int = 200) -> HTMLResponse:
    from pledgebook.link.dossier import UnknownEntity
    from pledgebook.serve.web.tracking import evidence_documents, status_panel

    try:
        model = dossier_page(_engine(request), name)
    except UnknownEntity as err:
        return problem(request, 404, "No such dossier", str(err))
    entity = model.dossier.entity
    model.status = status_panel(_engine(request), "dossier", entity, f"/dossiers/{quote(entity, safe='')}/status",
                                evidence_documents(model.dossier.statements))
    model.status.error, model.status.values = error, values or {}
    return page(request, "dossier.html", status_code, dossier=model)


@router.get("/statements/{key}", response_class=HTMLResponse)
def statement(request: Request, key: str) -> HTMLResponse:
    return render_statement(request, key)


def render_statement(request: Request, key: str, *, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    """A statement as reviewed, with the review forms (and its own status)."""
    from pledgebook.serve.web.tracking import statement_page, status_panel

    model = statement_page(_engine(request), key)
    if model is None:
        return problem(request, 404, "No such statement", f"no current or added statement {key!r}")
    if model.row is not None:
        model.status = status_panel(_engine(request), "statement", key, f"/statements/{quote(key, safe='')}/status",
                                    [])
    model.error = error
    return page(request, "statement.html", status_code, st=model)


@router.get("/report", response_class=HTMLResponse)
def report(request: Request, by: str = "party") -> HTMLResponse:
    from pledgebook.serve.web.tracking import report_page
    from pledgebook.track.common import TrackError

    try:
        model = report_page(_engine(request), by)
    except TrackError as err:
        return problem(request, 400, "Bad report", str(err))
    return page(request, "report.html", report=model)


@router.get("/report/matrix", response_class=HTMLResponse)
def report_matrix(request: Request) -> HTMLResponse:
    from pledgebook.track.report import compliance_matrix

    return page(request, "matrix.html", m=compliance_matrix(_engine(request), "party", "sector"))


@router.get("/diff", response_class=HTMLResponse)
def diff(request: Request, old: str = "", new: str = "") -> HTMLResponse:
    from pledgebook.link import DocumentNotFound

    if not (old.isdigit() and new.isdigit()):
        return problem(request, 400, "Bad diff", "old and new must be document ids (/diff?old=1&new=2)")
    try:
        model = diff_page(_engine(request), old, new, embedder(request))
    except DocumentNotFound as err:
        return problem(request, 404, "No such document", str(err))
    return page(request, "diff.html", diff=model)


def embedder(request: Request) -> Any:
    """The app's embedder (``create_app(embedder=...)``), made once per app."""
    from pledgebook.serve.api.deps import app_embedder

    return app_embedder(request)
