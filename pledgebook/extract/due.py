"""The due date of a time expression: the last day by which the undertaking it qualifies is to
be met ("by the end of 2023" -> 2023-12-31, "within six months" of a document of 2025-02-13 ->
2025-08-13), with the precision of what the text named. The words come from time.yaml ``due:``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from pledgebook.codebook.times import DueWords

_YEAR = r"((?:19|20)\d{2})"
_UNIT_STEP = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
              "year": relativedelta(years=1), "decade": relativedelta(years=10)}
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}
_SPAN = re.compile(r"\b(?:within|over|in|during)\s+(?:the\s+)?(?:(?:next|coming|first)\s+)?"
                   r"(?:(?P<num>[\w-]+(?:\s+few)?)\s+)??(?P<unit>day|week|month|year|decade)(?P<plural>s)?\b")
_FISCAL = re.compile(r"\b(?:fy|fiscal\b|financial\b)(?:\s+year)?\s*[-’']?\s*(\d{2,4})(?:\s*[-–/]\s*(\d{2,4}))?")
_QUARTER = re.compile(r"\b(?:(?P<ord>\w+)\s+(?P<qh>quarter|half)\b|(?P<qh_short>[qh])(?P<n>[1-4])\b)")
_RELATIVE = re.compile(r"\b(this|next)\s+(year|month|decade)\b|\bthe\s+end\s+of\s+the\s+(decade|year|month)\b")
_PART = re.compile(r"\b(end|close|middle|mid|beginning|start|early|late)\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)")
_MONTH_FIRST = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)")
_ISO = re.compile(_YEAR + r"-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Due:
    date: dt.date
    precision: str


# how much of the calendar a precision covers, finest first (an event's year counts as a year)
_COVERS = {"day": 0, "month": 1, "season": 2, "quarter": 2, "half": 3, "year": 4, "event": 4}


def inside_partial_date(due: Due, first: dt.date, last: dt.date) -> bool:
    """Is ``due`` inside the document's own date where that date is a year or a month alone
    (``first`` to ``last``), and finer than it? "in June", "this summer", "next month" or "by
    mid-2024" in a speech dated 2024 may be before or after the day it was given, so they set
    no due there; "by the end of 2024" or "this year" (the year's last day) do."""
    if first == last or not first <= due.date <= last:
        return False
    document = "month" if (last - first).days < 31 else "year"
    return _COVERS.get(due.precision, 0) < _COVERS[document]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve_due(expr: str, kind: str, doc_date: dt.date | None, words: DueWords,
                counted_from: dt.date | None = None) -> Due | None:
    """The due date of ``expr`` (a matched time expression of ``kind``), or None when it sets none;
    ``counted_from``: the day "within six months" counts from (by default ``doc_date``)."""
    if kind in ("duration", "recurring", "vague"):
        return None
    s = " ".join(expr.lower().split())
    m = _SPAN.search(s)
    if m and kind in ("deadline", "period"):
        return _span_due(m, counted_from or doc_date, words)
    for resolver in (_fiscal_due, _quarter_due, _season_due, _relative_due, _calendar_due):
        due = resolver(s, doc_date, words)
        if due is not None:
            return due
    return None


def _span_due(m: re.Match, doc_date: dt.date | None, words: DueWords) -> Due | None:
    """'within six months', 'over the next three years': counted from the document's date."""
    if doc_date is None:
        return None
    num = m.group("num")
    if num is None:
        if m.group("plural"):
            return None  # "in the coming months": no count
        n = 1
    elif num.isdigit():
        n = int(num)
    elif num in words.numbers:
        n = words.numbers[num]
    else:
        return None  # "several", "a few"
    unit = m.group("unit")
    return Due(doc_date + _UNIT_STEP[unit] * n, _UNIT_PRECISION[unit])


def _fiscal_due(s: str, doc_date: dt.date | None, words: DueWords) -> Due | None:
    m = _FISCAL.search(s)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    if second:
        start = _full_year(first)
        end_year = start + 1 if len(second) <= 2 else int(second)
        ends = words.fiscal_year.split_year_ends
    else:
        end_year = _full_year(first)
        ends = words.fiscal_year.single_year_ends
    return Due(dt.date(end_year + ends.years_after, ends.month, ends.day), "year")


def _full_year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _quarter_due(s: str, doc_date: dt.date | None, words: DueWords) -> Due | None:
    year = re.search(_YEAR, s)
    m = _QUARTER.search(s)
    if not (m and year):
        return None
    if m.group("qh_short"):
        half, n = m.group("qh_short") == "h", int(m.group("n"))
    elif m.group("ord") in words.ordinals:
        half, n = m.group("qh") == "half", words.ordinals[m.group("ord")]
    else:
        return None
    if half and n > 2:
        return None
    return Due(month_end(int(year.group(1)), n * (6 if half else 3)), "half" if half else "quarter")


def _season_due(s: str, doc_date: dt.date | None, words: DueWords) -> Due | None:
    season = next((w for w in words.seasons if re.search(rf"\b{w}\b", s)), None)
    if season is None:
        return None
    ends = words.seasons[season]
    year = re.search(_YEAR, s)
    if year:  # winter YYYY runs from December YYYY into YYYY+1
        return Due(month_end(int(year.group(1)) + (1 if ends < 3 else 0), ends), "season")
    if doc_date is None:
        return None
    y = doc_date.year  # "this summer", "in the fall": the next season to end; "next summer": the one after
    if month_end(y, ends) < doc_date:
        y += 1
    if re.search(r"\bnext\b", s):
        y += 1
    return Due(month_end(y, ends), "season")


def _relative_due(s: str, doc_date: dt.date | None, words: DueWords) -> Due | None:
    m = _RELATIVE.search(s)
    if not m or doc_date is None:
        return None
    unit = m.group(2) or m.group(3)
    ahead = 1 if m.group(1) == "next" else 0
    if unit == "year":  # "early next year": the part's month of that year
        part = _PART.search(s[: m.start()])
        p = words.parts.get(part.group(1)) if part else None
        return Due(month_end(doc_date.year + ahead, p.month), p.precision) if p else Due(dt.date(doc_date.year + ahead, 12, 31), "year")
    if unit == "month":
        d = doc_date + relativedelta(months=ahead)
        return Due(month_end(d.year, d.month), "month")
    decade_end = doc_date.year - doc_date.year % 10 + 9 + 10 * ahead
    return Due(dt.date(decade_end, 12, 31), "year")


def _calendar_due(s: str, doc_date: dt.date | None, words: DueWords) -> Due | None:
    """An explicit day, month or year, with 'the end of', 'mid-', 'early' ... of a year."""
    if m := _ISO.search(s):
        return Due(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day")
    year = re.search(_YEAR, s)
    month = _month_in(s, words)
    if year is None:
        if month is None or doc_date is None:
            return None
        y = doc_date.year if month >= doc_date.month else doc_date.year + 1  # "in June": the next June
        day = _day_in(s, words)
        if day is not None and day <= month_end(y, month).day:  # "on 15-16 June": its last day
            return Due(dt.date(y, month, day), "day")
        return Due(month_end(y, month), "month")
    y = int(year.group(1))
    if month is None:
        part = _PART.search(s[: year.start()])
        if part and part.group(1) in words.parts:
            p = words.parts[part.group(1)]
            return Due(month_end(y, p.month), p.precision)
        return Due(dt.date(y, 12, 31), "year")
    day = _day_in(s, words)
    if day is not None:
        try:
            return Due(dt.date(y, month, day), "day")
        except ValueError:
            return None
    return Due(month_end(y, month), "month")


def _month_in(s: str, words: DueWords) -> int | None:
    for token in re.findall(r"[a-z]+", s):
        if token in words.months:
            return words.months[token]
    return None


def _day_in(s: str, words: DueWords) -> int | None:
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for m in pattern.finditer(s):
            day, word = (m.group(1), m.group(2)) if pattern is _DAY_FIRST else (m.group(2), m.group(1))
            if word in words.months:
                return int(day)
    return None
