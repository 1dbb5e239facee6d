"""Analysts' review of extracted statements, as the views read it (migration 0006).

``review_corrections`` is append-only; what a statement looks like now is the fold of its
entries in order: ``correct`` sets fields (kind, actors, strength, sectors, entities, span),
``reject`` hides the statement, ``accept`` shows it again and marks it reviewed, ``add`` is a
statement the machine missed. Entries refer to the stable key, so they apply to whichever run
of the document is current; ``overlaid`` applies them to a view's rows (ledger, export, threads,
dossiers: the one place, so the API sees the same).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledgebook.store.models import ReviewCorrection

# non_state_actors and actor_source come with actors (track/actors.py); entity_kinds with the
# entities an added statement took from the entity finder (track/review.py)
CORRECTABLE = ("kind", "actors", "non_state_actors", "actor_source", "strength", "sectors", "entities",
               "entity_kinds", "start", "end", "text")
ADDED_PREFIX = "added:"  # the stable key of a statement an analyst added: added:<doc id>:<start>-<end>
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Review:
    """The fold of one statement's review entries."""

    key: str
    document_id: int  # the documents table's id
    state: str  # accepted | rejected | corrected | added
    fields: dict[str, Any] = field(default_factory=dict)  # what the analyst set, over the machine's values
    entries: int = 0
    author: str = ""  # of the latest entry

    @property
    def hidden(self) -> bool:
        return self.state == "rejected"


def fold(entries: Iterable[ReviewCorrection]) -> dict[str, Review]:
    """Each key's review, from its entries in the order they were made."""
    out: dict[str, Review] = {}
    for e in entries:
        prev = out.get(e.statement_key)
        fields = dict(prev.fields) if prev else {}
        given = {k: v for k, v in (e.fields or {}).items() if k in CORRECTABLE}
        if "actors" in given and "non_state_actors" not in given:  # an entry made before non-state actors: parties
            given["non_state_actors"] = []
        fields.update(given)
        if e.action == "add":
            state = "added"
        elif e.action == "reject":
            state = "rejected"
        elif prev is not None and prev.state == "added":
            state = "added"  # an added statement stays one whatever is said of it later
        else:
            state = "corrected" if e.action == "correct" or (fields and e.action == "accept") else "accepted"
        out[e.statement_key] = Review(e.statement_key, e.document_id, state, fields,
                                      (prev.entries if prev else 0) + 1, e.author)
    return out


def reviews(session: Session, keys: Iterable[str] | None = None) -> dict[str, Review]:
    """The review of every reviewed statement (of ``keys`` only, when given)."""
    stmt = select(ReviewCorrection).order_by(ReviewCorrection.id)
    if keys is not None:
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return {}
        found: list[ReviewCorrection] = []
        for start in range(0, len(wanted), 500):
            found += session.scalars(stmt.where(ReviewCorrection.statement_key.in_(wanted[start:start + 500])))
        return fold(sorted(found, key=lambda e: e.id))
    return fold(session.scalars(stmt))


def overlaid(rows: Iterable[T], key_of: str, found: dict[str, Review]) -> list[T]:
    """``rows`` (dataclasses) with their reviews applied: rejected ones left out, corrected
    fields replaced where the row has them."""
    out = []
    for row in rows:
        review = found.get(getattr(row, key_of))
        if review is None:
            out.append(row)
        elif not review.hidden:
            names = {f.name for f in dataclasses.fields(row)}  # type: ignore[arg-type]
            out.append(dataclasses.replace(row, **{k: v for k, v in review.fields.items() if k in names}))  # type: ignore[type-var]
    return out
