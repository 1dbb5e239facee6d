"""What endpoints receive: the ledger's engine, the linker's embedder, and the writer's check
(a bearer token)."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from pledgebook.serve.api.errors import ApiError


def _engine(request: Request) -> Engine:
    return request.app.state.engine


Ledger = Annotated[Engine, Depends(_engine)]

_MAKING = threading.Lock()


def app_embedder(request: Request) -> Any:  # -> pledgebook.link.Embedder
    """The embedder the app links and compares with (``create_app(embedder=...)``), made once
    per app and on first use: loading the static model takes a moment."""
    state = request.app.state
    with _MAKING:  # uploads run in a thread pool: two first uses make it once
        if state.embedder is None:
            from pledgebook.link import make_embedder

            state.embedder = make_embedder(state.embedder_name)
    return state.embedder


Embedding = Annotated[Any, Depends(app_embedder)]

# auto_error=False: a missing or malformed header reaches ``require_token``, which answers it
# in the API's own error shape; the scheme still documents the header in /openapi.json.
_bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--token-file or "
                                                   "$PLEDGEBOOK_TOKEN); without one the server is read-only.")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Writes need ``Authorization: Bearer TOKEN`` matching the server's token. No token
    configured: the server is read-only and every write is forbidden (403); a missing or
    wrong token is 401. Runs before the endpoint reads a request body."""
    expected: str | None = request.app.state.token
    if not expected:
        raise ApiError(403, "read-only server",
                       "this server was started without a token, so it accepts no writes "
                       "(`pledgebook serve --token-file FILE` or $PLEDGEBOOK_TOKEN enables them)")
    given = credentials.credentials if credentials is not None else ""
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "unauthorized" if not given else "wrong token",
                       "writes need the header `Authorization: Bearer TOKEN` with the server's token",
                       {"www-authenticate": "Bearer"})


Writer = Depends(require_token)
