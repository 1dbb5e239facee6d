"""The optional NER step: spaCy's named-entity recogniser, run once per document over the
sentences holding a statement with a proper noun that nothing else explains (most statements
have none; NER is costly), adds the names the gazetteer and discovery rules miss."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pledgebook.codebook.actors import ActorBook
from pledgebook.codebook.entities import DiscoveryRules
from pledgebook.core.data import EntityMention
from pledgebook.extract.context import DocContext, Draft, NerItem
from pledgebook.extract.nlp import PARSE_BATCH

if TYPE_CHECKING:
    from pledgebook.extract.clauses import Finding
    from pledgebook.extract.pipeline import Extractor
    from pledgebook.segment.segmenter import Sentence

# spaCy entity labels kept as entities (people, countries and nationalities are actors, not entities)
NER_KINDS = {"ORG": "institution", "FAC": "project", "PRODUCT": "other", "EVENT": "event", "LAW": "agreement",
             "LOC": "place", "WORK_OF_ART": "other"}


def queue_named(ex: Extractor, doc: DocContext, draft: Draft, sent: Sentence, f: Finding, parsed) -> None:
    """Queue ``draft`` for the NER step if a proper noun in it is not yet explained: no known
    entity, country or group covers it."""
    if ex.ner is None or parsed is None:
        return
    start, end = draft.start, draft.end
    covered = [(m.start, m.end) for m in draft.entities]
    covered += [(s + start, e + start) for _, s, e in ex.actors.find_countries(doc.text[start:end], capitals=True)]
    covered += [(s + start, e + start) for _, s, e in ex.actors.find_groups(doc.text[start:end])]
    for t in parsed:
        if t.pos_ == "PROPN" and f.start <= t.idx < f.end:
            span = sent.view.span(t.idx, t.idx + len(t.text))
            if not any(s <= span.start and span.end <= e for s, e in covered):
                doc.ner_queue.append(NerItem(draft, sent, f, parsed))
                return


def attach_named(ex: Extractor, doc: DocContext) -> None:
    """Run NER once over the queued sentences (batched) and add the names it finds."""
    if not doc.ner_queue:
        return
    parses = {id(item.parsed): item.parsed for item in doc.ner_queue}  # a sentence may hold several statements
    for _ in ex.ner.pipe(parses.values(), batch_size=PARSE_BATCH):
        pass  # annotates the docs in place
    for item in doc.ner_queue:
        named = _named(doc.text, item, ex.actors.book, ex.entities.rules)
        item.draft.entities = item.draft.entities + [m for m in named if not doc.people.names_someone(m.name)]
    doc.ner_queue = []


def _named(text: str, item: NerItem, book: ActorBook, rules: DiscoveryRules) -> list[EntityMention]:
    """Names spaCy's NER finds in the statement that the gazetteer and discovery did not."""
    f, found = item.finding, item.draft.entities
    exclusions = rules.designator_exclusions
    out: list[EntityMention] = []
    for ent in item.parsed.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind is None or ent.start_char < f.start or ent.end_char > f.end or len(ent.text) < 3:
            continue
        span = item.sentence.view.span(ent.start_char, ent.end_char)
        if any(m.start < span.end and span.start < m.end for m in found + out):
            continue  # already known, under its canonical name
        for s, e in _split_coordinated(text, span.start, span.end):
            surface = text[s:e]
            name = " ".join(surface.split()).removeprefix("the ").removeprefix("The ")
            if ner_name_ok(name, book) and not (kind == "institution" and _part_label(name, exclusions)):
                out.append(EntityMention(name=name, kind=kind, start=s, end=e, surface=surface, source="discovered"))
    return out


def ner_name_ok(name: str, book: ActorBook) -> bool:
    """NER's one-word finds are mostly common nouns ("Council", "Renminbi", "Earth"); "a ..."
    is generic; a country or a pair of them ("U.S.-Japan") is an actor."""
    words = name.split()
    if len(words) < 2 or words[0] in ("a", "an", "A", "An"):
        return False
    parts = re.split(r"[-–]", name.removesuffix("’s").removesuffix("'s"))
    return not all(book.lookup(p) is not None for p in parts if p)


def _part_label(name: str, exclusions: frozenset[str]) -> bool:
    """"Phase 2A", "Stage II": a label of a part of something (discovery.designator_exclusions
    and a code). NER takes it for an organisation, which it never is (as a law, "Article 5",
    "Section 232", it is a provision and stays)."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in exclusions and re.fullmatch(r"[\dIVX]+[A-Za-z]?", words[1]) is not None


def _split_coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """NER may join two names: "ISRO and the National Aeronautics and Space Administration"."""
    m = re.search(r"\s+and\s+the\s+(?=[A-Z])", text[start:end])
    if m is None:
        return [(start, end)]
    return [(start, start + m.start()), (start + m.end(), end)]
