"""What the parser hangs away from the word that governs it:

- an undertaking noun whose action comes after a participial aside: "the U.S. announces its
  intent, working with Congress, to invest an additional $3 million" (the parser hangs "to invest"
  on the aside's participle, so the noun seems to govern nothing);
- the host named before a gerund of convening: "We look forward to India hosting the inaugural
  workshop in 2025" (the parser makes "India" the object of "to" and "hosting" a clause of the
  verb): the host's meeting to come, softly looked forward to (annotation guide §2: "looked forward
  to welcoming the President to the next summit, to be hosted by his country" is the host's).
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import has_to
from pledgebook.extract.meetings import goes_to_event, names_event


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


def hosting_named(head: Token, named: Token, lex: TriggerLexicon) -> Token | None:
    """The gerund of convening (codebook convening_verbs) with an event for object that follows the
    name ``named`` right after "to" ("to India hosting the workshop"), or None."""
    if named.pos_ != "PROPN" or named.dep_ != "pobj":
        return None
    for gerund in (*head.children, *named.children):  # (a clause of the verb, or of the name)
        right_after = gerund.i in (named.i + 1, named.right_edge.i + 1)
        if gerund.dep_ in ("advcl", "acl", "xcomp") and gerund.tag_ == "VBG" and right_after:
            obj = next((c for c in gerund.children if c.dep_ == "dobj"), None)
            convenes = gerund.lemma_.lower() in lex.convening_verbs and obj is not None and names_event(obj, lex)
            if convenes or goes_to_event(gerund, lex):  # (hosting the workshop, attending it)
                return gerund
    return None
