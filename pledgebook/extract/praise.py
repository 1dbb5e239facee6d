"""Praise of another party's undertaking is the praising party's appreciation; the undertaking
praised is the other party's commitment, a statement of its own (annotation guide §10: "Praise of
another party's determination", "Thanks or recognition of what another party has already
committed"). Only a welcome reports the other party's undertaking by itself ("welcomed Japan's
decision to increase X": Japan's commitment, guide §2).

The clause rules read "commended Costa Rica's commitment to using trusted providers" as Costa
Rica's commitment over the whole clause (decisions._welcomed_undertaking); for a verb of praise
this pass cuts it in two: "President Biden also commended Costa Rica's commitment to" (his
appreciation) and "using trusted providers ..." (Costa Rica's commitment).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding
from pledgebook.extract.grammar import action_of, char_end_before, phrase_text, subject_of
from pledgebook.extract.rules import Rule


def split_praised_undertakings(findings: list[Finding], parsed: Doc, lex: TriggerLexicon) -> list[Finding]:
    """``findings`` with each undertaking read from a verb of praise cut into the praise and the
    undertaking praised."""
    out: list[Finding] = []
    for f in findings:
        head = parsed[f.head_i] if f.rule == Rule.WELCOMED_UNDERTAKING_OF_PARTY and 0 <= f.head_i < len(parsed) else None
        action = _praised_action(head, lex) if head is not None else None
        if action is None:
            out.append(f)
            continue
        start = _start(action)
        subject = subject_of(head)
        out.append(replace(f, end=char_end_before(parsed, start, ("and", "to")), kind="appreciation", category="appreciation", strength=None,
                           rule=Rule.TRIGGER_WORD, triggers=f.triggers[:1], trigger=head.lemma_.lower(),
                           subject=phrase_text(subject) if subject is not None else None,
                           inherit_actors=False, actor_subject=True))
        out.append(replace(f, start=parsed[start].idx))
    return out


def _praised_action(head: Token, lex: TriggerLexicon) -> Token | None:
    """The action of the undertaking a verb of praise (an appreciation verb that does not welcome)
    governs, after its undertaking noun; None for a welcome or when the action comes first."""
    trig = lex.verbs.get(head.lemma_.lower())
    if trig is None or trig.kind != "appreciation" or head.lemma_.lower() in lex.welcoming_verbs:
        return None
    noun = next((c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.reported_undertakings), None)
    if noun is None:
        return None
    action = action_of(noun, lex) or action_of(head, lex)
    if action is None or action.i <= noun.i:
        return None
    # the nearest undertaking noun before the action ("... and his determination to strengthen X")
    return action


def _start(action: Token) -> int:
    """Where the undertaking praised starts: its action, with the "to" before it."""
    doc, i = action.doc, action.left_edge.i
    while i > 0 and doc[i - 1].tag_ in ("RB", "TO"):
        i -= 1  # "to fundamentally strengthen"
    return i


