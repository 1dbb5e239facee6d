"""pledgebook: a source-grounded ledger of diplomatic commitments.

Python API (imported lazily: ``import pledgebook`` or ``pledgebook.core`` loads no model)::

    import pledgebook

    record = pledgebook.extract("Peru will open a consulate in Lima.")   # text, or a path
    record = pledgebook.extract("statement.md", ner=False)
    extractor = pledgebook.Extractor()            # reusable, safe to share between threads
    record = extractor.extract_text(text, source="statement.txt")

Both return an ``ExtractionRecord`` (``pledgebook.core.data``; docs/record.md).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"
__all__ = ["Extractor", "extract", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        return importlib.import_module("pledgebook.extract")  # the package, callable as extract()
    if name == "Extractor":
        from pledgebook.extract.pipeline import Extractor

        return Extractor
    raise AttributeError(f"module 'pledgebook' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "Extractor", "extract"])
