"""A hope or an aim stated with a dummy subject: "It is my hope that your commitment to the line
will go all the way", "It is our intention that we will open the line by 2027".

Said with "I hope that ..." the same words are read by the verb trigger; here the aim noun is the
attribute of "it is", and the clause it holds says whose act is hoped for. The nouns are the
codebook's ``aim_nouns`` (triggers.yaml).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import subject_of

_FIRST_PERSON = frozenset({"we", "i"})


class StatedHope(NamedTuple):
    noun: Token  # the aim noun: hope, intention ...
    owner: Token  # its possessor: my, our, the government's
    clause: Token  # the head of the "that" clause: what is hoped for
    own_act: bool  # the clause's subject is the owner's side ("that we will finish ...")


def stated_hope(head: Token, lex: TriggerLexicon) -> StatedHope | None:
    """The hope stated by the copular clause ``head`` ("It is my hope that X"), or None."""
    subject = subject_of(head)
    if head.lemma_ != "be" or subject is None or subject.lower_ != "it":
        return None
    noun = next((c for c in head.children if c.dep_ == "attr" and c.lemma_.lower() in lex.aim_nouns), None)
    if noun is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    clause = next((c for c in (*noun.children, *head.children) if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if owner is None or clause is None:
        return None
    hoped_subject = subject_of(clause)
    own = hoped_subject is not None and hoped_subject.lower_ in _FIRST_PERSON and owner.lower_ in ("my", "our")
    return StatedHope(noun, owner, clause, own)


def favour_received(verb: Token | None, lex: TriggerLexicon) -> bool:
    """Whether ``verb``, the act a hope or an undertaking governs, only receives others' favour:
    "hope to merit the trust of Member States", "hopes to receive continued support for X",
    "continue to count on the support of the international community" (codebook
    ``favour_received``): a request of others, not an act of the party's own; "hope to receive the
    delegation", "hope to earn revenue" are not (no noun of favour)."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if lemma not in lex.receiving_verbs:
        return False
    if lemma in lex.favour_on_verbs:
        objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                   for o in p.children if o.dep_ == "pobj"]
    else:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in lex.favour_nouns for o in objects)
