"""PDF: pypdf's text, page by page, and the document info's title and date."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

from pledgebook.read.base import ReadError

# pypdf warns about every repairable defect; unrepairable ones raise and become ReadErrors.
logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass(slots=True)
class PdfText:
    text: str
    title: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def extract_pdf(data: bytes, source: str) -> PdfText:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _open_without_password(reader):
            raise ReadError(source, "encrypted PDF (a password is needed to read it)")
        pages = [(page.extract_text() or "").replace("\f", "\n") for page in reader.pages]
        info = reader.metadata
    except ReadError:
        raise
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


def _open_without_password(reader: Any) -> bool:
    """Many PDFs are encrypted with an empty user password only (to restrict printing)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - e.g. AES without a crypto library
        return False


def _brief(err: BaseException) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    return message[:200]
