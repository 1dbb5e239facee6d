"""A mechanism launched at the meeting a text reports is an undertaking of who launches it
(annotation guide §2: launching a standing mechanism is a firm commitment): "G7 Leaders launched
the Coordination Platform on Economic Coercion to increase ...", "the two leaders announced a new
Partnership for the Energy Transition", "President Biden announced new projects". Told in the past
or the present, with no modal, so the clause rules (which want "will launch") leave it.

Not in a speech, nor by "we"/"they" in a news report, where "we launched X" recounts an
achievement: in the texts the parties issue (joint statements, communiqués, declarations,
readouts, fact sheets), texts of no known kind, and a news report's named party ("Prime Minister
Albanese also announced ten new scholarships": the visit's launch, guide §10 "Launches"). Not with "have" or a time in the past ("one year ago", "last year"), not for an
object that is neither new nor named ("launched the process"), and not where a clause rule has
already read the verb.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.clauses import Finding
from pledgebook.extract.grammar import phrase_text
from pledgebook.extract.rules import Rule

RECOUNTING_KINDS = frozenset({"speech", "news_report"})
_PARTY_PRONOUNS = frozenset({"we", "they"})



def launched_mechanisms(findings: list[Finding], parsed: Doc, lex: TriggerLexicon, kind: str | None) -> list[Finding]:
    """``findings`` and the mechanisms launched in ``parsed`` that none of them reads."""
    if kind == "speech" or not lex.launches.verbs:
        return findings
    heads = {f.head_i for f in findings}
    added = [_finding(verb, subject, obj) for verb in parsed if verb.i not in heads
             for subject, obj in [_launch(verb, lex)] if subject is not None and obj is not None
             and not (kind in RECOUNTING_KINDS and subject.lower_ in _PARTY_PRONOUNS)]
    return findings + added if added else findings


def _launch(verb: Token, lex: TriggerLexicon) -> tuple[Token | None, Token | None]:
    """(subject, object) when ``verb`` launches a new or named mechanism now, else (None, None)."""
    if verb.lemma_.lower() not in lex.launches.verbs:  # (first: the cheap test that leaves most words)
        return None, None
    progressive = _present_progressive(verb)  # "Today we are announcing a new Initiative": now
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not progressive:
        return None, None
    if not progressive and any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return None, None  # "have launched", "will launch" (the modal rules), "did not launch"
    if any(dates(t, lex) and not _in_name(t, lex) for t in _own_clause(verb, framing=False)):
        return None, None  # "launched X in April 2023", "one year ago": told as past
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not _new_mechanism(obj, lex):
        obj = _after_quoted_title(verb, lex)  # "announced ten “recover together” scholarships"
    if subject is None or obj is None or not _party_like(subject, lex):
        return None, None
    if subject.lower_ == "we" and verb.tag_ == "VBD":
        return None, None  # a text in the first person states its decisions in the present: "we launched" looks back
    return subject, obj


_OPENING_QUOTES = frozenset({"“", '"', "‘", "``"})
_CLOSING_QUOTES = frozenset({"”", '"', "’", "''"})


def _after_quoted_title(verb: Token, lex: TriggerLexicon) -> Token | None:
    """The mechanism noun after a quoted title right after the verb, which the parser took for the
    object ("announced ten prestigious “recover together, recover stronger” scholarships", "launched
    a new “Clean Seas” initiative"), when the words before the quote count it or call it new."""
    doc = verb.doc
    opening = next((t for t in doc[verb.i + 1 : verb.i + 6] if t.text in _OPENING_QUOTES), None)
    if opening is None:
        return None
    closing = next((t for t in doc[opening.i + 1 : opening.i + 16] if t.text in _CLOSING_QUOTES), None)
    noun = next((t for t in doc[closing.i + 1 : closing.i + 4] if t.pos_ != "ADJ"), None) if closing is not None else None
    if noun is None or (noun.lemma_.lower() not in lex.launches.nouns and noun.lower_ not in lex.launches.nouns):
        return None
    before = doc[verb.i + 1 : opening.i]
    if not all(t.pos_ in ("DET", "NUM", "ADJ", "ADV") for t in before):
        return None
    counted = any(t.like_num and not dates(t, lex) for t in before)
    return noun if counted or any(t.lower_ == "new" for t in before) else None


def _present_progressive(verb: Token) -> bool:
    """"are announcing", "is launching": a gerund whose only auxiliary is a present "be"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    return verb.tag_ == "VBG" and len(auxes) == 1 and auxes[0].lemma_ == "be" and auxes[0].tag_ in ("VBP", "VBZ")


def recounted_launches(findings: list[Finding], parsed: Doc, lex: TriggerLexicon) -> list[Finding]:
    """``findings`` with a commitment that a clause rule read from a launch in the past turned into
    the appreciation it is: "In 2022, we announced the Partnership for X to offer Y" (annotation
    guide, development batch 6: a launch with a past date, or "we launched" in a first-person text,
    recounts an achievement)."""
    out = []
    for f in findings:
        verb = parsed[f.head_i] if f.kind == "commitment" and 0 <= f.head_i < len(parsed) else None
        if verb is not None and f.rule != Rule.LAUNCHED_MECHANISM and _launch_told_as_past(verb, lex):
            f = replace(f, kind="appreciation", category="appreciation", strength=None, rule=Rule.LAUNCH_RECOUNTED)
        out.append(f)
    return out


def _launch_told_as_past(verb: Token, lex: TriggerLexicon) -> bool:
    if verb.lemma_.lower() not in lex.launches.verbs or verb.tag_ != "VBD" \
            or any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    # (the parser may make the mechanism the subject of its purpose: "announced [the Partnership to offer X]")
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                                                               for g in c.children if g.dep_ == "nsubj"]
    if not any(_new_mechanism(obj, lex) for obj in objects):
        return False
    # the verb's own time words ("In 2022, we announced X"), not a year inside its object ("an
    # initiative that aims to serve 2,023 students, symbolic of the year 2023")
    when = [t for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree]
    if any(t.lower_ in ("today", "now") for t in when):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return any(dates(t, lex) for t in when) or (subject is not None and subject.lower_ == "we")


def _party_like(subject: Token, lex: TriggerLexicon) -> bool:
    """"G7 Leaders", "the two leaders", "President Biden", "we": who can be a party."""
    return subject.pos_ == "PROPN" or subject.lower_ in _PARTY_PRONOUNS or subject.lemma_.lower() in lex.actor_nouns


def _new_mechanism(obj: Token, lex: TriggerLexicon) -> bool:
    """A mechanism noun that is new ("a new partnership", "new projects"), named ("the
    Coordination Platform") or counted out ("ten scholarships"), or a process launched ("discussions",
    "negotiations"): not "the process", "its programme"."""
    if obj.lower_ in lex.launches.processes:
        return True  # "we launch discussions to orient X": a process begun (codebook launches.processes)
    if obj.lemma_.lower() not in lex.launches.nouns and obj.lower_ not in lex.launches.nouns:
        return False
    named = obj.pos_ == "PROPN" or obj.text[:1].isupper()
    counted = any(c.dep_ == "nummod" and c.like_num and not dates(c, lex) for c in obj.children)
    return named or counted or any(c.lower_ == "new" for c in obj.children)


def _finding(verb: Token, subject: Token, obj: Token) -> Finding:
    """The commitment: from the subject to the end of the verb's own clause (not its conjuncts)."""
    doc = verb.doc
    last = max(_own_clause(verb), key=lambda t: t.i)
    start = min(subject.left_edge.i, verb.i)
    subject_text = phrase_text(subject)
    return Finding(doc[start].idx, last.idx + len(last), "commitment", "commitment", "firm", Rule.LAUNCHED_MECHANISM,
                   [verb.text, obj.text], subject=subject_text, head_i=verb.i, trigger=verb.lemma_.lower())


def _own_clause(verb: Token, framing: bool = True) -> list[Token]:
    """The verb and what hangs on it, without the clauses joined to it ("... and highlighted X");
    with ``framing`` False, also without a participle that frames it ("Building on the April 2022
    meeting, the United States launched X": the date is the meeting's, not the launch's)."""
    return [verb, *(t for c in verb.children if c.dep_ not in ("conj", "cc", "punct")
                    and (framing or not (c.dep_ == "advcl" and c.i < verb.i and c.tag_ == "VBG"))
                    for t in c.subtree)]


def _in_name(tok: Token, lex: TriggerLexicon) -> bool:
    """A year that is part of a name ("the Partnership to Address the Climate Crisis 2030", "Vision
    2030"), not a date: it hangs on a proper noun that is no month."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else tok
    return tok.like_num and any(t.pos_ == "PROPN" and t.lower_ not in lex.launches.past_words and t.i != tok.i
                                for t in (tok.head, before))


def dates(tok: Token, lex: TriggerLexicon) -> bool:
    """A word of past time, a month or a year: a launch at the meeting a text reports needs no date."""
    if tok.lower_ in lex.launches.past_words:
        return tok.lower_ != "may" or tok.pos_ == "PROPN"
    return tok.like_num and len(tok.text) == 4 and tok.text[:2] in ("19", "20")
