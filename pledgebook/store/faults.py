"""Database errors that stop a write, in one line a user can act on.

A writer that meets one of these has lost only its open transaction (a document, a linking
pass): everything committed before stays, whole, and the next run finishes the rest
(``store.resume``). The commands print ``describe_fault`` and what to run; never a traceback.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

_REASON_CHARS = 200
# (what happened, lower-case markers in the driver's message), first match wins.
_FAULTS = (
    ("the disk is full", ("disk is full", "no space left", "could not extend file", "could not write to file")),
    ("the ledger is read-only", ("readonly database", "read-only file system", "read-only transaction")),
    ("another process holds the ledger's write lock", ("database is locked",)),
    ("the disk refused a write (is it full, or over a file size limit?)", ("disk i/o error", "file too large")),
    ("the connection to the database server was lost", (
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
    return "the connection to the database server was lost" if err.connection_invalidated else None
