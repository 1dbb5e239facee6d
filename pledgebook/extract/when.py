"""Time expressions attached to a statement ("by 2025", "within 90 days", "throughout the year")."""

from __future__ import annotations

import re

from pledgebook.codebook import Codebook
from pledgebook.codebook.times import TimeBook
from pledgebook.core.data import When
from pledgebook.segment.view import TextView

_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_RELATIVE = re.compile(r"\b(this|next)\s+year\b", re.IGNORECASE)


def _resolve(expr: str, kind: str, doc_date: str | None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for an explicit or relative expression."""
    if kind in ("vague", "duration", "recurring"):
        return None
    rel = _RELATIVE.search(expr)
    if rel and doc_date:
        year = int(doc_date[:4]) + (1 if rel.group(1).lower() == "next" else 0)
        return str(year)
    years = _YEAR.findall(expr)
    if not years:
        return None
    import dateparser  # slow to import; only needed for explicit dates

    settings = {"PREFER_DAY_OF_MONTH": "last", "REQUIRE_PARTS": ["year"], "RETURN_AS_TIMEZONE_AWARE": False}
    core = re.sub(r"^\W*(?:by|before|no later than|not later than|until|till|through|in|from|on|starting|beginning|during)\s+"
                  r"(?:the\s+(?:end|middle|beginning|start)\s+of\s+)?", "", expr, flags=re.IGNORECASE)
    parsed = dateparser.parse(core, languages=["en"], settings=settings)
    if parsed is None or not (1900 <= parsed.year <= 2100):
        return years[-1]
    has_month = re.search(r"[A-Za-z]{3,}", core) is not None and not re.fullmatch(r"\s*(?:19|20)\d{2}\s*", core)
    has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", _YEAR.sub("", core)) is not None
    if has_day and has_month:
        return parsed.date().isoformat()
    if has_month:
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return str(parsed.year)


def find_when(text: str, view: TextView, start: int, end: int, doc_date: str | None,
              book: TimeBook | None = None) -> When | None:
    """The first time expression inside clean range [start, end) of a sentence view of ``text``;
    ``book``: the codebook's time.yaml (the bundled one by default)."""
    book = book or Codebook.load().times
    best: tuple[int, int, str] | None = None
    for kind, pattern in book.patterns:
        m = pattern.search(view.clean, start, end)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), kind)
    if best is None:
        return None
    s, e, kind = best
    span = view.span(s, e)
    return When(text=span.of(text), start=span.start, end=span.end, kind=kind, date=_resolve(view.clean[s:e], kind, doc_date))
