"""A vote to come that a party organises: "Tanzania will hold local government elections in
November", "Presidential and parliamentary elections will be held in Kazakhstan over the coming
months". Like a meeting to come (annotation guide §2), it is an undertaking users track: was it
held? The votes and the verbs of holding one are codebook data (triggers.yaml ``speech``); the
decision step that reads them is decisions.py's ``_vote_to_hold`` (under a binding modal only: a
vote held is a fact told).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import subject_of


@dataclass(frozen=True, slots=True)
class VoteToHold:
    vote: Token  # "elections"
    undertaker: Token | None  # who holds it when the subject is the vote itself ("... in Kazakhstan")


def vote_to_hold(verb: Token, lex: TriggerLexicon) -> VoteToHold | None:
    """The vote ``verb`` holds: its object ("will hold elections"), or its subject in the passive
    ("elections will be held in Kazakhstan", held by the country named after "in")."""
    frames = lex.speech
    if verb.lemma_.lower() not in frames.vote_holding_verbs:
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not passive:
        vote = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return VoteToHold(vote, None) if vote is not None and _is_vote(vote, lex) else None
    vote = subject_of(verb)
    if vote is None or not _is_vote(vote, lex):
        return None
    return VoteToHold(vote, _place_holder(verb))


def _is_vote(noun: Token, lex: TriggerLexicon) -> bool:
    return noun.lower_ in lex.speech.votes or noun.lemma_.lower() in lex.speech.votes


def _place_holder(verb: Token) -> Token | None:
    """"will be held in Kazakhstan": the named place holds the vote (a country, read by the actors)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            place = next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
            if place is not None:
                return place
    return None
