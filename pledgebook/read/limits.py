"""How much one document may be: the limits a reader enforces before and while reading.

A document is the ledger's unit (one record, its parties and date read from its opening,
its statements linked across documents), and extraction's memory and time grow with its
text. Past these limits a file is refused with a one-line ReadError naming the limit and
the option that raises it (docs/limits.md gives the measurements behind the defaults).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """``max_file_bytes``: a file larger than this is refused before it is read.
    ``max_chars``: a document whose text is longer is refused (a text file over four bytes a
    character of it at once, without reading it; a PDF as soon as its pages read so far pass it).
    ``max_pdf_pages``: a PDF with more pages is refused before any page is read.
    ``max_pdf_stream_bytes``: the most one compressed PDF stream may inflate to (a "zip bomb"
    page is refused, not decompressed)."""

    max_file_bytes: int = 50 * MB
    max_chars: int = 1_500_000
    max_pdf_pages: int = 2_000
    max_pdf_stream_bytes: int = 16 * MB

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_chars", "max_pdf_pages", "max_pdf_stream_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")


DEFAULT_LIMITS = ReadLimits()

# The CLI options that raise the limits, named in every refusal.
MAX_CHARS_OPTION = "--max-chars"
MAX_PDF_PAGES_OPTION = "--max-pdf-pages"


def too_long(limits: ReadLimits, detail: str) -> str:
    """The reason a text longer than ``limits.max_chars`` is refused; ``detail`` says by how much."""
    return (f"text over the {limits.max_chars:,}-character limit for one document ({detail}); "
            f"split it into documents or raise the limit with {MAX_CHARS_OPTION}")


def size(n: int) -> str:
    """A byte count for people: '12 MB', '3.4 KB'."""
    for unit, scale in (("GB", 1024**3), ("MB", MB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.0f} {unit}" if n >= 10 * scale else f"{n / scale:.1f} {unit}"
    return f"{n} bytes"
