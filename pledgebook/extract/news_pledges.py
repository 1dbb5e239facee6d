"""Pledges as news reports them, told around the undertaking's own words.

A wire report of a visit writes an undertaking with riders a joint statement would set apart:
a stance tacked on after the action ("agreed to intensify defence cooperation, while emphasising
that the partnership is crucial"), and a party's forecast of what a thing will do ("Trong said
the framework will create favourable conditions", "the deal will benefit both peoples"), which
reads like an undertaking under "will" but binds no one. The words are the codebook's
(triggers.yaml: news).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import lemma_of, subject_of
from pledgebook.extract.rules import Rule

_FUTURE = frozenset({"will", "'ll", "shall"})
_STANCE_KINDS = frozenset({"position", "appreciation"})
_RIDER_OPENERS = frozenset({",", ";", "while", "whilst"})
_RIDING_STANCES = frozenset({"position.support"})


def trailing_stance_participles(head: Token, lex: TriggerLexicon) -> list[Token]:
    """"The leaders agreed to intensify cooperation, while emphasising that X is crucial": a
    stance participle the parser hangs on the action (the xcomp) of ``head`` rather than on
    ``head`` itself is a statement of its own, cut out of the undertaking's span. Only stances
    and appreciations: a participle of means or purpose ("..., using existing mechanisms")
    stays inside the undertaking."""
    found = []
    for action in (c for c in head.children if c.dep_ == "xcomp"):
        for rider in action.children:
            if rider.dep_ != "advcl" or rider.tag_ != "VBG" or rider.i < action.i or subject_of(rider) is not None:
                continue
            before = rider.doc[rider.left_edge.i - 1].lower_ if rider.left_edge.i > 0 else ""
            if before not in _RIDER_OPENERS and rider.left_edge.lower_ not in _RIDER_OPENERS:
                continue
            trig = lex.verbs.get(lemma_of(rider, lex.verbs))
            # (not "while upholding and strengthening the Treaty by implementing ...": support or
            # upholding rides on the undertaking and may be one itself)
            if (trig is not None and trig.kind in _STANCE_KINDS and trig.category not in _RIDING_STANCES) \
                    or voices_stance_noun(rider, lex):  # "..., while also expressing his gratitude for X"
                found.append(rider)
    return found


def voices_stance_noun(rider: Token, lex: TriggerLexicon) -> bool:
    """"while expressing his gratitude for X", "while voicing concern over Y": a light verb (codebook
    light_verbs, stance_light_verbs) whose object is a noun of thanks or of a stance that names no
    action (codebook nouns: appreciation, or a position without action_makes) voices it, no act."""
    if rider.lemma_.lower() not in lex.light_verbs | lex.stance_light_verbs:
        return False
    nouns = [lex.nouns.get(c.lemma_.lower()) for c in rider.children if c.dep_ == "dobj"]
    return bool(nouns) and all(n is not None and n.kind in ("position", "appreciation") and not n.action_makes
                               for n in nouns)


def forecast_reading(verb: Token, lex: TriggerLexicon, party_subject: bool = False) -> Rule | None:
    """The rule that makes an undertaking read under "will" a forecast or a feeling, an
    appreciation (annotation guide §10, forecasts), or None when it stays an undertaking:
    "Trong said the framework will create favourable conditions", "the reduction will benefit
    Malaysia and lighten the burden" (a thing's effect: an active verb of effect with an object, the
    second verb sharing the first one's "will" and subject), "he will treasure the honour" (a
    feeling). Who acts is never a thing: "China will create a fund" stays a pledge; so does a
    thing's schedule in the passive ("the line will be opened in May"). A thing's change of state
    ("costs will fall", "it would become an engine of growth") is forecast too. ``party_subject``: the
    subject names a party ("China will generate ..." is no thing's effect)."""
    clause = _clause_of_conjunct(verb, lex.news.consequence_adverbs)
    news = lex.news
    lemma = verb.lemma_.lower()
    if _state_changes(verb, clause, lex, party_subject):
        return Rule.THING_EFFECT_FORECAST
    if not any(a.dep_ == "aux" and a.lower_ in _FUTURE for a in clause.children):
        return None
    if lemma in news.sentiment_verbs:
        return Rule.FEELING_UNDER_WILL
    subject = subject_of(clause)
    if subject is None or subject.dep_ != "nsubj":
        return None
    if not any(c.dep_ in ("dobj", "dative", "prep", "prt", "xcomp") or (c.dep_ == "attr" and clause is not verb)
               for c in verb.children):
        return None
    # (a second verb of the forecast's own: "It will stimulate growth and bring benefits")
    joined = clause is not verb and _thing_effect(subject, clause.lemma_.lower(), lex, party_subject)
    return Rule.THING_EFFECT_FORECAST if joined or _thing_effect(subject, lemma, lex, party_subject) else None


def _state_changes(verb: Token, clause: Token, lex: TriggerLexicon, party_subject: bool) -> bool:
    """"The costs of moving our goods will fall sharply", "(Modi said) it would become an engine of
    growth": a thing that will (or, reported, would) change its state (news.state_change_verbs,
    with no object) is forecast, whoever says it; not a party ("we will become a hub")."""
    subject = subject_of(clause)
    if verb.lemma_.lower() not in lex.news.state_change_verbs or subject is None \
            or subject.lower_ in ("we", "i", "they") or any(c.dep_ == "dobj" for c in verb.children):
        return False
    # ("the costs of moving our goods": a common noun that names no actor, whatever its modifiers name)
    if subject.lemma_.lower() in lex.actor_nouns or (party_subject and subject.pos_ != "NOUN"):
        return False
    return any(a.dep_ == "aux" and (a.lower_ in _FUTURE or a.lower_ == "would") for a in clause.children)


def _clause_of_conjunct(verb: Token, consequences: Sequence[str] = ()) -> Token:
    """The verb whose "will" and subject ``verb`` shares: "will benefit X and lighten Y" -> benefit;
    "will help develop the economy and improve livelihoods" -> help; "will help to save time, hence
    enhance trade" -> help (a verb led by an adverb of consequence, ``consequences``, that the parser
    hung loose)."""
    while (verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "dep" and any(
            c.dep_ == "advmod" and c.lower_ in consequences for c in verb.children))) \
            and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        verb = verb.head
    return verb


def _thing_effect(subject: Token, lemma: str, lex: TriggerLexicon, party_subject: bool) -> bool:
    """Whether ``subject`` doing ``lemma`` is a thing's effect: a thing noun with a verb of effect,
    a project's outcome ("the completion of the line") with a verb of what it gives, or any subject
    that names no party (a pronoun, a project's name) with a verb of effect only a thing does."""
    news, noun = lex.news, subject.lemma_.lower()
    if subject.pos_ in ("NOUN", "PRON") and lemma in news.effect_verbs \
            and (noun in news.effect_things or noun in lex.appraised_things):
        return True
    if lemma in news.effect_verbs and subject.lower_ in news.referring_things and not subject.n_lefts + subject.n_rights:
        return True  # "This will help to save time": a step or a thing told before (a bare demonstrative)
    if subject.pos_ == "NOUN" and noun in news.outcome_things:
        return lemma in news.outcome_verbs or lemma in news.effect_verbs
    return subject.pos_ in ("PRON", "PROPN") and not party_subject and subject.lower_ not in ("we", "i", "they") \
        and lemma in news.thing_only_effect_verbs


# a quotation opened after a colon ("President Erdoğan said: 'In 2019, ...", "and continued: “...")
_QUOTE_OPENED = re.compile(r":\s*([\"“‘'])(?=\S)")
_CLOSERS = {"“": re.compile(r"”"), '"': re.compile(r'"'), "‘": re.compile(r"[.!?,;]['’]"), "'": re.compile(r"[.!?,;]['’]")}
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s")


def quote_speaker(text: str, para_start: int, sent_start: int, resolve: Callable[[str], list[str]],
                  named: Callable[[str], list[str]]) -> list[str]:
    """The actor of the speaker whose quotation, opened after a colon earlier in the paragraph and
    not yet closed, holds the sentence at ``sent_start`` ("President Erdoğan said: 'In 2019 we
    had ... Our goal is to increase trade ...'": "our" is Turkey's, the speaker's, as in gold/news).
    The speaker is read from the words before the colon: the last comma-delimited stretch
    ("Addressing a press conference with President Aliyev, President Erdoğan said:"), else the one
    leader the whole clause names ("President Erdoğan singled out X, and continued:"), else the one
    party it names ("On plans to build Turkey's first nuclear plant, Yildirim said:": a speaker
    the text does not place speaks of his own country's plans more often than of the other's);
    [] when none names exactly one actor."""
    before = text[para_start:sent_start]
    opened = None
    for m in _QUOTE_OPENED.finditer(before):
        opened = m
    if opened is None or _CLOSERS[opened.group(1)].search(before, opened.end()):
        return []
    lead = before[: opened.start()]
    breaks = list(_SENTENCE_BREAK.finditer(lead))
    clause = lead[breaks[-1].end() :] if breaks else lead
    for read in (lambda: resolve(clause.rsplit(",", 1)[-1]), lambda: named(clause), lambda: resolve(clause)):
        codes = read()
        if len(codes) == 1:
            return codes
    return []


_OPENERS = {"“": "”", '"': '"'}


def quote_speaker_after(text: str, para_start: int, sent_start: int, verbs: Sequence[str],
                        resolve: Callable[[str], list[str]], last_named: Callable[[str], list[str]]) -> list[str]:
    """The actor of a news quotation's speaker when the sentence at ``sent_start`` lies inside a
    quotation of its paragraph: who the attribution right after the closing mark names ('"... to a
    groundbreaking level." Moon said', '..., ” he noted'; ``verbs``: the attribution verbs as
    written), else, for a pronoun there or a quotation with no attribution (a paragraph that is
    all quotation, the speaker's words running on), the person named last before the quotation, in
    its paragraph or the one before ("PM Kishida said ... He pledged ... / “We have agreed ...,” he
    said"). [] when the sentence is not quoted or no one actor is found."""
    para_end = text.find("\n", sent_start)
    para_end = len(text) if para_end < 0 else para_end
    lead = len(text[sent_start : sent_start + 3]) - len(text[sent_start : sent_start + 3].lstrip(" “\""))
    before = text[para_start : sent_start + lead]  # (with the mark that opens the sentence itself)
    opening = max(((before.rfind(o), o) for o in _OPENERS), default=(-1, ""))
    if opening[0] < 0:
        return []
    at, mark = opening
    close = _OPENERS[mark]
    if mark == '"':
        if before.count('"') % 2 == 0:
            return []
    elif close in before[at:]:
        return []
    end = text.find(close, sent_start + lead, para_end)
    if verbs and end >= 0:
        after = text[end + 1 : para_end]
        m = _attribution(verbs).match(after)
        if m is not None:
            who = m.group("who") or m.group("who2")
            if who.lower() not in ("he", "she"):
                codes = resolve(who)
                return codes if len(codes) == 1 else []
    earlier = text[_previous_paragraph_start(text, para_start) : para_start + at]
    if verbs:
        # the speaker of the last attribution before it ('"...," Prime Minister Narendra Modi said in
        # a joint press conference with ... Shinzo Abe': Modi, not Abe, the person named last)
        said = [m.group("who") or m.group("who2") for m in _attribution(verbs).finditer(earlier)]
        said = [w for w in said if w.lower() not in ("he", "she")]
        codes = resolve(said[-1]) if said else []
        if codes:  # (a speaker the text does not place: the person named last, below)
            return codes if len(codes) == 1 else []
    codes = last_named(earlier)
    return codes if len(codes) == 1 else []


def _previous_paragraph_start(text: str, para_start: int) -> int:
    """Where the paragraph before the one at ``para_start`` starts (blank lines skipped)."""
    end = para_start
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return text.rfind("\n", 0, end) + 1


@functools.lru_cache(maxsize=8)
def _attribution(verbs: Sequence[str]) -> re.Pattern[str]:
    one = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    name = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5}"
    return re.compile(rf"\s*,?\s*(?:(?P<who>{name}|he|she)\s+(?:{one})\b|(?:{one})\s+(?P<who2>{name}))")


def reporting_circumstances(reporting: Token, report: Token, lex: TriggerLexicon) -> set[int]:
    """Token indices of the participle before a reporting verb that tells the circumstances of the
    reporting, to be kept out of the report's span: "Speaking after the talks at the summit,
    Hichilema said ..." (a meeting of its own, not the undertaking's words). Not a purpose ("In
    order to address X, the leaders confirmed ...") nor a topic ("On plans for the plant, the
    minister said ..."): they belong to what is undertaken; nor a participle that states something
    itself ("Stating that the line would launch a revolution, Modi said ..."): only the verbs of
    triggers.yaml news.circumstance_participles. (After the verb nothing is cut: the span is one run
    of words, and "said on Monday that ..." would lose its report.)"""
    out: set[int] = set()
    for mod in reporting.children:
        if mod.dep_ == "advcl" and mod.tag_ == "VBG" and mod.lemma_.lower() in lex.news.circumstance_participles \
                and mod.i < reporting.i and not mod.is_ancestor(report):
            out |= {t.i for t in mod.subtree}
    return out
