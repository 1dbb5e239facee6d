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
from pledgebook.core.data import EntityMention
from pledgebook.extract.clauses import governs
from pledgebook.extract.context import DocContext, Draft
from pledgebook.extract.ner import attach_named
from pledgebook.extract.non_state import attach_non_state
from pledgebook.extract.rules import Rule

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


def share_sentence_entities(ex: Extractor, doc: DocContext, anaphoric_only: bool = False) -> None:
    """A statement that names nothing is about what the verb it shares a subject with names
    ("We condemn violence by the Myanmar military, and commit to pressing for its end";
    "reiterated their support for X, noting Acme's investment"). Not where the meeting was
    ("agreed to hold the summit in Tokyo and to launch a fund"), nor when it names a country.
    ``anaphoric_only``: only from a partner whose project came through project anaphora (the
    re-run after that step)."""
    for group in doc.by_unit().values():
        for d in group:
            if d.entities or d.verb is None \
                    or any(code not in d.actors for code, _, _ in ex.actors.find_countries(d.text)):
                continue  # (a country it names, other than its speakers, is what it is about)
            partner = next((o for o in group if o.entities and _joined(d, o) and (not anaphoric_only or any(
                e.kind == "project" and e.source == "anaphora" for e in o.entities))), None)
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
        introduced = resolver.introduced(doc.text, d.start, d.end) if anaphor is None else None
        if anaphor is None and introduced is None:
            continue
        cls = (anaphor or introduced)[2]
        if carried and (cls == ANY_PROJECT or any(cls in resolver.classes([c.name, c.surface]) for c in carried)):
            continue  # what the statement before named fits the head: keep it
        found = (resolver.antecedent(names, doc.text, anaphor, d.start, doc.raw.body_start) if anaphor
                 else resolver.only(names, doc.text, introduced, doc.raw.body_start))
        if found is None or any(e.start < found.end and found.start < e.end for e in d.entities):
            continue
        d.entities = sorted([*(e for e in d.entities if e not in carried), found], key=lambda e: e.start)
        if d.anaphor is None or carried:
            d.anaphor = found.surface
    # "The project was agreed in 2010 and will be funded by X": its partner names the project only now
    share_sentence_entities(ex, doc, anaphoric_only=True)
    carry_projects_back(ex, doc)
    attach_funded_project(ex, doc, names)
    attach_headline_project(doc, names)


_HEADLINE_KINDS = frozenset({"commitment", "agreement"})
HEADLINE_CHARS = 200  # a longer first line is a paragraph, not a headline
_NON_SPACE = re.compile(r"\S")


def attach_headline_project(doc: DocContext, names: list) -> None:
    """"Sri Lanka, China agree to fast-track Sinopec's refinery in Hambantota" ... "Sinopec and Sri
    Lanka will work to resolve land, tax and water issues within a month": in a report whose
    headline names a project and whose text names no other, an undertaking or agreement that
    names nothing but places is about that project (the headline's mention is its entity)."""
    span = _headline(doc)
    if span is None:
        return
    projects = {m.name for m in names if m.kind == "project"}
    headline = [m for m in names if m.kind == "project" and span[0] <= m.start and m.end <= span[1]]
    if len(projects) != 1 or not headline:
        return
    for d in doc.statements:
        if d.kind in _HEADLINE_KINDS and all(e.kind == "place" for e in d.entities) and not d.start < span[1] <= d.end:
            d.entities = [headline[0], *d.entities]
            d.anaphor = d.anaphor or "the headline"


def _headline(doc: DocContext) -> tuple[int, int] | None:
    """The headline's span: the title in the front matter, else the body's first line when it
    reads as one (a short line of its own, no full stop at its end)."""
    text, body = doc.text, doc.raw.body_start
    if doc.raw.title and (i := text.find(doc.raw.title, 0, body)) >= 0:
        return i, i + len(doc.raw.title)
    # the first line with a character on it, and a newline after it (found without a regex,
    # which on a text of one enormous line would retry at every character: quadratic)
    first = _NON_SPACE.search(text, body)
    end = text.find("\n", first.start()) if first is not None else -1
    if end < 0:
        return None
    line = text[first.start() : end]
    if len(line) > HEADLINE_CHARS or line.rstrip().endswith((".", "!", "?", "”", '"')):
        return None
    return first.start(), end


def carry_projects_back(ex: Extractor, doc: DocContext) -> None:
    """"Our desire is to put the first phase of the project into effect. We will make every effort
    to achieve this.": a statement naming no project that refers back ("this", "its", "the
    project") is about the project of the statement just before it on the same line, once that
    one's own project is known (project anaphora comes after drafting)."""
    previous: Draft | None = None
    for d in sorted(doc.statements, key=lambda x: x.start):
        projects = [e for e in d.entities if e.kind == "project"]
        if not projects and previous is not None and "\n" not in doc.text[previous.end : d.start] \
                and (m := ex.mentions.anaphor.search(doc.text, d.start, d.end)) is not None:
            carried = [e for e in previous.entities if e.kind == "project"][:1]
            if carried:
                d.entities = sorted([*d.entities, *carried], key=lambda e: e.start)
                d.anaphor = d.anaphor or m.group(0)
        previous = d


_FUNDING_RULES = frozenset({Rule.FUNDING_PLEDGED.value, Rule.FUNDED_BY_PARTY.value})


def attach_funded_project(ex: Extractor, doc: DocContext, names: list) -> None:
    """"China had cut the interest rate on a proposed additional loan": money pledged in a report
    that names one specific project (a railway, a plant) and no other is money for that project;
    the entity is grounded on the funding word ("loan", "funded")."""
    paid = {v + ("d" if v.endswith("e") else "ed") for v in ex.lex.funded_by_verbs}  # "financed", "funded"
    money = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in sorted(ex.lex.funding_nouns | paid, key=len, reverse=True))})\b",
                       re.IGNORECASE)
    funded = [(d, m) for d in doc.statements if d.rule in _FUNDING_RULES and not any(e.kind == "project" for e in d.entities)
              and (m := money.search(doc.text, d.start, d.end)) is not None]
    if not funded:
        return
    resolver = ex.project_anaphora
    projects = [p for p in resolver.projects(names, doc.text, len(doc.text), doc.raw.body_start) if p.classes]
    if len(projects) != 1:
        return
    for d, m in funded:
        found = EntityMention(name=projects[0].name, kind="project", start=m.start(), end=m.end(),
                              surface=m.group(), source="anaphora")
        d.entities = sorted([*d.entities, found], key=lambda e: e.start)
        d.anaphor = d.anaphor or found.surface


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
