"""What news prose states outside an undertaking's own words.

A report of a relationship tells one undertaking's story in every kind, not only in pledges:
an achievement acknowledged ("We have started to repay the loans", "the line has carried five
million passengers, the minister said"), a pending plan kept alive ("the gas hub is still on the
agenda, Putin said"), praise of what exemplifies the relationship, the forecast effect of a
project, an undertaking pressed on ("are moving forward with plans to build a hub"), an instrument
concluded told as a circumstance ("were present when the agreement was signed", "under an
agreement reached in 2017") and an intention inside a relative clause ("the projects that both
countries want to put into effect"). The words are the codebook's (triggers.yaml: news).

``news_reading`` reads one clause head (decisions.py asks it before giving up on a clause with
no trigger); the clause-level helpers tell clauses.py which clauses to read and how far the
statement reaches.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import VERBAL, ScannedSentence, denied, subject_of
from pledgebook.extract.rules import Rule

_FIRST_PERSON = frozenset({"we", "i"})


class Reading(NamedTuple):
    kind: str
    category: str
    strength: str | None
    rule: Rule
    triggers: list[str]  # the words that decided it
    action: Token | None
    trigger: str  # the lemma the rule fired on


def news_reading(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """What the clause headed by ``head`` states in news prose, or None. ``reported``: inside
    reported speech (a party's words), where a project's praise or record is a party's statement."""
    for step in (_achievement, _milestone, _still_pending, _bond_exemplified, _effect_forecast, _advancing,
                 _talks_about, _among_topics):
        reading = step(head, lex, reported)
        if reading is not None:
            return reading
    return None


# -- one clause head ---------------------------------------------------------------------------
def _achievement(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"We have lifted the ban", "we have been able to identify projects", "the expressway has
    ushered in a new model, he said": an achievement in the present perfect, the speakers' own or
    (reported) a party's or a project's, acknowledged: an appreciation."""
    have = _present_perfect(head, lex)
    subject = subject_of(head)
    if have is None or subject is None or subject.dep_ != "nsubj":
        return None
    done = _able_to(head, lex) if head.lemma_ == "be" else head
    if done is None or not _achieving(done, lex):
        return None
    if not (subject.lower_ in _FIRST_PERSON or (reported and _party_or_project(subject, lex))):
        return None
    if any(t.lower_ == "all" for t in (*head.children, *subject.children)):
        return None  # "we have all made promises": everyone's, a speech's rhetoric
    return Reading("appreciation", "appreciation", None, Rule.ACHIEVEMENT_REPORTED, [have.text, head.text], None,
                   done.lemma_.lower())


def _milestone(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"Sri Lanka marked a significant milestone by securing X, it said": an achievement named."""
    subject = subject_of(head)
    if not reported or head.pos_ != "VERB" or subject is None or not _party_or_project(subject, lex):
        return None
    milestone = next((c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.news.milestone_words), None)
    if milestone is None or denied(head, lex):
        return None
    return Reading("appreciation", "appreciation", None, Rule.ACHIEVEMENT_REPORTED, [head.text, milestone.text], None,
                   milestone.lemma_.lower())


def _still_pending(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"A proposed gas hub is still on the agenda, Putin said": a plan kept alive, a stance for it."""
    if not reported or head.lemma_ not in ("be", "remain") or subject_of(head) is None or denied(head, lex):
        return None
    place = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
                  if g.dep_ == "pobj" and g.lemma_.lower() in lex.news.pending_places), None)
    if place is None:
        return None
    return Reading("position", "position.support", None, Rule.STILL_ON_AGENDA, [head.text, "on", place.text], None,
                   place.lemma_.lower())


def _bond_exemplified(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"This picture is the best example of our countries' cooperation, he said": praise of the
    relationship through what exemplifies it, an appreciation whatever the subject."""
    if not reported or head.lemma_ != "be" or subject_of(head) is None or denied(head, lex):
        return None
    for attr in (c for c in head.children if c.dep_ == "attr" and c.lemma_.lower() in lex.appraisal_words):
        bond = next((g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                     if g.dep_ == "pobj" and g.lemma_.lower() in lex.news.bond_nouns), None)
        if bond is not None:
            return Reading("appreciation", "appreciation", None, Rule.PROJECT_APPRAISED, [head.text, attr.text, bond.text],
                           None, attr.lemma_.lower())
    return None


def _effect_forecast(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"This investment is expected to bolster growth, it added": a party's forecast of a project's
    effect, an appreciation (annotation guide: forecasts); not a schedule ("is expected to be
    completed in May": a passive, left to the reported plan)."""
    subject = subject_of(head)
    if not reported or head.lemma_.lower() not in lex.news.forecast_verbs or subject is None:
        return None
    if subject.dep_ != "nsubjpass" or subject.lemma_.lower() not in lex.appraised_things:
        return None
    effect = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                   and not any(a.dep_ == "auxpass" for a in c.children) and any(o.dep_ == "dobj" for o in c.children)), None)
    if effect is None:
        return None
    return Reading("appreciation", "appreciation", None, Rule.EFFECT_FORECAST, [head.text, effect.text], None,
                   head.lemma_.lower())


def _advancing(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"Moscow and Ankara are moving forward with plans to create a gas hub", "will press ahead with
    the railway": an undertaking pressed on, in the present or to come (firm; moderate for plans)."""
    news = lex.news
    if head.lemma_.lower() not in news.advancing_verbs or head.tag_ in ("VBD", "VBN") or denied(head, lex):
        return None
    if not any(c.dep_ in ("advmod", "prt") and c.lower_ in news.advancing_words for c in head.children):
        return None
    target = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                   if g.dep_ in ("pobj", "pcomp")), None)
    subject = subject_of(head)
    if target is None or subject is None or not _party_or_project(subject, lex) or subject.lemma_.lower() in lex.appraised_things:
        return None
    plan = next((c for c in target.children if c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)), None)
    if target.lemma_.lower() in lex.reported_undertakings and plan is not None:
        return Reading("commitment", "commitment", "moderate", Rule.ADVANCING_WITH, [head.text, "with", target.text], plan,
                       head.lemma_.lower())
    return Reading("commitment", "commitment", "firm", Rule.ADVANCING_WITH, [head.text, "with", target.text], target,
                   head.lemma_.lower())


def _talks_about(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"The talks focused on the extension of the railway", "the discussion touched upon X": what
    talks were about, a discussion."""
    subject = subject_of(head)
    if head.lemma_.lower() not in lex.news.topic_verbs or subject is None or subject.lower_ not in lex.events:
        return None
    topic = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "around")
                  for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    if topic is None or denied(head, lex):
        return None
    return Reading("discussion", "discussion", None, Rule.TOPICS_DISCUSSED, [subject.text, head.text], None,
                   head.lemma_.lower())


def _among_topics(head: Token, lex: TriggerLexicon, reported: bool) -> Reading | None:
    """"The railway was among the topics discussed at the meeting": a topic of the talks, a discussion."""
    if head.lemma_ != "be" or subject_of(head) is None or denied(head, lex):
        return None
    for noun in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "among" for g in c.children if g.dep_ == "pobj"):
        told = next((a for a in noun.children if a.dep_ == "acl" and a.tag_ == "VBN"), None)
        trig = lex.verbs.get(told.lemma_.lower()) if told is not None else None
        if trig is not None and trig.kind == "discussion":
            return Reading("discussion", "discussion", None, Rule.TOPICS_DISCUSSED, [head.text, "among", noun.text, told.text],
                           None, trig.lemma)
    return None


def _present_perfect(head: Token, lex: TriggerLexicon) -> Token | None:
    """The "have" of an active present perfect ("have lifted", "has carried"), or None."""
    if head.tag_ != "VBN" or any(c.dep_ == "auxpass" for c in head.children) or denied(head, lex):
        return None
    return next((c for c in head.children if c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")), None)


def _able_to(head: Token, lex: TriggerLexicon) -> Token | None:
    """"have been able to identify": the verb after the ability word."""
    able = next((c for c in head.children if c.dep_ == "acomp" and c.lower_ in lex.news.ability_words), None)
    return None if able is None else next((x for x in able.children if x.dep_ == "xcomp" and x.pos_ == "VERB"), None)


def _achieving(verb: Token, lex: TriggerLexicon) -> bool:
    """A verb of doing something with an object, not of a setback, a state or perception."""
    lemma = verb.lemma_.lower()
    if lemma in lex.news.not_achievements or lemma in lex.stative_verbs or lemma in lex.non_agentive_verbs:
        return False
    trig = lex.verbs.get(lemma)
    if trig is not None and not trig.needs_modal:
        return False  # a trigger word says what it says ("have agreed", "have signed")
    return any(c.dep_ in ("dobj", "xcomp", "prt") for c in verb.children)


def _party_or_project(subject: Token, lex: TriggerLexicon) -> bool:
    """A subject that can be a party ("China", "the two sides", "the firm") or a project praised."""
    lemma = subject.lemma_.lower()
    return subject.pos_ == "PROPN" or subject.lower_ in ("we", "they") or lemma in lex.actor_nouns \
        or lemma in lex.corporate_nouns or lemma in lex.appraised_things


# -- whole clauses (clauses.py) ----------------------------------------------------------------
def concluded_instrument(root: Token, lex: TriggerLexicon) -> Token | None:
    """The verb of an instrument concluded as a circumstance of ``root``'s clause: a passive in an
    adverbial clause ("were present when the agreement was signed") or a participle on an
    instrument noun ("under an agreement reached in 2017", "Among the agreements signed, one ...")."""
    for tok in root.subtree:
        if tok.tag_ != "VBN" or tok.lemma_.lower() not in lex.news.concluding_verbs or denied(tok, lex):
            continue
        if tok.dep_ == "acl" and tok.head.lower_ in lex.instruments:
            return tok
        subject = subject_of(tok)
        if tok.dep_ == "advcl" and tok.head.i == root.i and subject is not None and subject.dep_ == "nsubjpass" \
                and subject.lower_ in lex.instruments:
            return tok
    return None


def signing_around(finding_head: Token, root: Token) -> bool:
    """A signing participle that only sets the scene of ``root``: "has secured its biggest investment
    after signing a deal" (the statement is the whole clause)."""
    parent = finding_head.head
    return finding_head.tag_ == "VBG" and (parent.i == root.i or (parent.dep_ == "prep" and parent.head.i == root.i))


def intended_relatives(sent: ScannedSentence, lex: TriggerLexicon) -> list[Token]:
    """"the projects that both countries wanted to put into effect", "the deals that investors
    want to put their money into": a party's intention in a relative clause (a verb of intention
    of triggers.yaml: "want"; "the summit that the leaders plan to hold" only names the summit)."""
    out = []
    for tok in sent.with_dep("relcl"):
        if tok.pos_ not in VERBAL or (subject := subject_of(tok)) is None:
            continue
        trig = lex.verbs.get(tok.lemma_.lower())
        if trig is None or not trig.intention:  # (a plan in a relative clause names what is planned: background)
            continue
        # (a pronoun's wish in a relative clause is a speech's aspiration: "the world we want to build")
        if subject.pos_ == "PRON" or not _party_or_project(subject, lex) or subject.lemma_.lower() in lex.appraised_things:
            continue
        act = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        # (not "the rules that the West wants to make the world live by": a wish that others act)
        if act is not None and not any(g.dep_ in ("ccomp", "xcomp") and subject_of(g) is not None for g in act.children):
            out.append(tok)
    return out


def in_reported_speech(tok: Token, lex: TriggerLexicon) -> bool:
    """Inside what a reporting verb introduces ("Putin said this was one of the projects that ...")."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in lex.reporting_verbs:
            return True
        node = node.head
    return False


def clause_around(tok: Token) -> Token:
    """The nearest verb above ``tok``: the clause its antecedent sits in."""
    node = tok.head
    while node.pos_ not in VERBAL and node.head.i != node.i:
        node = node.head
    return node
