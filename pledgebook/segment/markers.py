"""List and enumeration markers: the one definition the segmenter and the extractor share.

A list item opens with a bullet (- * + • ▪ ◦ ·), a number (1. 2) (3)), a letter (a. b) (c))
or a roman numeral (iv) or iv)). Only the bracketed enumerators (i) (a) (1) also count
inside a sentence, where a bare "1." or "a." is far more often something else; a half-bracketed
"i) ... ii) ..." counts there only as a run in order from its first label.
"""

from __future__ import annotations

import re

ENUMERATOR = r"\((?:[ivx]{1,5}|[a-h]|\d{1,2})\)"
LIST_MARKER = rf"(?:[-*+•▪◦·]|\(?\d{{1,3}}[.)]|\(?[a-z][.)]|{ENUMERATOR}|[ivx]{{2,5}}\))"

# A line that starts a list item (the marker and the space after it).
LINE_LIST_START = re.compile(rf"^[ \t]*{LIST_MARKER}\s+")
# An enumerator inside a sentence, where a clause begins: "... to (i) expand trade; (ii) ...".
INLINE_ENUMERATOR = re.compile(rf"(?<![\w]){ENUMERATOR}\s")
# "i) expand trade and ii) ...": a closing bracket only, valid inside a sentence as an ordered run
HALF_ENUMERATOR = re.compile(r"(?<![\w(])([ivx]{1,5}|[a-h]|\d{1,2})\)\s")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_LETTERS = "abcdefgh"

# The marker at the start of an item's text, to skip before reading its first word.
LEADING_MARKER = re.compile(rf"\s*{LIST_MARKER}\s+")


def inline_enumerators(clean: str) -> list[int]:
    """Where enumerated clauses begin inside a sentence: each bracketed "(ii)" when there are
    two or more, else a half-bracketed run "i) ... ii) ..." whose labels follow in order."""
    bracketed = [m.start() for m in INLINE_ENUMERATOR.finditer(clean)]
    if len(bracketed) >= 2:
        return bracketed
    half = [(m.start(), m.group(1)) for m in HALF_ENUMERATOR.finditer(clean)]
    if len(half) >= 2 and _in_order([label for _, label in half]):
        return [start for start, _ in half]
    return []


def _in_order(labels: list[str]) -> bool:
    """"i ii iii", "a b c", "1 2 3": a run from the first label of one kind of numbering."""
    for sequence in (_ROMAN, _LETTERS, [str(n) for n in range(1, 100)]):
        if list(sequence[: len(labels)]) == labels:
            return True
    return False
