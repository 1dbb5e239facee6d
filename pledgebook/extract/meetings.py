"""A meeting dated to come is undertaken: "with India hosting Quad Leaders for the first time
later this year", "the leaders are meeting in Rome next month" hold no modal, yet their date to
come makes them a meeting convened (a commitment, category commitment.meet), as "will host"
does. Read once the statement's time is found (its ``when`` has a due date only when the date is
still to come: a past date, "hosted last year", has none)."""

from __future__ import annotations

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.context import Draft
from pledgebook.extract.decisions import MEETING_UNDERTAKEN
from pledgebook.extract.grammar import lemma_of
from pledgebook.extract.rules import Rule

_PAST_TAGS = frozenset(("VBD", "VBN"))  # "hosted", "has hosted": a meeting held


def dated_meeting(draft: Draft, lex: TriggerLexicon) -> None:
    """Make ``draft`` a commitment when it is a meeting held, convened or hosted (not a visit,
    not a person received) on a date to come."""
    verb = draft.verb
    if draft.kind != "meeting" or verb is None or draft.when is None or draft.when.due is None:
        return
    if lemma_of(verb, lex.verbs) not in lex.convening_verbs or verb.tag_ in _PAST_TAGS:
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # one hosts an event, or a group's leaders (a summit); a person hosted is a visit to come
    if obj is not None and not (obj.lower_ in lex.events or obj.lemma_.lower() in lex.events
                                or (obj.tag_ in ("NNS", "NNPS") and obj.lemma_.lower() in lex.actor_nouns)):
        return
    draft.kind, draft.category, draft.rule = "commitment", MEETING_UNDERTAKEN, Rule.DATED_MEETING.value
    draft.strength = "firm"
