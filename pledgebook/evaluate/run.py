"""Run the extractor over gold documents."""

from __future__ import annotations

from collections.abc import Sequence

from pledgebook.core.data import ExtractionRecord, content_hash
from pledgebook.evaluate.gold import GoldDocument, GoldError
from pledgebook.read import ReadError


def extract_gold(docs: Sequence[GoldDocument], jobs: int = 1, *, ner: bool = True) -> list[ExtractionRecord]:
    """One record per gold document, in order, from the same text the gold was resolved on
    (``ner``: with or without the NER step, see ``Extractor``)."""
    from pledgebook.extract.pipeline import extract_paths

    records: list[ExtractionRecord] = []
    for doc, (_, result) in zip(docs, extract_paths([str(d.text_path) for d in docs], jobs=jobs, ner=ner), strict=True):
        if isinstance(result, ReadError):
            raise GoldError(doc.path, f"cannot read document: {result.reason}")
        if result.document.content_hash != content_hash(doc.text):
            # The file changed between reading the gold and extracting: offsets would not agree.
            raise GoldError(doc.path, f"{doc.text_path} changed while being evaluated")
        records.append(result)
    return records
