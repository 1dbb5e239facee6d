"""The web application: the ledger's pages (serve/web) behind a Content-Security-Policy that
forbids inline script. A minimal version: the REST API under /api is added by serve/api."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from pledgebook.serve import web

CSP = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def create_app(db: str | None, *, token: str | None = None, max_upload_bytes: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """The app over the ledger at ``db`` (URL or SQLite path; ``LedgerUnavailable`` if it cannot open)."""
    from pledgebook.store import open_database

    app = FastAPI(title="pledgebook")
    app.state.engine = open_database(db, create=False)
    app.state.token = token
    app.state.max_upload_bytes = max_upload_bytes

    @app.middleware("http")
    async def content_security_policy(request: Request, call_next) -> Response:  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        return response

    @app.exception_handler(HTTPException)
    @app.exception_handler(RequestValidationError)
    async def error_as_page(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 422
        detail = exc.detail if isinstance(exc, HTTPException) else "; ".join(e["msg"] for e in exc.errors())  # type: ignore[attr-defined]
        return app.state.page_error(request, status, str(detail))

    web.install(app)
    return app
