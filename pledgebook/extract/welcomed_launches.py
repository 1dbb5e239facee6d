"""The parties' own launch, or their own meeting to come, welcomed (annotation guide §10, "Welcoming
or applauding the parties' own launch"; rules.yaml: welcomed_own_launch).

"welcomed X" is an appreciation (or a position) of the welcoming party, except when X is the
parties' own: the launch, establishment or creation of a body or mechanism that carries their
name, "our", "bilateral" or "trilateral" ("we welcome the launch of a Quad maritime legal
dialogue", "welcome the establishment of a bilateral Labor Working Group") is their firm
undertaking, as the launch itself is (extract/launches.py); a welcomed plan to launch one
("welcome plans to launch a bilateral clean energy partnership") is moderate, as "plans to"; their
own meeting to come ("welcome the trilateral development dialogue planned in October") is their
soft commitment (guide §2, meetings to come). A launch told with a past time ("in 2023", "last
year") stays an appreciation; another's launch ("the establishment of the Gulf Cooperation
Council") stays what the welcome rule makes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding
from pledgebook.extract.launches import dates
from pledgebook.extract.rules import Rule


def own_launches_welcomed(findings: list[Finding], parsed: Doc, lex: TriggerLexicon,
                          owned: Callable[[str], bool]) -> list[Finding]:
    """``findings`` with each welcome of the parties' own launch or meeting to come read as their
    commitment. ``owned``: whether a phrase names one of the document's parties."""
    launches = lex.launches
    if not launches.welcomed_nouns:
        return findings
    out = []
    for f in findings:
        found = _welcomed_own(parsed[f.head_i], lex, owned) \
            if f.kind in ("appreciation", "position") and 0 <= f.head_i < len(parsed) else None
        if found is None:
            out.append(f)
            continue
        strength, thing = found
        out.append(replace(f, kind="commitment", category="commitment", strength=strength,
                           rule=Rule.WELCOMED_OWN_LAUNCH, triggers=[*f.triggers, thing.text]))
    return out


def _welcomed_own(head: Token, lex: TriggerLexicon, owned: Callable[[str], bool]) -> tuple[str, Token] | None:
    """(strength, the thing launched or met) when ``head`` welcomes the parties' own launch, plan to
    launch or meeting to come; None otherwise."""
    if head.lemma_.lower() not in lex.welcoming_verbs or any(c.dep_ == "neg" for c in head.children):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    launches, noun = lex.launches, obj.lemma_.lower()
    if noun in launches.welcomed_nouns or obj.lower_ in launches.welcomed_nouns:
        thing = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"), None)
        if thing is not None and _mechanism(thing, lex) and _own(thing, lex, owned) and not _told_as_past(head, lex):
            return "firm", thing
        return None
    if noun in launches.welcomed_plans or obj.lower_ in launches.welcomed_plans:
        act = next((v for v in obj.children if v.dep_ in ("acl", "xcomp") and v.lemma_.lower() in launches.verbs
                    and any(a.lower_ == "to" for a in v.children)), None)
        thing = next((o for o in act.children if o.dep_ == "dobj"), None) if act is not None else None
        if thing is not None and _mechanism(thing, lex) and _own(thing, lex, owned):
            return "moderate", thing
        return None
    if (noun in lex.events or obj.lower_ in lex.events) and _coming(obj, lex) and _own(obj, lex, owned):
        return "soft", obj
    return None


def _mechanism(thing: Token, lex: TriggerLexicon) -> bool:
    """A standing mechanism or a process (codebook launches.nouns / processes), or a meeting."""
    low, lemma = thing.lower_, thing.lemma_.lower()
    return any(w in lex.launches.nouns or w in lex.launches.processes or w in lex.events for w in (low, lemma))


def _own(thing: Token, lex: TriggerLexicon, owned: Callable[[str], bool]) -> bool:
    """The thing's words before it (and its name) carry "our", "bilateral", "trilateral" or the name
    of one of the document's parties ("a Quad maritime legal dialogue", "the Kenya-Norway Forum")."""
    words = thing.doc[thing.left_edge.i : thing.i + 1]
    if any(t.lower_ in lex.launches.own_words for t in words):
        return True
    return owned(words.text)


def _coming(meeting: Token, lex: TriggerLexicon) -> bool:
    """A meeting to come: "planned", "next", "upcoming" among its modifiers ("the dialogue planned
    in October", "our next ministerial")."""
    return any(c.lower_ in lex.launches.coming_words for c in meeting.children if c.dep_ in ("amod", "acl", "advmod"))


def _told_as_past(head: Token, lex: TriggerLexicon) -> bool:
    """A past time in the welcome's own clause ("welcomed the launch of X in 2023", "last year")."""
    clause = [t for c in head.children if c.dep_ not in ("conj", "cc") for t in c.subtree]
    return any(dates(t, lex) for t in clause)
