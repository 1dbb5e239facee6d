"""Errors as JSON, never a traceback: ``{"error": one line, "detail": more}``.

Every error under ``/api`` is answered this way (404, 405, 413, 422, 500 ...). Elsewhere (the
web pages) an error goes to ``app.state.page_error`` when the web UI sets one, else it is a
plain-text line; a 500 never shows its cause, which only the server log has.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import typer
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException

API_PREFIX = "/api"


class ApiError(HTTPException):
    """An error with its one-line message and, optionally, structured detail."""

    def __init__(self, status: int, error: str, detail: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, error, headers)
        self.error, self.extra = error, detail


def error_body(status: int, error: str, detail: Any = None) -> dict:
    return {"error": error, "detail": detail if detail is not None else HTTPStatus(status).phrase}


def _answer(request: Request, status: int, error: str, detail: Any = None,
            headers: dict[str, str] | None = None) -> Response | Awaitable[Response]:
    if request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json":
        return JSONResponse(error_body(status, error, detail), status, headers=headers)
    page_error: Callable[..., Response | Awaitable[Response]] | None = getattr(request.app.state, "page_error", None)
    if page_error is not None:
        return page_error(request, status, error)
    return PlainTextResponse(f"{status} {error}\n", status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if isinstance(exc, ApiError):
        answer = _answer(request, exc.status_code, exc.error, exc.extra, exc.headers)
    else:
        phrase = HTTPStatus(exc.status_code).phrase
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
        if exc.status_code in (404, 405) and detail is None:
            detail = f"no {request.method} {request.url.path}"
        answer = _answer(request, exc.status_code, phrase.lower(), detail, exc.headers)
    return await answer if isinstance(answer, Awaitable) else answer


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc)


async def _invalid(request: Request, exc: Exception) -> Response:
    """A request that fails validation: each problem as {where, message}, without echoing
    the input (which may be large, or the very thing that is wrong)."""
    assert isinstance(exc, RequestValidationError)
    problems = [{"where": _where(e.get("loc", ())), "message": e.get("msg", "invalid")} for e in exc.errors()]
    loc = tuple(exc.errors()[0].get("loc", ())) if problems else ()
    name = _where(loc[1:] if len(loc) > 1 and loc[0] in ("query", "path", "body") else loc) or "request"
    message = problems[0]["message"] if problems else "invalid"
    answer = _answer(request, 422, f"invalid {name}: {message}", problems)
    return await answer if isinstance(answer, Awaitable) else answer


async def _bad_parameter(request: Request, exc: Exception) -> Response:
    """A filter value the shared checks refuse (serve/filters.py): their message lists the
    valid ids; the hint names the option, which the API calls by its query name."""
    assert isinstance(exc, typer.BadParameter)
    where = (exc.param_hint or "query").lstrip("-") if isinstance(exc.param_hint, str) else "query"
    message = exc.message
    answer = _answer(request, 422, f"invalid {where}: {message}", [{"where": f"query.{where}", "message": message}])
    return await answer if isinstance(answer, Awaitable) else answer


async def _crash(request: Request, exc: Exception) -> Response:
    # Starlette re-raises ``exc`` after this answer is sent, so the server logs its traceback.
    answer = _answer(request, 500, "internal error",
                     "the server could not answer this request; the server's log has the cause")
    return await answer if isinstance(answer, Awaitable) else answer


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(typer.BadParameter, _bad_parameter)
    app.add_exception_handler(Exception, _crash)
