"""Undertakings listed after a clause that introduces them: "We will:" before a list of
items, "Peru will (i) ...; (ii) ..." inside a sentence, a speech's "we will …" carried on by
the paragraphs after it. The items take the lead's actors (``Finding.lead_actors``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding, embedded_under
from pledgebook.extract.context import Draft
from pledgebook.extract.grammar import names_undertaking
from pledgebook.extract.obligations import reads_as_action
from pledgebook.extract.rules import Rule
from pledgebook.extract.units import Candidate
from pledgebook.segment.markers import LEADING_MARKER
from pledgebook.segment.segmenter import Paragraph, ends_in_ellipsis

_ENDS_IN_TO = re.compile(r"\bto\s*:?\s*$", re.IGNORECASE)
_TRAILING_JOINER = re.compile(r"(?:[\s.;,]+(?:and|or))?[\s.;,]*$")
# a piece that ends inside an "including" list of means ("including by X", "including through X",
# "including exempting X"; not examples: "welcome partnerships, including the COP26 Dialogue")
_MEANS_OPEN = re.compile(r"\bincluding\s+(?:by|through|\w+ing)\b[^;]*;?\s*$", re.IGNORECASE)
# what may stand between an undertaking and the colon that opens its list ("take the necessary steps, including:")
_COLON_TAIL = re.compile(r"[\s,.;]*(?:(?:including|namely|as follows|in particular|inter alia)[\s,]*)?:\s*$", re.IGNORECASE)
SHORT_LEAD_WORDS = 12  # "Peru will" opening a sentence of items is short; a longer clause says more


@dataclass(slots=True)
class Lead:
    """A clause that introduces undertakings listed after it ("We will:", "Peru will (i) ...")."""

    actors: list[str]
    strength: str
    trigger: str
    to_items: bool = False  # "We commit to:": an item may name its action as a gerund or a noun ("the implementation of X")
    participles: bool = False  # "take the following steps: lifting X, ...": an item may be a participle
    line: bool = False  # a speech's "We will change how we work." before lines that open with a gerund
    means: bool = False  # "..., including by X;" left open: the pieces after it are means of the one undertaking
    loose: bool = False  # a lead-in read from its undertaking (ListCursor.opens_list_by): an item that names no action keeps what it says
    # "including: chemicals; medical devices; and tree nuts and fruit": an item was a bare noun phrase,
    # so the items after it are nouns of the same list ("tree", "low" are not read again as verbs)
    noun_items: bool = False

    @classmethod
    def of(cls, draft: Draft, f: Finding) -> Lead:
        """The undertaking ``draft`` (found as ``f``) leaves open for the items after it."""
        return cls(draft.actors, draft.strength or "firm", f.triggers[0] if f.triggers else "")


def lead_in(clean: str, resolve: Callable[[str], list[str]], lex: TriggerLexicon) -> Lead | None:
    """'We will:', 'The United States will' — a clause that only introduces undertakings
    (the lead-ins are the lexicon's ``list_lead_ins``). ``resolve(subject phrase)`` gives its actors."""
    match = lex.list_lead_in.search(clean)
    if not match:
        return None
    subject = lex.lead_subject.match(clean)
    trigger = match.group(0).split()[0].rstrip(":")
    return Lead(resolve(subject.group(1) if subject else "we"), _strength_of(trigger, lex), trigger,
                to_items=_ENDS_IN_TO.search(match.group(0)) is not None)


def _parallel_to_lead(parsed, lead: Lead, lex: TriggerLexicon) -> bool:
    """"X will finalize A, including by working to amend B; and strengthen C": after a modal lead,
    a piece that opens with "and" + a base-form verb is the modal's second verb, not a means of
    the first ("commits to enforce X, including by taking measures to improve A; and combat B"
    stays inside: its verbs may carry on the infinitives of the means)."""
    words = [t for t in parsed if not t.is_punct and not t.is_space]
    return lead.trigger.lower() in lex.binding_modals and len(words) > 1 \
        and words[0].lower_ in ("and", "or") and words[1].tag_ == "VB"


def _strength_of(word: str, lex: TriggerLexicon) -> str:
    """The strength of a lead-in's first word ("intend": moderate); a modal's is firm."""
    low = word.lower()
    for lemma in (low, low[:-1], low[:-2], low[:-1] + "e" if low.endswith("ed") else low):
        trigger = lex.verbs.get(lemma)
        if trigger is not None and trigger.strength:
            return trigger.strength
    return "firm"


def continued(findings: list[Finding], parsed, lead: Lead, lex: TriggerLexicon, gerunds: bool = False,
              parse: Callable[[str], Doc] | None = None) -> list[Finding]:
    """An item under "We will:" or a clause after "(ii)" or a semicolon that names an action
    is one commitment by the lead's actors (a noun-phrase item, such as a purchase listed
    under "deals will include:", is not). ``parse``: the parser, to read again an item whose
    first word the tagger took for something else (``obligations.reads_as_action``)."""
    kept = [f for f in findings if f.kind == "commitment" and f.subject]
    if lead.means and not _parallel_to_lead(parsed, lead, lex):
        return kept  # (a piece of the means names no undertaking of its own unless it has a subject)
    if kept:  # (a line with a clause of its own, "Recognizing X, the two sides will ...", keeps all it says)
        lead.noun_items = False  # (and what follows it carries on its clause, not a list of nouns before it)
        return findings if lead.line else kept
    marker = LEADING_MARKER.match(parsed.text)
    skip = marker.end() if marker else 0
    words = [t for t in parsed if t.idx >= skip and not t.is_punct and not t.is_space]
    # "and jointly promote ...", "; to support ...": joiners, adverbs and "to" before the verb
    while words and (words[0].dep_ in ("cc", "preconj") or words[0].lower_ in ("and", "or", "also", "to")
                     or (words[0].tag_ == "RB" and len(words) > 1)):
        words = words[1:]
    if not words:
        return findings
    first = words[0]
    # a bare verb names an action ("remove tariffs"); a gerund only elaborates ("including accepting ...")
    verb_like = first.tag_ in ("VB", "VBP") or (first.tag_ in ("NN", "NNP", "JJ") and first.lower_ in lex.verbs) \
        or _joined_to_verb(first) \
        or (gerunds and first.lower_.endswith("ing")) \
        or (lead.to_items and _names_action(first, lex)) \
        or (not lead.noun_items and reads_as_action(first, parse))  # "Joining the Paris Pact…"; "(1) lower tariffs"
    if lead.loose and (not verb_like or _heads_noun_phrase(first)):
        return findings  # (under a lead-in read from its undertaking, only a bare action is its item)
    if first.tag_ != "VBG" and _heads_noun_phrase(first):  # "support for X" listed: a noun phrase, no undertaking of its own
        lead.noun_items = True
        return [f for f in findings if f.kind != "commitment" or f.subject]
    # an item with a subject of its own is a clause, not a bare action ("amend its laws to ensure
    # that workers' rights are protected" has a subject only inside its purpose clause)
    # ("Strengthening governance is essential": the gerund is a subject, the item a clause)
    if not verb_like:
        lead.noun_items = True  # a bare noun phrase: the list is one of nouns
        return findings
    if first.dep_ == "csubj" or any(t.dep_ in ("nsubj", "nsubjpass") and not embedded_under(t, first)
                                    for t in parsed if t.idx >= skip):
        return findings
    items = [first, *(_joined_gerunds(first) if gerunds else [])]
    ends = [item.doc[item.i - 1].idx for item in items[1:]] + [len(parsed.text)]
    return [Finding(item.idx, len(_TRAILING_JOINER.sub("", parsed.text[:end])), "commitment", "commitment",
                    lead.strength, Rule.LISTED_UNDERTAKING, [lead.trigger, item.text], subject=None,
                    lead_actors=tuple(lead.actors)) for item, end in zip(items, ends, strict=True)]


def _ends_in_preposition_object(verb: Token, clean: str) -> bool:
    """"We will work together on protection and sustainable use of the ocean; decarbonizing X; and
    promoting Y": a piece that ends with a semicolon inside the noun object of the action's "on" or
    "in" leaves that preposition open: the gerunds after it are its items, one commitment each
    (annotation guide §10 "Gerunds after a preposition of the action")."""
    if not clean.rstrip().endswith(";"):
        return False
    last = next((t for t in reversed(verb.doc) if not t.is_punct and not t.is_space), None)
    return last is not None and any(
        p.dep_ == "prep" and p.lower_ in ("on", "in") and p.i > verb.i and p.right_edge.i >= last.i
        and any(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for o in p.children)
        for p in verb.children)


def _joined_gerunds(first: Token) -> list[Token]:
    """"Standing for a seat on the Council… And joining forces to ...": a gerund joined after a
    pause ("…", a comma or a semicolon, then "and") is an item of its own."""
    doc = first.doc
    return [c for c in first.children if c.dep_ == "conj" and c.tag_ == "VBG" and c.i >= 2
            and doc[c.i - 1].dep_ == "cc" and doc[c.i - 2].is_punct and doc[c.i - 2].text not in ("-", "–", "—")]


def _heads_noun_phrase(first: Token) -> bool:
    """"support for the return of refugees": a verb's form followed by "for" or "of" is a noun."""
    after = first.nbor(1) if first.i + 1 < len(first.doc) else None
    return after is not None and after.lower_ in ("for", "of")


def _joined_to_verb(first: Token) -> bool:
    """"fund and reform our institutions": a bare noun-tagged word joined to a base verb is a
    verb too (the tagger reads an item's first word without the subject it lacks)."""
    return first.tag_ == "NN" and not any(c.dep_ == "det" for c in first.children) \
        and any(c.dep_ == "conj" and c.tag_ == "VB" and c.i > first.i for c in first.children)


def _names_action(first: Token, lex: TriggerLexicon) -> bool:
    """An item after "We commit to:" that names an action: a gerund ("expanding X") or a noun
    phrase headed by an action or a plan ("the full implementation of X", "a joint action plan")."""
    if first.tag_ == "VBG" or first.lower_.endswith("ing"):
        return True
    head = first
    while head.dep_ in ("det", "amod", "compound", "nummod", "poss", "advmod") and head.head.i > head.i:
        head = head.head
    return head.pos_ in ("NOUN", "PROPN") and names_undertaking(head, lex)


@dataclass(slots=True)
class ListCursor:
    """Where the walk over a document's candidates stands: the leads open for list items, and
    what the last statement leaves to the next (its actors for a pronoun, its names for "its")."""

    previous_actors: list[str]
    previous_entities: list = field(default_factory=list)  # of the last statement of this paragraph that named any
    header: Lead | None = None  # "We will:" before a list of items (paragraphs)
    lead: Lead | None = None  # "Peru will (i) ...; (ii) ..." inside one sentence
    trailing: Lead | None = None  # the undertaking a paragraph ending in "…" leaves open
    # a speech's "We will change how we work." leaves its undertaking to the paragraphs after it
    # that open with a gerund and have no subject ("Listening more…", "Joining the Paris Pact…")
    participial: Lead | None = None
    lead_in: Draft | None = None  # the undertaking of a loose header, dropped once an item under it is read
    # "Key projects will include X; strengthening Y; ...": the items after a means verb may be gerunds
    means_verbs: frozenset[str] = frozenset()
    _para: Paragraph | None = None

    def enter(self, cand: Candidate) -> None:
        """Move to ``cand``: a new paragraph closes what the last one left open."""
        if cand.para is not self._para:
            if self._para is not None and not cand.carried:
                self.trailing = None
                # (a line that carries on one ending in "…", "Towards partnership…", keeps the run)
                if not cand.gerund_paragraph and not ends_in_ellipsis(self._para.sentences[-1].view.clean
                                                                      if self._para.sentences else ""):
                    self.participial = None
            self.previous_entities, self._para = [], cand.para
            if cand.para.kind != "list_item":
                self.header, self.lead_in = None, None
        if not cand.continues:
            self.lead = None
            # (a list of nouns ends with its sentence: the next bullet or sentence may list actions)
            self.header, self.trailing, self.participial = (
                replace(lead, noun_items=False) if lead is not None and lead.noun_items else lead
                for lead in (self.header, self.trailing, self.participial))

    def opens_list(self, cand: Candidate, introduced: Lead | None) -> bool:
        """Whether ``cand`` only introduces the undertakings after it (``introduced``, from
        ``lead_in``), which then become its items."""
        if introduced is None:
            return False
        clean = cand.piece.view.clean
        if clean.rstrip().endswith(":"):
            self.header = introduced
            # "agree to take the following steps: lifting X, reducing Y": the pieces after it are
            # its items, each naming its action as a participle
            self.lead = Lead(introduced.actors, introduced.strength, introduced.trigger, participles=True)
            return True
        if not cand.continues and len(clean.split()) <= SHORT_LEAD_WORDS:
            self.lead = introduced
            return True
        return False

    def opens_list_by(self, draft: Draft, cand: Candidate, f: Finding) -> None:
        """The undertaking ``draft`` (found as ``f``) may lead the items after it: a clause that
        ends in a colon and says more than ``lead_in`` reads ("To this end, we agree to the
        following steps to ensure the ceasefire, and calm on the border:"). Its items that name an
        action are its commitments, and the lead-in then none of its own (annotation guide §3:
        ``drops_lead_in``); items it cannot read as actions keep what they say. The undertaking must
        reach the colon ("..., including:" may close it)."""
        clean = cand.piece.view.clean
        if draft.kind != "commitment" or not f.subject or cand.source is not None or self.header is not None \
                or not _COLON_TAIL.match(clean[f.end:]):
            return
        self.header = replace(Lead.of(draft, f), loose=True)
        self.lead_in = draft

    def drops_lead_in(self, lead: Lead, findings: list[Finding]) -> Draft | None:
        """The lead-in to drop once an item under it (``lead``) was read as its commitment."""
        if not lead.loose or self.lead_in is None or not any(f.rule == Rule.LISTED_UNDERTAKING for f in findings):
            return None
        dropped, self.lead_in = self.lead_in, None
        return dropped

    def open_lead(self, cand: Candidate) -> tuple[Lead, bool] | None:
        """The lead whose items ``cand`` may hold, and whether a gerund can name an item's action."""
        if self.header is not None and cand.opens_item:
            return self.header, False
        if cand.continues and self.lead is not None:
            return self.lead, self.lead.participles
        if self.trailing is not None and cand.carried and cand.opens_paragraph:
            return self.trailing, True
        # (the whole first sentence: "Turning to Mali, | Algeria calls ..." has a subject further on)
        if self.participial is not None and cand.gerund_paragraph and cand.opens_paragraph and not cand.continues \
                and cand.piece.span.end == cand.para.sentences[0].span.end:
            return self.participial, True
        return None

    def found(self, draft: Draft, cand: Candidate, f: Finding) -> None:
        """``draft`` was found in ``cand``: it may open a list in turn."""
        self.previous_actors = draft.actors if draft.subject_actors is None else draft.subject_actors
        if draft.entities:
            self.previous_entities = draft.entities
        if draft.kind != "commitment":
            self.participial = None
        elif not ends_in_ellipsis(cand.piece.view.clean):  # (one trailing off leaves it to ``trailing``)
            self.participial = replace(Lead.of(draft, f), line=True)
        if draft.kind == "commitment":
            # (after an open "including" list of means, "..., including by taking X; encouraging Y;
            # and accepting Z" are means of the one commitment, annotation guide §3)
            if not cand.continues and self.lead is None:
                self.lead = replace(Lead.of(draft, f), means=bool(_MEANS_OPEN.search(cand.piece.view.clean)),
                                    participles=draft.verb is not None and (
                                        draft.verb.lemma_.lower() in self.means_verbs
                                        or _ends_in_preposition_object(draft.verb, cand.piece.view.clean)))
            if ends_in_ellipsis(cand.piece.view.clean):
                self.trailing = Lead.of(draft, f)
