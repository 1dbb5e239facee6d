"""Database errors that stop a write, in one line a user can act on.

A writer that meets one of these has lost only its open transaction (a document, a linking
pass): everything committed before stays, whole, and the next run finishes the rest
(``store.resume``). The commands print ``describe_fault`` and what to run; never a traceback.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

T = TypeVar("T")
LOST_CONNECTION = "the connection to the database server was lost"

_REASON_CHARS = 200
# (what happened, lower-case markers in the driver's message), first match wins.
_FAULTS = (
    ("the disk is full", ("disk is full", "no space left", "could not extend file", "could not write to file")),
    ("the ledger is read-only", ("readonly database", "read-only file system", "read-only transaction")),
    ("another process holds the ledger's write lock", ("database is locked",)),
    ("the disk refused a write (is it full, or over a file size limit?)", ("disk i/o error", "file too large")),
    (LOST_CONNECTION, (
        "server closed the connection", "terminating connection", "connection refused", "could not connect",
        "connection failed", "consuming input failed", "the database system is shutting down",
        "the database system is starting up", "connection is closed", "connection timed out",
        "server conn crashed", "connection reset")),
)


def describe_fault(err: DBAPIError) -> str:
    """``what happened (the driver's own words)`` for a database error met while writing."""
    reason = _reason(err)
    return f"{_what(err, reason) or 'the database refused a write'} ({reason})"


def is_fault(err: DBAPIError) -> bool:
    """A fault of the machine or the server (disk, permissions, connection), not of the request."""
    return _what(err, _reason(err)) is not None


def _reason(err: DBAPIError) -> str:
    reason = " ".join(str(err.orig if err.orig is not None else err).split())  # drivers spread one error over lines
    return reason if len(reason) <= _REASON_CHARS else reason[: _REASON_CHARS - 1].rstrip() + "…"


def _what(err: DBAPIError, reason: str) -> str | None:
    lowered = reason.casefold()
    for what, markers in _FAULTS:
        if any(marker in lowered for marker in markers):
            return what
    return LOST_CONNECTION if err.connection_invalidated else None


def lost_connection(err: DBAPIError) -> bool:
    """The server went away (restarted, crashed, unreachable): the same write may succeed later."""
    return _what(err, _reason(err)) == LOST_CONNECTION


@dataclass(frozen=True, slots=True)
class Reconnect:
    """How long a writer keeps retrying a transaction the database server dropped (a restart
    of PostgreSQL takes seconds). A retried transaction is safe: the lost one was rolled back
    whole, and a document stored after all is found stored, not stored twice.
    ``seconds``: 0 never retries; ``on_retry`` is told each retry (the error, the wait)."""

    seconds: float = 0.0
    on_retry: Callable[[DBAPIError, float], None] = lambda err, wait: None
    first_wait: float = 0.5
    longest_wait: float = 5.0

    def run(self, action: Callable[[], T]) -> T:
        """``action()``, run again after a lost connection until ``seconds`` have passed since
        the first loss; then (or for any other error) its error is raised."""
        deadline: float | None = None
        wait = self.first_wait
        while True:
            try:
                return action()
            except DBAPIError as err:
                if not lost_connection(err):
                    raise
                now = time.monotonic()
                deadline = deadline if deadline is not None else now + self.seconds
                if now + wait > deadline:
                    raise
                self.on_retry(err, wait)
                time.sleep(wait)
                wait = min(2 * wait, self.longest_wait)


NO_RECONNECT = Reconnect()
