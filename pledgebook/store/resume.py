"""What an interrupted writer left for the next one to finish.

Every write of the ledger is a transaction (a document with its run and statements; a linking
pass with its threads, membership log and embeddings; a status or review entry), so a process
killed at any moment leaves whole documents and whole passes, never half of one. What a kill
can leave is *work not done yet*: runs stored but not threaded (killed while linking, or
``ingest --no-link``). A run is marked ``linked_at`` in the linker's own transaction, so
``unlinked_runs`` is exactly that work, and the next ``ingest`` or ``link`` finishes it
(docs/storage.md, "Faults and resumption").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from pledgebook.store.models import UNLINKED, ExtractionRun

_CHUNK = 500


def unlinked_runs(session: Session) -> list[int]:
    """Ids of the current runs whose statements the linker has not threaded yet."""
    return list(session.scalars(select(ExtractionRun.id).where(text(UNLINKED)).order_by(ExtractionRun.id)))


def count_unlinked(engine: Engine) -> int:
    """How many documents' current runs wait for linking (cheap: a partial index answers)."""
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(ExtractionRun).where(text(UNLINKED))) or 0


def mark_linked(session: Session, run_ids: Sequence[int], now: dt.datetime) -> None:
    """Record that ``run_ids`` are threaded, in the linking pass's own transaction."""
    for start in range(0, len(run_ids), _CHUNK):
        session.execute(update(ExtractionRun).where(ExtractionRun.id.in_(run_ids[start : start + _CHUNK]))
                        .values(linked_at=now))
