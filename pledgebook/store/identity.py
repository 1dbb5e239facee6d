"""Stable statement keys: a statement keeps its key when its document is re-extracted and it
is the same statement, even if its span moved or was re-cut (docs/storage.md, "Stable keys").

A re-extraction is always of the same stored text, so old and new statements are spans of one
text. The new run's statements are aligned with the previous current run's:

1. **Same text.** Statements whose normalised texts (case, spacing and the punctuation at
   either end ignored) are equal pair up, nearest start first.
2. **Re-cut.** Of the rest, statements whose spans overlap pair up when the rapidfuzz ratio
   of their normalised texts is at least ``SIMILARITY``: most similar first, then nearest.

Each stored statement gives its key to at most one new statement. New statements left over
are aligned the same way with statements of older runs (a statement that one run missed gets
its key back when it returns). Any still unmatched get a fresh key: their record id, or
``<record id>#2``, ``#3``... when that key already names another statement in the ledger.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from pledgebook.core.data import Statement as RecordStatement
from pledgebook.store.models import ExtractionRun, Statement

SIMILARITY = 80.0  # rapidfuzz ratio (0-100) from which an overlapping re-cut span is the same statement
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_IN_CHUNK = 500


class Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Keyed:
    """A stored statement: its stable key and where it is in the document's text."""

    key: str
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    return _EDGES.sub("", " ".join(text.split()).casefold())


def align(old: Sequence[Keyed], new: Sequence[Spanned]) -> list[str | None]:
    """For each of ``new``, the key of the statement of ``old`` it continues, or None."""
    old_norm = [normalise(o.text) for o in old]
    new_norm = [normalise(n.text) for n in new]
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, norm in enumerate(old_norm):
        by_text[norm].append(i)
    same_text = [
        (abs(old[i].start - n.start), old[i].start, n.start, i, j)
        for j, n in enumerate(new) for i in by_text.get(new_norm[j], ())
    ]
    keys: list[str | None] = [None] * len(new)
    taken: set[int] = set()
    _pair(sorted(same_text), old, keys, taken)
    recut = []
    for j, n in enumerate(new):
        if keys[j] is not None:
            continue
        for i, o in enumerate(old):
            if i in taken or not (o.start < n.end and n.start < o.end):
                continue
            score = fuzz.ratio(old_norm[i], new_norm[j])
            if score >= SIMILARITY:
                recut.append((-score, abs(o.start - n.start), o.start, n.start, i, j))
    _pair(sorted(recut), old, keys, taken)
    return keys


def _pair(candidates: Iterable[tuple], old: Sequence[Keyed], keys: list[str | None], taken: set[int]) -> None:
    """Accept candidates (best first, old index and new index last) one to one."""
    for *_, i, j in candidates:
        if i not in taken and keys[j] is None:
            taken.add(i)
            keys[j] = old[i].key


def carry_keys(new: Sequence[Spanned], previous: Sequence[Keyed], older: Sequence[Keyed]) -> list[str | None]:
    """Keys carried over from the previous current run, then from older runs, else None."""
    keys = align(previous, new)
    rest = [j for j, k in enumerate(keys) if k is None]
    used = set(keys)
    pool = [o for o in older if o.key not in used]
    if rest and pool:
        for j, key in zip(rest, align(pool, [new[j] for j in rest])):
            keys[j] = key
    return keys


def stable_keys(session: Session, document_id: int | None, statements: Sequence[RecordStatement]) -> list[str]:
    """Stable keys for the statements of a new run of ``document_id`` (None: a new document)."""
    previous, older = _stored(session, document_id) if document_id is not None else ([], [])
    keys = carry_keys(statements, previous, older)
    taken = {o.key for o in (*previous, *older)} | {k for k in keys if k is not None}
    fresh = iter(_fresh_keys(session, [st.id for st, k in zip(statements, keys) if k is None], taken))
    return [k if k is not None else next(fresh) for k in keys]


def _stored(session: Session, document_id: int) -> tuple[list[Keyed], list[Keyed]]:
    """(statements of the current run, the latest statement of every other key in older runs)."""
    rows = session.execute(
        select(Statement.stable_key, Statement.start, Statement.end, Statement.text, ExtractionRun.is_current)
        .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(Statement.document_id == document_id)
        .order_by(ExtractionRun.id.desc(), Statement.start)
    ).all()
    previous = [Keyed(k, s, e, t) for k, s, e, t, current in rows if current]
    seen = {o.key for o in previous}
    older = []
    for key, start, end, text, current in rows:
        if not current and key not in seen:
            seen.add(key)
            older.append(Keyed(key, start, end, text))
    return previous, older


def _fresh_keys(session: Session, record_ids: Sequence[str], taken: set[str]) -> list[str]:
    """A key per record id that names no other statement: the record id itself if free."""
    taken = set(taken)
    while True:
        keys, claimed = [], set(taken)
        for rid in record_ids:
            key, n = rid, 1
            while key in claimed:
                n += 1
                key = f"{rid}#{n}"
            claimed.add(key)
            keys.append(key)
        clashes = _in_ledger(session, keys)  # e.g. hand-made records reusing another document's ids
        if not clashes:
            return keys
        taken |= clashes


def _in_ledger(session: Session, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), _IN_CHUNK):
        chunk = list(keys[start : start + _IN_CHUNK])
        found.update(session.scalars(select(Statement.stable_key).where(Statement.stable_key.in_(chunk))))
    return found
