"""Statements undertaken by a body that is no party: a company or an international organisation.

"General Atomics will also establish an MRO facility in India" is General Atomics' undertaking,
not the document's parties'. Once every name is attached (NER finds most companies), a
statement whose subject named no party and consists of institutions' names only is theirs:
an institution the gazetteer gives to states (USAID, JICA) acts for those states; any other
(a company, the World Bank) is a non-state actor, carried in ``non_state_actors`` with
``actors`` empty and ``actor_source: non_state``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pledgebook.core.data import EntityMention
from pledgebook.extract.context import DocContext
from pledgebook.extract.phrases import words

if TYPE_CHECKING:
    from pledgebook.extract.pipeline import Extractor

# words that may stand around the bodies' names in a subject: "the World Bank and the IMF", "both"
_GLUE = frozenset({"the", "and", "both", "also", "together", "jointly"})
_RELATIVE = re.compile(r"(?:\s*,\s*|\s+)(?:which|who|whom|whose)\b.*$", re.DOTALL)


def attach_non_state(ex: Extractor, doc: DocContext) -> None:
    """Give a statement whose subject is only institutions' names to those institutions."""
    parties_of = {e.name: e.parties for e in ex.codebook.gazetteer}
    for d in doc.drafts:
        if d.actor_source != "document_parties" or d.who == "document parties":
            continue
        bodies = subject_bodies(d.who, d.entities)
        if not bodies:
            continue
        states = [p for b in bodies for p in parties_of.get(b.name, ())]
        if all(parties_of.get(b.name) for b in bodies):
            d.actors, d.actor_source = sorted(set(states)), "subject"  # "JICA will ...": Japan's agency
        else:
            d.actors, d.actor_source = [], "non_state"
            d.non_state = list(dict.fromkeys(b.name for b in bodies))


def subject_bodies(subject: str, entities: list[EntityMention]) -> list[EntityMention]:
    """The institutions a subject phrase consists of ("General Atomics", "the World Bank and the
    IMF"), or [] when it says anything else ("the partners of the World Bank", "the facility")."""
    rest = list(words(_RELATIVE.sub("", subject)))
    found: list[EntityMention] = []
    for e in entities:
        name = list(words(e.surface))
        at = _index(rest, name) if e.kind == "institution" and name else -1
        if at >= 0:
            rest[at : at + len(name)] = []
            found.append(e)
    return found if found and all(w in _GLUE for w in rest) else []


def _index(haystack: list[str], needle: list[str]) -> int:
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i : i + len(needle)] == needle:
            return i
    return -1

