"""An undertaking noun whose action comes after a participial aside: "the U.S. announces its
intent, working with Congress, to invest an additional $3 million" (the parser hangs "to invest"
on the aside's participle, so the noun seems to govern nothing)."""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.extract.grammar import has_to


def infinitive_after_aside(head: Token, noun: Token) -> Token | None:
    """The infinitive that follows ``noun`` (the object of ``head``) once a comma-enclosed
    participle between them is skipped, or None."""
    doc = head.doc
    comma = noun.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    for aside in head.children:
        if aside.dep_ != "advcl" or aside.tag_ != "VBG" or aside.left_edge.i != comma + 1:
            continue
        for inf in aside.children:
            if inf.dep_ in ("advcl", "xcomp") and inf.pos_ == "VERB" and has_to(inf) \
                    and inf.left_edge.i > aside.i and doc[inf.left_edge.i - 1].text == ",":
                return inf
    return None
