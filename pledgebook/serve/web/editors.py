"""Who may write through the pages: the same server token as the API's bearer token.

An analyst signs in once with the token (a form); the browser then holds a session cookie
(HttpOnly, SameSite=Strict) whose value is derived from the token, never the token itself.
Every write form carries a CSRF field derived from the token too, checked on each POST. A
server started without a token is read-only: no write form is shown and every write is a 403.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any

from fastapi import Request

SESSION_COOKIE = "pledgebook_session"


@dataclass(frozen=True, slots=True)
class Editor:
    """A signed-in visitor; ``csrf`` goes in every write form."""

    csrf: str


class WriteRefused(Exception):
    """A write the pages cannot accept: ``status`` 403 (read-only server, a bad form token) or
    401 (not signed in); the message is one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _derived(token: str, purpose: str) -> str:
    return hmac.new(token.encode(), f"pledgebook web {purpose}".encode(), hashlib.sha256).hexdigest()


def server_token(request: Request) -> str | None:
    return request.app.state.token or None


def session_value(token: str) -> str:
    return _derived(token, "session")


def token_matches(request: Request, given: str) -> bool:
    expected = server_token(request)
    return bool(expected and given) and hmac.compare_digest(given.encode(), expected.encode())  # type: ignore[union-attr]


def editor(request: Request) -> Editor | None:
    """The signed-in visitor of ``request``, or None."""
    token = server_token(request)
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if not token or not cookie or not hmac.compare_digest(cookie.encode(), session_value(token).encode()):
        return None
    return Editor(_derived(token, "csrf"))


def require_editor(request: Request, form: Any) -> Editor:
    """The editor who sent this write form; ``WriteRefused`` when the server is read-only, the
    visitor is not signed in, or the form's CSRF field is not this server's."""
    if server_token(request) is None:
        raise WriteRefused(403, "this server is read-only: it was started without a token, so it accepts no changes")
    who = editor(request)
    if who is None:
        raise WriteRefused(401, "sign in with the server's token to make changes")
    sent = str(form.get("csrf", ""))
    if not hmac.compare_digest(sent.encode(), who.csrf.encode()):
        raise WriteRefused(403, "this form is stale or was not sent from this site: reload the page and try again")
    return who


_LOCAL_PATH = re.compile(r"/(?![/\\])[\w\-./~%?=&#:+,;@]*")


def safe_next(value: str | None) -> str:
    """A path on this site to go back to after signing in: never another site (no ``//``, no
    backslash, no whitespace or control character a browser would drop to make one)."""
    return value if value and _LOCAL_PATH.fullmatch(value) else "/"
