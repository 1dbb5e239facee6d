""""Key projects will include up to $24 million in support for X; strengthening Y; expanding Z;
and increasing W": a fact sheet or readout lists what the undertaking just stated will deliver.
The sentence's subject names that undertaking's plan ("key projects", "the package", "these
initiatives"), so its items are the undertakings of the statement before, one per item
(annotation guide §3: items of a list are one commitment each; §10: a sentence that lists the
means of the preceding commitment). A plan whose contents are no action or amount ("The agenda
will include discussions on trade") lists nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon


def lists_deliverables(verb: Token, subject: Token, lex: TriggerLexicon) -> bool:
    """``subject`` ``verb`` (a means verb under a binding modal) opens a list of what the
    undertaking before will deliver: the subject is a plan noun of no one else's, and what is
    included is an action (a gerund) or an amount of money."""
    if subject.lemma_.lower() not in lex.plan_nouns and subject.lower_ not in lex.plan_nouns:
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in subject.children):
        return False  # "Japan's projects will include ...": someone else's, or a named programme
    return any(c.tag_ == "VBG" and c.dep_ in ("xcomp", "dobj", "ccomp") for c in verb.children) \
        or any(_amount(c) for c in verb.children if c.dep_ == "dobj")


def _amount(obj: Token) -> bool:
    """"up to $24 million", "50 billion yen": a sum of money."""
    phrase = obj.doc[obj.left_edge.i : obj.i + 1]
    return any(t.tag_ == "$" for t in phrase) and any(t.like_num for t in phrase)
