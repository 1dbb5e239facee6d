"""Extraction: from a document to its record.

``pledgebook.extract(text_or_path)`` (this package, called) returns the record of one
document; ``pledgebook.Extractor`` (``pledgebook.extract.pipeline``) is the reusable
extractor behind it. Nothing heavy is imported until a document is extracted.
"""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pledgebook.core.data import ExtractionRecord
    from pledgebook.read.base import RawDocument


def extract(text_or_path: str | os.PathLike[str], *, source: str | None = None, ner: bool = True) -> ExtractionRecord:
    """The extraction record of one document.

    ``text_or_path``: a path (``os.PathLike``, or a ``str`` naming an existing file) is read
    with ``pledgebook.read`` (.txt, .md, .html, .pdf); any other ``str`` is the text itself.
    ``source`` names the document in the record (default: the path, or ``"<string>"``).
    ``ner``: also run spaCy's NER where a proper noun is unexplained (see ``Extractor``).
    The extractor is built on the first call (a few seconds) and reused, threads included.
    Raises ``pledgebook.read.ReadError`` for a file that cannot be read.
    """
    from pledgebook.extract.pipeline import shared_extractor

    return shared_extractor(ner).extract(_raw_document(text_or_path, source))


def _raw_document(text_or_path: str | os.PathLike[str], source: str | None) -> RawDocument:
    from pledgebook.read import RawDocument, read_document

    if isinstance(text_or_path, os.PathLike) or _is_file(text_or_path):
        return read_document(text_or_path, source=source)
    return RawDocument(source=source or "<string>", text=text_or_path)


def _is_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False  # a text, not a file name
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for the file system, or a NUL inside
        return False


class _CallablePackage(types.ModuleType):
    """``pledgebook.extract`` names both this package and the function above: once the package
    is imported, Python binds the name to it, so the package itself must answer the call."""

    def __call__(self, text_or_path: str | os.PathLike[str], *, source: str | None = None,
                 ner: bool = True) -> ExtractionRecord:
        return extract(text_or_path, source=source, ner=ner)


sys.modules[__name__].__class__ = _CallablePackage
