"""PDF: pypdf's text, page by page, and the document info's title and date.

Pages are read one at a time and reading stops as soon as the text passes the character
limit; a PDF with more pages than the page limit is refused before any page is read; and no
compressed stream may inflate past ``max_pdf_stream_bytes`` (pypdf's own cap is 75 MB a stream,
which a page of "zip bomb" streams multiplies).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

from pledgebook.read.base import OverLimit, ReadError
from pledgebook.read.limits import DEFAULT_LIMITS, MAX_PDF_PAGES_OPTION, ReadLimits, size, too_long

# pypdf warns about every repairable defect; unrepairable ones raise and become ReadErrors.
logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass(slots=True)
class PdfText:
    text: str
    title: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def extract_pdf(data: bytes, source: str, limits: ReadLimits = DEFAULT_LIMITS) -> PdfText:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    cap = limits.max_pdf_stream_bytes
    try:
        with apply_configuration(zlib_maximum_output_length=cap, lzw_maximum_output_length=cap,
                                 run_length_maximum_output_length=cap, brotli_maximum_output_length=cap,
                                 array_based_stream_maximum_output_length=cap):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not _open_without_password(reader):
                raise ReadError(source, "encrypted PDF (a password is needed to read it)")
            pages = _page_texts(reader, source, limits)
            info = reader.metadata
    except ReadError:
        raise
    except LimitReachedError:
        raise ReadError(source, f"malformed PDF (a stream inflates past the {size(cap)} limit: a compression "
                        "bomb?)") from None
    except RecursionError:
        raise ReadError(source, "malformed PDF (objects nested too deep)") from None
    except Exception as err:  # noqa: BLE001 - pypdf fails in many ways (KeyError, ValueError ...) on broken files
        raise ReadError(source, f"malformed PDF ({_brief(err)})") from None

    text = "\n\n".join(page.strip("\n") for page in pages)
    if not any(ch.isalnum() for ch in text):
        raise ReadError(source, f"no text in PDF ({len(pages)} page(s); scanned or image-only?)")
    title, date, meta = None, None, {"pages": len(pages)}
    if info is not None:
        try:
            title = (info.title or "").strip() or None
            created = info.creation_date
            date = created.date().isoformat() if created else None
            for key, value in (("author", info.author), ("subject", info.subject)):
                if value and value.strip():
                    meta[key] = value.strip()
        except Exception:  # noqa: BLE001 - broken metadata must not lose a readable text
            meta["metadata_error"] = "unreadable PDF metadata"
    return PdfText(text=text, title=title, date=date, meta=meta)


def _page_texts(reader: Any, source: str, limits: ReadLimits) -> list[str]:
    """Each page's text, read one page at a time; refused past the page or character limit."""
    count = len(reader.pages)
    if count > limits.max_pdf_pages:
        raise OverLimit(source, f"PDF has {count:,} pages, over the {limits.max_pdf_pages:,}-page limit for one "
                        f"document; split it into documents or raise the limit with {MAX_PDF_PAGES_OPTION}")
    pages: list[str] = []
    chars = 0
    for number, page in enumerate(reader.pages, start=1):
        text = (page.extract_text() or "").replace("\f", "\n")
        chars += len(text.strip("\n")) + (2 if pages else 0)  # the text's length as joined below
        if chars > limits.max_chars:
            raise OverLimit(source, too_long(limits, f"passed at page {number:,} of {count:,}"))
        pages.append(text)
    return pages


def _open_without_password(reader: Any) -> bool:
    """Many PDFs are encrypted with an empty user password only (to restrict printing)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - e.g. AES without a crypto library
        return False


def _brief(err: BaseException) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    return message[:200]
