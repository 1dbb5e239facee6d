"""The web pages: server-rendered (Jinja2 templates, SVG charts), static CSS and one small
script served by the app itself (nothing from a CDN, no build step). ``install(app)`` adds
them to the FastAPI app of serve/app.py; docs/web.md describes the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """Mount the static files at /static and the page routes (/, /documents, /ledger, /threads,
    /dossiers, /diff, /report, /statements, /upload, /signin) on ``app``, whose ``state.engine`` is the ledger."""
    from fastapi.staticfiles import StaticFiles

    from pledgebook.serve.web.pages import HERE, error_page, router
    from pledgebook.serve.web.writes import router as writes

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    app.include_router(writes)  # sign-in, status, review and upload forms (serve/web/writes.py)
    app.state.page_error = error_page  # errors outside /api are pages too
