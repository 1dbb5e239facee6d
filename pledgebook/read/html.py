"""HTML: the main text by trafilatura, with a whole-body fallback."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from pledgebook.read.base import ReadError

# trafilatura and htmldate log every page they find poor; a reader reports through ReadError.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its head (looked for in the first 4 KB)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


@dataclass(slots=True)
class HtmlText:
    text: str
    title: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def extract_html(html: str, source: str) -> HtmlText:
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
        )
    except Exception:  # noqa: BLE001 - any parser failure falls back to the plain body text
        doc = None
    text = (getattr(doc, "text", None) or "").strip()
    meta: dict[str, Any] = {}
    if text:
        meta["extractor"] = "trafilatura"
    else:
        try:
            text = trafilatura.html2txt(html).strip()
        except Exception:  # noqa: BLE001
            text = ""
        meta["extractor"] = "html2txt"
    if not any(ch.isalnum() for ch in text):
        raise ReadError(source, "no main text found in HTML")
    # trafilatura puts one block element per line; a blank line between blocks keeps
    # them separate paragraphs for the segmenter (which joins hard-wrapped lines).
    text = "\n\n".join(line for line in text.split("\n") if line.strip())
    for key in ("author", "sitename", "url", "description", "hostname", "language"):
        value = getattr(doc, key, None)
        if value:
            meta[key] = value
    title = getattr(doc, "title", None) or None
    return HtmlText(text=text, title=title, date=getattr(doc, "date", None) or None, meta=meta)
