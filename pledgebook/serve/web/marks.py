"""Word diffs (serve/wording.py) as pieces of text for a template: each piece is plain, added
or removed; the template escapes every piece (no markup is built from text here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pledgebook.serve.wording import ADDED, REMOVED, marked_pair, prose, word_diff

if TYPE_CHECKING:
    from rich.text import Text

_MARK = {ADDED: "added", REMOVED: "removed"}


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: str | None = None  # "added" | "removed" | None


def pieces(text: Text) -> list[Piece]:
    """A rich Text cut at its styled spans: each span's style tells added or removed."""
    plain, out, cursor = text.plain, [], 0
    for span in sorted(text.spans, key=lambda s: s.start):
        if span.start > cursor:
            out.append(Piece(plain[cursor : span.start]))
        out.append(Piece(plain[span.start : span.end], _MARK.get(str(span.style))))
        cursor = max(cursor, span.end)
    if cursor < len(plain):
        out.append(Piece(plain[cursor:]))
    return out


def diff_pieces(old: str, new: str) -> list[Piece]:
    """``new`` with the words dropped from ``old`` and the words added marked in place."""
    return pieces(word_diff(old, new))


def pair_pieces(old: str, new: str) -> tuple[list[Piece], list[Piece]]:
    """The two wordings side by side, each with its own changes marked."""
    left, right = marked_pair(old, new)
    return pieces(left), pieces(right)


def plain_pieces(text: str) -> list[Piece]:
    return [Piece(prose(text))]
