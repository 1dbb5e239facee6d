"""The discourse steps: once every statement of a document is drafted, names said elsewhere
in the text are attached to the statements they belong to, then sectors and event codes are
decided. Each step is a function ``(extractor, doc) -> None`` over the document's context.

The order matters, and ``DISCOURSE_STEPS`` fixes it:

1. ``orphans``: a name in a part of a sentence no statement covers goes to the nearest one.
2. ``antecedents``: "the agreement" takes the latest name with that head word. It sees the
   orphans' names (a definite inside a name already found is no reference) and replaces the
   names an anaphor carried over from the statement before ("its", set when drafting).
3. ``named``: spaCy's NER, where a proper noun is still unexplained.
   ``non_state``: a statement whose subject named no party and is only institutions' names
   ("General Atomics will ...") is theirs (extract/non_state.py); after NER, which finds companies.
4. ``shared``: a statement that still names nothing takes the names of the verb it shares a
   subject with; it must see every name the steps before attached, to the statement itself
   ("names nothing") and to its partner.
5. ``projects``: a statement that still names no project and says "the plant", "the line" or
   "the deal" is about the most salient compatible project named before it (extract/anaphora.py);
   after the steps before, so a project any of them attached is not overridden.
6. ``sectors``: sectors and event codes weigh every name attached, so they come last.

A step appends to a statement's names, so the order also fixes the order of those names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pledgebook.codebook.entities import ANY_PROJECT
from pledgebook.extract.clauses import governs
from pledgebook.extract.context import DocContext, Draft
from pledgebook.extract.ner import attach_named
from pledgebook.extract.non_state import attach_non_state

if TYPE_CHECKING:
    from pledgebook.extract.pipeline import Extractor

ANTECEDENT_WINDOW = 2500  # characters searched back for what "the agreement" refers to
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)  # "... in Tokyo": where, not what

Step = Callable[["Extractor", DocContext], None]


def attach_orphans(ex: Extractor, doc: DocContext) -> None:
    """A name in a part of a sentence that belongs to none of its statements (a trailing
    complement, a shared object, a line that carries the sentence on after an ellipsis)
    goes to the nearest statement of that sentence."""
    text = doc.text
    for unit, group in doc.by_unit().items():
        start, end = doc.units[unit]
        speakers = sorted({a for d in group for a in d.actors})
        for m in ex.mentions.names_in(doc.names, start, end, speakers, doc.speakers):
            if any(d.start <= m.start and m.end <= d.end for d in group):
                continue
            before = [d for d in group if d.end <= m.start]
            previous = max(before, key=lambda d: d.end) if before else None
            if previous is not None and not re.search(r"[,;:.!?]", text[previous.end : m.start]):
                nearest = previous  # its trailing complement ("met with X in Beijing, and ...")
            else:
                nearest = min(group, key=lambda d: max(d.start - m.end, m.start - d.end, 0))
            if all(e.name != m.name and not (e.start < m.end and m.start < e.end) for e in nearest.entities):
                nearest.entities = sorted([*nearest.entities, m], key=lambda e: e.start)


def attach_antecedents(ex: Extractor, doc: DocContext) -> None:
    """"the agreement", "the Council": the most recent name with that head word in the
    preceding text (a few paragraphs) is what the statement is about."""
    for d in doc.statements:
        for m in ex.mentions.definite.finditer(doc.text, d.start, d.end):
            if any(e.start <= m.start(1) < e.end for e in d.entities):
                continue  # part of a name already found ("the Agreement on Trade")
            found = doc.names.antecedent(m.group(1), m.start(), ANTECEDENT_WINDOW)
            if found is None:
                continue
            if d.anaphor == m.group(0):
                d.entities = [found]  # the one name it refers to, not all the clause before had
            elif all(e.name != found.name for e in d.entities):
                d.entities = [*d.entities, found]


def share_sentence_entities(ex: Extractor, doc: DocContext) -> None:
    """A statement that names nothing is about what the verb it shares a subject with names
    ("We condemn violence by the Myanmar military, and commit to pressing for its end";
    "reiterated their support for X, noting Acme's investment"). Not where the meeting was
    ("agreed to hold the summit in Tokyo and to launch a fund"), nor when it names a country."""
    for group in doc.by_unit().values():
        for d in group:
            if d.entities or d.verb is None \
                    or any(code not in d.actors for code, _, _ in ex.actors.find_countries(d.text)):
                continue  # (a country it names, other than its speakers, is what it is about)
            partner = next((o for o in group if o.entities and _joined(d, o)), None)
            if partner is not None:
                topics = [e for e in partner.entities if not (e.kind == "place" and _LOCATIVE.search(doc.text, 0, e.start))]
                d.entities = ex.mentions.carried(topics, d.actors)
                d.names_from_joined_verb = bool(d.entities)


def _joined(d: Draft, other: Draft) -> bool:
    """Whether the verbs of ``d`` and ``other`` are joined (one governs the other's partner)."""
    return other.verb is not None and (governs(other.verb, d.joined) or governs(d.verb, other.joined))


def attach_project_anaphora(ex: Extractor, doc: DocContext) -> None:
    """"the plant would be launched in 2023": a statement naming no project takes the project a
    definite generic head refers to, grounded on that head's words. It also replaces projects
    carried over from the statement before ("its", the anaphor nouns) when its head is of a
    class none of them has ("the line" after a statement about a plant)."""
    resolver = ex.project_anaphora
    names = doc.names.find()
    for d in doc.statements:
        projects = [e for e in d.entities if e.kind == "project"]
        carried = [e for e in projects if not (d.start <= e.start and e.end <= d.end)]
        if projects and (len(carried) < len(projects) or d.anaphor is None):
            continue  # it names its own project
        anaphor = resolver.anaphor(doc.text, d.start, d.end)
        if anaphor is None:
            continue
        cls = anaphor[2]
        if carried and (cls == ANY_PROJECT or any(cls in resolver.classes([c.name, c.surface]) for c in carried)):
            continue  # what the statement before named fits the head: keep it
        found = resolver.antecedent(names, doc.text, anaphor, d.start, doc.raw.body_start)
        if found is None or any(e.start < found.end and found.start < e.end for e in d.entities):
            continue
        d.entities = sorted([*(e for e in d.entities if e not in carried), found], key=lambda e: e.start)
        if d.anaphor is None or carried:
            d.anaphor = found.surface


def classify_sectors(ex: Extractor, doc: DocContext) -> None:
    """Sectors, and the event codes they refine, once all entities are attached, with the
    rest of the statement's sentence as weak evidence and the sentences around it for a
    statement that names no field."""
    text = doc.text
    for d in doc.drafts:
        context: tuple[str, ...] = ()
        nearby: list[str] = []
        if 0 <= d.unit < len(doc.units):
            start, end = doc.units[d.unit]
            context = (text[start : max(start, d.start)], text[min(end, d.end) : end])
            nearby = [text[s:e] for s, e in doc.units[max(d.unit - 1, 0) : d.unit + 2] if (s, e) != (start, end)]
        d.sectors = ex.sectors.classify(d.clean, d.entities, kind=d.kind, category=d.category, speakers=d.actors,
                                        context=context, nearby=nearby)
        d.plover, d.cameo = ex.events.for_category(d.category, d.sectors)


# Run in this order by Extractor.extract (see the module docstring for why).
DISCOURSE_STEPS: tuple[tuple[str, Step], ...] = (
    ("orphans", attach_orphans),
    ("antecedents", attach_antecedents),
    ("named", attach_named),
    ("non_state", attach_non_state),
    ("shared", share_sentence_entities),
    ("projects", attach_project_anaphora),
    ("sectors", classify_sectors),
)
