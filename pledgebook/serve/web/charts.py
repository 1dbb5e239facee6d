"""Charts drawn on the server as SVG: the geometry is computed here, the templates only place
the shapes (no script, no style attribute: the CSP forbids inline style, so colours are classes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pledgebook.core.data import STRENGTH_RANK, Strength

BAR_HEIGHT, BAR_GAP = 18, 6
LABEL_WIDTH, BAR_SPACE, COUNT_WIDTH = 210, 200, 45
LABEL_CHARS = 27  # a longer label is cut (the full one is the bar's tooltip)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    full_label: str
    count: int
    href: str
    y: int
    width: int  # the bar's length in pixels


@dataclass(frozen=True, slots=True)
class BarChart:
    title: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL_WIDTH


def bar_chart(title: str, values: Sequence[tuple[str, int, str]]) -> BarChart:
    """A horizontal bar chart of (label, count, link) rows, longest bar = the largest count."""
    top = max((count for _, count, _ in values), default=0) or 1
    bars = []
    for n, (label, count, href) in enumerate(values):
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        bars.append(Bar(short, label, count, href, n * (BAR_HEIGHT + BAR_GAP),
                        max(2, round(BAR_SPACE * count / top))))
    height = max(BAR_HEIGHT, len(bars) * (BAR_HEIGHT + BAR_GAP))
    return BarChart(title, bars, LABEL_WIDTH + BAR_SPACE + COUNT_WIDTH, height)


# --- a thread's timeline --------------------------------------------------------------------

TIMELINE_WIDTH, TIMELINE_HEIGHT = 760, 190
_MARGIN_X, _TOP, _BOTTOM = 110, 30, 150  # y of the firmest and of the weakest level
_LEVELS = [(s.value, STRENGTH_RANK[s]) for s in sorted(Strength, key=lambda s: -STRENGTH_RANK[s])]
_NO_STRENGTH = "no strength"


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    x: int
    y: int
    date: str
    strength: str
    label: str  # the point's tooltip: date, strength and wording
    href: str  # the member on its document's page
    number: int  # 1-based, as in the list of wordings under the chart


@dataclass(frozen=True, slots=True)
class Level:
    label: str
    y: int


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    points: list[TimelinePoint]
    levels: list[Level]
    axis_y: int
    ticks: list[tuple[int, str]]  # (x, year)

    @property
    def path(self) -> str:
        """The line through the points, as an SVG polyline's points: one element, not one per pair."""
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def _level_y() -> dict[str, int]:
    step = (_BOTTOM - _TOP) / len(_LEVELS)
    ys = {name: round(_TOP + n * step) for n, (name, _) in enumerate(_LEVELS)}
    ys[_NO_STRENGTH] = _BOTTOM
    return ys


def _day(date: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(date).toordinal() if date else None
    except ValueError:
        return None


def timeline(members: Sequence[tuple[str | None, str | None, str, str]]) -> Timeline:
    """Points for (date, strength, wording, link) members in date order: x by date (evenly
    spaced when dates are missing or all the same), y by strength (firm at the top)."""
    days = [_day(date) for date, *_ in members]
    known = [d for d in days if d is not None]
    span_days = (max(known) - min(known)) if known else 0
    inner = TIMELINE_WIDTH - 2 * _MARGIN_X
    ys = _level_y()
    points, seen_x = [], {}
    for n, ((date, strength, text, link), day) in enumerate(zip(members, days)):
        if span_days and day is not None:
            x = _MARGIN_X + round(inner * (day - min(known)) / span_days)
        else:
            x = _MARGIN_X + (round(inner * n / (len(members) - 1)) if len(members) > 1 else inner // 2)
        stacked = seen_x.get(x, 0)  # members of one document (or one day) side by side
        seen_x[x] = stacked + 1
        level = strength or _NO_STRENGTH
        words = " ".join(text.split())
        points.append(TimelinePoint(x + 14 * stacked, ys.get(level, _BOTTOM), date or "undated", level,
                                    f"{date or 'undated'} · {level}: {words[:200]}", link, n + 1))
    ticks = []
    if known and span_days:
        first, last = dt.date.fromordinal(min(known)).year, dt.date.fromordinal(max(known)).year
        for year in range(first, last + 1):
            day = dt.date(year, 1, 1).toordinal()
            if min(known) <= day <= max(known):
                ticks.append((_MARGIN_X + round(inner * (day - min(known)) / span_days), str(year)))
    levels = [Level(name, y) for name, y in ys.items()]
    return Timeline(TIMELINE_WIDTH, TIMELINE_HEIGHT, points, levels, _BOTTOM + 20, ticks)
