"""The ``--max-chars`` and ``--max-pdf-pages`` options shared by the commands that read documents
(docs/limits.md: what each limit bounds, and the measurements behind the defaults)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from pledgebook.read.limits import DEFAULT_LIMITS, MAX_CHARS_OPTION, MAX_PDF_PAGES_OPTION

if TYPE_CHECKING:
    from pledgebook.read.limits import ReadLimits


def max_chars_option() -> int:
    return typer.Option(DEFAULT_LIMITS.max_chars, MAX_CHARS_OPTION, min=1,
                        help="Refuse a document whose text is longer (extraction's memory and time grow with it; "
                             "docs/limits.md).")


def max_pdf_pages_option() -> int:
    return typer.Option(DEFAULT_LIMITS.max_pdf_pages, MAX_PDF_PAGES_OPTION, min=1,
                        help="Refuse a PDF with more pages, before reading any.")


def read_limits(max_chars: int, max_pdf_pages: int) -> ReadLimits:
    from dataclasses import replace

    return replace(DEFAULT_LIMITS, max_chars=max_chars, max_pdf_pages=max_pdf_pages)
