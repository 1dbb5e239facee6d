"""What every response and request goes through: security headers on each response, and a
cap on request bodies counted as they arrive (an upload over the limit is refused while it
streams, before it is read whole or stored)."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pledgebook.serve.api.errors import API_PREFIX, ApiError, error_body

# No inline script anywhere: pages load their scripts from the app itself (the web UI's
# static files, the API docs' pinned Swagger UI assets).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """Add ``SECURITY_HEADERS`` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _over(limit: int) -> str:
    return f"the request body is over the server's limit of {limit / (1024 * 1024):g} MB ({limit} bytes)"


class BodyTooLarge(ApiError):
    """Raised while a body is read: an HTTP error, so the endpoint reading it answers 413
    through the JSON error handlers (errors.py) whatever it was doing."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, "request too large", _over(limit), {"connection": "close"})


class BodyLimit:
    """Refuse a request whose body is over ``limit`` bytes with a JSON 413: at once when its
    Content-Length says so, else as soon as the bytes received pass the limit (the endpoint,
    still reading, is interrupted and stores nothing)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send, scope)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send, scope)

    async def _refuse(self, send: Send, scope: Scope) -> None:
        """JSON under /api; a line of text for the pages' forms (the upload page's script shows it)."""
        if str(scope.get("path", "")).startswith(API_PREFIX):
            body, kind = json.dumps(error_body(413, "request too large", _over(self.limit))).encode(), b"application/json"
        else:
            body, kind = f"413 request too large: {_over(self.limit)}\n".encode(), b"text/plain; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
