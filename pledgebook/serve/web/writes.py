"""The pages' writes: signing in with the server's token, a status with evidence on a thread,
dossier or statement, a statement's review, and a document's upload. Plain HTML forms (they
work without script); each checks the editor (serve/web/editors.py), calls the service the CLI
and the API call, and answers with a redirect to the page that shows the change (a refused
change: that page again, with the one-line reason and the form as sent)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pledgebook.serve.web.editors import (
    SESSION_COOKIE,
    WriteRefused,
    require_editor,
    safe_next,
    server_token,
    session_value,
    token_matches,
)
from pledgebook.serve.web.pages import page, problem, render_dossier, render_statement, render_thread

router = APIRouter(include_in_schema=False)
FORM_FIELDS = 40


def _engine(request: Request) -> Any:
    return request.app.state.engine


def _see(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)  # after a POST: GET the page that shows the change


def _refused(request: Request, err: WriteRefused) -> HTMLResponse:
    title = "Sign in first" if err.status == 401 else "Not allowed"
    return problem(request, err.status, title, str(err))


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str = "/") -> HTMLResponse:  # noqa: A002 - the query's name
    return page(request, "signin.html", next=safe_next(next), error=None)


@router.post("/signin", response_class=HTMLResponse)
async def signin(request: Request) -> Response:
    async with request.form(max_files=0, max_fields=FORM_FIELDS) as form:
        given, back = str(form.get("token", "")), safe_next(str(form.get("next", "/")))
    token = server_token(request)
    if token is None:
        return problem(request, 403, "Read-only server", "this server was started without a token: it accepts no changes")
    if not token_matches(request, given):
        return page(request, "signin.html", 401, next=back, error="that is not this server's token")
    answer = _see(back)
    answer.set_cookie(SESSION_COOKIE, session_value(token), httponly=True, samesite="strict", path="/")
    return answer


@router.post("/signout")
async def signout(request: Request) -> Response:
    answer = _see("/")
    answer.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return answer


async def _form(request: Request) -> dict[str, str]:
    async with request.form(max_files=0, max_fields=FORM_FIELDS) as form:
        return {k: str(v) for k, v in form.items()}


def _status(request: Request, kind: str, ident: str, form: dict[str, str]) -> str | None:
    """Append the form's status entry (track/status.py); the refusal's reason, or None."""
    from pledgebook.serve.web.tracking import status_change
    from pledgebook.track.common import TrackError
    from pledgebook.track.status import set_status

    try:
        change = status_change(form)
        ident_, dossier = (None, ident) if kind == "dossier" else (ident, None)
        set_status(_engine(request), ident_, change.pop("status"), dossier=dossier, **change)
    except TrackError as err:
        return str(err)
    return None


@router.post("/threads/{thread_id}/status", response_class=HTMLResponse)
async def thread_status(request: Request, thread_id: int) -> Response:
    form = await _form(request)
    try:
        require_editor(request, form)
    except WriteRefused as err:
        return _refused(request, err)
    error = await run_in_threadpool(_status, request, "thread", str(thread_id), form)
    if error is not None:
        return render_thread(request, thread_id, error=error, values=form, status_code=422)
    return _see(f"/threads/{thread_id}#status")


@router.post("/dossiers/{name}/status", response_class=HTMLResponse)
async def dossier_status(request: Request, name: str) -> Response:
    form = await _form(request)
    try:
        require_editor(request, form)
    except WriteRefused as err:
        return _refused(request, err)
    error = await run_in_threadpool(_status, request, "dossier", name, form)
    if error is not None:
        return render_dossier(request, name, error=error, values=form, status_code=422)
    return _see(f"/dossiers/{quote(name, safe='')}#status")


@router.post("/statements/{key}/status", response_class=HTMLResponse)
async def statement_status(request: Request, key: str) -> Response:
    form = await _form(request)
    try:
        require_editor(request, form)
    except WriteRefused as err:
        return _refused(request, err)
    error = await run_in_threadpool(_status, request, "statement", key, form)
    if error is not None:
        return render_statement(request, key, error=error, status_code=422)
    return _see(f"/statements/{quote(key, safe='')}#status")


def _decide(request: Request, form: dict[str, str]) -> str | None:
    """Confirm or dismiss a suggestion (track/decisions.py); the refusal's reason, or None."""
    from pledgebook.track.common import TrackError
    from pledgebook.track.decisions import decide_suggestion

    try:
        decide_suggestion(_engine(request), form.get("key", ""), form.get("decision", ""), form.get("author") or None,
                          form.get("note") or None)
    except TrackError as err:
        return str(err)
    return None


@router.post("/threads/{thread_id}/suggestions/decisions", response_class=HTMLResponse)
async def suggestion_decision(request: Request, thread_id: int) -> Response:
    form = await _form(request)
    try:
        require_editor(request, form)
    except WriteRefused as err:
        return _refused(request, err)
    if not form.get("key", "").startswith(f"{thread_id}:"):
        return problem(request, 422, "Not recorded", "that suggestion is not about this thread")
    error = await run_in_threadpool(_decide, request, form)
    if error is not None:
        return problem(request, 422, "Not recorded", error)
    return _see(f"/threads/{thread_id}/suggestions")


def _review(request: Request, key: str, form: dict[str, str]) -> str | None:
    """Accept, reject or correct the statement (track/review.py); the refusal's reason, or None."""
    from pledgebook.serve.web.tracking import correction, statement_page
    from pledgebook.track.common import TrackError
    from pledgebook.track.review import Correction, review

    current = statement_page(_engine(request), key)
    if current is None:
        return f"no current statement {key!r}"
    action = form.get("action", "")
    change = correction(form, current.row) if action == "correct" else Correction()
    try:
        review(_engine(request), key, action, change, note=form.get("note") or None, author=form.get("author") or None)
    except TrackError as err:
        return str(err)
    return None


@router.post("/statements/{key}/review", response_class=HTMLResponse)
async def statement_review(request: Request, key: str) -> Response:
    form = await _form(request)
    try:
        require_editor(request, form)
    except WriteRefused as err:
        return _refused(request, err)
    error = await run_in_threadpool(_review, request, key, form)
    if error is not None:
        return render_statement(request, key, error=error, status_code=422)
    return _see(f"/statements/{quote(key, safe='')}#review")


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> HTMLResponse:
    return page(request, "upload.html", limit=request.app.state.max_upload_bytes, error=None)


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    """The document of the form's ``file`` field: read, extracted, stored and linked as the
    API's upload does (serve/api/documents.py), then its page."""
    import tempfile
    from pathlib import Path

    from starlette.datastructures import UploadFile

    from pledgebook.serve.api.deps import app_embedder
    from pledgebook.serve.api.documents import ingest_upload, safe_name, save_upload
    from pledgebook.serve.api.errors import ApiError

    limit = request.app.state.max_upload_bytes
    async with request.form(max_files=1, max_fields=4) as form:
        try:
            require_editor(request, form)
        except WriteRefused as err:
            return _refused(request, err)
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return page(request, "upload.html", 422, limit=limit, error="choose a document to upload")
        name = safe_name(upload.filename)
        with tempfile.TemporaryDirectory(prefix="pledgebook-upload-") as tmp:
            path = Path(tmp) / name
            await run_in_threadpool(save_upload, upload, path)
            try:
                result = await run_in_threadpool(ingest_upload, _engine(request), path, name,
                                                 request.app.state.read_limits, app_embedder(request))
            except ApiError as err:
                return page(request, "upload.html", err.status_code, limit=limit, error=f"{err.error}: {err.extra}")
    return _see(f"/documents/{result['document']['id']}?uploaded={result['outcome']}")
