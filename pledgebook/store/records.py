"""Read a stored document back as its extraction record: the current run's statements, with
every field the record had (non-state actors and a year-only document date included, since
migration 0007), so that ``load_record`` of what ``ingest_record`` stored equals the record."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from pledgebook.core.data import DocumentMeta, EntityMention, ExtractionRecord, When
from pledgebook.core.data import Statement as RecordStatement
from pledgebook.store.models import Document, ExtractionRun, Statement


def load_record(target: Engine | Session, content_hash: str) -> ExtractionRecord | None:
    """The record of the current extraction of the text with this sha256, or None when no
    such text is stored. Analysts' reviews are not applied: this is the machine's record."""
    if isinstance(target, Engine):
        with Session(target) as session:
            return load_record(session, content_hash)
    found = target.execute(
        select(Document, ExtractionRun)
        .join(ExtractionRun, ExtractionRun.document_id == Document.id)
        .where(Document.content_hash == content_hash, ExtractionRun.is_current.is_(True))
    ).first()
    if found is None:
        return None
    doc, run = found
    statements = target.scalars(
        select(Statement).where(Statement.run_id == run.id)
        .order_by(Statement.id).options(selectinload(Statement.entities))
    ).all()
    return ExtractionRecord(
        record_version=run.record_version,
        document=_meta(doc),
        statements=[_statement(st) for st in statements],
        agreements_signed=run.agreements_signed,
    )


def _meta(doc: Document) -> DocumentMeta:
    # a document stored before migration 0007 has no record_date: its date column's day
    date = doc.record_date or (doc.date.isoformat() if doc.date else None)
    return DocumentMeta(id=doc.record_id, source=doc.source, title=doc.title, date=date, place=doc.place,
                        parties=list(doc.parties), kind=doc.kind, content_hash=doc.content_hash, chars=doc.chars)


def _statement(st: Statement) -> RecordStatement:
    return RecordStatement(
        id=st.record_id, start=st.start, end=st.end, text=st.text, kind=st.kind, actors=list(st.actors),
        strength=st.strength, sectors=list(st.sectors),
        entities=[EntityMention(name=e.name, kind=e.kind, start=e.start, end=e.end, surface=e.surface, source=e.source)
                  for e in sorted(st.entities, key=lambda e: e.id)],
        when=_when(st), plover=st.plover, cameo=st.cameo, rule=st.rule or "unknown", trigger=st.trigger,
        trigger_words=list(st.trigger_words or ()), actor_source=st.actor_source or "document_parties",
        non_state_actors=list(st.non_state_actors or ()), rationale=st.rationale,
    )


def _when(st: Statement) -> When | None:
    if st.when_text is None or st.when_start is None or st.when_end is None or st.when_kind is None:
        return None
    return When(text=st.when_text, start=st.when_start, end=st.when_end, kind=st.when_kind, date=st.when_date,
                due=st.when_due, precision=st.when_precision, event=st.when_event)
