"""Store extraction records: one transaction per document, idempotent by content hash.

- A text already stored (same sha256) is not stored again.
- If its current extraction run came from the same extractor and codebook versions, the
  record is skipped (``unchanged``); otherwise a new run is added and made current, and the
  old run's statements stay for provenance (``reextracted``). The new run's statements take
  over the stable keys of the statements they continue (``store.identity``).
- Everything for one document happens in one transaction: an error midway leaves nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pledgebook.core.data import ExtractionRecord, content_hash
from pledgebook.core.data import Statement as RecordStatement
from pledgebook.store.engine import writer
from pledgebook.store.identity import stable_keys
from pledgebook.store.models import (
    Document,
    ExtractionRun,
    Statement,
    StatementActor,
    StatementEntity,
    StatementSector,
)


class Outcome(str, Enum):
    new = "new"
    unchanged = "unchanged"
    reextracted = "re-extracted"


@dataclass(frozen=True, slots=True)
class IngestResult:
    outcome: Outcome
    document_id: int
    run_id: int  # the current run after this call
    statements: int  # statements in the current run


def ingest_record(
    target: Engine | Session,
    record: ExtractionRecord,
    text: str,
    *,
    extractor_version: str,
    codebook_version: str,
) -> IngestResult:
    """Store ``record`` (extracted from ``text``) in the ledger.

    With an ``Engine`` the document gets its own transaction, committed on return. With a
    ``Session`` the work runs in a transaction (a savepoint if one is already open) that the
    caller's session commits.
    """
    _check(record, text)
    if isinstance(target, Session):
        with target.begin_nested() if target.in_transaction() else target.begin():
            return _store(target, record, text, extractor_version, codebook_version)
    for attempt in range(2):
        try:
            with Session(writer(target), expire_on_commit=False) as session, session.begin():
                return _store(session, record, text, extractor_version, codebook_version)
        except IntegrityError:
            # Another process stored the same text between our lookup and insert (possible on
            # PostgreSQL; SQLite writers are serialised): the retry finds it stored.
            if attempt == 1 or not _hash_stored(target, record.document.content_hash):
                raise
    raise AssertionError("unreachable")


def stored_versions(session: Session, content_hash: str) -> tuple[str, str] | None:
    """(extractor_version, codebook_version) of the current run for a stored text, else None."""
    row = session.execute(
        select(ExtractionRun.extractor_version, ExtractionRun.codebook_version)
        .join(Document, Document.id == ExtractionRun.document_id)
        .where(Document.content_hash == content_hash, ExtractionRun.is_current.is_(True))
    ).first()
    return (row[0], row[1]) if row else None


def _check(record: ExtractionRecord, text: str) -> None:
    """Refuse a record that does not belong to ``text``: the ledger stores only grounded spans."""
    meta = record.document
    if content_hash(text) != meta.content_hash:
        raise ValueError(f"{meta.source}: record content_hash does not match the text")
    if len(text) != meta.chars:
        raise ValueError(f"{meta.source}: record says {meta.chars} chars, the text has {len(text)}")
    record.check_grounding(text)
    if meta.date is not None:
        _date_column(meta.date)  # ValueError on anything but an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)


def _date_column(value: str | None) -> dt.date | None:
    """The date column for an ISO date; a year or month alone is stored as its first day
    (so date-range filters include it) while the record keeps the partial date."""
    if not value:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 1, 1)
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1)
    return dt.date.fromisoformat(value)


def _hash_stored(engine: Engine, digest: str) -> bool:
    with Session(engine) as session:
        return session.scalar(select(Document.id).where(Document.content_hash == digest)) is not None


def _store(session: Session, record: ExtractionRecord, text: str, extractor: str, codebook: str) -> IngestResult:
    meta = record.document
    doc = session.scalar(select(Document).where(Document.content_hash == meta.content_hash))
    outcome = Outcome.new
    if doc is None:
        keys = stable_keys(session, None, record.statements)
        doc = Document(content_hash=meta.content_hash, chars=meta.chars, text=text)
        _describe(doc, record)
        session.add(doc)
    else:
        current = session.scalar(
            select(ExtractionRun).where(ExtractionRun.document_id == doc.id, ExtractionRun.is_current.is_(True))
        )
        if current is not None and (current.extractor_version, current.codebook_version) == (extractor, codebook):
            count = session.scalar(select(func.count()).where(Statement.run_id == current.id)) or 0
            return IngestResult(Outcome.unchanged, doc.id, current.id, count)
        keys = stable_keys(session, doc.id, record.statements)  # before the old run stops being current
        if current is not None:
            current.is_current = False
            session.flush()  # the partial unique index allows one current run at a time
        _describe(doc, record)  # the current run's reading of the document (its parties may differ)
        outcome = Outcome.reextracted

    run = ExtractionRun(
        document=doc,
        extractor_version=extractor,
        codebook_version=codebook,
        record_version=record.record_version,
        agreements_signed=record.agreements_signed,
        is_current=True,
    )
    session.add(run)
    add_statements(session, run, doc, record.statements, keys)
    session.flush()
    return IngestResult(outcome, doc.id, run.id, len(record.statements))


def _describe(doc: Document, record: ExtractionRecord) -> None:
    """Set ``doc``'s metadata to what ``record`` (the current extraction) says of it."""
    meta = record.document
    doc.record_id, doc.source, doc.title, doc.place, doc.kind = meta.id, meta.source, meta.title, meta.place, meta.kind
    doc.date, doc.record_date, doc.parties = _date_column(meta.date), meta.date, list(meta.parties)


def add_statements(
    session: Session, run: ExtractionRun, doc: Document, statements: list[RecordStatement], keys: list[str]
) -> None:
    """Add the record's statements to ``run``, each with its stable key (``keys``, in order)."""
    for st, key in zip(statements, keys, strict=True):
        when = st.when
        session.add(
            Statement(
                run=run,
                document=doc,
                record_id=st.id,
                stable_key=key,
                start=st.start,
                end=st.end,
                text=st.text,
                kind=st.kind,
                actors=list(st.actors),
                non_state_actors=list(st.non_state_actors),
                strength=st.strength,
                sectors=list(st.sectors),
                when_text=when.text if when else None,
                when_kind=when.kind if when else None,
                when_date=when.date if when else None,
                when_start=when.start if when else None,
                when_end=when.end if when else None,
                when_due=when.due if when else None,
                when_precision=when.precision if when else None,
                when_event=when.event if when else None,
                plover=st.plover,
                cameo=st.cameo,
                rationale=st.rationale,
                rule=st.rule,
                trigger=st.trigger,
                trigger_words=list(st.trigger_words),
                actor_source=st.actor_source,
                entities=[
                    StatementEntity(
                        name=e.name, kind=e.kind, start=e.start, end=e.end, surface=e.surface, source=e.source
                    )
                    for e in st.entities
                ],
                # dict.fromkeys: de-duplicate, keep order (the link tables' keys are unique)
                actor_links=[StatementActor(actor=a) for a in dict.fromkeys(st.actors)],
                sector_links=[StatementSector(sector=s) for s in dict.fromkeys(st.sectors)],
            )
        )
