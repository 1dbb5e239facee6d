"""A cleaned view of a stretch of text with an exact map back to the original.

NLP works on clean text (one space for any whitespace run, Markdown markup and
escapes removed); every offset it produces is mapped back through ``index`` so
reported spans always quote the original text as read.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from pledgebook.core.data import Span

_WS_CHARS = r"\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff"
_WORD = re.compile(rf"[^{_WS_CHARS}]+")  # a run of characters that are not whitespace
# Markdown constructs dropped from the view: link targets, emphasis markers,
# backslash escapes (the escaped character is kept), heading/list/quote markers at line start.
_MD_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_DROP = re.compile(
    r"\*\*|__(?=\w)|(?<=\w)__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\\(?=[^\w\s])|(?m:^[ \t]*(?:#{1,6}|>|[-*+](?=\s)|\d{1,3}[.)](?=\s)))|\[|\]"
)


@dataclass(slots=True)
class TextView:
    clean: str
    index: Sequence[int]  # index[i] = original offset of clean[i] (an array: 8 bytes a character, not 36)
    origin: int  # original offset where the viewed stretch starts

    def span(self, start: int, end: int) -> Span:
        """Map a clean half-open range to the original text."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else self.origin
            return Span(pos, pos)
        return Span(self.index[start], self.index[end - 1] + 1)

    def original(self, pos: int) -> int:
        return self.index[pos] if pos < len(self.index) else (self.index[-1] + 1 if self.index else self.origin)


def make_view(text: str, start: int = 0, end: int | None = None, markdown: bool = False) -> TextView:
    """The clean view of ``text[start:end]``: each whitespace run one space (mapped to its last
    character; none at the start), Markdown markup dropped when ``markdown``. Built a word at a
    time (not a loop a character), with the index in an array."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    clean: list[str] = []
    index = array("q")
    space_at = -1  # the last whitespace seen since the last word (offset in chunk), -1: none
    for a, b in _kept_runs(chunk, markdown):
        pos = a
        for word in _WORD.finditer(chunk, a, b):
            if word.start() > pos:
                space_at = word.start() - 1
            if space_at >= 0 and index:
                clean.append(" ")
                index.append(start + space_at)
            space_at = -1
            clean.append(word.group())
            index.extend(range(start + word.start(), start + word.end()))
            pos = word.end()
        if b > pos:
            space_at = b - 1
    return TextView("".join(clean), index, start)


def _kept_runs(chunk: str, markdown: bool) -> list[tuple[int, int]]:
    """The stretches of ``chunk`` the view keeps: all of it, or what Markdown markup leaves."""
    if not markdown:
        return [(0, len(chunk))]
    dropped = bytearray(len(chunk))  # 1 = character not in the view
    for m in _MD_LINK_TARGET.finditer(chunk):
        dropped[m.start() + 1 : m.end()] = b"\x01" * (m.end() - m.start() - 1)
    for m in _MD_DROP.finditer(chunk):
        dropped[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    runs, pos = [], 0
    while pos < len(chunk):
        stop = dropped.find(1, pos)
        stop = len(chunk) if stop < 0 else stop
        if stop > pos:
            runs.append((pos, stop))
        pos = dropped.find(0, stop)
        if pos < 0:
            break
    return runs
