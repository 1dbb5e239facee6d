"""Opaque cursors: where the next page starts, encoded so a client passes it back unread.

A cursor is URL-safe base64 of a small JSON array; one that does not decode to a position
of the expected kind is a 422, never a 500."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from pledgebook.serve.api.errors import ApiError
from pledgebook.store import LedgerPosition

MAX_PAGE = 1000
_MAX_ID = 2**31 - 1  # ids and offsets are 32-bit integers on PostgreSQL: a larger one is no position
DEFAULT_PAGE = 100


def encode(kind: str, *values: Any) -> str:
    raw = json.dumps([kind, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, kind: str, types: tuple[type | tuple[type, ...], ...]) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        values = None
    ok = (isinstance(values, list) and len(values) == len(types) + 1 and values[0] == kind
          and all(isinstance(v, t) and not isinstance(v, bool) for v, t in zip(values[1:], types))
          and all(0 <= v <= _MAX_ID for v in values[1:] if isinstance(v, int)))
    if not ok:
        raise ApiError(422, "invalid cursor", [{"where": "query.cursor",
                                                "message": "not a cursor this listing gave (pass `next` back as it is)"}])
    return values[1:]


def ledger_cursor(position: LedgerPosition) -> str:
    return encode("statements", position.date, position.document, position.start, position.statement, position.end)


def ledger_position(cursor: str) -> LedgerPosition:
    date, document, start, statement, end = _decode(cursor, "statements", ((str, type(None)), int, int, int, int))
    if date is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise ApiError(422, "invalid cursor", [{"where": "query.cursor", "message": "bad date"}]) from None
    return LedgerPosition(date, document, start, statement, end)


def documents_cursor(before: int) -> str:
    return encode("documents", before)


def documents_before(cursor: str) -> int:
    return _decode(cursor, "documents", (int,))[0]
