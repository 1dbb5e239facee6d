"""What endpoints receive: the ledger's engine, and the writer's check (a bearer token)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from pledgebook.serve.api.errors import ApiError


def _engine(request: Request) -> Engine:
    return request.app.state.engine


Ledger = Annotated[Engine, Depends(_engine)]

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
