"""Obligations listed inside one sentence, each its own commitment under the sentence's lead-in.

"The two sides agree to take the following steps: lifting the quotas on steel, reducing tariffs
on textiles, and opening procurement" holds three undertakings written as participles after a
committing lead-in and a colon: the sentence is cut into the lead-in (which opens the list,
see ``lists.ListCursor``) and one piece per participle. "Peru will (1) lower tariffs and (2) ..."
is cut at its enumerators by the segmenter; an item whose first word the tagger, reading it
without its subject, takes for something else ("lower" as an adjective) is read again behind
"they will" to tell whether it names an action.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.nlp import is_gerund, verb_lemmas
from pledgebook.extract.units import Candidate
from pledgebook.segment.segmenter import pieces_of

# a participle item's start: after the colon, or after a comma/semicolon (and "and"/"or")
_ITEM_START = re.compile(r"(?:^|[:;,])\s*(?:(?:and|or)\s+)?([A-Za-z]+)\b")
MIN_ITEMS = 2  # one participle after a colon is an elaboration, not a list
# -ing words that open a phrase, not an action ("..., including X")
_PREPOSITIONS = frozenset({"including", "regarding", "concerning", "following", "according", "excluding", "during"})
_SUBJECT_PREFIX = "They will "
_COMPLEMENTS = frozenset({"dobj", "prt", "xcomp", "ccomp", "dative", "prep", "acomp"})


def participle_pieces(cand: Candidate, lex: TriggerLexicon) -> list[Candidate]:
    """``cand`` cut into its lead-in and its participle items when it reads "LEAD-IN: doing X,
    doing Y, and doing Z" and the words before the colon introduce undertakings; else [cand]."""
    clean = cand.piece.view.clean
    colon = clean.find(": ")
    if colon < 0 or not lex.list_lead_in.search(clean[: colon + 1]):
        return [cand]
    starts = _participle_starts(clean, colon)
    if len(starts) < MIN_ITEMS:
        return [cand]
    pieces = pieces_of(cand.piece, {colon + 1, *starts})
    return [replace(cand, piece=p, continues=cand.continues or n > 0) for n, p in enumerate(pieces)]


def _participle_starts(clean: str, colon: int) -> list[int]:
    """Offsets where the items after ``colon`` begin (each at its joiner), as long as every
    comma- or semicolon-separated part after the colon that starts a new item is a participle."""
    starts: list[int] = []
    for m in _ITEM_START.finditer(clean, colon):
        if not is_gerund(m.group(1)) or m.group(1).lower() in _PREPOSITIONS:
            if m.start() == colon:
                return []  # the list must open with a participle
            continue  # a comma inside an item ("tariffs on steel, aluminium and copper")
        starts.append(m.start() + 1 if clean[m.start()] in ":;," else m.start())
    return starts


def reads_as_action(first: Token, parse: Callable[[str], Doc] | None) -> bool:
    """Whether an item's first word names an action when read behind a subject and "will"
    ("lower tariffs on X": the tagger alone reads "lower" as an adjective)."""
    if parse is None or not first.is_alpha or first.lower_ not in verb_lemmas():
        return False  # "cyber security", "transatlantic trade": no verb to read
    after = first.nbor(1) if first.i + 1 < len(first.doc) else None
    if after is None or after.is_punct:
        return False  # "age;", "race, ethnicity, or religion": a bare noun of a list
    doc = parse(_SUBJECT_PREFIX + first.doc.text[first.idx :])
    verb = doc[2] if len(doc) > 2 else None
    # read as a verb that takes an object or a complement ("lower tariffs on X")
    return verb is not None and verb.tag_ == "VB" and verb.text == first.text \
        and any(c.dep_ in _COMPLEMENTS for c in verb.children)
