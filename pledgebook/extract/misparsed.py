"""Main clauses the parser hides, read again.

- An infinitive the tagger reads as an adjective: "We have agreed to treble resources available to
  the IMF": "treble" (double, triple, quadruple) after "to" is tagged an adjective of "resources", and
  the trigger finds no action; a verb of multiplying (triggers.yaml ``speech.multiplying_verbs``)
  right after the trigger's "to" is its action.
- A gerund after a colon: "We agreed today on: following through on fiscal stimulus": the parser
  leaves the gerund unattached ("dep"); a gerund right after the trigger's colon is its action.
- The first of two main clauses joined by a comma alone ("Singapore will continue to support X, we
  will share Y"), which the parser hangs on the second as its complement (reattach.py marks it).
- A noun of resolve read as a verb: "a demonstration of solidarity and resolve to uphold the rule of
  law" (misparsed.noun_read_as_verb; codebook ``noun_read_as_verb``): no undertaking.
- A main clause made the complement of a relative clause that follows it: in "We therefore decide
  to set up a task force, with a focus on youth, that will provide input to the ministerial
  meeting", the parser roots the sentence at "provide" (subject "that") and hangs "We decide ..."
  on it as a complement, which nothing then reads as the undertaking it is. A complement that
  opens the sentence, with a subject of its own, before a root whose subject is a relative pronoun,
  is analysed as a clause of its own.
- A fronted participial clause read as the clausal subject: in "Describing their ties as "deep and
  comprehensive", India and Nepal on Thursday decided to expedite X" the parser makes "Describing ..."
  the subject of "decided" (``csubj``) and swallows the real subject, after the clause's comma, as an
  object inside it; the name run after that comma, ending the clause right before the verb's own
  words, is the subject (``subject_behind_fronted_participle``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import VERBAL, subject_of

_RELATIVE_PRONOUNS = frozenset(("that", "which", "who"))


def misread_action(trigger: Token, lex: TriggerLexicon) -> Token | None:
    """The action a trigger governs that the tagger or parser misread: "agreed to [treble] X",
    "agreed today on: [following] through on X"."""
    doc = trigger.doc
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "to" and prep.i + 1 < len(doc):
            word = doc[prep.i + 1]
            if word.lower_ in lex.speech.multiplying_verbs and word.dep_ == "amod" and word.head.head.i == prep.i:
                return word
    for gerund in trigger.children:
        if gerund.dep_ in ("dep", "parataxis") and gerund.tag_ == "VBG" and gerund.i > trigger.i \
                and doc[gerund.i - 1].text == ":":
            return gerund
    return None


def noun_read_as_verb(tok: Token, lex: TriggerLexicon) -> bool:
    """"as a demonstration of solidarity and resolve to uphold the rule of law", "summon the
    necessary will and resolve to regain the momentum": a noun of resolve (codebook
    ``noun_read_as_verb``) that the tagger reads as a verb joined to the clause, right after "and"
    and a noun of quality with no comma between; "welcome the momentum ..., and resolve to continue
    X" stays a verb."""
    if tok.lower_ not in lex.verb_like_nouns or tok.pos_ not in VERBAL or tok.i < 2:
        return False
    doc = tok.doc
    before = doc[tok.i - 2]
    return doc[tok.i - 1].lower_ == "and" and before.pos_ == "NOUN" and before.lemma_.lower() in lex.quality_nouns \
        and not any(c.dep_ in ("nsubj", "aux") for c in tok.children)


def stranded_main_clauses(sent: Span) -> list[Token]:
    """The main clause the parser hung on a relative clause that follows it, or on the second
    main clause of a comma splice ("X will support Y, we will share Z": reattach.py marks it
    ``parataxis``)."""
    root = sent.root
    # (with a modal of its own, as reattach marks them: not a fronted "I believe, X ...")
    spliced = [c for c in root.children if c.dep_ == "parataxis" and c.i < root.i and c.left_edge.i == sent.start
               and c.pos_ in VERBAL and subject_of(c) is not None
               and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)]
    if spliced:
        return spliced
    root_subject = subject_of(root)
    if root_subject is None or root_subject.lower_ not in _RELATIVE_PRONOUNS:
        return []
    return [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in VERBAL and c.i < root_subject.i
            and c.left_edge.i == sent.start and subject_of(c) is not None]


def subject_behind_fronted_participle(subject: Token | None) -> Token | None:
    """The real subject the parser swallowed into a fronted participial clause it read as the verb's
    clausal subject: "Describing their ties as "deep", [India] and Nepal decided to X". Only a
    ``csubj`` gerund that opens its sentence, whose words after its last comma form one phrase (one
    head) that is a name, a pronoun or a noun, with at most a prepositional adverbial after it
    ("India and Nepal on Thursday"), and that ends right before the verb's other words;
    None otherwise ("Expanding trade is our aim": no comma, a true clausal subject)."""
    if subject is None or subject.dep_ != "csubj" or subject.tag_ != "VBG":
        return None
    sent = subject.sent
    if subject.i > sent.start and not subject.doc[subject.i - 1].is_punct:
        return None  # the gerund opens the sentence (after a quotation mark or a dateline's colon)
    words = list(subject.subtree)
    commas = [t for t in words if t.text == "," and t.i > subject.i]
    if not commas:
        return None
    run = [t for t in words if t.i > commas[-1].i]
    inside = {t.i for t in run}
    heads = [t for t in run if t.head.i not in inside]
    # one nominal head; the parser may hang the verb's own adverbial after it ("India and Nepal [on
    # Thursday] decided") inside the clause too
    names = [t for t in heads if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not run or len(names) != 1 or any(t.dep_ != "prep" or t.i < names[0].i for t in heads if t is not names[0]):
        return None
    if run[0].is_punct or any(t.pos_ in VERBAL for t in run):
        return None
    return names[0]

