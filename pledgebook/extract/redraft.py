"""Readings of a drafted statement that need more than its sentence: its date, or the kind of
document that says it.

- A meeting dated to come is undertaken: "with India hosting Quad Leaders for the first time
  later this year", "the leaders are meeting in Rome next month" hold no modal, yet their date
  to come makes them a meeting convened (a commitment, category commitment.meet), as "will host"
  does. (A statement's ``when`` has a due date only when the date is still to come.)
- A meeting to come that an organisation holds, not a party ("the United Nations will hold a
  summit next year"), is background: a meeting.
- "We need to strengthen X" is the parties' own soft undertaking in a text they issue (a joint
  statement, a communiqué, a declaration: the G20 Research Group counts it); in a speech or a
  news report "we" may be anyone, the world included, and it is a call, as "we must" is.
- "The Assembly urged Member States to accelerate X", "The Summit called upon the Council of
  Ministers to adopt Y": the group speaking as itself (a body of the group as the subject, or the
  group's own text: its code the document's only party) and calling on, urging or asking its own
  organs or members to act gives its own directive (annotation guide §2 "Calls and
  encouragement", session 13): a commitment, firm for a call, soft for encouragement (§5). In a
  state's speech or a joint statement of states a call on "Member States" is a call on others, a
  position.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pledgebook.codebook.triggers import CALL, TriggerLexicon
from pledgebook.extract.context import Draft
from pledgebook.extract.decisions import MEETING_UNDERTAKEN, speaks_as_group
from pledgebook.extract.grammar import lemma_of, subject_of
from pledgebook.extract.meetings import goes_to_event, names_event
from pledgebook.extract.metadata import DocInfo
from pledgebook.extract.rules import Rule

_PAST_TAGS = frozenset(("VBD", "VBN"))  # "hosted", "has hosted": a meeting held
# where "we" may be anyone (the speaker's nation, the world, a quoted party): not the issuers
NOT_ISSUED = frozenset(("speech", "news_report"))
NEED = "need"


def redraft(draft: Draft, info: DocInfo, lex: TriggerLexicon,
            is_country: Callable[[str], bool] = lambda code: True,
            members_voice: Callable[[list[str], str | None], bool] = lambda codes, on: False) -> None:
    """Apply the readings above to ``draft`` (parsed: ``draft.verb`` is set). ``is_country``:
    whether an actor code is a state's (the codebook's actors); ``members_voice``: whether codes are
    the members of a group that speaks as its members, on a date (ActorBook.speaks_as_members)."""
    _dated_meeting(draft, lex)
    _others_meeting(draft, info, is_country)
    _need_to(draft, info, lex)
    _own_members_called(draft, info, lex, is_country, members_voice)


def _others_meeting(draft: Draft, info: DocInfo, is_country: Callable[[str], bool]) -> None:
    """"Next year, the United Nations will hold the Summit of the Future": a meeting to come that
    an organisation holds, not a party of the document, is mentioned as background, not
    undertaken: a meeting."""
    if draft.kind != "commitment" or draft.category != MEETING_UNDERTAKEN or not draft.actors:
        return
    speakers = {*info.parties, *([info.group] if info.group else [])}
    if speakers and not speakers & set(draft.actors) and not any(is_country(a) for a in draft.actors):
        draft.kind, draft.category, draft.strength = "meeting", "meeting.host", None


def _dated_meeting(draft: Draft, lex: TriggerLexicon) -> None:
    """A meeting held, convened or hosted (not a visit, not a person received) on a date to come,
    or an event gone to ("is attending the summit next month": meetings.goes_to_event)."""
    verb = draft.verb
    if draft.kind != "meeting" or verb is None or draft.when is None or draft.when.due is None:
        return
    if verb.tag_ in _PAST_TAGS:
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # one hosts an event, or a group's leaders (a summit); a person hosted is a visit to come
    convened = lemma_of(verb, lex.verbs) in lex.convening_verbs and (
        obj is None or names_event(obj, lex) or (obj.tag_ in ("NNS", "NNPS") and obj.lemma_.lower() in lex.actor_nouns))
    if not (convened or goes_to_event(verb, lex)):
        return
    draft.kind, draft.category, draft.rule = "commitment", MEETING_UNDERTAKEN, Rule.DATED_MEETING.value
    draft.strength = "firm"


def _need_to(draft: Draft, info: DocInfo, lex: TriggerLexicon) -> None:
    """"we need to X" outside an issued text, with another subject than "we", or on a
    verb of perception ("we need to see a ceasefire"), is a call."""
    need = _need_above(draft, lex)
    if draft.kind != "commitment" or need is None:
        return
    subject = subject_of(need)
    action = next((c for c in need.children if c.dep_ == "xcomp"), None)
    if info.kind not in NOT_ISSUED and subject is not None and subject.lower_ == "we" \
            and action is not None and action.lemma_.lower() not in lex.non_agentive_verbs:
        return
    draft.kind, draft.category, draft.strength, draft.rule = "position", CALL, None, Rule.EXHORTATION.value


def _need_above(draft: Draft, lex: TriggerLexicon) -> Token | None:
    """The "need" a statement hangs on: its own verb ("we need greater support in doing X" carries
    the noun's trigger), or the one its action is joined under ("we need to X, Y and Z"; "we need to
    find ways to finance X and to realize Y": a purpose item, further down)."""
    tok = draft.verb
    if tok is None:
        return None
    for tok in (tok, *tok.ancestors):
        if lemma_of(tok, lex.verbs) == NEED:
            return tok
        if draft.trigger != NEED:
            return None
    return None


def _own_members_called(draft: Draft, info: DocInfo, lex: TriggerLexicon, is_country: Callable[[str], bool],
                        members_voice: Callable[[list[str], str | None], bool]) -> None:
    """"The Assembly urged Member States to accelerate X": the group's call on its own organs or
    members, said by the group, is its directive to itself."""
    verb = draft.verb
    if draft.kind != "position" or verb is None:
        return
    trig = lex.verbs.get(lemma_of(verb, lex.verbs))
    if trig is None or not trig.asks or not _group_speaks(draft, info, lex, is_country, members_voice):
        return
    addressees = _addressees(verb)
    if not addressees or not all(own_addressee(a, lex) for a in addressees):
        return
    if not any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > verb.i
               and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.children) for c in verb.children):
        return  # "called on Member States" with no act asked of them
    draft.kind, draft.category = "commitment", "commitment"
    draft.strength = "firm" if trig.category == CALL else "soft"
    draft.rule = Rule.OWN_MEMBERS_CALLED.value


def _group_speaks(draft: Draft, info: DocInfo, lex: TriggerLexicon, is_country: Callable[[str], bool],
                  members_voice: Callable[[list[str], str | None], bool]) -> bool:
    """The group says the call as itself: one of its bodies is the subject ("The Summit urged ...",
    "Summit commended X and urged ...": decisions.speaks_as_group) in its text or a report of it, or
    the text is the group's own (its code the document's only party) and the statement is the group's.
    In a state's speech the body is the one addressed, not the speaker's group ("this Assembly approved
    a resolution and called on Members to act": the UN's call, narrated). A group that speaks as its
    members (SADC, the EAC) has them as the parties: its text's statement of all of them is the group's."""
    verb = draft.verb
    subject = subject_of(verb)
    if subject is None and verb.dep_ == "conj":
        subject = subject_of(verb.head)  # a joined verb's
    if subject is not None and info.kind != "speech" and speaks_as_group(subject, lex):
        return True
    if draft.actors != info.parties or info.kind == "speech":
        return False
    return (len(info.parties) == 1 and not is_country(info.parties[0])) or members_voice(info.parties, info.date)


def _addressees(verb: Token) -> list[Token]:
    """Whom a call asks: its object ("urged Member States to X"), or the object of "on"/"upon"
    ("called on Member States to X"), with the nouns joined to it."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    heads += [g for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")
              for g in c.children if g.dep_ == "pobj"]
    # "urged Member States to accelerate X": the parser may make them the infinitive's subject
    heads += [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    return [*heads, *(j for h in heads for j in h.conjuncts)]


def own_addressee(noun: Token, lex: TriggerLexicon) -> bool:
    """The group's own organ or members (codebook own_addressees): "the Council of Ministers", "the
    Secretariat", "Partner States" (an organ's whole name); "members", "Member States", "its member
    countries". Not another body's: "all UN Member States", "the members of the Security Council",
    "the Council of the European Union"."""
    name = " ".join([c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i] + [noun.lower_])
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        owner = next((g for g in of.children if g.dep_ == "pobj"), None)
        return owner is not None and f"{name} of {owner.lower_}" in lex.own_organs  # "council of ministers"
    if name in lex.own_organs:
        return True
    if any(c.pos_ == "PROPN" and c.lower_ not in lex.member_words for c in noun.children):
        return False  # "all UN Member States"
    if noun.lower_ in lex.member_words:
        return True
    return noun.lower_ in lex.member_heads and any(c.lower_ in lex.member_words and c.dep_ in ("compound", "amod", "nmod")
                                                   for c in noun.children)
