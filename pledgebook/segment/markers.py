"""List and enumeration markers: the one definition the segmenter and the extractor share.

A list item opens with a bullet (- * + • ▪ ◦ ·), a number (1. 2) (3)), a letter (a. b) (c))
or a roman numeral in brackets ((iv)). Only the bracketed enumerators (i) (a) (1) also count
inside a sentence, where a bare "1." or "a." is far more often something else.
"""

from __future__ import annotations

import re

ENUMERATOR = r"\((?:[ivx]{1,5}|[a-h]|\d{1,2})\)"
LIST_MARKER = rf"(?:[-*+•▪◦·]|\(?\d{{1,3}}[.)]|\(?[a-z][.)]|{ENUMERATOR})"

# A line that starts a list item (the marker and the space after it).
LINE_LIST_START = re.compile(rf"^[ \t]*{LIST_MARKER}\s+")
# An enumerator inside a sentence, where a clause begins: "... to (i) expand trade; (ii) ...".
INLINE_ENUMERATOR = re.compile(rf"(?<![\w]){ENUMERATOR}\s")
# The marker at the start of an item's text, to skip before reading its first word.
LEADING_MARKER = re.compile(rf"\s*{LIST_MARKER}\s+")
