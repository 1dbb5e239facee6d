"""A cleaned view of a stretch of text with an exact map back to the original.

NLP works on clean text (one space for any whitespace run, Markdown markup and
escapes removed); every offset it produces is mapped back through ``index`` so
reported spans always quote the original text as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgebook.core.data import Span

_WS = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# Markdown constructs dropped from the view: link targets, emphasis markers,
# backslash escapes (the escaped character is kept), heading/list/quote markers at line start.
_MD_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_DROP = re.compile(
    r"\*\*|__(?=\w)|(?<=\w)__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\\(?=[^\w\s])|(?m:^[ \t]*(?:#{1,6}|>|[-*+](?=\s)|\d{1,3}[.)](?=\s)))|\[|\]"
)


@dataclass(slots=True)
class TextView:
    clean: str
    index: list[int]  # index[i] = original offset of clean[i]
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
    end = len(text) if end is None else end
    dropped = bytearray(end - start)  # 1 = character not in the view
    chunk = text[start:end]
    if markdown:
        for m in _MD_LINK_TARGET.finditer(chunk):
            for i in range(m.start() + 1, m.end()):
                dropped[i] = 1
        for m in _MD_DROP.finditer(chunk):
            for i in range(m.start(), m.end()):
                dropped[i] = 1
    clean: list[str] = []
    index: list[int] = []
    pending_space = False
    i = 0
    n = len(chunk)
    while i < n:
        ch = chunk[i]
        if dropped[i]:
            i += 1
            continue
        if _WS.match(ch):
            if index:
                pending_space = True
                space_at = start + i
            i += 1
            continue
        if pending_space:
            clean.append(" ")
            index.append(space_at)
            pending_space = False
        clean.append(ch)
        index.append(start + i)
        i += 1
    return TextView("".join(clean), index, start)
