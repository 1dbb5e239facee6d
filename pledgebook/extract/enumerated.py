"""Items named in a sentence of their own after an undertaking: "China would work closely on
landmark projects under the initiative. These include the Jakarta–Bandung railway, a regional
economic corridor, and the Twin Parks initiative, which ...". Each item is a statement of the
kind, actors and strength of the statement before it (on the same line), with the names of its
own words; the first keeps the lead ("These include ..."). An item that names nothing but
places is a field ("These include infrastructure and clean energy"), not an undertaking."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pledgebook.extract.context import DocContext, Draft
from pledgebook.extract.rules import Rule

if TYPE_CHECKING:
    from pledgebook.extract.pipeline import Extractor

_LEAD = re.compile(r"(?:These|They|Those)[ \t]+(?:include|includes|included|comprise|comprised)[ \t]+")
_QUOTES = {"“": "”", '"': '"', "‘": "’"}
_RELATIVE = re.compile(r"(?:which|who|where|that|whose)\b")
_LINKED_KINDS = frozenset({"commitment", "agreement"})


def add_enumerated_items(ex: Extractor, doc: DocContext) -> None:
    """Draft a statement for each item of an enumerating sentence that follows an undertaking."""
    by_unit = doc.by_unit()
    for unit, (start, end) in enumerate(doc.units):
        lead = _LEAD.match(doc.text, start, end)
        if lead is None or unit in by_unit:
            continue
        before = [d for u in (unit - 1,) for d in by_unit.get(u, []) if d.kind in _LINKED_KINDS]
        previous = max(before, key=lambda d: d.end, default=None)
        if previous is None or "\n" in doc.text[previous.end : start]:
            continue
        for n, (s, e) in enumerate(_items(doc.text, lead.end(), end)):
            s = start if n == 0 else s
            entities = ex.mentions.names_in(doc.names, s, e, previous.actors, doc.speakers)
            if all(m.kind == "place" for m in entities):
                continue  # "These include infrastructure, clean energy": fields, not named undertakings
            doc.drafts.append(replace(previous, start=s, end=e, text=doc.text[s:e], entities=entities, when=None,
                                      rule=Rule.LISTED_UNDERTAKING.value, unit=unit, clean=doc.text[s:e],
                                      verb=None, joined=None, anaphor=None, names_from_joined_verb=False,
                                      sectors=[], plover=None, cameo=None))


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the comma/"and" separated items of ``text[start:end]`` (not inside quotes; a
    relative clause, and all after it, stays with the item it follows)."""
    while end > start and text[end - 1] in " \t.;":
        end -= 1
    cuts, closing, i = [start], None, start
    while i < end:
        ch = text[i]
        if closing is not None:
            closing = None if ch == closing else closing
        elif ch in _QUOTES:
            closing = _QUOTES[ch]
        elif ch == "," and _RELATIVE.match(text, i + 1 + len(text[i + 1 : end]) - len(text[i + 1 : end].lstrip())):
            break  # ", which has facilitated ...": the rest belongs to the item before
        elif ch == "," or (text.startswith(" and ", i) and text[i - 1] != ","):
            cuts.append(i)
        i += 1
    cuts.append(end)
    spans: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b].lstrip(", ")
        piece_start = b - len(piece)
        if piece.startswith("and "):
            piece_start += 4
        if piece_start < b:
            spans.append((piece_start, b))
    return spans
