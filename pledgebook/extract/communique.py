"""Forms of undertaking that summit communiqués use and the general readings miss.

- "We have agreed on an Action plan for Growth and Jobs": a plan the parties settle on is a text
  they adopt, an agreement (annotation guide §10, "The parties' own texts"); its content is
  counted where the text states it.
- "We are united in our resolve to promote growth", "remain steadfast in our commitment to X":
  the undertaking noun sits in a prepositional phrase of the predicate, not in its object.
- "We have tasked international organizations (IMF, OECD) to report on X": the parser makes the
  infinitive after a directed object a purpose clause of the verb; it is what the verb directs.
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import Trigger, TriggerLexicon
from pledgebook.extract.grammar import action_of, has_to, names_plan

_SETTLED_ON = ("on", "upon")


def plan_settled_on(head: Token, action: Token | None, lex: TriggerLexicon) -> bool:
    """Whether ``action`` is a plan that ``head`` settles on ("agreed on an action plan"): the
    object of "on"/"upon" under the head, a plan noun that governs no action of its own ("a plan
    to build X" names what will be done: the undertaking stays)."""
    plans = [o for p in head.children if p.dep_ == "prep" and p.lower_ in _SETTLED_ON
             for o in p.children if o.dep_ == "pobj" and names_plan(o, lex)]
    if not plans:
        return False
    plan = plans[0]
    # (a plan named by its title is the text adopted, whatever purpose it states: "the Los Cabos
    # Growth and Jobs Action Plan to achieve those goals", however the parser hangs the purpose)
    named = plan.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in plan.children)
    if named:
        return action is None or action.i >= plan.i
    return action is not None and action.i == plan.i and not any(c.dep_ in ("acl", "relcl") for c in plan.children)


def noun_in_predicate(head: Token, lex: TriggerLexicon) -> tuple[Trigger, Token] | None:
    """The undertaking noun of "are united in our resolve to X" / "remain steadfast in their
    commitment to X": the possessed object of "in" after a predicate participle or adjective, when
    it governs an action. None otherwise ("united in their diversity", "firm in our belief")."""
    predicates = [c for c in head.children if c.dep_ in ("acomp", "oprd") and c.tag_ in ("VBN", "JJ")]
    # (the parser hangs "in ..." on the participle, or on the copula beside its adjective: "remain steadfast in")
    holders = [head] if head.tag_ in ("VBN", "JJ") or (predicates and head.lemma_ in lex.copulas) else []
    holders += predicates
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                trig = lex.nouns.get(noun.lemma_.lower())
                if noun.dep_ != "pobj" or trig is None or trig.kind != "commitment" or not trig.needs_action:
                    continue
                action = action_of(noun, lex)
                if any(c.dep_ == "poss" for c in noun.children) and action is not None and not _on_the_relationship(action, lex):
                    return trig, noun
    return None


def directed_infinitive(head: Token, dobj: Token | None, lex: TriggerLexicon) -> Token | None:
    """"tasked international organizations (IMF, OECD) to report": the infinitive right after the
    directed object (its parenthesis included), which the parser hung on the verb as a purpose.
    The object must be someone who can act (a name, an actor noun, or names in apposition):
    "proposed regulation on storage to ensure X" states the regulation's purpose."""
    if dobj is None or not _can_act(dobj, lex):
        return None
    after = dobj.right_edge.i + 1
    if after < len(head.doc) and head.doc[after].text == "," and _names_set_off(dobj):
        after += 1  # "their envoys, A and B, to explore X" (not "announce X, to enable Y": a purpose)
    return next((c for c in head.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and c.i > dobj.i
                 and c.left_edge.i == after
                 and has_to(c)), None)


def _on_the_relationship(action: Token, lex: TriggerLexicon) -> bool:
    """"united in our determination to reinvigorate and modernize our ties": a general aim for the
    relationship itself (a state noun as the action's object) voices the parties' unity, a position."""
    return any(c.dep_ == "dobj" and (c.lower_ in lex.state_nouns or c.lemma_.lower() in lex.state_nouns)
               for c in action.subtree)


def detached_participle(root: Token) -> list[Token]:
    """"We have today therefore pledged to X": adverbs between "have" and its participle make the
    parser take "have" for the main verb and hang the participle on it as an unlabelled dependent.
    That participle is the clause's verb (returned for the clause chain; none otherwise)."""
    if root.lemma_ != "have" or any(c.dep_ in ("dobj", "attr", "xcomp", "ccomp") for c in root.children):
        return []
    return [c for c in root.children if c.dep_ == "dep" and c.tag_ in ("VBN", "VBD") and c.i > root.i]


def comparative_state(trigger: Token) -> Token | None:
    """"decided to be even more accountable": to become more of something is a change the parties
    undertake, though its verb is "be" (which names no action elsewhere: "committed to be a
    partner"). The "be" of that infinitive, or None."""
    for c in trigger.children:
        if c.dep_ != "xcomp" or c.lemma_ != "be" or not has_to(c):
            continue
        for adj in c.children:
            if adj.dep_ == "acomp" and (adj.tag_ == "JJR" or any(m.lower_ in ("more", "less") for m in adj.children)):
                return c
    return None


def names_its_action(noun: Token) -> bool:
    """"the efforts of the Afghan people aimed at building a state", "efforts of the people to
    rebuild": an effort whose aim the text names as an action (a verb after it) is that action,
    whoever makes it; "support for the people" alone is support for a party (a position)."""
    # (the parser may hang "aimed at" on the owner: "the efforts of [the people aimed at building]")
    owners = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    for c in [*noun.children, *(c for o in owners for c in o.children if c.tag_ == "VBN")]:
        if c.dep_ == "acl" and c.pos_ == "VERB":
            if has_to(c):
                return True
            if any(p.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children) for p in c.children):
                return True
    return False


def _names_set_off(noun: Token) -> bool:
    """Names in apposition or conjoined to a noun ("their envoys, A and B")."""
    return any(c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" for c in noun.children)


def _can_act(noun: Token, lex: TriggerLexicon) -> bool:
    if noun.pos_ == "PROPN" or noun.lemma_.lower() in lex.actor_nouns or noun.lower_ in lex.actor_nouns \
            or noun.lower_ in lex.official_bodies:
        return True
    # ("their climate envoys, John Kerry and Sultan al-Jaber": the names may be parsed as conjuncts)
    return _names_set_off(noun)
