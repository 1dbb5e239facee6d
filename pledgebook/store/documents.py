"""Stored documents: a page of them, newest ingested first, and one by id, with its text
and current extraction (what the API's /documents serve; statements come from the ledger)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, defer

from pledgebook.store.models import Document, ExtractionRun, Statement

_RECORD_ID = re.compile(r"[0-9a-f]{16}")  # an extraction record's document id: the text's hash, cut


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int  # the documents table's row id
    record_id: str  # the extraction record's document id (as in `extract` and the ledger's rows)
    source: str
    title: str | None
    date: str | None
    place: str | None
    parties: list[str]
    kind: str
    chars: int
    ingested_at: str
    extractor_version: str | None  # of the current run
    codebook_version: str | None
    agreements_signed: int | None
    statements: int  # in the current run

    def to_dict(self) -> dict:
        return asdict(self)


def _summaries(session: Session, where: list, limit: int | None = None, *, text: bool = False,
               ) -> list[tuple[DocumentSummary, Document]]:
    count = (select(func.count(Statement.id)).where(Statement.run_id == ExtractionRun.id)
             .correlate(ExtractionRun).scalar_subquery())
    stmt = (
        select(Document, ExtractionRun, count)
        .outerjoin(ExtractionRun, (ExtractionRun.document_id == Document.id) & ExtractionRun.is_current.is_(True))
        .where(*where)
        .order_by(Document.id.desc())
    )
    if not text:
        stmt = stmt.options(defer(Document.text))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [(_summary(doc, run, n or 0), doc) for doc, run, n in session.execute(stmt)]


def _summary(doc: Document, run: ExtractionRun | None, statements: int) -> DocumentSummary:
    return DocumentSummary(
        id=doc.id, record_id=doc.record_id, source=doc.source, title=doc.title,
        date=doc.date.isoformat() if doc.date else None, place=doc.place, parties=list(doc.parties),
        kind=doc.kind, chars=doc.chars, ingested_at=doc.ingested_at.isoformat(),
        extractor_version=run.extractor_version if run else None,
        codebook_version=run.codebook_version if run else None,
        agreements_signed=run.agreements_signed if run else None, statements=statements,
    )


def list_documents(engine: Engine, *, size: int, before: int | None = None) -> tuple[list[DocumentSummary], int | None]:
    """Up to ``size`` documents, newest ingested first, with row ids below ``before``; and the
    ``before`` of the next page (None on the last page)."""
    with Session(engine) as session:
        found = _summaries(session, [Document.id < before] if before is not None else [], size + 1)
    docs = [summary for summary, _ in found[:size]]
    return docs, (docs[-1].id if len(found) > size else None)


def get_document(engine: Engine, ref: str) -> tuple[DocumentSummary, str] | None:
    """A document and its text, by row id or by the extraction record's document id; None
    when no document has that id. Only ids: a path is never read (the API hands refs here)."""
    if ref.isdigit():
        where = Document.id == int(ref)
    elif _RECORD_ID.fullmatch(ref):
        where = Document.record_id == ref
    else:
        return None
    with Session(engine) as session:
        found = _summaries(session, [where], 2, text=True)
    if len(found) != 1:
        return None
    summary, doc = found[0]
    return summary, doc.text
