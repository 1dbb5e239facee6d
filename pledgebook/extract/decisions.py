"""What one clause head states, if anything: an ordered list of decision steps.

``decide`` reads the clause once (its trigger word, modal, object and the action the trigger
governs) and asks the steps in ``_STEPS`` in turn. A step answers with a ``Decision`` (the
clause states this), ``STOP`` (the clause states nothing: later steps are not asked) or
``None`` (not mine: ask the next step). Each decision names its rule (``Rule``), documented
with examples in the codebook's rules.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

from pledgebook.codebook.triggers import CALL, Fallback, Trigger, TriggerLexicon
from pledgebook.extract.asides import hosting_named, infinitive_after_aside
from pledgebook.extract.grammar import (
    VERBAL,
    action_of,
    conj_chain,
    conjoined_preposition_actions,
    governed_action,
    denied,
    for_subject_action,
    gerund_lemmas,
    has_to,
    is_action_noun,
    is_infinitive,
    keeps_contact,
    lemma_of,
    modal_of,
    names_plan,
    names_undertaking,
    own_agents,
    owner_of,
    subject_of,
)
from pledgebook.extract.communique import (
    comparative_state,
    directed_infinitive,
    names_its_action,
    noun_in_predicate,
    plan_settled_on,
)
from pledgebook.extract.hopes import favour_received, stated_hope
from pledgebook.extract.news_prose import news_reading
from pledgebook.extract.meetings import goes_to_event, meeting_to_be_held, other_sense
from pledgebook.extract.misparsed import misread_action
from pledgebook.extract.programmes import action_led, first_to_act, general_aim, general_aim_bare, target_made
from pledgebook.extract.rhetoric import attempt_told, denied_undertaking, hosts_body, same_day, voiced_stance
from pledgebook.extract.rules import Rule
from pledgebook.extract.undertaking_nouns import own_undertaking_held
from pledgebook.extract.speech_frames import (
    done_before,
    moves_the_speech,
    own_candidacy,
    own_proposal,
    speaks_only,
    steadfast_in,
)
from pledgebook.extract.votes import vote_to_hold

_MODAL_LEMMAS = {"'ll": "will"}
MEETING_UNDERTAKEN = "commitment.meet"  # the category of an undertaking to hold a meeting (events.yaml)


@dataclass(slots=True)
class Decision:
    kind: str
    category: str
    strength: str | None
    rule: Rule
    triggers: list[str]  # the words that decided it (Statement.trigger_words)
    action: Token | None
    trigger: str | None = None  # lemma of the trigger word the rule fired on (a modal for the modal rules)
    undertaker: Token | None = None  # whose undertaking it is, when not the clause subject's
    trigger_noun: Token | None = None  # the trigger word, when a noun ("reaffirm their commitment to ...")
    aspectual: bool = False  # the trigger says an action goes on ("continue to X")


class _Stop:
    """A step's verdict that the clause states nothing."""

    def __repr__(self) -> str:
        return "STOP"


STOP: Final = _Stop()
Verdict = Decision | _Stop | None


@dataclass(frozen=True, slots=True)
class _Clause:
    """One clause head as the steps see it."""

    head: Token
    lex: TriggerLexicon
    reported: bool  # inside reported speech ("China stated that ...")
    lemma: str  # the head's lemma as the lexicon knows it
    modal: str | None  # its own modal, or the one it shares with the verb before it
    negated: bool
    trig: Trigger | None  # the trigger word's entry: the head's, its adjective's or its object noun's
    trig_tok: Token  # the trigger word (the head unless an adjective or noun)
    words: list[str]  # the trigger words as written
    dobj: Token | None
    complement: Token | None  # the action the trigger governs
    action: Token | None  # the complement, unless it is a wish about what others will do

    @property
    def polite(self) -> bool:
        """"I would like to ...": a verb of politeness under "would"."""
        return self.modal == "would" and self.lemma in self.lex.polite_verbs

    @property
    def desired(self) -> bool:
        """"We would like to expand X": a polite verb of desire read as "want to" an act (``_read``)."""
        return self.polite and self.lemma in self.lex.desire_verbs and self.trig is not None

    def decision(self, kind: str, category: str, rule: Rule, triggers: list[str], action: Token | None = None,
                 strength: str | None = None, *, undertaker: Token | None = None, trigger_noun: Token | None = None,
                 aspectual: bool = False) -> Decision:
        """A decision fired on this clause's trigger word."""
        return Decision(kind, category, strength, rule, triggers, action, self.trig.lemma if self.trig is not None else None,
                        undertaker, trigger_noun, aspectual)

    def modal_decision(self, kind: str, category: str, rule: Rule, triggers: list[str], action: Token | None = None,
                       strength: str | None = None) -> Decision:
        """A decision fired on this clause's modal."""
        return Decision(kind, category, strength, rule, triggers, action, _MODAL_LEMMAS.get(self.modal, self.modal))


def decide(head: Token, lex: TriggerLexicon, reported: bool, modal_hint: str | None = None,
           read_as: str | None = None) -> Decision | None:
    """Classify one clause head, or None when it states nothing. ``read_as``: a modal to read the
    clause under instead of its own (clauses.py reads "..., and may also Y" after "will X" so)."""
    verdict = _first(_STEPS, _read(head, lex, reported, modal_hint, read_as))
    return verdict if isinstance(verdict, Decision) else None


def _first(steps: Sequence[Callable[[_Clause], Verdict]], clause: _Clause) -> Verdict:
    for step in steps:
        verdict = step(clause)
        if verdict is not None:
            return verdict
    return None


# -- reading the clause ---------------------------------------------------------------------
def _read(head: Token, lex: TriggerLexicon, reported: bool, modal_hint: str | None,
          read_as: str | None = None) -> _Clause:
    lemma = lemma_of(head, lex.verbs)
    modal, negated = modal_of(head, lex)
    if modal is None:
        modal = modal_hint  # "will negotiate and finalize": the second verb shares the modal
    if read_as is not None:
        modal = read_as
    dobj = _dobj(head)
    trig, trig_tok, words = _trigger(head, lemma, dobj, lex)
    if trig is not None and trig.object_after is not None and dobj is None:
        dobj = _object_after(head, trig.object_after)  # "we stand for a settlement" = "we support a settlement"
    if trig is None and lemma in lex.desire_verbs and lemma in lex.polite_verbs and (modal == "would" or any(
            a.dep_ == "aux" and (a.lemma_ == "would" or a.lower_ in ("'d", "’d")) for a in head.children)):  # "I'd like to"
        # "we would like to expand X" = "we want to expand X" (guide §5)
        modal, trig = "would", lex.verbs[lex.desire_verbs[lemma]]
    if trig is None and (agent := _agent_of_support(head, lemma, lex)) is not None:
        # "remains a steadfast supporter of X" reads as "supports X" (guide §10, agent nouns of support)
        trig_tok, dobj = agent
        trig, words = lex.verbs[lex.support_agent_nouns[trig_tok.lemma_.lower()]], [head.text, trig_tok.text]
    complement = _governed_action(head, lex, trig, trig_tok, dobj, modal)
    action = complement
    if action is not None and action.dep_ == "ccomp" and trig is not None and trig.kind == "commitment" \
            and trig.strength == "soft" and _others_act(head, action) and not _addresses_own_officials(head, lex):
        action = None  # "I hope that delegates will ...": a wish about others (not "wants his government to")
    if action is not None and favour_received(action, lex):
        action = None  # "hope to merit the trust of Member States": others' favour, a request (hopes.py)
    if trig is not None and trig.intention and not _intends_act(head, action, lex, reported):
        trig = None
    return _Clause(head, lex, reported, lemma, modal, negated, trig, trig_tok, words, dobj, complement, action)


def _agent_of_support(head: Token, lemma: str, lex: TriggerLexicon) -> tuple[Token, Token] | None:
    """(agent noun, what it supports) of "is / remains a strong supporter of X" (codebook
    ``support_agent_nouns``); None for any other clause ("a supporter of ours said"), and for a
    rank ("is the world's largest supporter of the WFP, with 40 per cent of its budget", "a leading
    backer of X"): a record of what was given, not support declared."""
    if lemma not in lex.copulas:
        return None
    for attr in head.children:
        if attr.dep_ == "attr" and attr.lemma_.lower() in lex.support_agent_nouns \
                and not any(m.dep_ == "amod" and (m.tag_ == "JJS" or m.lower_ in lex.rank_modifiers)
                            for m in attr.children):
            return next(((attr, o) for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"), None)
    return None


def _intends_act(head: Token, action: Token | None, lex: TriggerLexicon, reported: bool) -> bool:
    """"wants to build X" / "said it wanted to build X": not a past wish told in narration ("we
    wanted to sit with them"), nor a wish to perceive ("want to see X"), nor that another act
    ("China wanted Indonesia to guarantee the loan": a demand)."""
    if (head.tag_ == "VBD" and not reported) or head.tag_ == "VBG" or denied(head, lex):
        return False  # (nor "no longer want to", "wanting to review")
    wanted = action or next((c for c in head.children if c.dep_ in ("xcomp", "ccomp")), None)
    if wanted is not None and (subject_of(wanted) is not None or any(c.dep_ == "dobj" for c in head.children)):
        if not _addresses_own_officials(head, lex):
            return False  # (the parser may make the other party the object of "want"; not "wants his government to X")
    spoken = lex.verbs.get(lemma_of(wanted, lex.verbs)) if wanted is not None else None
    if spoken is not None and spoken.kind in ("meeting", "discussion"):
        return False  # "I want to speak about resilience": a manner of speaking
    if wanted is not None and any(c.dep_ == "auxpass" for c in wanted.children):
        return False  # "we want to be protected", "would like to be treated as X": undergone
    return wanted is None or wanted.lemma_.lower() not in lex.non_agentive_verbs | lex.stative_verbs


def _trigger(head: Token, lemma: str, dobj: Token | None, lex: TriggerLexicon) -> tuple[Trigger | None, Token, list[str]]:
    """The trigger of a clause head, its token and words: a predicate adjective ("are committed
    to"), an object noun carried by a light verb ("expressed gratitude"), or the verb itself."""
    trig, trig_tok, words = _trigger_word(head, lemma, dobj, lex)
    if trig is not None and trig.needs_counterpart and dobj is not None and dobj.pos_ == "NOUN" \
            and dobj.lower_ not in lex.events and dobj.lemma_.lower() not in lex.events | lex.actor_nouns:
        trig = None  # "will meet its emissions target", "hosting refugees": not a counterpart or an event
    if trig is not None and trig.kind == "meeting" and trig_tok is head and other_sense(head, trig.lemma, lex):
        trig = None  # "will attend to the needs of refugees": taking care of them (triggers.yaml non_meeting_phrases)
    return trig, trig_tok, words


def _renewed(trig: Trigger) -> Trigger:
    """"remain committed to": a renewed undertaking, moderate where the word alone is firm."""
    return trig.model_copy(update={"strength": "moderate"}) if trig.kind == "commitment" and trig.strength == "firm" else trig


def _trigger_word(head: Token, lemma: str, dobj: Token | None, lex: TriggerLexicon) -> tuple[Trigger | None, Token, list[str]]:
    if lemma in lex.copulas or head.pos_ == "AUX":
        for c in head.children:
            if c.dep_ in ("acomp", "oprd", "xcomp") and c.lower_ in lex.adjectives:
                trig = lex.adjectives[c.lower_]
                return (_renewed(trig) if lemma in lex.continuing_copulas else trig), c, [head.text, c.text]
    elif head.lower_ in lex.adjectives and head.tag_ in ("VBN", "JJ"):
        return lex.adjectives[head.lower_], head, [head.text]
    in_predicate = noun_in_predicate(head, lex)  # "are united in our resolve to X"
    if in_predicate is not None:
        return in_predicate[0], in_predicate[1], [head.text, in_predicate[1].text]
    carried = _carried_by_phrase(head, lemma, dobj, lex)
    if carried is not None:
        return lex.nouns[carried[1].lemma_.lower()], carried[1], [head.text, carried[0].text, carried[1].text]
    if dobj is not None and dobj.lemma_.lower() not in lex.nouns and lemma in lex.light_verbs:
        # "affirm our shared responsibility and determination to coordinate on X": the trigger noun is the second object
        second = next((c for c in dobj.children if c.dep_ == "conj" and c.lemma_.lower() in lex.nouns), None)
        if second is not None and lex.nouns[second.lemma_.lower()].needs_action \
                and (action_of(second, lex) is not None or _infinitive_after(head, second) is not None):
            return lex.nouns[second.lemma_.lower()], second, [head.text, second.text]
    if dobj is not None and dobj.lemma_.lower() in lex.nouns:
        noun = lex.nouns[dobj.lemma_.lower()]
        if lemma in lex.holding_verbs and dobj.lower_ in lex.held_discussion_nouns and "meeting" in lex.nouns:
            return lex.nouns["meeting"], dobj, [head.text, dobj.text]  # "held talks with X": the meeting held
        if lemma in lex.light_verbs and lemma in lex.binding_light_verbs.get(dobj.lemma_.lower(), ()) \
                and not any(m.dep_ == "amod" and m.lower_ in lex.continued_words for m in dobj.children):
            # "expressed their commitment to X" binds; "expressed their continued commitment" renews (moderate)
            return noun.model_copy(update={"strength": "firm"}), dobj, [head.text, dobj.text]
        if lemma in lex.light_verbs or (lemma in lex.verbs and lex.verbs[lemma].needs_action and action_of(head, lex) is None):
            return noun, dobj, [head.text, dobj.text]
        if lemma in lex.undertaking_light_verbs and noun.kind == "commitment" and noun.needs_action:
            return noun, dobj, [head.text, dobj.text]  # "stated their shared desire to expand trade"
    if dobj is not None and lemma in lex.own_effort_verbs and (own := _own_effort(dobj, lex)) is not None:
        return own, dobj, [head.text, dobj.text]  # "confirm their joint effort to fight X"
    trig = lex.verbs.get(lemma)
    if trig is None and lemma in lex.aspectual_gerund_verbs and "continue" in lex.verbs \
            and any(c.dep_ == "xcomp" and c.tag_ == "VBG" and c.lemma_.lower() not in lex.non_agentive_verbs
                    for c in head.children):  # (not "we keep hearing calls for X": a perception goes on)
        # "will keep advocating for X", "keep standing with Y": as "continue to" (codebook aspectual_gerund_verbs)
        return lex.verbs["continue"].model_copy(update={"lemma": lemma}), head, [head.text]
    if trig is not None and trig.needs_particle and not any(c.lower_ in trig.particles for c in head.children):
        return None, head, [head.text]  # "look forward to", not "look at"
    if trig is not None and trig.object_after is not None and dobj is None and _object_after(head, trig.object_after) is None:
        return None, head, [head.text]  # "stand for a settlement", not "stand with X for as long as it takes"
    return trig, head, [head.text]


def _own_effort(noun: Token, lex: TriggerLexicon) -> Trigger | None:
    """The speakers' own effort ("our efforts", "their joint effort": codebook own_effort_nouns), read
    as the noun "commitment" is (moderate; a stance when no action follows), else None."""
    owner = next((c.lower_ for c in noun.children if c.dep_ == "poss" and c.lower_ in ("our", "their")), None)
    if noun.lemma_.lower() not in lex.own_effort_nouns or "commitment" not in lex.nouns or owner is None:
        return None
    subject = subject_of(noun.head)
    if subject is not None and subject.pos_ == "PRON" and (subject.lower_, owner) not in (("we", "our"), ("they", "their")):
        return None  # "they demonstrate our efforts to X": things show them, no one undertakes
    return lex.nouns["commitment"].model_copy(update={"lemma": noun.lemma_.lower()})


def _carried_by_phrase(head: Token, lemma: str, dobj: Token | None, lex: TriggerLexicon) -> tuple[Token, Token] | None:
    """"made clear his commitment to ensure X": (the adjective, the trigger noun) of a light phrase
    (codebook light_phrases), whether the parser made the noun the verb's object or the
    adjective's subject."""
    adjectives = lex.light_phrases.get(lemma)
    if not adjectives:
        return None
    for adj in head.children:
        if adj.lower_ in adjectives and adj.pos_ == "ADJ":
            nouns = [dobj] if dobj is not None else [c for c in adj.children if c.dep_ in ("nsubj", "dobj")]
            noun = next((n for n in nouns if n.lemma_.lower() in lex.nouns), None)
            if noun is not None:
                return adj, noun
    return None


def _governed_action(head: Token, lex: TriggerLexicon, trig: Trigger | None, trig_tok: Token, dobj: Token | None,
                     modal: str | None) -> Token | None:
    if trig is None:
        return action_of(head, lex, modal=modal)
    if trig.needs_action and trig_tok.i == head.i and head.lemma_.lower() in lex.for_subject_verbs \
            and (agent_act := for_subject_action(head)) is not None:
        # "intend for our private sectors to drive innovation": the parties' own agents' act is
        # undertaken (guide §10); "intend for the benefits to accrue to X" names a thing's, no act
        agent, act = agent_act
        return act if own_agents(agent, lex) else None
    # ("expressed their desire for the swift resolution of X": a wish takes "for" + its action, as support does)
    # (not a wish for others' action: "hopes for an effort by the international community to X")
    wish = trig_tok.pos_ == "NOUN" and trig.kind == "commitment" and trig.strength == "soft" \
        and not any(t.lower_ == "by" and t.dep_ in ("prep", "agent") for t in trig_tok.subtree)
    if trig.object_after is not None and dobj is not None:
        # "stand for X": X is read as the object of "support" (below), a gerund as its action
        action = dobj if dobj.dep_ == "pcomp" and dobj.pos_ in ("VERB", "AUX") else None
    else:
        action = action_of(trig_tok, lex, for_action=bool(trig.action_makes) or wish, modal=modal)
    if wish and action is not None and _wished_for_another(trig_tok, action, lex):
        return None  # "expressed their desire for defense cooperation to grow stronger": a state wished for
    if trig.complement_only:
        return action if action is not None and action.dep_ == "xcomp" and action.head.i == trig_tok.i else None
    if action is None and trig_tok.i == head.i and trig.needs_action:
        # "tasked the agencies (A, B) to report"; "decided to be more accountable"
        action = directed_infinitive(head, dobj, lex) or comparative_state(head)
    if action is None and trig_tok.i != head.i and trig_tok.dep_ == "dobj":
        # "reiterate our commitment to a transition": the parser hangs "to ..." on the verb
        action = action_of(head, lex, for_action=bool(trig.action_makes))
    if action is None and trig_tok.i != head.i:
        action = _infinitive_after(head, trig_tok) or infinitive_after_aside(head, trig_tok)  # "its intent, working with X, to"
    if action is None and trig_tok.i != head.i and trig_tok.pos_ == "NOUN" and trig.kind == "commitment" \
            and not any(d.dep_ in ("det", "neg") and d.lower_ == "no" for d in trig_tok.children):  # "no intention of"
        # "set a target of doubling trade": the noun's own "of" + gerund (its "to" was read above,
        # with the guard on "commitment to a future to advance X")
        of_gerund = governed_action(trig_tok)
        action = of_gerund if of_gerund is not None and of_gerund.tag_ == "VBG" else None
    if action is None and trig.object_action and dobj is not None and is_action_noun(dobj, lex) \
            and not any(c.dep_ == "prep" and c.lower_ == "from" for c in (*head.children, *dobj.children)):
        action = dobj  # "announced the termination of ..." (not "seek assistance from donors": a request)
    if action is None and trig.object_plan and dobj is not None:
        # "we endorse the action plan", "we support the reform of the banks", "... its principles and action plan"
        action = next((o for o in (dobj, *(c for c in dobj.children if c.dep_ == "conj"))
                       if names_plan(o, lex) or (names_undertaking(o, lex) and _specific(o)
                                                 and (_not_of_a_principle(o, lex) or names_its_action(o))
                                                 and not _document_named(o, lex))), None)
    if action is None and (trig.needs_action or trig.action_makes) and trig_tok.i != head.i:
        # (helped in doing: support only; "has shown determination in exercising X" reports the past)
        action = _means(head) or (_helped_in(head, trig_tok) if trig.action_makes else None)
    if action is None and trig.needs_action:
        action = misread_action(trig_tok, lex)  # "agreed to [treble] X", "agreed on: [following] through"
    return action


def _wished_for_another(noun: Token, action: Token, lex: TriggerLexicon) -> bool:
    """"their shared desire for bilateral security cooperation to grow stronger than ever", "desire
    for Jerusalem to be a place of peaceful coexistence": a wish noun with "for X to V" wishes X's
    act or state (X the infinitive's subject), no act of the wishers; the parties' own agents act for
    them ("desire for our companies to invest in X", as "intend for", annotation guide §10)."""
    if action.i < noun.i or not has_to(action):
        return False
    agent = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < action.i
                  for g in p.children if g.dep_ == "pobj"), None)
    if agent is None and any(m.dep_ == "mark" and m.lower_ == "for" for m in action.children):
        agent = subject_of(action)  # (parsed as a clause marked by "for", X its subject)
    return agent is not None and agent.i < action.i and not own_agents(agent, lex)


def _specific(noun: Token) -> bool:
    """An action named specifically ("the reform of the banks", "efforts aimed at X"), not a
    general aim ("support sustainable development")."""
    return any(c.dep_ in ("det", "poss", "prep", "acl", "relcl", "nummod") for c in noun.children)


def _document_named(noun: Token, lex: TriggerLexicon) -> bool:
    """An instrument noun read as the document ("support the resolution", "the Treaty of X"), not as
    the act its suffix names when its "of" object is a common noun: "support a peaceful resolution of
    the conflict", "the declaration of a ceasefire" name a process to come (guide §2)."""
    if noun.lower_ not in lex.instruments:
        return False
    of_objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return not (noun.lower_.endswith(lex.action_suffixes) and of_objects
                and all(g.pos_ == "NOUN" and g.lower_ not in lex.instruments for g in of_objects))


def _not_of_a_principle(noun: Token, lex: TriggerLexicon) -> bool:
    """"the reform of the banks", not "the promotion of multilateralism" (a principle promoted)."""
    return not any(g.dep_ == "pobj" and (g.lower_ in lex.state_nouns or g.lemma_.lower() in lex.state_nouns)
                   for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def _infinitive_after(head: Token, trig_tok: Token) -> Token | None:
    """"our strong will to support ...", "remain committed to pay ...": the parser makes the
    infinitive right after the trigger word a purpose clause of the clause head."""
    return next((c for c in head.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                 and c.left_edge.i == trig_tok.right_edge.i + 1
                 and has_to(c)), None)


def _dobj(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd") and not any(g.dep_ == "case" for g in c.children):
            return c  # (not a possessor the parser made an object: "reiterate Pakistan’s support")
    return None


def _object_after(tok: Token, word: str) -> Token | None:
    """The object of the preposition ``word`` on ``tok`` ("stand for [a settlement]", "stand for
    [postponing] X"), read as the verb's direct object."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == word:
            return next((g for g in c.children if (g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON"))
                         or (g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX"))), None)
    return None


def _means(head: Token) -> Token | None:
    """"reiterate our commitment to X's security, including by implementing ...": the means
    named after "including by" is the action."""
    for tok in head.subtree:
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.lower_ == "including":
            return tok
    return None


def _helped_in(head: Token, trig_tok: Token) -> Token | None:
    """"reaffirmed U.S. support for Iraq in strengthening relations ...": what the one supported
    is helped to do, a gerund after "in" that the parser hangs on the verb or the noun."""
    for prep in (*trig_tok.children, *head.children):
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > trig_tok.i:
            for g in prep.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and subject_of(g) is None:
                    return g
    return None


def _others_act(head: Token, clause: Token) -> bool:
    """Is the clause's subject someone other than the speaker ("hope that delegates will ...")?"""
    inner, outer = subject_of(clause), subject_of(head)
    if inner is None or inner.lower_ in ("we", "i"):
        return False
    return outer is None or inner.lemma_.lower() != outer.lemma_.lower()


# -- the steps, in the order _STEPS asks them -------------------------------------------------
def _wrapper_verb(c: _Clause) -> Verdict:
    """"I would like to thank ...", "we wish to acknowledge ...": the inner verb says what it is.
    The rule and trigger are the inner verb's; the wrapper's words lead the trigger words."""
    wraps = c.polite or (c.trig is not None and c.trig.transparent and not c.trig.aspectual)
    if not wraps or c.complement is None or c.complement.pos_ not in VERBAL:
        return None
    inner = decide(c.complement, c.lex, c.reported)
    if inner is None or lemma_of(c.complement, c.lex.verbs) not in c.lex.verbs:
        return None
    inner.triggers = c.words + inner.triggers
    return inner


def _state_endured(c: _Clause) -> Verdict:
    """"Haiti continues to be confronted by grave challenges", "we will continue to be affected by
    drought", "small States will be hit hardest": the passive of a verb of suffering (codebook
    ``endured_participles``) tells what the subject endures, a state; neither "continue to" nor
    "will" makes an undertaking of it. Nor does "continue to" of a verb of undergoing or perceiving
    (codebook ``non_agentive_verbs``: "we continue to suffer the impact of the pandemic")."""
    verb = c.action if c.trig is not None and c.trig.aspectual and c.action is not None else c.head
    lemma = verb.lemma_.lower()
    if verb is not c.head and lemma in c.lex.non_agentive_verbs and lemma not in c.lex.verbs and verb.tag_ == "VB" \
            and not any(ch.dep_ == "prt" for ch in verb.children):
        # "we continue to suffer the impact of X", "continue to face challenges": undergone, continued
        # (a stance verb keeps its reading: "we continue to believe that X", aspectual_stance)
        return STOP
    if verb.tag_ != "VBN" or not any(ch.dep_ == "auxpass" for ch in verb.children):
        return None
    return STOP if verb.lemma_.lower() in c.lex.endured_participles else None


def _feeling_over_undertaking(c: _Clause) -> Verdict:
    """"My country is proud to host the next Conference", "we are pleased to contribute troops": a
    frame of feeling (triggers.yaml speech.frame_adjectives) over the speaker's act to come is that
    undertaking (or meeting to come); over anything else it stays the feeling ("proud to be here")."""
    act = c.complement
    if act is None or act.pos_ != "VERB" or act.dep_ != "xcomp" or c.trig_tok.lower_ not in c.lex.speech.frame_adjectives:
        return None  # (not "proud that Somalia will take up a seat": another's act, felt)
    announces = (trig := c.lex.verbs.get(act.lemma_.lower())) is not None and trig.kind == "commitment"
    if (speaks_only(c.head, act, c.lex, framed=True) and not announces) or any(
            a.dep_ in ("aux", "auxpass") and a.lemma_ in ("be", "have") for a in act.children):
        return None  # "pleased to extend greetings", "proud to be standing here", "proud to have hosted"
    if any(ch.dep_ == "ccomp" and ch.pos_ in VERBAL for ch in act.children):
        return None  # "pleased to announce that X is ...": what the report says is the statement (framed_report)
    inner = decide(act, c.lex, c.reported)
    if (inner is not None and inner.kind == "meeting") or (inner is None and announces):
        # (a meeting or an undertaking the feeling looks to, as under "will": "proud to host" = "will
        # host", "proud to announce a new programme" = "announce" a decision)
        inner = decide(act, c.lex, c.reported, modal_hint="will")
    if inner is None or inner.kind != "commitment":
        return None  # "pleased to welcome the adoption": the welcome says it
    inner.triggers = c.words + inner.triggers
    return inner


def _manner_of_speaking(c: _Clause) -> Verdict:
    """"I would like that", "I would say ...": a manner of speaking, nothing stated. "We wish to
    express our support for X": what the act of speaking states, else nothing ("wish to convey greetings")."""
    if speaks_only(c.head, c.complement, c.lex):
        return decide(c.complement, c.lex, c.reported) or STOP
    return STOP if (c.polite and not c.desired) or (c.modal == "would" and c.lemma in c.lex.reporting_verbs) else None


def _desire_voiced(c: _Clause) -> Verdict:
    """"We would like to expand our cooperation with Africa", "I'd like to expand them to culture":
    a desire to act, read as "want to" is (soft, guide §5 "desire to / would like to"), not as an
    undertaking under the modal "would"."""
    if not c.desired:
        return None
    act = c.action
    if act is None or any(ch.dep_ == "dobj" for ch in c.head.children):
        return STOP  # "we would like our partners to join us": another's act, asked
    if any(o.dep_ == "dobj" and (o.lemma_.lower() in c.lex.nouns or o.lower_ in c.lex.nouns) for o in act.children):
        return STOP  # "would like to renew our support for X", "to join the call for X": the noun's reading, not an act
    return _action_trigger(c) or STOP


def _modal_stance(c: _Clause) -> Verdict:
    """"will remain a member", "will never forget", "will uphold the common values": a stance."""
    lex, trig, dobj = c.lex, c.trig, c.dobj
    if c.modal not in lex.binding_modals:
        return None
    # ("will remain at the forefront of advancing X", "will be the first country to invest X"
    # undertake it: programmes.py)
    stative = c.lemma in lex.stative_verbs and not any(ch.dep_ == "acomp" for ch in c.head.children) \
        and action_led(c.head) is None and first_to_act(c.head, lex) is None and not keeps_contact(c.head, lex)
    state_object = trig is not None and trig.kind == "position" and dobj is not None and c.action is None \
        and (dobj.lower_ in lex.state_nouns or dobj.lemma_.lower() in lex.state_nouns)
    state_object = state_object or _state_supported_still(c)
    aim_only = (trig is None or trig.kind != "meeting") and general_aim(c.head, lex)  # "will promote world peace"
    # (a phrasal verb acts: "will face down the traffickers", "will face up to our responsibilities")
    undergone = c.lemma in lex.non_agentive_verbs and not any(ch.dep_ == "prt" for ch in c.head.children)
    if not (stative or undergone or state_object or aim_only or _principle_kept(c) or _party_supported(c)):
        return None
    category = trig.category if trig is not None and trig.kind == "position" else "position.stress"
    return c.modal_decision("position", category, Rule.MODAL_STANCE, [c.modal] + c.words)


def _state_supported_still(c: _Clause) -> bool:
    """"Norway will continue to support democracy", "will continue to uphold the international
    order": a stance verb continued under a binding modal whose first object is a
    principle, a value or a state of affairs (codebook state_nouns) is that stance, as "will support
    democracy" is (annotation guide §2: the object decides); "will continue to support the reform"
    names an action and stays an undertaking."""
    lex, verb = c.lex, c.action
    if c.trig is None or not c.trig.aspectual or verb is None or verb.dep_ != "xcomp" or c.negated:
        return False
    entry = lex.verbs.get(lemma_of(verb, lex.verbs))
    obj = _dobj(verb)
    if entry is None or entry.kind != "position" or obj is None:
        return False
    if _act_named_after((verb,), ("prep", "advcl", "xcomp")):
        return False  # "will continue to support democracy by funding X": a means named
    return obj.lower_ in lex.state_nouns or obj.lemma_.lower() in lex.state_nouns


def _party_supported(c: _Clause) -> bool:
    """"Singapore will support our friends in the Pacific", "will continue to support our fellow small
    states": support for a party (a partner or an actor noun: codebook partner_addressees,
    actor_nouns) under a binding modal, with no action named, is a position (annotation guide §2:
    support for a party under "will" with no action named; "will support Kenya in expanding its
    ports" names one: a commitment)."""
    lex = c.lex
    verb = c.action if c.trig is not None and c.trig.aspectual and c.action is not None else c.head
    entry = lex.verbs.get(lemma_of(verb, lex.verbs))
    if entry is None or entry.category != "position.support" or verb is not c.head and verb.dep_ != "xcomp":
        return False
    obj = next((o for o in verb.children if o.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or not any(w in lex.partner_addressees or w in lex.actor_nouns
                                                    for w in (obj.lower_, obj.lemma_.lower())):
        return False
    if any(ch.dep_ == "acl" for ch in obj.children):
        return False  # "the communities affected by the drought": people in need, helped (a commitment)
    # (an action named after it: "in expanding X", "in their fight against Y", "to build Z", "by funding W")
    return not _act_named_after((verb, obj), ("prep", "advcl", "xcomp", "acl", "ccomp"), lex)


def _act_named_after(words: tuple[Token, ...], deps: tuple[str, ...], lex: TriggerLexicon | None = None) -> bool:
    """Does a dependent of ``words`` (by one of ``deps``) name an act: a verb ("by funding X", "to
    build Z") or, given the lexicon, an action noun ("in their fight against Y")?"""
    return any(t.tag_ in ("VBG", "VB") or (lex is not None and is_action_noun(t, lex))
               for w in words for ch in w.children if ch.dep_ in deps for t in ch.subtree)


def _principle_kept(c: _Clause) -> bool:
    """"(I assure you that) democracy, human rights and the rule of law will be upheld", "the rights
    of minorities will be respected": a principle or a state of affairs kept, in the passive, is the
    stance the active is ("will uphold the rule of law", annotation guide §2, keeping versus
    changing; §10: "commit to uphold the UN Charter and international law" is a position): a verb
    of keeping a principle (codebook ``principle_verbs``, ``preserving_verbs``) whose passive subject
    is a state noun. A thing built or held stays an undertaking ("the road will be completed")."""
    lex = c.lex
    if c.lemma not in lex.principle_verbs and c.lemma not in lex.preserving_verbs:
        return False
    if not any(ch.dep_ == "auxpass" for ch in c.head.children):
        return False
    subject = next((ch for ch in c.head.children if ch.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    def state(noun: Token) -> bool:  # ("the rule of law": the state noun after "of")
        return noun.lower_ in lex.state_nouns or noun.lemma_.lower() in lex.state_nouns or any(
            state(g) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")
    return all(state(k) for k in (subject, *subject.conjuncts))


def _vote_to_hold(c: _Clause) -> Verdict:
    """"Tanzania will hold local elections", "elections will be held in Kazakhstan": a vote to come,
    undertaken (votes.py); a vote held, or one hoped for, is not."""
    if c.modal not in c.lex.binding_modals or c.negated or (held := vote_to_hold(c.head, c.lex)) is None:
        return None
    return c.modal_decision("commitment", "commitment", Rule.VOTE_TO_HOLD, [c.modal, c.head.text, held.vote.text],
                            c.head, "firm") if held.undertaker is None else \
        Decision("commitment", "commitment", "firm", Rule.VOTE_TO_HOLD, [c.modal, c.head.text, held.vote.text], c.head,
                 c.modal, undertaker=held.undertaker)


def _meeting_held(c: _Clause) -> Verdict:
    """"The next session of the Joint Commission will be held in Nairobi", "the next round will
    commence in May": a meeting of the parties' as the subject of its holding, under a binding modal,
    is a meeting to come they undertake (meetings.meeting_to_be_held; guide §2 "Meetings to come").
    No one is named: the clause's actors are the statement's before it (clauses.py), and the
    pipeline keeps it in texts the parties issue only (not a speech or a news report)."""
    if c.modal not in c.lex.binding_modals or c.negated or (meeting := meeting_to_be_held(c.head, c.lex)) is None:
        return None
    return c.modal_decision("commitment", MEETING_UNDERTAKEN, Rule.MEETING_TO_BE_HELD,
                            [c.modal, c.head.text, meeting.text], c.head, "firm")


def _own_proposal(c: _Clause) -> Verdict:
    """"I propose a pact", "I reiterate my proposal to establish an agency": the speaker's own
    proposal, a soft undertaking (speech_frames.py); "we will propose" is left to the modal."""
    if c.modal is not None or c.negated or (proposed := own_proposal(c.head, c.lex)) is None:
        return None
    return Decision("commitment", "commitment", "soft", Rule.OWN_PROPOSAL, [c.head.text, proposed.text], proposed,
                    c.head.lemma_.lower())


def _own_candidacy(c: _Clause) -> Verdict:
    """"Mongolia has presented its candidature for a seat on the Security Council", "we are seeking
    a seat on the Council": the speaker's own candidacy, an undertaking to stand (speech_frames.py)."""
    if c.modal is not None or c.negated or (found := own_candidacy(c.head, c.lex)) is None:
        return None
    noun, strength = found
    return Decision("commitment", "commitment", strength, Rule.OWN_CANDIDACY, [c.head.text, noun.text], noun,
                    c.head.lemma_.lower())


def _steadfast_in(c: _Clause) -> Verdict:
    """"We remain firm in our process of accession to X": steadfastness in a process or an undertaking
    to act, a moderate commitment as "remain committed to" (speech_frames.py)."""
    if c.modal is not None or c.negated or (held := steadfast_in(c.head, c.lex)) is None:
        return None
    return Decision("commitment", "commitment", "moderate", Rule.STEADFAST_IN, [c.head.text, held.text], held,
                    c.head.lemma_.lower())


def _binding_modal(c: _Clause) -> Verdict:
    """A binding modal on an actor's clause is an undertaking ("will", "shall", reported "would");
    a meeting under one is left to the meeting steps ("will visit" stays a visit)."""
    trig = c.trig
    if c.modal not in c.lex.binding_modals:
        return None
    if c.lemma in c.lex.naming_verbs and any(ch.dep_ == "oprd" for ch in c.head.children):
        return STOP  # "the road that we will call Nairobi superhighway": a name given, nothing undertaken
    if trig is not None and trig.kind == "meeting" and not _holds_no_event(c) and not _receives_a_thing(c) \
            and not hosts_body(c.dobj, c.lex):
        # (a body hosted is an undertaking; a meeting later the same day is taking place: rhetoric.py)
        if not (_convenes(c.head, trig, c.dobj, c.lex) or goes_to_event(c.head, c.lex)) or same_day(c.head, c.lex):
            return None
        # "we will meet again next year", "will convene an investors' forum": a meeting to come, undertaken
        return c.modal_decision("commitment", MEETING_UNDERTAKEN, Rule.CONVENED_MEETING, [c.modal] + c.words,
                                c.head, "firm")
    if (kept := supports_keeping_a_state(c.head, c.lex)) is not None:
        # "China will continue to firmly support Sri Lanka in safeguarding its sovereignty": a stance
        return c.modal_decision("position", "position.support", Rule.PRINCIPLE_UPHELD, [c.modal, *c.words, kept.text])
    if trig is not None and trig.kind == "position" and trig.asks and not _addresses_own_officials(c.head, c.lex) \
            and (_names_party(c.head, c.lex) or (c.head.dep_ == "conj" and _names_party(c.head.head, c.lex))):
        # "we would urge all States to X", "would ask it to X": a call, as without the modal; so is a
        # call sharing the subject and modal of the verb before it ("We will set up X and urge others to")
        return None
    if (voiced := _stance_voiced(c)) is not None:
        return voiced
    if (continued := _stance_continued(c)) is not None:
        return continued
    if (held := _dedication_held(c)) is not None:
        return held
    # (a trigger that means nothing without its action does not set the strength then: "will offer
    # scholarships", "will be open throughout the year" are firm, as "will" is; "will encourage X" stays soft)
    own = trig is not None and trig.kind == "commitment" and not (trig.needs_action and c.action is None
                                                                  and trig.otherwise is None)
    strength = "soft" if c.lemma in c.lex.softeners else (trig.strength if own else "firm")
    words = [c.modal] + c.words + (["not"] if c.negated else [])
    action = c.action if c.action is not None or c.lemma != "be" else first_to_act(c.head, c.lex)
    return c.modal_decision("commitment", "commitment", Rule.BINDING_MODAL, words, action, strength)


def _stance_voiced(c: _Clause) -> Decision | None:
    """"We will stand with Moldova", "will continue to stand by the flood victims", "will
    continue pressing for a global methane levy": an act under the modal that only voices
    solidarity with a party or advocates an outcome is that stance (rhetoric.voiced_stance: the
    object decides, not "will"); naming its means ("by providing X") it stays an undertaking."""
    if c.negated:
        return None
    verb = c.head if c.trig is None else c.action if c.trig.aspectual else None
    category = voiced_stance(verb, c.lex) if verb is not None else None
    if category is None:
        return None
    words = [c.modal] + c.words + ([verb.text] if verb.i != c.head.i else [])
    # (the act kept as the decision's action: the further acts joined to it are undertakings, clauses.py)
    return c.modal_decision("position", category, Rule.MODAL_STANCE, words, verb)


def _stance_continued(c: _Clause) -> Decision | None:
    """"we shall continue to call for X", "will continue to condemn Y": a stance kept up under a modal
    is still the stance (as "continue to condemn" without one); a call on one's own officials stays
    a directive ("will continue to call on our ministers to X")."""
    if c.trig is None or not c.trig.aspectual or c.action is None or c.negated:
        return None
    stance = _aspectual_stance(c)
    if not isinstance(stance, Decision) or stance.kind != "position" or _addresses_own_officials(c.action, c.lex):
        return None
    if stance.category not in (CALL, "position.condemn", "position.oppose"):
        return None  # (only calls, condemnations, opposition: "will continue to share doses" is an act)
    return c.modal_decision(stance.kind, stance.category, Rule.ASPECTUAL_STANCE, [c.modal] + stance.triggers)


def _dedication_held(c: _Clause) -> Decision | None:
    """"will remain committed to the principles of the Charter", "will continue to be dedicated to
    the rule of law": a dedication with no action to undertake is the stance it is without the
    modal (the adjective's ``otherwise``, as "remains committed to the Charter"); "will remain
    committed to a reform of the Council" names an action and stays an undertaking."""
    inner = c
    copula = next((x for x in c.head.children if x.dep_ == "xcomp" and x.lemma_ in ("be", "remain", "stay")), None)
    if c.trig is not None and c.trig.aspectual and copula is not None:
        inner = _read(copula, c.lex, c.reported, c.modal)  # "will continue to be committed to X"
    trig = inner.trig
    if trig is None or inner.trig_tok.dep_ != "acomp" or not trig.needs_action or inner.action is not None \
            or trig.otherwise is None or trig.otherwise.kind != "position" or c.negated:
        return None
    return c.modal_decision("position", trig.otherwise.category, Rule.FALLBACK_WITHOUT_ACTION, [c.modal] + c.words + inner.words)


def innermost_strength(strength: str | None, action: Token | None, lex: TriggerLexicon) -> str | None:
    """The strength an undertaking has once its innermost act is read: "agreed to consider X",
    "committed to explore Y", "instructed the ministries to study Z" undertake only the
    considering, exploring or studying (a softener, codebook ``softeners``): soft, whatever the
    verb of undertaking around it (annotation guide §10 "Undertaking to explore")."""
    if strength is None or action is None or action.pos_ != "VERB":
        return strength
    return "soft" if lemma_of(action, lex.verbs) in lex.softeners else strength


def _holds_no_event(c: _Clause) -> bool:
    """"The firm will hold a 70 percent stake in the venture": a verb that is a meeting only with an
    event for object ("hold talks"), holding a thing with a number (a stake, shares), is no meeting."""
    dobj, lex = c.dobj, c.lex
    if not c.trig.needs_event or dobj is None or dobj.lower_ in lex.events or dobj.lemma_.lower() in lex.events:
        return False
    return any(t.like_num for t in dobj.subtree)


def _receives_a_thing(c: _Clause) -> bool:
    """"India will receive a General Inspection Train": a verb that is a meeting only with a person
    for object ("will receive President Xi") receiving a thing (an indefinite object, no event nor
    actor) is no meeting: under "will", an undertaking."""
    dobj, lex = c.dobj, c.lex
    if not c.trig.needs_person or dobj is None or not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in dobj.children):
        return False
    lemma = dobj.lemma_.lower()
    return lemma not in lex.events and lemma not in lex.actor_nouns


def _convenes(verb: Token, trig: Trigger, dobj: Token | None, lex: TriggerLexicon) -> bool:
    """Holding, convening or hosting a meeting ("hold the next summit", "meet again"), not a
    visit, an invitation or a person met ("will host the President" is a visit to come).
    Attending one is going to an event (meetings.goes_to_event), read there only."""
    if lemma_of(verb, lex.verbs) in lex.repeat_meeting_verbs and verb.tag_ not in ("VBD", "VBN") \
            and any(c.dep_ == "advmod" and c.lower_ in lex.repeat_adverbs for c in verb.children):
        return True  # "agreed to speak again": the call or talk repeated, a meeting to come (codebook)
    if lemma_of(verb, lex.verbs) not in lex.convening_verbs or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if dobj is None:
        return not trig.needs_event
    # "convene the Joint Commission": what is convened meets; one holds or hosts an event, meets a person
    return dobj.lower_ in lex.events or dobj.lemma_.lower() in lex.events or not (trig.needs_event or trig.needs_counterpart)


def _other_modal(c: _Clause) -> Verdict:
    """Under "must" or "should" an actor's clause is a call to act; under "may" or "can", nothing.
    (A stance, thanks or a meeting under one of them is decided by its trigger.)"""
    if c.modal is None or c.modal in c.lex.binding_modals or (c.trig is not None and c.trig.kind != "commitment"):
        return None
    if c.modal not in c.lex.exhorting_modals:
        return STOP
    return c.modal_decision("position", CALL, Rule.EXHORTATION, [c.modal] + c.words)


def _planned_action(c: _Clause) -> Verdict:
    """"China is to finance the port": "be" with a to-infinitive states a plan of the subject, as
    "will" does (a meeting planned is left to the meeting steps, as under "will")."""
    if c.lemma != "be" or c.modal is not None or c.trig is not None or c.negated or not _names_party(c.head, c.lex):
        return None
    plan = next((x for x in c.head.children if x.dep_ == "xcomp" and x.tag_ == "VB"
                 and has_to(x)), None)
    if plan is None:
        return None
    inner = c.lex.verbs.get(lemma_of(plan, c.lex.verbs))
    if inner is not None and inner.kind == "meeting":
        return None
    return Decision("commitment", "commitment", "firm", Rule.PLANNED_ACTION, [c.head.text, "to", plan.text], plan, "be")


def _names_party(head: Token, lex: TriggerLexicon) -> bool:
    """The clause's subject names who could undertake: a name, "we" or "they", or an actor noun
    ("the two sides"); not "the only way", "all that is needed", "it"."""
    subject = subject_of(head)
    if subject is None:
        return False
    if subject.pos_ == "PROPN" or subject.lower_ in ("we", "they"):
        return True
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in lex.actor_nouns


def _funding_pledged(c: _Clause) -> Verdict:
    """"Japan pledged $200 million for the metro", "China offered a $3 billion loan": money
    pledged, offered or earmarked is a firm undertaking of the subject, whatever the tense."""
    lex, dobj = c.lex, c.dobj
    if (sum_held := _sum_undertaken(c)) is not None:
        return Decision("commitment", "commitment", "firm", Rule.FUNDING_PLEDGED, c.words + [sum_held.text], sum_held,
                        c.lemma)
    if dobj is not None and dobj.tag_ in ("WDT", "WP") and c.head.dep_ == "relcl":
        dobj = c.head.head  # "the package that Japan has offered": what the relative pronoun stands for
        if c.lemma in lex.funded_by_verbs:  # "the line, which China financed with $3 billion"
            dobj = next((p for w in c.head.children if w.dep_ == "prep" and w.lower_ == "with"
                         for p in w.children if p.dep_ == "pobj"), None)
            return None if dobj is None or not _names_funds(dobj, lex) else \
                Decision("commitment", "commitment", "firm", Rule.FUNDING_PLEDGED, [c.head.text, dobj.text], dobj, c.lemma)
    if dobj is None and c.lemma in lex.funding_verbs:  # "committed to a further $19 million in grants"
        dobj = next((p for w in c.head.children if w.dep_ == "prep" and w.lower_ == "to"
                     for p in w.children if p.dep_ == "pobj" and _names_amount(p, lex)), None)
    if c.lemma not in lex.funding_verbs or c.negated or dobj is None or c.modal is not None:
        return None
    if any(ch.dep_ == "auxpass" for ch in c.head.children) or not (_names_funds(dobj, lex) or _names_resources(dobj, lex)):
        return None
    return Decision("commitment", "commitment", "firm", Rule.FUNDING_PLEDGED, c.words + [dobj.text], dobj, c.lemma)


def _sum_undertaken(c: _Clause) -> Token | None:
    """"affirmed Australia's new commitment to a $200 million partnership": a noun of undertaking
    carried by the verb whose object names an amount of money: the money pledged (its object)."""
    noun = c.trig_tok
    if noun.i == c.head.i or noun.pos_ != "NOUN" or c.trig.kind != "commitment" or c.negated or c.modal is not None:
        return None
    return next((p for w in noun.children if w.dep_ == "prep" and w.lower_ in ("to", "of")
                 for p in w.children if p.dep_ == "pobj" and _names_amount(p, c.lex)), None)


def _aid_pledged(c: _Clause) -> Verdict:
    """"China pledged fresh support to the island nation", "vowed all possible help to the
    nationals", "offered collaboration in therapeutics": help that a verb of pledging gives to a
    recipient or in a field is the giver's undertaking, at the verb's strength. Support *for*
    something is a stance whose object decides (annotation guide §2), left to the noun's reading."""
    lex, dobj = c.lex, c.dobj
    if c.lemma not in lex.aid_verbs or dobj is None or c.negated or c.modal is not None:
        return None
    if dobj.lemma_.lower() not in lex.aid_nouns and dobj.lower_ not in lex.aid_nouns:
        return None
    if any(ch.dep_ == "auxpass" for ch in c.head.children):
        return None
    preps = [p.lower_ for p in (*c.head.children, *dobj.children) if p.dep_ in ("prep", "dative")]
    if "for" in preps or not {"to", "in"} & set(preps):
        return None
    trig = lex.verbs.get(c.lemma)
    strength = trig.strength if trig is not None and trig.kind == "commitment" and trig.strength else "firm"
    return Decision("commitment", "commitment", strength, Rule.AID_PLEDGED, c.words + [dobj.text], dobj, c.lemma)


def _support_assured(c: _Clause) -> Verdict:
    """"I assure him of the Gambia's support during his tenure", "Equatorial Guinea assures him of
    its full support", "be assured of Zimbabwe's support": support assured to someone is support
    for the one assured, a person or a party: a position (guide §2, support for a party), however
    firm "assure" is. When the support names the work it backs ("in carrying out his mission", "for
    the programme of work he has set", "in the execution of his mandate": an institution's work, a
    plan) the clause is read as before, an undertaking."""
    lex = c.lex
    if c.lemma not in lex.assurance_verbs or c.negated or c.modal is not None:
        return None
    # (the "of" on the verb, or on the one assured: "assure the President of Norway's support")
    of = [p for p in (*c.head.children, *(c.dobj.children if c.dobj is not None else ()))
          if p.dep_ == "prep" and p.lower_ == "of"]
    # (the support after "of", or, when a "’s" split the phrase, the object the parser made of it:
    # "assure the President of my delegation’s full cooperation and support")
    said = [o for p in of for o in p.children if o.dep_ == "pobj"] + ([c.dobj] if of and c.dobj is not None else [])
    noun = next((g for o in said for g in (o, *o.conjuncts) if g.lemma_.lower() in lex.assured_support_nouns), None)
    if noun is None or _support_names_work(noun, c.head, lex):
        return None
    return c.decision("position", "position.support", Rule.SUPPORT_ASSURED, c.words + [noun.text])


def _support_names_work(noun: Token, head: Token, lex: TriggerLexicon) -> bool:
    """The support assured names what it backs: an action, a plan or a work after "for" / "to"
    (``action_of``), or after "in" a gerund, an action noun or a clause ("in carrying out his
    mission", "in the execution of his mandate", "in everything that would facilitate X")."""
    if action_of(noun, lex, for_action=True) is not None:
        return True
    for prep in (*noun.children, *head.children, *(x for o in noun.conjuncts for x in o.children)):
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > noun.i:
            for g in prep.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG":
                    return True
                if g.dep_ == "pobj" and (is_action_noun(g, lex) or names_plan(g, lex)
                                         or any(r.dep_ in ("relcl", "acl") for r in g.children)):
                    return True
    return False


def _names_resources(obj: Token, lex: TriggerLexicon) -> bool:
    """Resources other than money ("additional assets", "two battalions"; codebook resource_nouns)."""
    return obj.lemma_.lower() in lex.resource_nouns or obj.lower_ in lex.resource_nouns


def _names_funds(obj: Token, lex: TriggerLexicon) -> bool:
    """An amount of money ("$200 million", "50 billion yen") or a funding noun ("a loan")."""
    if obj.lemma_.lower() in lex.funding_nouns or obj.lower_ in lex.funding_nouns:
        return True
    return _names_amount(obj, lex)


_GLUED_AMOUNT = re.compile(r"([a-z]{1,3})\d[\d.,]*$")


def _names_amount(obj: Token, lex: TriggerLexicon) -> bool:
    """An amount of money: "$200 million", "50 billion yen"."""
    # the noun phrase itself ("$200 million", "50 billion yen"), not what hangs on it ("the launch of X, supported by $2 million")
    phrase = [*obj.doc[obj.left_edge.i : obj.i + 1],
              *(t for c in obj.rights if c.dep_ in ("nummod", "quantmod", "compound") for t in c.subtree)]
    if any((m := _GLUED_AMOUNT.match(t.lower_)) and m.group(1) in lex.currencies for t in phrase):
        return True  # "Sh19.2 billion", "RM44 billion": the currency written onto the number
    return any(t.tag_ == "$" or t.lower_ in lex.currencies for t in phrase) and any(t.like_num for t in phrase)


def _progressive_undertaking(c: _Clause) -> Verdict:
    """"We are setting up the fund", "the two sides are restoring the hotline", "the United States
    is coordinating deliveries of air defence systems": a party's undertaking in progress, in the
    present progressive: a verb of action on a concrete object (``_ongoing_act``), or one of
    triggers.yaml progressive_undertakings on any object; "were building" is a report of the past."""
    head, lex = c.head, c.lex
    if head.tag_ != "VBG" or c.modal is not None or c.negated:
        return None
    if not any(a.dep_ == "aux" and a.tag_ in ("VBP", "VBZ") and a.lemma_ == "be" for a in head.children):
        return None
    if not _names_party(head, lex):
        return None
    rule = Rule.PROGRESSIVE_UNDERTAKING
    if head.lower_ in lex.progressive_undertakings:
        if not any(ch.dep_ in ("dobj", "prt", "prep") for ch in head.children):
            return None
    elif _ongoing_act(head, lex) and not _announced(head, lex):
        rule = Rule.ONGOING_ACT  # (the pipeline keeps it only where the speakers tell their own act)
    else:
        return None
    # (not marked aspectual: the pipeline would drop it whenever the subject's actors are unresolved)
    return Decision("commitment", "commitment", "firm", rule, [head.text], head, head.lemma_)


def _announced(verb: Token, lex: TriggerLexicon) -> bool:
    """"I can announce today that we are joining the coalition": the clause of a verb that announces
    the speakers' own undertaking (the announcement is the statement: announced_own_undertaking)."""
    trig = lex.verbs.get(verb.head.lemma_.lower()) if verb.dep_ == "ccomp" else None
    return trig is not None and trig.reports_own_undertaking


def _ongoing_act(verb: Token, lex: TriggerLexicon) -> bool:
    """A verb of action with a concrete object ("coordinating deliveries of X", "training port
    inspectors"): not a trigger (its own reading decides), nor a verb of perception, undergoing,
    state, harm or speaking (the codebook classes, and progressive_states: "are facing a drought",
    "is waging a war", "are doing everything"), nor the keeping of an undertaking ("is honouring
    its pledges": a record, speech.keeping_verbs); the object a noun or a name, not a principle."""
    if any(lemma in lex.verbs or lemma in lex.progressive_states or lemma in lex.non_agentive_verbs
           or lemma in lex.stative_verbs or lemma in lex.endured_participles or lemma in lex.stance_light_verbs
           or lemma in lex.reporting_verbs or lemma in lex.speech.speaking_verbs or lemma in lex.speech.keeping_verbs
           for lemma in gerund_lemmas(verb)):
        return False
    return any(o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN") and o.lemma_.lower() not in lex.state_nouns
               and o.lower_ not in lex.state_nouns for o in verb.children)


def _funded_by_party(c: _Clause) -> Verdict:
    """"The plant will be fully funded by Russia": a passive of funding under a binding modal,
    with an agent that can be a party, is the agent's firm undertaking (the subject is what is paid for)."""
    lex = c.lex
    if c.modal not in lex.binding_modals or c.negated:
        return None
    funded = c.head if c.lemma in lex.funded_by_verbs else next(
        (x for x in c.head.children if x.dep_ in ("acomp", "xcomp") and x.tag_ == "VBN"
         and x.lemma_.lower() in lex.funded_by_verbs), None)
    if funded is None:
        return None
    agent = next((g for x in funded.children if x.dep_ == "agent" for g in x.children if g.dep_ == "pobj"), None)
    if agent is None or not (agent.pos_ == "PROPN" or agent.lemma_.lower() in lex.actor_nouns):
        return None
    return Decision("commitment", "commitment", "firm", Rule.FUNDED_BY_PARTY, [c.modal, funded.text, "by"], funded,
                    funded.lemma_.lower(), undertaker=agent)


def _funds_of_party(c: _Clause) -> Verdict:
    """"Some 55% of the contract amount will be Russian loan funds": money that "will be" a party's
    loan or funds (a funding noun named by a party's adjective or name) is that party's firm
    undertaking, as "will be funded by Russia" is."""
    lex = c.lex
    if c.modal not in lex.binding_modals or c.negated or c.lemma != "be":
        return None
    funds = next((x for x in c.head.children if x.dep_ == "attr" and x.lemma_.lower() in lex.funding_nouns), None)
    payer = None if funds is None else next(
        (m for m in funds.children if m.dep_ in ("amod", "compound", "poss") and m.pos_ in ("ADJ", "PROPN")
         and m.text[:1].isupper()), None)  # a party's name or adjective ("Russian", "Japan's")
    if payer is None:
        return None
    return Decision("commitment", "commitment", "firm", Rule.FUNDED_BY_PARTY, [c.modal, "be", funds.text], funds,
                    funds.lemma_.lower(), undertaker=payer)


def _money_terms_set(c: _Clause) -> Verdict:
    """Terms of money a party sets: a target ("Japan set an investment goal of 10 trillion yen",
    with the amount inside it) or a concession on a loan ("China had cut the interest rate on the
    proposed loan", not under a modal): a firm undertaking of the subject, as money pledged is."""
    lex, dobj = c.lex, c.dobj
    if c.negated or dobj is None:
        return None
    if c.lemma in lex.target_verbs and dobj.lower_ in lex.target_nouns:
        money = (t for t in dobj.subtree if t.i != dobj.i and _names_funds(t, lex))
    elif c.lemma in lex.concession_verbs and c.modal is None and dobj.lemma_.lower() in lex.concession_nouns:
        money = (t for t in c.head.subtree if t.dep_ == "pobj" and t.lemma_.lower() in lex.funding_nouns)
    else:
        return None
    if not any(money) or not _names_party(c.head, lex):
        return None
    return Decision("commitment", "commitment", "firm", Rule.FUNDING_PLEDGED, c.words + [dobj.text], dobj, c.lemma)


def _approval(c: _Clause) -> Verdict:
    """"The cabinet approved the agreement": an instrument approved (agreement); "approved the
    proposal to establish a committee": a decision to act, the approver's firm commitment.
    (Money approved is funding_pledged; an approval under a modal is the modal's.)"""
    lex, dobj = c.lex, c.dobj
    if c.lemma not in lex.approval_verbs or c.negated or dobj is None or c.modal is not None:
        return None
    if any(ch.dep_ == "auxpass" for ch in c.head.children):
        return None
    if dobj.lower_ in lex.instruments:
        return Decision("agreement", "agreement", None, Rule.INSTRUMENT_APPROVED, c.words + [dobj.text], None, c.lemma)
    if dobj.lower_ in lex.proposal_nouns:
        action = next((x for x in dobj.children if x.dep_ in ("acl", "relcl") and x.tag_ == "VB"
                       and has_to(x)), None)
        if action is not None:
            return Decision("commitment", "commitment", "firm", Rule.DECISION_APPROVED,
                            c.words + [dobj.text, action.text], action, c.lemma)
    return None


def _progress_reported(c: _Clause) -> Verdict:
    """"there has been good progress in the rail project", "the two sides made headway on X":
    progress acknowledged, an appreciation (not "little progress"; under "will" an undertaking)."""
    lex = c.lex
    if c.modal is not None or c.negated:
        return None
    existential = c.lemma == "be" and any(ch.dep_ == "expl" for ch in c.head.children)
    subject = subject_of(c.head)
    party = _names_party(c.head, lex) and subject.lemma_.lower() not in lex.non_actor_heads | lex.instruments
    if c.lemma in lex.review_verbs and party and c.dobj is not None and c.dobj.lemma_.lower() in lex.progress_nouns \
            and _found_good(c.dobj, lex):
        return Decision("appreciation", "appreciation", None, Rule.PROGRESS_REPORTED, [c.head.text, c.dobj.text], None,
                        c.dobj.lemma_.lower())
    if not existential and not (c.lemma in lex.progress_verbs and party):
        return None  # (not "the Chips Act has made progress in parliament": a thing, no party)
    noun = next((x for x in c.head.children if x.dep_ in ("attr", "dobj", "nsubj")
                 and x.lemma_.lower() in lex.progress_nouns), None)
    if noun is None or any(m.lower_ in lex.slow_words for m in noun.children):
        return None
    return Decision("appreciation", "appreciation", None, Rule.PROGRESS_REPORTED, [c.head.text, noun.text], None,
                    noun.lemma_.lower())


def _found_good(noun: Token, lex: TriggerLexicon) -> bool:
    """"the good progress", "the progress of the line, which has been progressing well"."""
    if any(m.lower_ in lex.good_words for m in noun.children if m.dep_ == "amod"):
        return True
    return any(t.lemma_.lower() in ("progress", "proceed", "go") and t.pos_ in VERBAL
               and any(m.lower_ in lex.good_words for m in t.children if m.dep_ == "advmod") for t in noun.subtree)


def _stated_aim(c: _Clause) -> Verdict:
    """"Our desire is to put the first phase into effect": a possessed aim noun, subject of "is"
    with a to-infinitive, is its possessor's undertaking, of the noun's strength. "Our commitment
    remains to restrict X" renews it: moderate, as "remain committed to"."""
    lex = c.lex
    continuing = c.lemma in lex.continuing_copulas
    if (c.lemma != "be" and not continuing) or c.modal is not None or c.negated or c.head.tag_ == "VBD":
        return None  # (not "Our goal was to provide an impetus": an aim of the past)
    subject = subject_of(c.head)
    noun = subject.lemma_.lower() if subject is not None else ""
    if noun not in lex.aim_nouns and noun not in lex.decision_nouns:
        return None
    owner = next((x for x in subject.children if x.dep_ == "poss"), None)
    # "Our desire is to open the line"; "our decision to open the line is historic"
    holder = c.head if noun in lex.aim_nouns else subject
    plan = next((x for x in holder.children if x.dep_ in ("xcomp", "acl") and x.tag_ == "VB"
                 and has_to(x)), None)
    if owner is None or plan is None:
        return None
    if noun in lex.measured_aim_nouns and not any(t.like_num for t in plan.subtree):
        return None  # "our goal is to build a shared future": a general aim, not a target set
    strength, lemma = (lex.aim_nouns[noun].strength, lex.aim_nouns[noun].lemma) if noun in lex.aim_nouns else ("firm", noun)
    if continuing and strength == "firm":
        strength = "moderate"
    return Decision("commitment", "commitment", strength, Rule.STATED_AIM, [subject.text, c.head.text, plan.text],
                    plan, lemma, undertaker=owner, trigger_noun=subject)


def _hope_stated(c: _Clause) -> Verdict:
    """"It is my hope that your commitment will go all the way": read as "I hope that ..." (hopes.py):
    the owner's soft undertaking when the act hoped for is its own, else a stance."""
    hope = stated_hope(c.head, c.lex) if c.modal is None and not c.negated else None
    if hope is None:
        return None
    trig = c.lex.aim_nouns[hope.noun.lemma_.lower()]
    words = [c.head.text, hope.noun.text, hope.clause.text]
    if hope.own_act:
        return Decision("commitment", "commitment", trig.strength, Rule.STATED_AIM, words, hope.clause, trig.lemma,
                        undertaker=hope.owner, trigger_noun=hope.noun)
    otherwise = trig.otherwise
    if otherwise is None:
        return None  # (an aim noun that is nothing without one's own act)
    return Decision(otherwise.kind, otherwise.category, None, Rule.FALLBACK_WITHOUT_ACTION, words, None, trig.lemma,
                    undertaker=hope.owner, trigger_noun=hope.noun)


def _goal_of_doing(c: _Clause) -> Verdict:
    """"Our goal of commissioning the first reactor in 2023 persists": a possessed goal of doing
    something, which the parser makes the root noun of the sentence, is its possessor's moderate
    undertaking of that act."""
    head, lex = c.head, c.lex
    if head.dep_ != "ROOT" or head.pos_ != "NOUN" or head.lemma_.lower() not in lex.target_nouns:
        return None
    owner = next((x for x in head.children if x.dep_ == "poss"), None)
    act = next((p for x in head.children if x.dep_ == "prep" and x.lower_ == "of"
                for p in x.children if p.dep_ == "pcomp" and p.tag_ == "VBG"), None)
    if owner is None or act is None:
        return None
    return Decision("commitment", "commitment", "moderate", Rule.STATED_AIM, [head.text, "of", act.text], act,
                    head.lemma_.lower(), undertaker=owner, trigger_noun=head)


def _expected_act(c: _Clause) -> Verdict:
    """"Indonesia expects to conclude negotiations in coming weeks": a party expecting, in the
    active voice, to do something itself states a moderate undertaking of it (not "is expected
    to be signed", left to "signed"; not "expects the economy to grow")."""
    head, lex = c.head, c.lex
    if c.lemma not in lex.expect_verbs or c.negated or c.modal is not None or not _names_party(head, lex):
        return None
    if any(x.dep_ in ("auxpass", "nsubjpass", "dobj") for x in head.children):
        return None
    plan = next((x for x in head.children if x.dep_ == "xcomp" and x.tag_ == "VB"
                 and has_to(x)
                 and not any(a.dep_ == "auxpass" for a in x.children)), None)
    if plan is None:
        return None
    return Decision("commitment", "commitment", "moderate", Rule.PLANNED_ACTION, [head.text, "to", plan.text], plan,
                    c.lemma)


def _project_appraised(c: _Clause) -> Verdict:
    """"This project is an epitome of our collaboration, he said": a party's praise of a project,
    in reported speech only (the reporter's own description of it is background)."""
    lex = c.lex
    if not c.reported or c.lemma != "be" or c.modal is not None or c.negated:
        return None
    subject = subject_of(c.head)
    if subject is None or subject.lemma_.lower() not in lex.appraised_things:
        return None
    for x in c.head.children:
        praise = (x.dep_ == "acomp" and x.lower_ in lex.appraisal_words) or (
            x.dep_ == "attr" and (x.lemma_.lower() in lex.appraisal_words or (
                x.lower_ == "one" and any(t.lower_ in lex.appraisal_words for t in x.subtree))))
        if praise:
            return Decision("appreciation", "appreciation", None, Rule.PROJECT_APPRAISED, [c.head.text, x.text], None,
                            x.lemma_.lower())
    return None


def _opening_declared(c: _Clause) -> Verdict:
    """"declared on Monday the official operation of the railway": a project opened, an
    appreciation of the party that opens it (as "inaugurated" is)."""
    lex, dobj = c.lex, c.dobj
    if c.lemma not in lex.opening_verbs or c.modal is not None or c.negated or dobj is None:
        return None
    if dobj.lemma_.lower() not in lex.opening_nouns or not any(x.dep_ == "prep" and x.lower_ == "of" for x in dobj.children):
        return None
    return Decision("appreciation", "appreciation", None, Rule.PROJECT_OPENED, c.words + [dobj.text], None, c.lemma)


def _headline_plan(c: _Clause) -> Verdict:
    """"Japan to invest $40 billion in India": a headline's bare to-infinitive with a party as its
    subject and no verb above it states a plan, as "is to" does (a meeting is left to the meeting steps)."""
    head, lex = c.head, c.lex
    if head.tag_ != "VB" or c.modal is not None or c.negated or not _names_party(head, lex):
        return None
    subject = subject_of(head)
    if any(t.pos_ in VERBAL for t in subject.subtree) or subject.right_edge.i + 2 != head.i:
        return None  # "Japan to invest", not a subject with a clause of its own ("the Assembly adopted ... to")
    if not has_to(head) \
            or (head.dep_ != "ROOT" and head.head.pos_ in VERBAL):
        return None
    if head.dep_ not in ("ROOT", "acl") or (head.dep_ == "acl" and head.head.dep_ != "ROOT"):
        return None
    inner = lex.verbs.get(c.lemma)
    if inner is not None and inner.kind == "meeting":
        return None
    return Decision("commitment", "commitment", "firm", Rule.PLANNED_ACTION, ["to", head.text], head, "be")


def _news_prose(c: _Clause) -> Verdict:
    """An achievement, a plan kept alive, praise or a forecast in news prose, or an undertaking
    pressed on (news_prose.py): read only where no trigger word decides (a trigger that needs a
    modal and lacks one decides nothing)."""
    if c.modal is not None or c.negated:
        return None
    if c.trig is not None and not c.trig.needs_modal and c.lemma not in c.lex.news.advancing_verbs:
        return None
    r = news_reading(c.head, c.lex, c.reported)
    return None if r is None else Decision(r.kind, r.category, r.strength, r.rule, r.triggers, r.action, r.trigger)


def _target_made(c: _Clause) -> Verdict:
    """"we have made the prevention of cancer a national objective": a target set, firm even in the
    past tense (programmes.py)."""
    if c.modal is not None or c.negated or not _names_party(c.head, c.lex):
        return None
    target = target_made(c.head, c.lex)
    if target is None:
        return None
    return Decision("commitment", "commitment", "firm", Rule.TARGET_MADE, [c.head.text, target.text], target, "make")


def _own_undertaking_held(c: _Clause) -> Verdict:
    """"our law anchors our promise to allocate X": the speaker's own undertaking noun, with its
    action, held by a verb that is no trigger (undertaking_nouns.py): the possessor undertakes."""
    if c.trig is not None or c.modal is not None or c.negated:
        return None
    held = own_undertaking_held(c.head, c.dobj, c.lex)
    if held is None:
        return None
    noun, action, owner = held
    if _upholds_principle(action, c.lex):
        return None  # "reflects our commitment to upholding the multilateral system": a principle kept
    trig = c.lex.nouns[noun.lemma_.lower()]
    return Decision("commitment", "commitment", trig.strength, Rule.TRIGGER_WITH_ACTION, [c.head.text, noun.text, action.text],
                    action, trig.lemma, undertaker=owner, trigger_noun=noun)


def _no_trigger(c: _Clause) -> Verdict:
    return STOP if c.trig is None else None


def _unmet_requirement(c: _Clause) -> Verdict:
    """A trigger that needs a modal, an instrument, an event or a person, and lacks it."""
    trig, dobj, lex = c.trig, c.dobj, c.lex
    if trig.needs_modal and c.modal is None and not c.reported:
        return STOP
    if trig.needs_instrument and not (dobj is not None and dobj.lower_ in lex.instruments):
        return _fallback(c, trig.otherwise, Rule.FALLBACK_WITHOUT_INSTRUMENT)
    if trig.own_text and c.modal is None and not (_marked_own(dobj, lex) or _speakers_subject(c.head, lex)):
        return _fallback(c, trig.otherwise, Rule.FALLBACK_WITHOUT_INSTRUMENT)
    if trig.needs_event and not (dobj is not None and dobj.lower_ in lex.events):
        return STOP
    if trig.needs_person and not (dobj is not None and dobj.pos_ == "PROPN"):
        return STOP
    return None


def _marked_own(instrument: Token, lex: TriggerLexicon) -> bool:
    """"a joint statement", "the joint declaration": the instrument is marked as the parties' own text
    (codebook own_text_marks), whoever issues it ("Vietnam and Laos issued a joint statement")."""
    return any(c.lower_ in lex.own_text_marks for c in instrument.children)


def _speakers_subject(head: Token, lex: TriggerLexicon) -> bool:
    """The subject can be the speakers themselves: a personal pronoun ("we adopted"), a common noun of
    parties ("the BRICS leaders adopted", "the two sides issued"), or a group's meeting speaking as
    the group ("The Conference adopted"); not a named other body ("the General Assembly adopted").
    """
    subject = subject_of(head)
    if subject is None and head.dep_ == "conj":
        subject = subject_of(head.head)
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in ("we", "they")
    # ("the heads of state adopted": a common noun of the speakers with its own "of")
    return speaks_as_group(subject, lex) or (subject.pos_ == "NOUN" and (
        subject.lemma_.lower() in lex.actor_nouns or subject.lower_ in lex.deliberative_bodies))


def _fallback(c: _Clause, fallback: Fallback | None, rule: Rule) -> Verdict:
    if fallback is None:
        return STOP
    # a commitment has a strength: the trigger's own ("we have pledged the transformation of X": firm)
    strength = (c.trig.strength if c.trig is not None else None) if fallback.kind == "commitment" else None
    return c.decision(fallback.kind, fallback.category, rule, c.words, strength=strength)


def _welcomed_undertaking(c: _Clause) -> Verdict:
    """"welcomed Saudi Arabia's commitment to support ...": the other party's undertaking."""
    dobj, lex = c.dobj, c.lex
    if c.trig.kind != "appreciation" or dobj is None or dobj.lemma_.lower() not in lex.reported_undertakings:
        return None
    undertaker = owner_of(dobj, lex)
    reported_action = action_of(dobj, lex)
    if reported_action is None:
        reported_action = action_of(c.head, lex)
    strength = "firm"
    if undertaker is not None and reported_action is None:
        # "welcomed the United States' announcement of $1 billion in new assistance": the sum pledged
        reported_action = next((p for w in dobj.children if w.dep_ == "prep" and w.lower_ == "of"
                                for p in w.children if p.dep_ == "pobj" and _names_amount(p, lex)), None)
    if reported_action is None and (told := _undertaking_told(dobj, undertaker, lex)) is not None:
        undertaker, reported_action, strength = told  # "welcomed the announcement that X plans to invest ..."
    if undertaker is None or reported_action is None:
        return None
    return c.decision("commitment", "commitment", Rule.WELCOMED_UNDERTAKING_OF_PARTY,
                      c.words + [dobj.text, reported_action.text], reported_action, strength, undertaker=undertaker)


def _undertaking_told(noun: Token, owner: Token | None, lex: TriggerLexicon) -> tuple[Token, Token, str | None] | None:
    """"the announcement that some Gulf partners plan to invest X", "India's announcement that it
    will resume Y": a party named as the subject of the noun's that-clause (a pronoun: the noun's
    owner), with a binding modal or an undertaking verb and its action, as (party, action, strength)."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in VERBAL
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    party = subject_of(clause) if clause is not None else None
    if party is not None and party.pos_ == "PRON" and owner is not None:
        party = owner
    if party is None or not (party.pos_ == "PROPN" or party.lemma_.lower() in lex.actor_nouns):
        return None
    modal, negated = modal_of(clause, lex)
    if negated:
        return None
    if modal in lex.binding_modals:
        return party, clause, "firm"
    trig = lex.verbs.get(lemma_of(clause, lex.verbs))
    action = action_of(clause, lex) if trig is not None and trig.kind == "commitment" and trig.needs_action else None
    return (party, action, trig.strength) if action is not None else None


def _signing_welcomed(c: _Clause) -> Verdict:
    """"welcomed the signing of ..." reports an instrument, not thanks."""
    if c.trig.kind != "appreciation" or c.dobj is None or c.dobj.lemma_.lower() not in c.lex.signing_nouns:
        return None
    # "appreciated India's signing of the Accords": the signer's agreement, not the appreciator's
    return c.decision("agreement", "agreement", Rule.INSTRUMENT_SIGNED, c.words + [c.dobj.text],
                      undertaker=owner_of(c.dobj, c.lex))


def _anticipation(c: _Clause) -> Verdict:
    """"look forward to": a meeting to come, a soft undertaking to meet ("to the next summit", "to
    welcoming X"), a soft undertaking ("to establishing a dialogue"), or else a hope ("to its outcome")."""
    if not c.trig.anticipates:
        return None
    head, lex = c.head, c.lex
    target = next((g for ch in head.children if ch.dep_ == "prep" and ch.lower_ == "to"
                   for g in ch.children if g.dep_ in ("pobj", "pcomp")), None)
    if target is None:
        target = next((ch for ch in head.children if ch.dep_ == "advcl" and ch.tag_ == "VBG"
                       and any(a.lower_ == "to" for a in ch.children)), None)
    if target is None:
        return STOP
    words = c.words + [target.text]
    if (hosting := hosting_named(head, target, lex)) is not None:
        # "We look forward to India hosting the inaugural workshop in 2025": the host's meeting to come
        return c.decision("commitment", MEETING_UNDERTAKEN, Rule.ANTICIPATED_MEETING, words + [hosting.text], hosting,
                          c.trig.strength, undertaker=target)
    inner = lex.verbs.get(lemma_of(target, lex.verbs)) if target.pos_ in VERBAL else None
    meets = inner is not None and (inner.kind == "meeting" or inner.lemma in lex.anticipated_meetings)
    if target.lemma_.lower() in lex.events or meets:
        # "looked forward to welcoming the President to the next summit": a meeting to come, softly undertaken
        return c.decision("commitment", MEETING_UNDERTAKEN, Rule.ANTICIPATED_MEETING, words, target, c.trig.strength)
    if target.pos_ == "NOUN" and (_others_undertaking(target, lex) or _owned_by_others(target)):
        # "looks forward to the fulfilment of the commitments made by the developed world": their
        # undertaking, the speaker's hope
        return c.decision("position", "position.support", Rule.ANTICIPATED_HOPE, words)
    if (target.pos_ in VERBAL and subject_of(target) is None) or (target.pos_ == "NOUN" and is_action_noun(target, lex)):
        return c.decision("commitment", "commitment", Rule.ANTICIPATED_ACTION, words, target, c.trig.strength)
    return c.decision("position", "position.support", Rule.ANTICIPATED_HOPE, words)


def _owned_by_others(noun: Token) -> bool:
    """"the Assembly's continued support", "your cooperation": an act owned by someone named or
    addressed ("our", "their", "its" may be the speakers' own: "the sides look forward to their cooperation")."""
    return any(c.dep_ == "poss" and c.lower_ not in ("our", "my", "their", "its", "his", "her") for c in noun.children)


def _others_undertaking(noun: Token, lex: TriggerLexicon) -> bool:
    """"the fulfilment of the commitments made by the developed world", "the implementation of
    Japan's pledge": an action on an undertaking someone else made (its owner or its agent)."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.reported_undertakings and _made_by_other(obj, lex):
                return True
    return False


def _made_by_other(undertaking: Token, lex: TriggerLexicon) -> bool:
    owner = owner_of(undertaking, lex)
    if owner is not None and owner.lower_ not in ("our", "my", "its", "their"):
        return True
    return any(a.dep_ == "agent" and any(g.dep_ == "pobj" for g in a.children)
               for v in undertaking.children if v.dep_ == "acl" for a in v.children)


def _action_trigger(c: _Clause) -> Verdict:
    """A trigger that undertakes only with an action ("agree to", "committed to"): its own steps."""
    return _first(_ACTION_STEPS, c) if c.trig.needs_action else None


def _continued_action(c: _Clause) -> Verdict:
    """"We reaffirm our continued collaboration including through the Framework": a light verb
    (not one that voices a stance) whose object is an action noun said to continue (codebook
    continued_words) undertakes that action, moderate as a reaffirmed commitment is."""
    lex, obj = c.lex, c.dobj
    if c.trig is None or c.trig.kind != "position" or obj is None or c.trig_tok.i != c.head.i:
        return None
    if c.lemma not in lex.light_verbs or c.lemma in lex.stance_light_verbs or not is_action_noun(obj, lex):
        return None
    if not any(m.dep_ == "amod" and m.lower_ in lex.continued_words for m in obj.children):
        return None
    return c.decision("commitment", "commitment", Rule.STANCE_WITH_ACTION, c.words + [obj.text], obj, "moderate")


def _renewed_cooperation(c: _Clause) -> Verdict:
    """"The two sides reaffirm their cooperation on maritime security": a verb of renewal (codebook
    renewed_cooperation) whose own object is a cooperation with a field after "on" undertakes it,
    moderate as a reaffirmed commitment (guide §5 "affirm (our) collaboration on"); "reaffirmed
    their strategic partnership" names no field and stays a stance, as does a call ("must")."""
    rc, obj = c.lex.renewed_cooperation, c.dobj
    if c.trig is None or c.trig.kind != "position" or obj is None or c.trig_tok.i != c.head.i or c.negated:
        return None
    if c.lemma not in rc.verbs or c.modal is not None:
        return None
    if obj.lemma_.lower() not in rc.nouns:
        # "reaffirmed the U.S. and Egypt's new partnership on X": the parser takes the first owner
        # for the object and joins the possessed noun to it
        obj = next((n for n in obj.children if n.dep_ == "conj" and obj.pos_ == "PROPN" and n.lemma_.lower() in rc.nouns
                    and any(p.dep_ == "poss" for p in n.children)), None)
        if obj is None:
            return None
    field = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ in rc.prepositions
                  for g in p.children if g.dep_ in ("pobj", "pcomp") and g.pos_ in ("NOUN", "PROPN", "VERB")), None)
    if field is None or field.lemma_.lower() in rc.not_fields or field.lower_ in rc.not_fields:
        return None
    return c.decision("commitment", "commitment", Rule.RENEWED_COOPERATION, c.words + [obj.text], obj, "moderate")


def _stance_with_action(c: _Clause) -> Verdict:
    """"reiterated their support for building X": a stance trigger that names an action takes the
    kind its ``action_makes`` says; after a light verb that voices a stance ("expressed support for
    the resolution of X") it is soft, unless the support is said to continue."""
    trig = c.trig
    if not trig.action_makes or c.action is None:
        return None
    if c.modal in c.lex.exhorting_modals or c.modal in c.lex.weak_modals:
        return None  # "the UN must support regional processes": a call, not the speakers' support
    strength = trig.action_strength
    if c.lemma in c.lex.stance_light_verbs and c.trig_tok.i != c.head.i:
        if not c.trig_tok.left_edge.i <= c.action.i <= c.trig_tok.right_edge.i and not names_plan(c.action, c.lex):
            return None  # "conveyed his support for X and right to self-defense": not what is supported
        if not any(m.dep_ == "amod" and m.lower_ in c.lex.continued_words for m in c.trig_tok.children):
            strength = "soft"
    return c.decision(trig.action_makes, trig.action_makes, Rule.STANCE_WITH_ACTION, c.words + [c.action.text],
                      c.action, strength)


def _own_officials_directed(c: _Clause) -> Verdict:
    """"called on their governments to continue ...", "urge our ministers to ...": a directive."""
    if not c.trig.asks or not _addresses_own_officials(c.head, c.lex):
        return None
    return c.decision("commitment", "commitment", Rule.OWN_OFFICIALS_DIRECTED, c.words, c.action, "firm")


def _plain_trigger(c: _Clause) -> Verdict:
    """What the lexicon says the trigger word is."""
    trig = c.trig
    strength = trig.strength if trig.kind == "commitment" else None
    # (a stance noun carried by the verb, "expressed support for X", is kept: an undertaking noun
    # joined to its object is a commitment of its own, "... and commitment to extending the truce")
    noun = c.trig_tok if trig.kind == "position" and c.trig_tok.i != c.head.i and c.trig_tok.pos_ == "NOUN" else None
    return c.decision(trig.kind, trig.category, Rule.TRIGGER_WORD, c.words, c.action, strength, trigger_noun=noun)


def _addresses_own_officials(head: Token, lex: TriggerLexicon) -> bool:
    """The addressee of a call is the speakers' own government or officials: "their ministers",
    "his government", "the two countries' ministries" (the parties named by a common noun), or
    their own agents ("their business sectors", "our companies": grammar.own_agents)."""
    targets = [c for c in head.children if c.dep_ == "dobj"]
    targets += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children if g.dep_ == "pobj"]
    # "wants his government to present X": the parser makes the addressee the infinitive's subject
    targets += [s for c in head.children if c.dep_ == "ccomp" and is_infinitive(c) for s in c.children if s.dep_ == "nsubj"]
    # (a group's call on its own organs or members, "The Summit urged Member States to ...", is read
    # after the clause, where the document's party is known: redraft.own_members_called)
    for t in targets:
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        if poss is None or (t.lemma_.lower() not in lex.actor_nouns and t.lower_ not in lex.official_bodies
                            and not own_agents(t, lex)):  # "urged their business sectors to X": own agents (§2)
            continue
        if t.lower_ in lex.partner_addressees or t.lemma_.lower() in lex.partner_addressees:
            continue  # "We call on our development partners to X": others asked, a call
        if poss.lower_ in ("our", "their", "its"):
            return True
        if t.lower_ in lex.official_bodies and (poss.lower_ in ("his", "her", "my") or _parties_in_common_noun(poss, lex)):
            return True
    return False


def speaks_as_group(subject: Token, lex: TriggerLexicon) -> bool:
    """A group's meeting or body as the subject of what it states now or stated: "The Summit
    directed ...", "Summit urged ...", "the group committed to ...", "The Conference decided ..."
    (codebook deliberative_bodies), active, past or present, with no modal or auxiliary; not "the
    summit will focus on trade" (a forecast), "the summit was held" (narration), nor a body of others
    named by a modifier or a preposition ("the Adani group", "a group of experts", "the Organization for Economic Cooperation")."""
    if subject.dep_ != "nsubj" or (subject.lemma_.lower() not in lex.deliberative_bodies
                                   and subject.lower_ not in lex.deliberative_bodies):
        return False
    verb = subject.head
    # (a past tense the parser tagged a participle, with no auxiliary: "The bloc committed to ...")
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or verb.lemma_ == "be" \
            or any(a.dep_ in ("aux", "auxpass") for a in verb.children):
        return False  # not "the summit is due to discuss ...", "the summit will focus on ..."
    return not any((c.dep_ in ("compound", "poss", "amod", "nmod") and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"))
                   or (c.dep_ == "prep" and c.lower_ not in ("in", "at")) or c.lower_ in ("a", "an")
                   for c in subject.children)


def _parties_in_common_noun(tok: Token, lex: TriggerLexicon) -> bool:
    """"the two countries'", "both sides'": the parties, named by a common noun, not one state."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.lemma_.lower() in lex.actor_nouns \
        and not any(c.pos_ == "PROPN" or c.dep_ in ("compound", "amod") for c in tok.children)


# -- the steps of a trigger that needs an action, in the order _ACTION_STEPS asks them --------
def _speech_move(c: _Clause) -> Verdict:
    """"I want to pay tribute to X", "we would like to conclude by thanking Y", "want to take this
    opportunity to ...": a wish whose act is a move of the speech itself wants no act (what a
    trigger verb states, "want to assure the Assembly that X will ...", was read before)."""
    return STOP if c.trig.intention and c.action is not None and moves_the_speech(c.action, c.lex) else None


def _instrument_agreed(c: _Clause) -> Verdict:
    """"agreed to a Framework for negotiating ...", "agreed on a memorandum": an instrument settled;
    "agreed on an action plan": a plan settled on, a text adopted (communique.py)."""
    if c.trig.settles_instrument and plan_settled_on(c.head, c.action, c.lex):
        return c.decision("agreement", "agreement", Rule.INSTRUMENT_AGREED, c.words + [c.action.text])
    # ("agreed to a Framework ... to strengthen X": the infinitive after the instrument is its purpose)
    purpose = c.action is not None and c.action.dep_ in ("advcl", "xcomp") and is_infinitive(c.action)
    if not c.trig.settles_instrument or (c.action is not None and c.action.lower_ not in c.lex.instruments
                                         and not purpose):
        return None  # (a framework is a plan too: "agreed to a Framework" settles an instrument)
    for prep in c.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "upon"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in c.lex.instruments and (not purpose or obj.i < c.action.i):
                    return c.decision("agreement", "agreement", Rule.INSTRUMENT_AGREED, c.words + [obj.text])
    return None


def _past_deed(c: _Clause) -> Verdict:
    """"The government has undertaken several reforms": a verb of carrying out (speech.deed_verbs) in
    the past, with no modal and no action, tells the party's own deed done (an appreciation)."""
    if c.action is not None or c.modal is not None or c.head.lemma_.lower() not in c.lex.speech.deed_verbs:
        return None
    return c.decision("appreciation", "appreciation", Rule.PAST_EFFORT, c.words) if done_before(c.head) else None


def _not_undertaken(c: _Clause) -> Verdict:
    """"We do not seek to shirk X", "..., trying to pin the blame on X": a denied trigger, or an
    attempt told as a participle, undertakes nothing (rhetoric.py)."""
    if c.trig.kind != "commitment":
        return None
    return STOP if denied_undertaking(c.head, c.modal, c.lex) or attempt_told(c.head, c.lex) else None


def _without_action(c: _Clause) -> Verdict:
    """No action: the trigger's ``otherwise`` ("reaffirmed their commitment to the Charter")."""
    return _fallback(c, c.trig.otherwise, Rule.FALLBACK_WITHOUT_ACTION) if c.action is None else None


def _principle_upheld(c: _Clause) -> Verdict:
    """"committed to upholding international law": keeping a principle is a position; so is
    "determined to support an independent Ukraine" (support for a party, guide §2)."""
    if c.action.pos_ not in VERBAL:
        return None
    if not _upholds_principle(c.action, c.lex) and (c.trig.aspectual or not _supports_no_action(c.action, c.lex)):
        return None
    # (the action kept: the further acts of its list are undertakings, clauses.py)
    return c.decision("position", "position.support", Rule.PRINCIPLE_UPHELD, c.words + [c.action.text], c.action)


def keeps_principle(action: Token, lex: TriggerLexicon) -> bool:
    """The act only keeps a principle or supports what names no action (a position, not an undertaking)."""
    return _upholds_principle(action, lex) or _supports_no_action(action, lex)


def _upholds_principle(action: Token, lex: TriggerLexicon) -> bool:
    """'upholding international law', 'safeguarding its sovereignty': keeping a principle or a
    state of affairs, which coders count as a position, not an undertaking."""
    lemma = action.lemma_.lower()
    if lemma in lex.principle_verbs:
        return True
    if voiced_stance(action, lex) is not None:
        return True  # "committed to stand with X": solidarity with a party (or advocacy, a call)
    if lemma in lex.preserving_verbs:
        obj = next((c for c in action.children if c.dep_ == "dobj"), None)
        return obj is not None and (obj.lower_ in lex.state_nouns or obj.lemma_.lower() in lex.state_nouns)
    return False


def _supports_no_action(verb: Token, lex: TriggerLexicon) -> bool:
    """The action undertaken is to support (or back) something that names no action of its own:
    "determined to support an independent Ukraine", "committed to supporting the region". Read
    as "we support X" alone would be, that is support for a party, a principle or a state of
    affairs, a position; "support the reconstruction of the port" (an action named), "support X
    in rebuilding Y" or "including by Z" (the action the support names) stay undertakings."""
    trig = lex.verbs.get(verb.lemma_.lower())
    if verb.lemma_.lower() not in lex.support_verbs or trig is None or trig.kind != "position":
        return False
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if dobj is None or any(c.dep_ in ("xcomp", "ccomp", "advcl", "conj") for c in verb.children):
        return False  # (nor "support X and respond to Y": an action joined to it keeps the undertaking)
    if dobj.pos_ != "PROPN":
        return False  # a party by name ("Ukraine"); not "host communities" or "the poorest countries", whom it aids
    if _governed_action(verb, lex, trig, verb, dobj, None) is not None or _helped_in(verb, dobj) or _means(verb):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("including", "through", "by") for c in verb.children)


def supports_keeping_a_state(head: Token, lex: TriggerLexicon) -> Token | None:
    """The verb of keeping ("safeguarding its sovereignty") when ``head``, or the action it
    continues, supports a party in keeping a principle or a state of affairs ("will continue to
    support Sri Lanka in safeguarding its sovereignty and national dignity", annotation guide §2:
    support for a party's sovereignty is a position); else None."""
    verb = head
    for _ in range(2):  # "continue to support": the action continued
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if verb.lemma_.lower() not in lex.support_verbs and nxt is not None:
            verb = nxt
    if verb.lemma_.lower() not in lex.support_verbs:
        return None
    kept = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
            for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    return next((g for g in kept if _upholds_principle(g, lex)), None)


def _aspectual_past(c: _Clause) -> Verdict:
    """"has continued to spearhead": a report of the past."""
    head = c.head
    return STOP if c.trig.aspectual and head.tag_ in ("VBD", "VBN") and head.lemma_ == c.trig.lemma else None


def _past_effort(c: _Clause) -> Verdict:
    """"Canada has strived to act as an honest broker": the present perfect of a verb of effort, with
    no modal, reports the party's own past effort (an appreciation; "will strive to" undertakes)."""
    head = c.head
    if not c.trig.effort or head.tag_ != "VBN" or c.modal is not None or head.lemma_ != c.trig.lemma:
        return None
    if not any(a.dep_ == "aux" and a.lemma_ == "have" for a in head.children):
        return None
    subject = subject_of(head)  # the party's own effort ("humankind has endeavoured to ..." is no party's)
    if subject is None or not (subject.pos_ in ("PROPN", "PRON") or subject.lemma_.lower() in c.lex.actor_nouns):
        return None
    return c.decision("appreciation", "appreciation", Rule.PAST_EFFORT, c.words + [c.action.text])


def _aspectual_stance(c: _Clause) -> Verdict:
    """"continue to condemn" is a stance; "continue to support" stays an undertaking."""
    if not c.trig.aspectual or c.action.pos_ not in VERBAL:
        return None
    inner = c.lex.verbs.get(lemma_of(c.action, c.lex.verbs))
    if inner is None or inner.kind not in ("position", "appreciation") or inner.category == "position.support":
        return None
    return c.decision(inner.kind, inner.category, Rule.ASPECTUAL_STANCE, c.words + [c.action.text])


def _meeting_to_come(c: _Clause) -> Verdict:
    """"affirmed their intent to convene the Joint Security Dialogue", "agreed to hold the next
    summit in Delhi": a meeting to come, undertaken (a commitment); "intend to visit" stays a
    meeting (but "instructed their ministers to hold a meeting" is a
    directive, and "agreed to hold a summit and to launch a fund" stays two undertakings)."""
    action, lex = c.action, c.lex
    if action.pos_ not in VERBAL or c.dobj not in (None, c.trig_tok):
        return None
    inner_trig = lex.verbs.get(lemma_of(action, lex.verbs))
    if inner_trig is None or inner_trig.kind != "meeting" or len(conj_chain(action)) != 1 \
            or conjoined_preposition_actions(action):
        return None
    inner = decide(action, lex, c.reported)
    if inner is None or inner.kind != "meeting":
        return None
    if _convenes(action, inner_trig, next((ch for ch in action.children if ch.dep_ == "dobj"), None), lex) \
            or goes_to_event(action, lex):
        # "agreed to hold the next summit in 2027": undertaken, and tracked until it is held
        return c.decision("commitment", MEETING_UNDERTAKEN, Rule.MEETING_TO_COME, c.words + inner.triggers, action,
                          c.trig.strength)
    return c.decision("meeting", inner.category, Rule.MEETING_TO_COME, c.words + inner.triggers)


def _others_urged(c: _Clause) -> Verdict:
    """"We encourage all nations to support ...": asking others to act is a call."""
    if not c.trig.asks or not _urges_others(c.head, c.action, c.lex) or _addresses_own_officials(c.head, c.lex):
        return None
    return c.decision("position", CALL, Rule.OTHERS_URGED, c.words + [c.action.text])


def _urges_others(head: Token, action: Token, lex: TriggerLexicon) -> bool:
    """The action is asked of the verb's object, and the object is not the parties' own people
    ("encouraged Chinese enterprises to join")."""
    for c in head.children:
        if c.dep_ == "dobj" and c.i < action.i:
            named = c.pos_ == "PROPN" or any(m.text[:1].isupper() for m in c.children if m.dep_ in ("amod", "compound", "nmod", "poss"))
            agents = c.lemma_.lower() in lex.actor_nouns or c.lower_ in ("all", "everyone", "us", "them") \
                or any(m.lower_ in ("all", "other", "every") for m in c.children)
            # "We encourage efforts to reduce X": efforts not our own are others' (guide §2: encouragement is a call)
            others_efforts = is_action_noun(c, lex) and not any(m.dep_ == "poss" and m.lower_ in ("our", "my")
                                                                for m in c.children)
            return (agents and not named) or others_efforts or _others_body(c, lex)
    return False


def _others_body(noun: Token, lex: TriggerLexicon) -> bool:
    """"encouraged MDBs to expedite X", "called on international financial institutions to Z", "urged
    the IMF to Y": a body of others (codebook ``others_bodies``), not the parties' own ("our
    banks", "Chinese banks", "financial institutions of the two countries", "banks in China": a
    possessive, a capitalised adjective of nationality, or a place that names a party). A named body
    ("the World Bank", "the Silk Road Fund") is left to the other tests: it may be a party's own."""
    if noun.lower_ not in lex.others_bodies and noun.lemma_.lower() not in lex.others_bodies:
        return False
    # ("financial institutions of the two countries", "banks in both countries", "banks of China": the parties')
    placed = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "from")
              for g in p.children if g.dep_ == "pobj"]
    if any(g.pos_ == "PROPN" or g.lemma_.lower() in lex.actor_nouns for g in placed):
        return False
    if noun.text[:1].isupper() and not noun.text.isupper() and not noun.text[:-1].isupper():
        return False  # a named body ("the Silk Road Fund", "the China Development Bank"): maybe a party's own
    return not any(m.dep_ == "poss" or (m.dep_ in ("amod", "compound") and m.text[:1].isupper()) for m in noun.children)


def _asked_of_others(c: _Clause) -> Verdict:
    """"asked the UN to send observers": a verb of asking that needs an action asks it of others
    (a call), unless it directs the speakers' own officials (a commitment); "I ask how long X will
    go on" asks a question, no action."""
    if c.trig.kind != "position":
        return None
    if not is_infinitive(c.action) or (c.dobj is None and not _addresses_own_officials(c.head, c.lex)):
        return STOP  # (nor "Namibia has asked to join the project": a wish of its own, asked of no one named)
    return _own_officials_directed(c) or c.decision(c.trig.kind, c.trig.category, Rule.TRIGGER_WORD,
                                                    c.words + [c.action.text], c.action)


def _trigger_with_action(c: _Clause) -> Verdict:
    """"agreed to open a consulate", "reaffirmed their commitment to expanding trade": an undertaking."""
    trig, action = c.trig, c.action
    noun = c.trig_tok if c.trig_tok.i != c.head.i else None
    # "committed to exploring X", "their intent to consider Y": the innermost act undertaken sets
    # the strength, as under "will" (annotation guide §10, "Undertaking to explore")
    strength = "soft" if action.pos_ in VERBAL and action.lemma_.lower() in c.lex.exploring_verbs else trig.strength
    return c.decision("commitment", "commitment", Rule.TRIGGER_WITH_ACTION, c.words + [action.text], action,
                      strength, trigger_noun=noun, aspectual=trig.aspectual)


# Order matters: each step may assume what the steps before it have ruled out. A wrapper verb
# defers to its inner verb before anything reads its own modal ("would like to thank"); the modal
# steps come before the trigger's own requirements, because "will" makes an undertaking of a
# clause whatever its verb ("we will explore"), except a stative or a meeting verb; the steps from
# _unmet_requirement on need a trigger; the plain trigger word is the last resort.
_STEPS: tuple[Callable[[_Clause], Verdict], ...] = (
    _wrapper_verb,
    _state_endured,  # before the modal steps: "will continue to be affected by X" undertakes nothing
    _feeling_over_undertaking,
    _manner_of_speaking,
    _desire_voiced,  # before the modal steps: the "would" of "would like to" binds nothing
    _funded_by_party,  # before the modal steps: "will be funded by X" is X's, not the subject's
    _funds_of_party,  # before the modal stance: "will be Russian loan funds" is Russia's, no state
    _meeting_held,  # before the modal steps: the meeting, not its holder, is the subject
    _vote_to_hold,  # before the modal steps: "will hold elections" is no meeting, "elections will be held" no stance
    _own_proposal,  # before a proposal's noun is read as another's or a stance ("reiterate my proposal to ...")
    _own_candidacy,  # before a candidacy's support is read as a stance ("count on your support for our candidacy")
    _steadfast_in,
    _modal_stance,
    _binding_modal,
    _other_modal,
    _planned_action,
    _headline_plan,
    _stated_aim,
    _hope_stated,
    _goal_of_doing,
    _expected_act,
    _progress_reported,
    _target_made,  # before a deed told: "have made X a national objective" sets a target
    _approval,
    _project_appraised,
    _opening_declared,
    _money_terms_set,
    _funding_pledged,  # before the trigger's own reading ("pledged $200 million": no action, yet firm)
    _aid_pledged,  # before the support noun's stance: "pledged support to X" gives help
    _support_assured,  # before "assure" is read as a firm undertaking: support assured to someone
    _progressive_undertaking,  # before the trigger's own reading ("are establishing" has no modal)
    _news_prose,  # before giving up on a clause with no trigger ("we have lifted the ban")
    _own_undertaking_held,
    _no_trigger,
    _unmet_requirement,
    _welcomed_undertaking,  # before the appreciation itself: the welcomed party undertakes
    _signing_welcomed,
    _anticipation,
    _action_trigger,
    _continued_action,
    _renewed_cooperation,
    _stance_with_action,
    _own_officials_directed,
    _plain_trigger,
)

# For a trigger that needs an action: an instrument or nothing when there is none; then the
# readings of the action that are not an undertaking of the speakers (a principle kept, a stance
# continued, a meeting to come, a call on others) before the undertaking itself.
_ACTION_STEPS: tuple[Callable[[_Clause], Verdict], ...] = (
    _speech_move,
    _not_undertaken,
    _instrument_agreed,
    _past_deed,  # before the trigger's fallback: "has undertaken reforms" is done, not undertaken
    _without_action,
    _principle_upheld,
    _aspectual_past,
    _past_effort,
    _aspectual_stance,
    _meeting_to_come,
    _others_urged,
    _asked_of_others,
    _trigger_with_action,
)


def second_preposition_action(head: Token, lex: TriggerLexicon, reported: bool) -> tuple[Token, Token, str] | None:
    """(preposition, action, strength) of an action after a repeated preposition that follows an
    object which is no action: "We reaffirm our commitment to Europe's energy security and to
    accelerating the transition to clean energy", "support for the peace process and for confronting
    terrorism" (annotation guide §3 "A repeated preposition": two statements). The action is a gerund
    with an object of its own; its strength is what the trigger gives an action ("reaffirm our
    commitment" moderate, "are committed" firm, "expressed support" soft). None otherwise ("to
    reducing X and to achieving Y" is read by the coordinated actions; "and to working together"
    has no object)."""
    c = _read(head, lex, reported, None)
    trig, noun = c.trig, c.trig_tok
    if trig is None or noun is None or c.negated or c.modal in lex.exhorting_modals or c.modal in lex.weak_modals:
        return None
    if trig.kind == "commitment" and trig.needs_action:
        strength = trig.strength
    elif trig.action_makes == "commitment":
        strength = trig.action_strength
        if c.lemma in lex.stance_light_verbs and noun.i != head.i \
                and not any(m.dep_ == "amod" and m.lower_ in lex.continued_words for m in noun.children):
            strength = "soft"  # "expressed their support for A and for B-ing" (as _stance_with_action)
    else:
        return None
    first = next((p for p in noun.children if p.dep_ == "prep" and p.i > noun.i), None)
    if first is None or any(g.dep_ == "pcomp" for g in first.children) \
            or not any(o.dep_ == "pobj" for o in first.children):
        return None  # the first object is an action: the coordinated actions read the second
    doc = head.doc
    for second in [*first.children, *noun.children, *head.children]:
        if second.lower_ != first.lower_ or second.i <= first.i or not (
                second.dep_ == "conj" or (second.dep_ == "prep" and doc[second.i - 1].lower_ in ("and", ","))):
            continue
        for action in second.children:
            if action.dep_ == "pcomp" and action.tag_ == "VBG" and any(
                    o.dep_ == "dobj" or (o.dep_ == "prep" and o.lower_ not in ("by", "through", "including", "via")
                                         and any(p.dep_ == "pobj" for p in o.children))
                    for o in action.children) and not _stance_on_no_action(action, lex) \
                    and not general_aim_bare(action, lex):  # ("and to fostering peace and security": a general aim)
                return second, action, strength
    return None


def _stance_on_no_action(gerund: Token, lex: TriggerLexicon) -> bool:
    """"and to supporting our partners", "and to supporting stability and sovereignty": a verb of stance
    (support) on a party or a state of affairs is a position (guide §2), not an action; on a plan or
    an action ("supporting the implementation of X") or on a party in an effort ("supporting the
    parties in that endeavour") it names one."""
    inner = lex.verbs.get(lemma_of(gerund, lex.verbs))
    if inner is None or inner.kind not in ("position", "appreciation"):
        return False
    obj = next((o for o in gerund.children if o.dep_ == "dobj"), None)
    return obj is None or not (is_action_noun(obj, lex) or names_plan(obj, lex)
                               or any(p.dep_ == "prep" and p.lower_ == "in" for p in (*gerund.children, *obj.children)))
