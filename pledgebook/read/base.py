from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TextFormat = Literal["text", "markdown", "html", "pdf"]


class ReadError(Exception):
    """A file that cannot be turned into text. ``str(err)`` is one line: '<path>: <reason>'."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):
        # a worker process returns it to its parent pickled; Exception's own pickling would call
        # __init__ with the message alone, and the pool's result thread would die on it (a hang)
        return type(self), (self.source, self.reason)


class OverLimit(ReadError):
    """A file refused for its size, over one of the ``read.limits.ReadLimits``: too large, not
    malformed (a server answers it 413)."""


@dataclass(slots=True)
class RawDocument:
    source: str  # the path as given by the user (or "<string>")
    text: str  # the decoded text as read; all offsets index into this
    format: TextFormat = "text"
    body_start: int = 0  # first character of the body (after YAML front matter, if any)
    title: str | None = None  # from front matter / HTML metadata
    date: str | None = None  # ISO date from front matter / HTML metadata
    encoding: str | None = None
    meta: dict = field(default_factory=dict)  # any other front-matter / HTML metadata
