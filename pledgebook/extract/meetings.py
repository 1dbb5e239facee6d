"""Going to an event: the one reading of attending a meeting.

"will attend the climate summit", "will travel to Nadi for the Forum summit", "agreed to attend
the next round of talks", "look forward to Kenya attending the workshop": a meeting verb whose
object is an event, or with an event after "for", "to" or "at", goes to that event (annotation
guide §2 and §10: attending a named meeting to come is a commitment). A meeting verb with no
event ("will travel to Hanoi") goes to none; a verb of attending goes to its object, whatever its
word ("will attend COP27"), or with none to the event named before ("commits to attend at a high
level"), unless in another sense ("will attend to the needs of refugees": no meeting at all).

The events are codebook data (triggers.yaml ``events``); the meeting verbs are the triggers of
kind ``meeting``. Holding, convening or hosting a meeting (``convening_verbs``) is read where it
is decided (decisions.py); attending is read here only, wherever a meeting to come is decided.
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import lemma_of


def names_event(tok: Token, lex: TriggerLexicon) -> bool:
    """The word is an event noun ("summit", "talks", "workshop")."""
    return tok.lower_ in lex.events or tok.lemma_.lower() in lex.events


def goes_to_event(verb: Token, lex: TriggerLexicon) -> bool:
    """A meeting verb with an event for object, or after "for", "to" or "at"; a verb of attending
    (codebook ``attending_verbs``) with any object, or none (the event named before), unless in
    another sense ("attend to the needs of refugees": ``non_meeting_phrases``)."""
    lemma = lemma_of(verb, lex.verbs)
    trig = lex.verbs.get(lemma)
    if trig is None or trig.kind != "meeting":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in lex.attending_verbs and (objects or not other_sense(verb, lemma, lex)):
        return True
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "at")
                for o in p.children if o.dep_ == "pobj"]
    return any(names_event(o, lex) for o in objects)


def other_sense(verb: Token, lemma: str, lex: TriggerLexicon) -> bool:
    """A meeting verb with no object and a preposition that gives it another sense (codebook
    ``non_meeting_phrases``): "will attend to the needs of refugees" takes care of them."""
    preps = lex.non_meeting_phrases.get(lemma, frozenset())
    return bool(preps) and not any(c.dep_ == "dobj" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


def counterparts(verb: Token, lex: TriggerLexicon) -> list[Token]:
    """Who the subject meets, as the parser hangs it: the object of "with" on the meeting verb or
    on its object ("met with China", "held talks with President X", "discussed trade with Kenya"),
    or a name met or hosted ("met President Ruto": a verb that needs a counterpart, its proper
    noun object). The phrase of each is the token's subtree."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    trig = lex.verbs.get(lemma_of(verb, lex.verbs))
    found = [o for o in objects if trig is not None and trig.needs_counterpart and o.pos_ == "PROPN"]
    found += [o for w in (verb, *objects) for p in w.children if p.dep_ == "prep" and p.lower_ == "with"
              for o in p.children if o.dep_ == "pobj"]
    return found


def meeting_to_be_held(verb: Token, lex: TriggerLexicon) -> Token | None:
    """The meeting ``verb`` says will be held, when the meeting is its subject: the passive of a
    convening verb ("The next session of the Joint Commission will be held in Nairobi") or a verb of
    lex.held_meeting_verbs ("the next round will commence in May", "will take place next month"). Not
    in a relative clause ("the Summit, which will be held in 2024": a mention), and not with an agent
    ("will be hosted by India": the agent's undertaking, read by the modal steps)."""
    if verb.dep_ in ("relcl", "acl"):
        return None
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    if passive:
        if lemma not in lex.convening_verbs or any(c.dep_ == "agent" for c in children):
            return None
    else:
        objects = {c.lemma_.lower() for c in children if c.dep_ == "dobj"}
        phrases = [tuple(w.split()) for w in lex.held_meeting_verbs]  # ("commence",), ("take", "place")
        if not any(w[0] == lemma and (len(w) == 1 or w[1] in objects) for w in phrases):
            return None
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and names_event(subject, lex) else None
