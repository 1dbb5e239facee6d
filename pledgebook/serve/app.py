"""The web app: the REST API under /api, its docs at /docs, and the web UI's pages.

``create_app(db)`` opens the ledger as the CLI does (a missing SQLite ledger is refused, never
created) and keeps one engine for the app's life on ``app.state.engine``; ``app.state.token``
is the bearer token writes need (None: read-only); ``app.state.embedder_name`` the embedder that
links uploads and compares documents (serve/api/deps.py makes it on first use). Every response carries a
Content-Security-Policy without inline script; every error under /api is JSON.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from pledgebook import __version__
from pledgebook.read.limits import DEFAULT_LIMITS, ReadLimits
from pledgebook.serve.api import api_router
from pledgebook.serve.api.docs import install_docs
from pledgebook.serve.api.errors import install_error_handlers
from pledgebook.serve.api.guards import BodyLimit, SecurityHeaders
from pledgebook.serve.web import install as install_web

MB = 1024 * 1024
DEFAULT_MAX_UPLOAD = 20 * MB


class PledgebookApp(FastAPI):
    def build_middleware_stack(self):  # type: ignore[no-untyped-def]
        # Outside Starlette's error middleware too, so even a 500 carries the security headers.
        return SecurityHeaders(super().build_middleware_stack())


def create_app(db: str | None, *, token: str | None = None, max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
               read_limits: ReadLimits = DEFAULT_LIMITS, embedder: str | None = None) -> FastAPI:
    """The app on the ledger ``db`` (URL or SQLite path; None: $PLEDGEBOOK_DB, else
    ./pledgebook.db). ``read_limits``: how large an uploaded document may be (docs/limits.md).
    ``embedder``: the linker's (hashing, static or blend; None: ``link.embed.default_embedder``).
    Raises ``pledgebook.store.LedgerUnavailable`` (a one-line reason) when there is no usable
    ledger there, ``ValueError`` for an embedder that cannot run here."""
    from pledgebook.link.embed import embedder_name
    from pledgebook.store import open_database

    if max_upload_bytes < 1:
        raise ValueError("max_upload_bytes must be positive")
    chosen = embedder_name(embedder)
    engine = open_database(db, create=False)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = PledgebookApp(title="pledgebook", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Diplomatic commitments, source-grounded: documents, statements, threads, dossiers "
                              "and diffs (docs/api.md). Writes need `Authorization: Bearer TOKEN`.")
    app.state.engine = engine
    app.state.token = token or None
    app.state.max_upload_bytes = max_upload_bytes
    app.state.read_limits = read_limits
    app.state.embedder_name, app.state.embedder = chosen, None
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    app.include_router(api_router())
    install_docs(app)
    install_web(app)  # the pages, /static, and HTML error pages outside /api (serve/web)
    return app
