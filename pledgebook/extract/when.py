"""Time expressions attached to a statement ("by 2025", "within 90 days", "throughout the year")."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pledgebook.codebook import Codebook
from pledgebook.codebook.times import TimeBook
from pledgebook.core.data import When
from pledgebook.extract.due import Due, inside_partial_date, month_end, resolve_due
from pledgebook.segment.view import TextView

_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_RELATIVE = re.compile(r"\b(this|next)\s+year\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _resolve(expr: str, kind: str, doc_date: str | None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for an explicit or relative expression."""
    if kind in ("vague", "duration", "recurring"):
        return None
    rel = _RELATIVE.search(expr)
    if rel and doc_date:
        year = int(doc_date[:4]) + (1 if rel.group(1).lower() == "next" else 0)
        return str(year)
    return _explicit(expr)


def load_dateparser() -> None:
    """Import dateparser and build its English data (a quarter of a CPU second, once per
    process): an Extractor does it when built, with the model, not at its first dated statement."""
    import dateparser

    dateparser.parse("2030", languages=["en"], settings=_settings())


def _settings() -> dict:
    return {"PREFER_DAY_OF_MONTH": "last", "REQUIRE_PARTS": ["year"], "RETURN_AS_TIMEZONE_AWARE": False}


# dateparser takes milliseconds a call; "by 2030" recurs across documents, whatever their dates
@lru_cache(maxsize=4096)
def _explicit(expr: str) -> str | None:
    """The date an expression with a year names (``_resolve``'s, the document's date aside)."""
    years = _YEAR.findall(expr)
    if not years:
        return None
    import dateparser  # slow to import; only needed for explicit dates

    settings = _settings()
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
    """The time expression inside clean range [start, end) of a sentence view of ``text`` that
    sets the undertaking's deadline (the first with a due date or an event), else the first one;
    ``book``: the codebook's time.yaml (the bundled one by default)."""
    book = book or Codebook.load().times
    found = _candidates(view.clean, start, end, book)
    if not found:
        return None
    day, last_day = _doc_days(doc_date)
    resolved = [(m, kind, _due_of(m, kind, (day, last_day), book)) for m, kind in found]
    m, kind, (due, event) = next((r for r in resolved if r[2][0] is not None or r[2][1] is not None), resolved[0])
    span = view.span(m.start(), m.end())
    return When(text=span.of(text), start=span.start, end=span.end, kind=kind,
                date=_resolve(m.group(0), kind, doc_date), due=due.date.isoformat() if due else None,
                precision="event" if event else (due.precision if due else None), event=event)


def _candidates(clean: str, start: int, end: int, book: TimeBook) -> list[tuple[re.Match, str]]:
    """Every time expression in [start, end), in text order; where two start together, the
    longer, then the one of the earlier kind in time.yaml."""
    found: dict[int, tuple[re.Match, str]] = {}
    for kind, pattern in book.patterns:
        for m in pattern.finditer(clean, start, end):
            held = found.get(m.start())
            if held is None or m.end() > held[0].end():
                found[m.start()] = (m, kind)
    ordered = [found[k] for k in sorted(found)]
    # an expression inside an earlier, longer one is part of it
    out: list[tuple[re.Match, str]] = []
    for m, kind in ordered:
        if not out or m.start() >= out[-1][0].end():
            out.append((m, kind))
    return out


def _due_of(m: re.Match, kind: str, days: tuple[dt.date | None, dt.date | None],
            book: TimeBook) -> tuple[Due | None, str | None]:
    """(due date, event). A date before the document's is a past date, not a deadline; a date
    ('in March') with no document date to place it is none either. ``days``: the first and last
    day the document's date may be ("2023": 2023-01-01, 2023-12-31)."""
    day, last_day = days
    event = m.groupdict().get("event")
    if event:  # "before the next summit": no date unless the event carries its year
        due = resolve_due(event, "deadline", day, book.due) if _YEAR.search(event) else None
    elif kind == "date" and (day is None or _past_without_year(m, book)):
        due = None
    else:
        due = resolve_due(m.group(0), kind, day, book.due, counted_from=last_day)
    if due is not None and day is not None and (due.date < day or (kind == "date" and due.date == day)):
        return None, None  # "met on 13 February" in a text of that day tells when, not by when
    if due is not None and day is not None and last_day is not None and inside_partial_date(due, day, last_day):
        return None, None  # "in June" in a speech dated 2024 alone: before or after it was given?
    return due, (" ".join(event.split()) if event else None)


PAST_CUE_WINDOW = 40  # characters before a year-less date searched for a past cue


def _past_without_year(m: re.Match, book: TimeBook) -> bool:
    """A day or month with no year after a word of the past ("held in Tokyo on 19 February")."""
    words = re.findall(r"[a-z]+", m.group(0).lower())
    if _YEAR.search(m.group(0)) or not any(w in book.due.months for w in words):
        return False
    before = m.string[max(0, m.start() - PAST_CUE_WINDOW) : m.start()].lower()
    return any(re.search(rf"\b{re.escape(cue)}\b", before) for cue in book.due.past_cues)


def _doc_days(doc_date: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the document's date (a year or a month alone spans several):
    a date before the first is past; "within six months" counts from the last."""
    if not doc_date:
        return None, None
    try:
        parts = [int(p) for p in doc_date.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), month_end(parts[0], parts[1])
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    except ValueError:
        return None, None
