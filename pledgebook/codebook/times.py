"""Time expressions (time.yaml): the patterns of deadlines, durations, recurrences, dates and
vague times, with ``{MACRO}`` references expanded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pledgebook.codebook.files import CodebookError, FileSchema, NonEmpty

TimeKind = Literal["deadline", "duration", "recurring", "date", "vague"]


class TimeFile(FileSchema):
    macros: dict[str, NonEmpty]  # later macros may use earlier ones
    kinds: dict[TimeKind, list[NonEmpty]]  # in order: the first kind whose pattern matches a stretch wins


@dataclass(frozen=True)
class TimeBook:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, compiled pattern), in the file's order


def build_time_book(name: str, file: TimeFile) -> TimeBook:
    macros: dict[str, str] = {}
    for macro, body in file.macros.items():
        for prev, value in macros.items():
            body = body.replace("{" + prev + "}", value)
        macros[macro] = body
    out = []
    for kind, patterns in file.kinds.items():
        for i, pattern in enumerate(patterns):
            for macro, value in macros.items():
                pattern = pattern.replace("{" + macro + "}", value)
            try:
                out.append((kind, re.compile(pattern, re.IGNORECASE)))
            except re.error as err:
                raise CodebookError(f"{name}: kinds.{kind}[{i}]: not a valid regular expression once macros are expanded ({err})") from None
    return TimeBook(tuple(out))
