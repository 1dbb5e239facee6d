"""An intent riding on another statement: "I joined other leaders in signing the agreement, with the
intention of ratifying it as soon as practicable"; "we adopted the plan with the intent to pursue
enhanced actions during this decade". The main clause tells a past act (an agreement, a meeting);
the phrase on an aim noun (triggers.yaml reports.aim_nouns: intention, intent, desire, ...) that governs an action
is the undertaking of the main clause's subject, as strong as the noun (triggers.yaml nouns). The
prepositions that open such a phrase are codebook data (triggers.yaml ``speech.rider_prepositions``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import VERBAL, ScannedSentence, governed_action, modal_of, subject_of


@dataclass(frozen=True, slots=True)
class IntentRider:
    preposition: Token  # "with": the phrase it opens is cut out of the main statement
    noun: Token  # "intention"
    action: Token  # "ratifying"
    strength: str
    subject: Token | None  # the main clause's subject: who intends


def intent_riders(sent: ScannedSentence, lex: TriggerLexicon) -> list[IntentRider]:
    """The intent riders of a sentence, in order."""
    out = []
    for prep in sent.with_dep("prep"):
        verb = _clause_verb(prep)
        if prep.lower_ not in lex.speech.rider_prepositions or verb is None:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            trig = lex.nouns.get(noun.lemma_.lower())
            if noun.lemma_.lower() not in lex.aim_nouns or trig is None or trig.kind != "commitment":
                continue
            action = governed_action(noun)
            if action is not None and _rides_on_a_told_act(verb, lex):
                out.append(IntentRider(prep, noun, action, trig.strength or "moderate", _subject(verb)))
    return out


def _clause_verb(prep: Token) -> Token | None:
    """The verb the rider hangs on: its head, or, when the parser hung a rider set off by a comma on
    the last noun of a list before it ("organized across three areas: A, B and C, with the intent to
    pursue X"), the verb of that noun's clause."""
    node = prep.head
    if node.pos_ in VERBAL:
        return node
    if node.pos_ not in ("NOUN", "PROPN") or prep.i == 0 or prep.doc[prep.i - 1].text != ",":
        return None
    while node.pos_ not in VERBAL and node.head.i != node.i:
        node = node.head
    return node if node.pos_ in VERBAL else None


def _rides_on_a_told_act(verb: Token, lex: TriggerLexicon) -> bool:
    """The rider hangs on the main clause (not on a hope or a belief about others: "It is our hope that
    both sides resume talks, with the goal of ..."), whose verb is no undertaking or call of its own
    ("are committed to deepening ties, with the shared objective of ...", "All States must rediscover
    X with the intention of ...": the purpose of that undertaking or call, inside it)."""
    path = [verb]
    while path[-1].dep_ in _CLIMB and path[-1].head is not path[-1]:
        path.append(path[-1].head)
    if path[-1].dep_ != "ROOT":
        return False
    for tok in path:
        trig = lex.verbs.get(tok.lemma_.lower()) or next(
            (lex.adjectives.get(c.lemma_.lower()) for c in tok.children if c.dep_ == "acomp"), None)
        if (trig is not None and trig.kind in ("commitment", "position")) or modal_of(tok, lex)[0] is not None:
            return False
    return True


def _subject(verb: Token) -> Token | None:
    """The subject of the clause the rider hangs on, up through a coordination or a gerund ("We
    met and signed the plan, with the intent to ...", "I joined others in signing it, with ...")."""
    while True:
        subject = subject_of(verb)
        if subject is not None or verb.dep_ not in _CLIMB or verb.head is verb:
            return subject
        verb = verb.head


_CLIMB = frozenset(("conj", "pcomp", "prep", "xcomp"))  # the links up to the clause that has the subject
