"""What a speech's rhetoric states that a trigger word would over-read as an undertaking.

- A denied trigger: "We do not seek to shirk any responsibility", "we have never tried to impose
  our model", "I do not refer to X and seek to ignore Y": a trigger of undertaking under a negation
  (its own, or that of the verb under "do not" it is joined to), with no binding modal, undertakes
  nothing ("we will not allow X" stays an undertaking: the modal binds).
- An attempt told of someone: "Russia is pumping out lies, trying to pin the blame on X": a verb
  of attempt as a participle hung on another clause describes what the subject does; it is no
  undertaking ("we are trying to reach X", with its own auxiliary, stays one).
- Solidarity: "We continue to stand with our neighbour in Haiti" is support for a party, a
  position (annotation guide §2), not an action to come.
- A thing as subject: "Anything short of that will continue to undermine its credibility": an
  indefinite pronoun of things acts for no party; what it will do is a forecast.
- A clause whose subject is a gerund the parser hung on a subordinator ("..., as doing so would
  only undermine its legitimacy"): it shares no subject with the clause before; no undertaking.
- The same day: "Later today, I will host the Replenishment Conference": a meeting held the day of
  the text is taking place (guide §2), not a meeting to come.
- A body hosted: "We will be hosting the Technology Centre, a UN programme": hosting an office, a
  centre or a secretariat is an undertaking, not a meeting.
- A manner with no target: "Spain will lead by example and contribute €100 million": a verb with no
  object of its own, only a manner, joined to an action is one undertaking with it (guide §3 counts
  parallel verb phrases with distinct targets).
- A purpose of the object: "We support a peace process to end the fight and restore security":
  the purposes of a verb that has its own object stay inside its one undertaking (guide §10,
  batch 5), as "will impose measures to prevent X and restrict Y" does.

The words are codebook data (triggers.yaml, ``speech``).
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import CALL, TriggerLexicon
from pledgebook.extract.grammar import VERBAL, denied, effort_of_one_helped, has_to, is_action_noun, names_plan, subject_of

_SUBORDINATORS = frozenset(("as", "because", "since", "while", "although", "though", "if", "unless", "whereas"))
_MEANS_PREPOSITIONS = frozenset(("by", "through", "including"))
_OBJECT_DEPS = frozenset(("dobj", "xcomp", "ccomp", "attr", "acomp", "dative", "prt", "oprd"))


def denied_undertaking(head: Token, modal: str | None, lex: TriggerLexicon) -> bool:
    """A trigger of undertaking negated, with no binding modal: "we do not seek to ...",
    "we never tried to ..."."""
    return modal not in lex.binding_modals and denied(head, lex)


def attempt_told(head: Token, lex: TriggerLexicon) -> bool:
    """"..., trying to pin the blame on X": a verb of attempt as a participle hung on another
    clause, with no auxiliary of its own."""
    if head.lemma_.lower() not in lex.speech.attempt_verbs or head.tag_ != "VBG":
        return False
    if head.dep_ not in ("advcl", "acl", "conj", "xcomp") or head.head.i == head.i:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in head.children)


def voices_solidarity(action: Token, lex: TriggerLexicon) -> bool:
    """"stand with our neighbour", "stand by Ukraine", "side with X": solidarity with a party
    (triggers.yaml solidarity_phrases: verb lemma -> the prepositions that make it so)."""
    prepositions = lex.solidarity_phrases.get(action.lemma_.lower(), frozenset())
    return any(c.dep_ == "prep" and c.lower_ in prepositions for c in action.children)


def voiced_stance(verb: Token, lex: TriggerLexicon) -> str | None:
    """The stance a verb of undertaking's act only voices, whatever the word of undertaking over it
    ("will", "will continue to", "committed to"): solidarity with a party ("stand with X", support
    for a party: ``position.support``) or advocacy of an outcome ("advocate for X", "press for Y": a
    call, ``position.call``); None when it voices neither, or when it names the action it is done by
    ("stand by X by providing Y", "press for X, including through Z": an undertaking). The object
    decides, not the modal (annotation guide §2; §10 session 12, "Solidarity under will",
    "Advocacy under a modal")."""
    if verb.pos_ not in VERBAL:
        return None
    lemma = verb.lemma_.lower()
    if voices_solidarity(verb, lex):
        category = "position.support"
    elif any(c.dep_ == "prep" and c.lower_ in lex.advocacy_phrases.get(lemma, frozenset()) for c in verb.children):
        category = CALL
    else:
        return None
    return None if names_means(verb) or _names_its_action(verb, lex) else category


def _names_its_action(verb: Token, lex: TriggerLexicon) -> bool:
    """The act names what it does, so the object is no party (annotation guide §2, the object
    decides): its prepositional object is a plan, a text or an act ("stand behind the peace deal");
    the one stood with is helped "in" an act ("stand by our brothers in rebuilding their homes",
    "in their fight against X": grammar.effort_of_one_helped); or a purpose follows with an object
    that is no principle ("stand with the peoples to address the consequences of the war"; not "to
    attain their right")."""
    objects = [g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    if any(names_plan(g, lex) or g.lower_ in lex.instruments or g.tag_ == "VBG" for g in objects):
        return True
    for prep in (c for holder in (verb, *objects) for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"):
        if any((g.dep_ == "pcomp" and g.tag_ == "VBG" and not _voices_a_stance(g, lex))
               or (g.dep_ == "pobj" and effort_of_one_helped(g, lex)) for g in prep.children):
            return True
    for purpose in (c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and has_to(c)):
        obj = next((o for o in purpose.children if o.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() not in lex.state_nouns and obj.lower_ not in lex.state_nouns:
            return True
    return False


def _voices_a_stance(verb: Token, lex: TriggerLexicon) -> bool:
    """"(stand with the majority) in condemning X": a verb of stance, no act."""
    trig = lex.verbs.get(verb.lemma_.lower())
    return trig is not None and trig.kind in ("position", "appreciation") and not trig.action_makes


def names_means(verb: Token) -> bool:
    """"... by providing budget support", "..., including through training": a gerund of means after
    "by", "through" or "including" on the verb (or on its prepositions' objects)."""
    for tok in verb.subtree:
        prep = tok.head
        if tok.tag_ != "VBG" or tok.dep_ not in ("pcomp", "pobj") or prep.lower_ not in _MEANS_PREPOSITIONS:
            continue
        if _held_by(prep.head, verb):
            return True
    return False


def _held_by(tok: Token, verb: Token) -> bool:
    """Is ``tok`` the verb, or hung on it through nouns and prepositions only ("stand by Moldova by
    providing X" as parsed, "including by X"), with no other verb between (not the means of another
    clause's act)?"""
    while tok.i != verb.i:
        if (tok.pos_ in VERBAL and tok.lower_ != "including") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def indefinite_thing(subject: Token | None, lex: TriggerLexicon) -> bool:
    """"Anything short of that", "nothing", "everything": a thing, no party."""
    return subject is not None and subject.lower_ in lex.speech.thing_pronouns


def gerund_subject_clause(head: Token) -> bool:
    """"..., as doing so would only undermine its legitimacy": the parser conjoins the clause to the
    one before and hangs its gerund subject on the subordinator."""
    if head.dep_ != "conj" or subject_of(head) is not None:
        return False
    for child in head.children:
        if child.dep_ in ("prep", "mark") and child.lower_ in _SUBORDINATORS and child.i < head.i \
                and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children):
            return True
    return False


def same_day(verb: Token, lex: TriggerLexicon) -> bool:
    """"Later today", "this afternoon", "tonight" on the verb: the day of the text."""
    words = lex.speech.same_day_words
    return any(c.dep_ in ("npadvmod", "advmod", "tmod") and c.lower_ in words
               and not any(g.lower_ == "tomorrow" for g in c.children) for c in verb.children)


def hosts_body(dobj: Token | None, lex: TriggerLexicon) -> bool:
    """"host the Technology Centre", "host the secretariat": an office or a centre, not a meeting."""
    return dobj is not None and dobj.lemma_.lower() in lex.speech.hosted_bodies


def manner_only(verb: Token, lex: TriggerLexicon) -> bool:
    """"lead by example (and contribute X)": a verb with no object or complement of its own, only
    a manner phrase ("by example") or an adverb, with an action conjoined after it."""
    if verb.pos_ not in VERBAL or any(c.dep_ in _OBJECT_DEPS for c in verb.children):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if not preps or any(p.lower_ not in lex.speech.manner_prepositions for p in preps):
        return False
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERBAL and c.i > verb.i]
    return bool(joined) and any(c.dep_ in _OBJECT_DEPS for c in joined[0].children)


def purpose_of_object(head: Token, action: Token, lex: TriggerLexicon) -> bool:
    """"support a peace process to end the fight and restore security", "announce the establishment
    of a group to drive X and block Y": an infinitive of purpose after the verb's own object, an
    action noun (not a party that is to act, "encourage enterprises to join and invest"; not an
    undertaking noun, "renew our efforts to combat X and promote Y" is two; not things funded,
    "fund projects to strengthen X and combat Y", whose purposes are the undertaking's own)."""
    if action.dep_ != "xcomp" or action.head.i != head.i or not has_to(action):
        return False
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i > action.i or obj.pos_ != "NOUN":
        return False
    return is_action_noun(obj, lex) and obj.lemma_.lower() not in lex.nouns
