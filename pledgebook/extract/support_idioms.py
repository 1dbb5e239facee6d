"""Support declared through an idiom with no trigger verb: "G20 Leaders came out in support of
ending public finance for coal", "the ministers spoke out in support of a plan to channel $100
billion". Going on record in support of an action, a plan or an aim to act is a commitment of
strength moderate (annotation guide §10, fact sheets: "came out in support of" an action to come);
in support of a party or a principle ("came out in support of Ukraine") it stays nothing here (the
stance rules read stances).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding
from pledgebook.extract.grammar import governed_action, holds, names_undertaking, phrase_text, subject_of
from pledgebook.extract.rules import Rule

_GOING_ON_RECORD = ("come", "speak")  # with the particle "out"
_SUPPORT_NOUNS = ("support", "favour", "favor")


def public_support(findings: list[Finding], parsed: Doc, lex: TriggerLexicon) -> list[Finding]:
    """``findings`` and the supports declared by "came out in support of [an action]" that none reads."""
    if not holds(parsed, "LOWER", "out"):
        return findings  # (the idiom's particle: "came out in support of")
    heads = {f.head_i for f in findings}
    added = []
    for verb in parsed:
        if verb.i in heads or verb.lemma_.lower() not in _GOING_ON_RECORD or verb.pos_ != "VERB":
            continue
        supported = _supported(verb)
        subject = subject_of(verb)
        if supported is not None and subject is not None and _names_action(supported, lex):
            added.append(_finding(verb, subject, supported))
    return findings + added if added else findings


def _supported(verb: Token) -> Token | None:
    """What "came out in support of X" supports: X, when the verb has "out" and "in support of"."""
    if not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lower_ in _SUPPORT_NOUNS:
                    return next((g for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                                 for g in of.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def _names_action(supported: Token, lex: TriggerLexicon) -> bool:
    """An action ("ending X", "the reform of Y"), a plan, or an aim that names its action ("a global
    ambition to channel $100 billion")."""
    return names_undertaking(supported, lex) or governed_action(supported) is not None


def _finding(verb: Token, subject: Token, supported: Token) -> Finding:
    doc = verb.doc
    start = subject.left_edge.i
    last = verb.right_edge
    while last.is_punct and last.i > verb.i:
        last = doc[last.i - 1]
    subject_text = phrase_text(subject)
    return Finding(doc[start].idx, last.idx + len(last), "commitment", "commitment", "moderate",
                   Rule.PUBLIC_SUPPORT, [verb.text, "support", supported.text], subject=subject_text,
                   head_i=verb.i, trigger="support")
