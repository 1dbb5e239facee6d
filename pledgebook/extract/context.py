"""The state of one document's extraction.

Everything ``Extractor.extract`` learns about a document lives in a ``DocContext`` made for
that call, the way spaCy keeps what it learns about a text on its ``Doc``; the Extractor
itself holds configuration only, so one instance can serve many threads. A statement is a
mutable ``Draft`` while the discourse steps attach names to it, and becomes a validated
``Statement`` once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from pledgebook.core.data import EntityMention, Statement, When, statement_id
from pledgebook.extract.entities import DocumentNames, EntityFinder
from pledgebook.extract.metadata import DocInfo
from pledgebook.extract.companies import CompanyMap
from pledgebook.extract.people import PeopleMap
from pledgebook.read.base import RawDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from pledgebook.extract.clauses import Finding
    from pledgebook.segment.segmenter import Paragraph, Sentence


@dataclass(slots=True)
class Draft:
    """A statement being built: what the rules decided, plus the evidence the discourse steps
    use (its sentence unit, its verbs, the words that carried names to it)."""

    start: int  # character offsets into the document's text
    end: int
    text: str
    kind: str
    actors: list[str]
    strength: str | None = None
    entities: list[EntityMention] = field(default_factory=list)
    when: When | None = None
    rule: str = ""
    trigger: str | None = None  # lemma of the trigger word
    trigger_words: list[str] = field(default_factory=list)
    actor_source: str = "document_parties"
    who: str = "document parties"  # the words the actors were read from
    non_state: list[str] = field(default_factory=list)  # the company or organisation undertaking it, if no party
    # a meeting's subject's own actors, when those it meets were added ("Vietnam met with China"):
    # what a pronoun in the next statement refers back to ("He also underscored ...")
    subject_actors: list[str] | None = None
    # -- evidence for the discourse steps --
    unit: int = -1  # index of its sentence unit in DocContext.units
    clean: str = ""  # its words in the sentence's clean text (evidence for its sectors)
    category: str = ""  # the finding's category (with the sectors, gives the event codes)
    verb: Token | None = None  # the verb the statement hangs on (None: not parsed)
    joined: Token | None = None  # the verb that one is joined to, if any
    anaphor: str | None = None  # "its", "the agreement": the words that carried the statement before's names here
    names_from_joined_verb: bool = False  # its names came from the verb it shares a subject with
    # -- set by the last step --
    sectors: list[str] = field(default_factory=list)
    plover: str | None = None
    cameo: str | None = None

    def rationale(self) -> str:
        """The human-readable account of how the statement was found, from the fields above."""
        out = f"rule={self.rule}; trigger='{' '.join(self.trigger_words)}'; actor from '{self.who}'"
        if self.non_state:
            out += f" (no party: {', '.join(self.non_state)})"
        if self.anaphor is not None:
            out += f"; entities via '{self.anaphor}'"
        if self.names_from_joined_verb:
            out += "; entities from the verb it is joined to"
        return out

    def build(self, doc_id: str) -> Statement:
        """The validated record of this statement."""
        return Statement(
            id=statement_id(doc_id, self.start, self.end),
            start=self.start,
            end=self.end,
            text=self.text,
            kind=self.kind,
            actors=self.actors,
            strength=self.strength,
            sectors=self.sectors,
            entities=self.entities,
            when=self.when,
            plover=self.plover,
            cameo=self.cameo,
            rule=self.rule,
            trigger=self.trigger,
            trigger_words=self.trigger_words,
            actor_source=self.actor_source,
            non_state_actors=self.non_state,
            rationale=self.rationale(),
        )


class NerItem(NamedTuple):
    """A statement waiting for the batched NER step, with the parse it was found in."""

    draft: Draft
    sentence: Sentence
    finding: Finding
    parsed: Doc


@dataclass(slots=True)
class DocContext:
    """One document's extraction in progress."""

    raw: RawDocument
    content_hash: str
    paragraphs: list[Paragraph]
    info: DocInfo
    people: PeopleMap
    speakers: frozenset[str]  # the document's parties and the group that speaks as "we"
    finder: EntityFinder = field(repr=False)  # the extractor's, for ``names``
    units: list[tuple[int, int]] = field(default_factory=list)  # span of each sentence unit
    # every statement found, in the order found; a second one with the same span stays here
    # (it takes part in the steps) but not in ``statements``
    drafts: list[Draft] = field(default_factory=list)
    statements: list[Draft] = field(default_factory=list)  # the record's: one per span, in text order
    ner_queue: list[NerItem] = field(default_factory=list)
    _names: DocumentNames | None = field(default=None, repr=False)
    # the actors each phrase names, by (phrase, parties, group): a statement's subject is resolved
    # several times (the forecast test, its actors, its speaker), and the same subjects recur
    actor_memo: dict[tuple[str, tuple[str, ...], str | None], tuple[str, ...]] = field(default_factory=dict, repr=False)
    # the companies a news report introduces with their country (extract/companies.py); None elsewhere
    companies: CompanyMap | None = field(default=None, repr=False)

    @property
    def doc_id(self) -> str:
        return self.content_hash[:16]

    @property
    def names(self) -> DocumentNames:
        """Every entity name in the text, found on first use (a document without statements
        needs none) and then kept for this document."""
        if self._names is None:
            self._names = self.finder.analyse(self.raw.text, parties=self.info.parties)
        return self._names

    @property
    def text(self) -> str:
        return self.raw.text

    def by_unit(self) -> dict[int, list[Draft]]:
        """The drafts of each sentence unit, in the order found."""
        out: dict[int, list[Draft]] = {}
        for d in self.drafts:
            out.setdefault(d.unit, []).append(d)
        return out

    def restart(self, parties: list[str]) -> None:
        """Forget the drafts, to draft again with other parties (a news report's, once known)."""
        self.info.parties = parties
        self.speakers = frozenset([*parties, *([self.info.group] if self.info.group else [])])
        self.drafts, self.statements, self.ner_queue = [], [], []
        self._names = None  # an alias of a foreign project reads differently with other parties

    def keep_one_per_span(self) -> None:
        """The record's statements: the first draft of each span, in text order."""
        seen: set[tuple[int, int]] = set()
        self.statements = []
        for d in sorted(self.drafts, key=lambda d: (d.start, d.end)):
            if (d.start, d.end) not in seen:
                seen.add((d.start, d.end))
                self.statements.append(d)
