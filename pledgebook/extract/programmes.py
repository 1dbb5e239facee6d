"""How a speaker states its own programme, where the verb alone misleads.

- Leading an action: "Kazakhstan will remain at the forefront of advancing a more accountable
  Organization": a stative verb under "will" is a stance ("will remain a member"), but one whose
  phrase names an action (a gerund with its object) undertakes that action.
- Being first to act: "We will be the first country to invest hybrid capital in the World Bank",
  "will be among the first to ratify the treaty": the copula under "will" is no stance when an
  ordinal (``leading_ordinals``) governs an infinitive: that infinitive is the undertaking.
- A target made: "we have made the prevention of cancer a national objective": making something
  one's objective or goal sets a target, a firm commitment even in the past tense (annotation
  guide §10, batch 4: "A target the parties set").
- A general aim under "will": "we will promote world peace and development and make greater
  contributions to the advancement of human civilization": an object made only of general aims
  (peace, development, prosperity, civilization) is no undertaking (guide §2: "General aims are not
  commitments", `we will promote world peace`); it is a position.

The words are codebook data (triggers.yaml ``speech``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pledgebook.codebook.triggers import TriggerLexicon


def action_led(head: Token) -> Token | None:
    """The gerund a stative verb's phrase names: "remain at the forefront of [advancing] X"."""
    for prep in head.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            for inner in (c for c in noun.children if c.dep_ == "prep"):
                gerund = next((g for g in inner.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                               and any(o.dep_ == "dobj" for o in g.children)), None)
                if gerund is not None:
                    return gerund
    return None


def first_to_act(head: Token, lex: TriggerLexicon) -> Token | None:
    """The infinitive of "(will) be the first (country) to V" or "be among the first (countries) to V"."""
    ordinals = lex.speech.leading_ordinals
    nouns = [c for c in head.children if c.dep_ in ("attr", "acomp")]
    nouns += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "among" for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        if noun.lower_ not in ordinals and not any(a.dep_ == "amod" and a.lower_ in ordinals for a in noun.children):
            continue
        # the parser hangs the infinitive on the noun ("the first country to invest") or on the copula
        for verb in [*noun.children, *head.children]:
            if verb.dep_ in ("relcl", "acl", "xcomp", "advcl") and verb.tag_ == "VB" \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
                # ("we will be the first to suffer the consequences": undergone, not undertaken)
                return None if verb.lemma_.lower() in lex.non_agentive_verbs else verb
    return None


def target_made(head: Token, lex: TriggerLexicon) -> Token | None:
    """The target noun of "made X a national objective", "made it our goal": read on the surface,
    as the parser hangs the target on the verb, on X or on the next clause; None when the verb
    makes no target."""
    if head.lemma_.lower() != "make":
        return None
    doc, targets = head.doc, lex.speech.made_targets
    for noun in head.subtree:
        if noun.i <= head.i or noun.pos_ != "NOUN" or noun.lemma_.lower() not in targets:
            continue
        det = next((c for c in noun.children if c.dep_ in ("det", "poss")), None)
        if det is None or det.lower_ not in ("a", "an", "our", "my", "its", "their", "one"):
            continue
        between = doc[head.i + 1 : det.i]
        if any(t.pos_ in ("NOUN", "PRON", "PROPN") for t in between) and not any(t.pos_ in ("VERB", "AUX") for t in between):
            return noun
    return None


def target_tails(sent: Span, lex: TriggerLexicon) -> list[Token]:
    """What the parser conjoins to a target made ("a national objective and [twenty regions now
    have X]"): another clause's words, kept out of the target's statement."""
    out = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and (target := target_made(tok, lex)) is not None:
            out += [c for c in target.children if c.dep_ == "conj"]
    return out


def general_aim(verb: Token, lex: TriggerLexicon) -> bool:
    """The verb's object names only general aims ("promote world peace and development", "make
    contributions to the advancement of human civilization"): no name, no measure, no thing to do."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    frames = lex.speech
    nouns = [t for o in objects for t in o.subtree if t.pos_ in ("NOUN", "PROPN", "NUM")]
    content = [t for t in nouns if t.lemma_.lower() not in frames.aim_carriers]
    return bool(content) and all(t.pos_ == "NOUN" and t.lemma_.lower() in frames.general_aims for t in content)


def general_aim_bare(verb: Token, lex: TriggerLexicon) -> bool:
    """``general_aim``, with the bare aims too ("fostering peace and security": "security" with no
    word naming its field, codebook speech.bare_aims; "promoting maritime security" names one)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    frames = lex.speech
    nouns = [t for o in objects for t in o.subtree if t.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")]
    content = [t for t in nouns if t.lemma_.lower() not in frames.aim_carriers]
    return bool(content) and all(t.pos_ == "NOUN" and (t.lemma_.lower() in frames.general_aims or (
        t.lemma_.lower() in frames.bare_aims and not any(m.dep_ in ("amod", "compound", "nmod") for m in t.children)))
        for t in content)
