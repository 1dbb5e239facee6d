"""Undertakings a noun carries, whatever verb holds the noun.

- An own undertaking held by a verb that is no trigger: "our new law anchors our promise to
  allocate 0.7 per cent of GNI to aid", "the budget honours my pledge to double the fund": the
  speaker's possessed undertaking noun with its action is the speaker's commitment, of the noun's
  strength; the verb around it (anchor, reflect, enshrine) undertakes nothing of its own.
- An undertaking kept in a relative clause: "That is a commitment that my country will adhere to
  and uphold", "a promise we will keep": the party binds itself to the undertaking the noun stands
  for (the sentence before names it), by a verb of keeping under a binding modal.

The words are codebook data (triggers.yaml ``nouns``, ``speech.keeping_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import VERBAL, ScannedSentence, action_of, modal_of, subject_of

_OWN = frozenset(("our", "my"))


def own_undertaking_held(head: Token, dobj: Token | None, lex: TriggerLexicon) -> tuple[Token, Token, Token] | None:
    """(the undertaking noun, its action, its possessor) of "anchors our promise to allocate X";
    None when the verb is a trigger or a light verb (their own rules read the noun), or the noun
    is not the speaker's own."""
    if dobj is None or head.lemma_.lower() in lex.verbs or head.lemma_.lower() in lex.light_verbs:
        return None
    trig = lex.nouns.get(dobj.lemma_.lower())
    if trig is None or trig.kind != "commitment" or not trig.needs_action:
        return None
    owner = next((c for c in dobj.children if c.dep_ == "poss" and c.lower_ in _OWN), None)
    action = action_of(dobj, lex)
    if owner is None or action is None or action.pos_ not in VERBAL:
        return None
    return dobj, action, owner


def held_relatives(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """Relative clauses whose verb holds the speaker's own undertaking ("our law, which anchors our
    promise to ..."): statements of their own, which the clause walk would not reach."""
    return [t for t in sent.with_dep("relcl") if t.pos_ in VERBAL
            and own_undertaking_held(t, next((c for c in t.children if c.dep_ == "dobj"), None), lex) is not None]


def kept_undertakings(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """"a commitment that my country will adhere to and uphold": the verb of keeping, under a
    binding modal, of a relative clause on an undertaking noun, with a subject of its own."""
    out = []
    for tok in sent.with_dep("relcl", "acl"):
        if tok.pos_ not in VERBAL or tok.lemma_.lower() not in lex.speech.keeping_verbs:
            continue
        noun = lex.nouns.get(tok.head.lemma_.lower())
        if noun is None or noun.kind != "commitment" or subject_of(tok) is None:
            continue
        if modal_of(tok, lex)[0] in lex.binding_modals:
            out.append(tok)
    return out
