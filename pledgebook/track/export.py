"""``review export DIR``: reviewed documents in the gold format of ``pledgebook eval``
(docs/gold-format.md), so an organisation's corrections become its own gold set.

A reviewed document is one with at least one review decision. Its statements are the current
ones as reviewed (rejected left out, corrections applied, added ones in): what ``ledger`` shows.
Each is written with its whole text as the anchor (and the occurrence that points at its span),
the text itself as ``texts/<name>`` with the stored text byte for byte, and every file is read
back with the evaluator's own loader before the command reports success.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePath

import yaml
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.evaluate.gold import GoldError, load_gold
from pledgebook.store.ledger import LedgerFilter, LedgerRow, query_ledger
from pledgebook.store.models import Document
from pledgebook.store.review import reviews
from pledgebook.track.common import TrackError

_GENRES = {"readout": "readout", "news_report": "news_report", "speech": "un_speech",
           "communique": "multilateral_communique", "declaration": "multilateral_communique"}
_READ_AS_IS = (".txt", ".md")  # other sources (HTML, PDF) are stored as their text: written as .txt


@dataclass(frozen=True, slots=True)
class ExportSummary:
    directory: str
    documents: int
    statements: int
    files: list[str]

    def to_dict(self) -> dict:
        return {"directory": self.directory, "documents": self.documents, "statements": self.statements,
                "files": self.files}


def genre(doc: Document) -> str:
    """The scoring group of a stored document, from its kind and parties."""
    if doc.kind == "joint_statement":
        return "bilateral_joint_statement" if len(doc.parties) == 2 else "multilateral_communique"
    return _GENRES.get(doc.kind, "other")


def occurrence(text: str, anchor: str, start: int) -> int:
    """Which match of ``anchor`` starts at ``start``, counted as the gold loader counts (overlapping)."""
    n, pos = 0, -1
    while True:
        pos = text.find(anchor, pos + 1)
        n += 1
        if pos < 0 or pos >= start:
            return n


def _statement(row: LedgerRow, text: str) -> dict:
    anchor = text[row.start:row.end]
    out: dict = {"anchor": anchor, "kind": row.kind, "actors": sorted(set(row.actors))}
    if occurrence(text, anchor, row.start) > 1:
        out["occurrence"] = occurrence(text, anchor, row.start)
    if row.kind == "commitment" and row.strength:
        out["strength"] = row.strength
    out.update(sectors=list(row.sectors), entities=list(row.entities))
    return out


def gold_file(doc: Document, rows: list[LedgerRow], text_name: str) -> dict:
    meta = {"date": doc.date.isoformat() if doc.date else None, "place": doc.place,
            "parties": sorted(doc.parties), "kind": doc.kind}
    return {"document": f"texts/{text_name}", "genre": genre(doc), "metadata": meta,
            "statements": [_statement(r, doc.text) for r in sorted(rows, key=lambda r: (r.start, r.end))]}


def export_reviewed(engine: Engine, directory: Path) -> ExportSummary:
    """Write every reviewed document to ``directory`` (``<stem>.yaml`` and ``texts/``)."""
    with Session(engine) as session:
        doc_ids = {r.document_id for r in reviews(session).values()}
        if not doc_ids:
            raise TrackError("no reviewed document to export (`pledgebook review accept|correct|reject|add` first)")
        docs = list(session.scalars(select(Document).where(Document.id.in_(doc_ids)).order_by(Document.id)))
        by_doc: dict[str, list[LedgerRow]] = defaultdict(list)
        for row in query_ledger(session, LedgerFilter()):
            by_doc[row.document_id].append(row)
    (directory / "texts").mkdir(parents=True, exist_ok=True)
    files, count, taken = [], 0, set()
    for doc in docs:
        stem = _stem(doc, taken)
        name = stem + (PurePath(doc.source).suffix.lower() if PurePath(doc.source).suffix.lower() in _READ_AS_IS else ".txt")
        (directory / "texts" / name).write_bytes(doc.text.encode("utf-8"))
        path = directory / f"{stem}.yaml"
        content = gold_file(doc, by_doc.get(doc.record_id, []), name)
        path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")
        _check(path, len(content["statements"]))
        files.append(str(path))
        count += len(content["statements"])
    return ExportSummary(str(directory), len(docs), count, files)


def _stem(doc: Document, taken: set[str]) -> str:
    stem = PurePath(doc.source.rstrip("/")).stem or doc.record_id
    stem = stem if stem not in taken else f"{stem}-{doc.record_id}"
    taken.add(stem)
    return stem


def _check(path: Path, expected: int) -> None:
    """The evaluator reads the file back, every anchor where it was put."""
    try:
        gold = load_gold(path)
    except GoldError as err:
        raise TrackError(f"exported gold does not load: {err}") from None
    if gold.errors or len(gold.statements) != expected:
        raise TrackError(f"exported gold {path} does not read back: {'; '.join(gold.errors) or 'statements lost'}")
