"""Run the extractor over gold documents."""

from __future__ import annotations

from collections.abc import Sequence

from pledgebook.codebook import Codebook
from pledgebook.core.data import ExtractionRecord, content_hash
from pledgebook.evaluate.gold import GoldDocument, GoldError
from pledgebook.read import ReadError


def extract_gold(docs: Sequence[GoldDocument], jobs: int = 1, *, ner: bool = True,
                 codebook: Codebook | None = None) -> list[ExtractionRecord]:
    """One record per gold document, in order, from the same text the gold was resolved on,
    extracted with ``codebook`` (the bundled one by default) and with or without the NER step
    (``ner``, see ``Extractor``)."""
    from pledgebook.extract.pipeline import extract_paths

    paths = [str(d.text_path) for d in docs]
    directory = codebook.directory if codebook else None
    records: list[ExtractionRecord] = []
    for doc, (_, result) in zip(docs, extract_paths(paths, jobs=jobs, ner=ner, codebook=directory), strict=True):
        if isinstance(result, ReadError):
            raise GoldError(doc.path, f"cannot read document: {result.reason}")
        if result.document.content_hash != content_hash(doc.text):
            # The file changed between reading the gold and extracting: offsets would not agree.
            raise GoldError(doc.path, f"{doc.text_path} changed while being evaluated")
        records.append(result)
    return records
