"""Time expressions (time.yaml): the patterns of deadlines, periods, durations, recurrences,
dates and vague times, with ``{MACRO}`` references expanded, and the words that resolve an
expression to its due date (``due:``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from pledgebook.codebook.files import CodebookError, FileSchema, NonEmpty, Schema

TimeKind = Literal["deadline", "period", "duration", "recurring", "date", "vague"]
Precision = Literal["day", "month", "season", "quarter", "half", "year"]


class PartOfYear(Schema):
    month: int = Field(ge=1, le=12)  # the month the part ends in
    precision: Precision


class MonthDay(Schema):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    years_after: int = Field(default=0, ge=0, le=1)  # the day falls in the year after the one named


class FiscalYears(Schema):
    single_year_ends: MonthDay  # "FY2026": the day fiscal year 2026 ends
    split_year_ends: MonthDay  # "fiscal year 2025-26": the day it ends, in its second year


class DueWords(Schema):
    months: dict[NonEmpty, int]  # three-letter prefix -> month number
    seasons: dict[NonEmpty, int]  # season -> the month it ends in
    parts: dict[NonEmpty, PartOfYear]  # "end", "mid", "early" ... of a year
    ordinals: dict[NonEmpty, int]
    numbers: dict[NonEmpty, int]  # number words of "within six months"
    fiscal_year: FiscalYears
    past_cues: list[NonEmpty] = []  # words before a year-less date that make it a past one


class TimeFile(FileSchema):
    macros: dict[str, NonEmpty]  # later macros may use earlier ones
    kinds: dict[TimeKind, list[NonEmpty]]  # in order: the first kind whose pattern matches a stretch wins
    due: DueWords


@dataclass(frozen=True)
class TimeBook:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, compiled pattern), in the file's order
    due: DueWords


def build_time_book(name: str, file: TimeFile) -> TimeBook:
    macros: dict[str, str] = {}
    for macro, body in file.macros.items():
        for prev, value in macros.items():
            body = body.replace("{" + prev + "}", value)
        macros[macro] = body
    out = []
    for kind, patterns in file.kinds.items():
        for i, pattern in enumerate(patterns):
            for macro, value in reversed(macros.items()):
                pattern = pattern.replace("{" + macro + "}", value)
            try:
                out.append((kind, re.compile(pattern, re.IGNORECASE)))
            except re.error as err:
                raise CodebookError(f"{name}: kinds.{kind}[{i}]: not a valid regular expression once macros are expanded ({err})") from None
    return TimeBook(tuple(out), file.due)
