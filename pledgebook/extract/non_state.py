"""Statements undertaken by a body that is no party: a company or an international organisation.

"General Atomics will also establish an MRO facility in India" is General Atomics' undertaking,
not the document's parties'. Once every name is attached (NER finds most companies), a
commitment whose subject named no party and consists of institutions' names only is theirs:
a company (a name only NER found, with no head word of a mechanism) or an international organisation of actors.yaml
``organisations`` (the World Bank) is a non-state actor, carried in ``non_state_actors`` with
``actors`` empty and ``actor_source: non_state``; an institution the gazetteer gives to states
(JICA) acts for them. Any other body (a task force, a council, a pillar of an initiative) is the
parties' own mechanism and leaves the statement to them; so does a label ("Non-Tariff Barriers:").
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
    """Give a commitment whose subject is only institutions' names to those institutions."""
    parties_of = {e.name: e.parties for e in ex.codebook.gazetteer}
    organisations = frozenset(ex.codebook.actors.organisations)
    known = {(m.start, m.end) for m in doc.names.find()}  # the gazetteer's and discovery's; the rest is NER's
    companies = ex.codebook.actors.company_words
    for d in doc.drafts:
        if d.kind == "commitment" and d.actor_source in ("subject", "document_parties") \
                and (company := company_name(d.who, companies)):
            # "China Road and Bridge Corporation will build ...": the company, not the state its name holds
            d.actors, d.actor_source, d.non_state = [], "non_state", [company]
            continue
        if d.kind != "commitment" or d.actor_source != "document_parties" or d.who == "document parties":
            continue
        bodies = subject_bodies(d.who, d.entities)
        if not bodies or any(b.surface.rstrip().endswith(":") or doc.text[b.end : b.end + 1] == ":" for b in bodies):
            continue
        if all(b.name in organisations or ((b.start, b.end) not in known and _company(b.name, ex)) for b in bodies):
            d.actors, d.actor_source = [], "non_state"
            d.non_state = list(dict.fromkeys(b.name for b in bodies))
        elif all(parties_of.get(b.name) for b in bodies):  # "JICA will ...": Japan's agency
            d.actors, d.actor_source = sorted({p for b in bodies for p in parties_of[b.name]}), "subject"


_NAME_GLUE = frozenset({"and", "&", "of"})


def company_name(subject: str | None, company_words: frozenset[str]) -> str | None:
    """The company a subject phrase names, when it ends in a company's name ("The Chinese
    contractor China Harbour Engineering Company" -> "China Harbour Engineering Company"): the
    run of capitalised words (with "and", "of") that ends in one of ``company_words``."""
    if not subject:
        return None
    subject = _RELATIVE.sub("", subject)
    if "," in subject:
        return None  # a list of bodies ("the Working Group, the Dialogue, and ...") is no company
    written = subject.split()
    if not written or written[-1].lower() not in company_words:
        return None
    start = len(written) - 1
    while start > 0 and (written[start - 1][:1].isupper() or written[start - 1].lower() in _NAME_GLUE):
        start -= 1
    while start < len(written) - 1 and written[start].lower() in _NAME_GLUE:
        start += 1
    name = written[start:]
    # a name of two words at least ("the company" is a common noun), no more than four words before it
    if len(name) < 2 or not name[0][:1].isupper() or start > 4 or name[0].lower() in ("the", "a", "an"):
        return None
    return " ".join(name)


def _company(name: str, ex: Extractor) -> bool:
    """A name NER found is a company's unless it ends in a head word of the discovery rules or
    in one of actors.yaml ``mechanism_words`` ("the Task Force", "the Steering Committee", "the
    Diplomacy Pillar": a mechanism of the parties); a corporate suffix
    ("Inc.", "Ltd") makes it one whatever comes before."""
    rules = ex.codebook.discovery
    if name.rstrip().endswith(rules.corporate_suffixes):
        return True
    tail = words(name)
    heads = (" ".join(tail[-n:]) for n in (1, 2, 3))
    return not any(h in rules.heads or h in ex.codebook.actors.mechanism_words for h in heads)


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

