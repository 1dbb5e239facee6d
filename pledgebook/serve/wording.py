"""Quoted text as clean prose, and word diffs between two wordings, for readable output.

Stored statements keep their exact source text (offsets point into it); what a table quotes
is that text without Markdown emphasis, HTML tags or hard-wrap spacing. A word diff compares
the prose words of two wordings (case and edge punctuation ignored), so "U.S." stays one
word, never "U . S ."; on a terminal without colour the changes are marked ``[-old-]`` and
``{+new+}`` (as ``git diff --word-diff``)."""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_EDGE = re.compile(r"^\W+|\W+$")
REWORDED_BELOW = 0.3  # two wordings sharing fewer words than this are shown whole, not as a diff
REMOVED, ADDED = "red strike", "green bold"


def prose(text: str | None) -> str:
    """``text`` on one line, without Markdown emphasis (``**``, ``__``, ``*x*``) or HTML tags."""
    return " ".join(_MARKUP.sub("", text or "").split())


def _key(word: str) -> str:
    return _EDGE.sub("", word).lower() or word


@functools.lru_cache(maxsize=4096)
def _opcodes(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[float, tuple[tuple[str, int, int, int, int], ...]]:
    """Remembered: a thread page diffs the same consecutive wordings each time it is shown."""
    matcher = SequenceMatcher(None, [_key(w) for w in old], [_key(w) for w in new], autojunk=False)
    return matcher.ratio(), tuple(matcher.get_opcodes())


def _piece(words: list[str], style: str | None, plain: bool, marks: tuple[str, str]) -> tuple[str, str | None]:
    text = " ".join(words)
    if not text:
        return "", None
    if style and plain:
        return f"{marks[0]}{text}{marks[1]}", None
    return text, style


def _join(pieces: list[tuple[str, str | None]]) -> Text:
    from rich.text import Text

    out = Text()
    for n, (text, style) in enumerate(p for p in pieces if p[0]):
        if n:
            out.append(" ")
        out.append(text, style=style)
    return out


def word_diff(old: str, new: str, *, plain: bool = False) -> Text:
    """``new`` with the words ``old`` had and it dropped (struck out, red) and the words it
    added (green) marked in place; a wording too different to compare is ``new`` as it is."""
    from rich.text import Text

    a, b = prose(old).split(), prose(new).split()
    ratio, opcodes = _opcodes(tuple(a), tuple(b))
    if ratio < REWORDED_BELOW:
        return Text(" ".join(b))
    pieces = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pieces.append((" ".join(b[j1:j2]), None))
            continue
        pieces.append(_piece(a[i1:i2], REMOVED, plain, ("[-", "-]")))
        pieces.append(_piece(b[j1:j2], ADDED, plain, ("{+", "+}")))
    return _join(pieces)


def marked_pair(old: str, new: str, *, plain: bool = False) -> tuple[Text, Text]:
    """The two wordings side by side: ``old`` with the words ``new`` dropped marked, ``new``
    with the words it added marked."""
    a, b = prose(old).split(), prose(new).split()
    _, opcodes = _opcodes(tuple(a), tuple(b))
    left, right = [], []
    for tag, i1, i2, j1, j2 in opcodes:
        changed = tag != "equal"
        left.append(_piece(a[i1:i2], REMOVED if changed else None, plain, ("[-", "-]")))
        right.append(_piece(b[j1:j2], ADDED if changed else None, plain, ("{+", "+}")))
    return _join(left), _join(right)


def is_plain(console) -> bool:
    """No colour on this console (a pipe, a file, NO_COLOR): changes need visible marks."""
    return console.no_color or console.color_system is None
