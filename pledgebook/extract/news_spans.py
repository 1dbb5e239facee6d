"""Where a news report's statements begin and end.

A wire report packs in one sentence what a joint statement would set apart, and a commitment
that runs over a neighbour's words swallows it (a predicted commitment that covers a meeting or
an appreciation is wrong, docs/evaluation.md). Three shapes recur:
- the headline repeated as the first line of the body: a heading, not the report's words
  (annotation guide §1: section headings are not annotated; the statement is in the lead);
- the meeting an undertaking was reached at, told before it ("said during a meeting with Xi
  Jinping, both sides agreed to boost trade"): kept out of the undertaking's span;
- money for several purposes after one verb of funding ("JICA will provide Rs 6,098 crore for the
  freight corridor, Rs 1,517 crore for a sanitation project and Rs 274 crore for a horticulture
  project"): one commitment per amount, as gold/news/README.md counts loan packages.
The words are the codebook's (triggers.yaml: news, funding).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from pledgebook.codebook.triggers import TriggerLexicon
from pledgebook.extract.grammar import char_end_before, modal_of, subject_of
from pledgebook.extract.rules import Rule
from pledgebook.segment.segmenter import Paragraph

if TYPE_CHECKING:  # (clauses.py cuts spans with meeting_adjuncts)
    from pledgebook.extract.clauses import Finding

_HEADLINE_REACH = 3  # the headline is among the first paragraphs of the body
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_SYMBOLS = frozenset({"$", "us$", "¥", "€", "£"})
_SCALES = frozenset({"million", "billion", "trillion", "crore", "lakh", "mn", "bn"})
# what joins one amount to the next: ", Rs 909 crore", "and Rs 274 crore", "apart from Rs 1,517 crore"
_JOINS = ((",",), ("and",), ("plus",), ("besides",), ("apart", "from"), ("aside", "from"), ("as", "well", "as"),
          ("in", "addition", "to"), ("along", "with"))


def _normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).strip(" .").casefold()


def title_paragraph(paragraphs: Sequence[Paragraph], text: str, title: str | None) -> Paragraph | None:
    """The paragraph near the head of the body that repeats the document's title (front matter,
    HTML metadata) word for word: a headline, whose statement the lead states again."""
    if not title or not _normal(title):
        return None
    wanted = _normal(title)
    for para in [p for p in paragraphs if p.kind != "boilerplate"][:_HEADLINE_REACH]:
        if _normal(text[para.span.start : para.span.end]) == wanted:
            return para
    return None


def meeting_adjuncts(head: Token, lex: TriggerLexicon) -> set[int]:
    """Token indices of a phrase before ``head``'s subject that tells the meeting the clause was
    reached at ("during a meeting with President Xi, both sides agreed ...", "At the talks in Beijing,
    the two leaders agreed ..."): a preposition of lex.news.meeting_prepositions whose object is an
    event noun. Not a phrase after the subject, nor one about a meeting to come ("before the summit")."""
    subject = subject_of(head)
    if subject is None:
        return set()
    before = range(head.left_edge.i, subject.left_edge.i)
    return _meeting_phrases(head, lex, before) | _occasion_phrases(head, lex, before)


def _occasion_phrases(head: Token, lex: TriggerLexicon, where: range) -> set[int]:
    """The phrases on ``head`` starting in ``where`` that name the text or the occasion the clause
    comes from ("In a joint statement issued on Wednesday, ...", "On the occasion of the visit, ..."):
    lex.news.occasion_phrases, with the comma after them."""
    out: set[int] = set()
    for prep in head.children:
        nouns = lex.news.occasion_phrases.get(prep.lower_)
        if prep.dep_ != "prep" or prep.i not in where or not nouns:
            continue
        if any(o.dep_ == "pobj" and o.lemma_.lower() in nouns for o in prep.children):
            out |= {t.i for t in prep.subtree}
            comma = prep.right_edge.i + 1
            if comma < len(head.doc) and head.doc[comma].text == ",":
                out.add(comma)
    return out


def signing_adjuncts(head: Token, lex: TriggerLexicon) -> set[int]:
    """Token indices of a phrase after ``head`` that tells the signing the clause follows from ("the
    project will resume at a reduced cost following the signing of a supplementary agreement"): an
    instrument concluded, an agreement of its own, kept out of the undertaking's span."""
    out: set[int] = set()
    # (the parser may hang "following" on the noun before it, as a participle)
    for prep in head.subtree:
        if prep.i > head.i and prep.dep_ in ("prep", "acl") and prep.lower_ in lex.news.meeting_prepositions \
                and any(o.dep_ in ("pobj", "dobj") and signs_instrument(o, lex) for o in prep.children):
            out |= {t.i for t in prep.subtree}
    return out


def signs_instrument(noun: Token, lex: TriggerLexicon) -> bool:
    """Does ``noun`` tell an instrument's signing? A signing noun does; one that also names an end
    (lex.end_nouns: "conclusion") only with an instrument as its "of" object ("after the conclusion
    of the Agreement", not "after the conclusion of the May-June round": when, no signing)."""
    lemma = noun.lemma_.lower()
    if lemma not in lex.signing_nouns:
        return False
    if lemma not in lex.end_nouns:
        return True
    return any(p.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in lex.instruments for o in p.children)
               for p in noun.children if p.dep_ == "prep")


def closing_meeting(head: Token, lex: TriggerLexicon) -> set[int]:
    """Token indices of a phrase that ends ``head``'s clause and tells the meeting an undertaking was
    made at ("pledging closer cooperation on trade during his first visit on June 6", "agreed to expand
    trade during their talks"): a preposition of lex.news.closing_meeting_prepositions on a verb, whose
    object is an unnamed event noun, with the comma before it; not under a modal ("will present X
    during the Conference" sets when it is done)."""
    last = head.right_edge.i
    while last > head.i and head.doc[last].is_punct:
        last -= 1
    for prep in head.subtree:  # (the parser may hang it on the undertaking's infinitive)
        if prep.dep_ == "prep" and prep.i > head.i and prep.right_edge.i == last and prep.head.pos_ in ("VERB", "AUX") \
                and prep.lower_ in lex.news.closing_meeting_prepositions \
                and any(o.dep_ == "pobj" and _unnamed_event(o, lex) for o in prep.children) \
                and modal_of(prep.head, lex)[0] is None and modal_of(head, lex)[0] is None:
            comma = {prep.i - 1} if head.doc[prep.i - 1].text == "," else set()
            return {t.i for t in prep.subtree} | comma
    return set()


def _unnamed_event(noun: Token, lex: TriggerLexicon) -> bool:
    """"his first bilateral visit", "their talks": an event noun, not a named one ("the G20 Summit",
    whose name the undertaking's entities keep)."""
    return noun.lemma_.lower() in lex.events and not any(
        c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" for c in noun.children)


def signings_cut(doc: Doc, heads: set[int], lex: TriggerLexicon) -> list[tuple[Token, Token]]:
    """(signing noun, the verb it hangs on) for each signing that signing_adjuncts cuts out of the
    statements headed at ``heads`` ("following the signing of a supplementary agreement")."""
    out = []
    for i in sorted(heads):
        if 0 <= i < len(doc):
            for k in sorted(signing_adjuncts(doc[i], lex)):
                if signs_instrument(doc[k], lex) and doc[k].dep_ in ("pobj", "dobj"):
                    out.append((doc[k], doc[i]))
    return out


def report_meetings(reporting: Token, report: Token, lex: TriggerLexicon) -> set[int]:
    """Token indices of the meeting told between a reporting verb and its report ("said during a
    meeting with Xi, both sides agreed ..."), and before the report's subject: kept out of the report."""
    found = _meeting_phrases(reporting, lex, range(reporting.i + 1, report.left_edge.i)) | meeting_adjuncts(report, lex)
    return {k for k in found if k > reporting.i}


def _meeting_phrases(head: Token, lex: TriggerLexicon, where: range) -> set[int]:
    """The prepositional phrases on ``head`` starting in ``where`` that name a meeting, with the
    comma after them."""
    out: set[int] = set()
    for prep in head.children:
        if prep.dep_ != "prep" or prep.i not in where or prep.lower_ not in lex.news.meeting_prepositions:
            continue
        if any(o.dep_ == "pobj" and o.lemma_.lower() in lex.events for o in prep.children):
            out |= {t.i for t in prep.subtree}
            comma = prep.right_edge.i + 1
            if comma < len(head.doc) and head.doc[comma].text == ",":
                out.add(comma)
    return out


def further_reports(reporting: Token, lex: TriggerLexicon) -> list[Token]:
    """"Putin said the plant will be safe, adding that it would be launched in 2023": a participle
    of a reporting verb after the reporting verb, with a clause of its own, reports a second
    statement of the same speaker, read on its own (and cut out of the first report's span)."""
    return [c for c in reporting.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > reporting.i and subject_of(c) is None
            and c.lemma_.lower() in lex.reporting_verbs and any(g.dep_ == "ccomp" for g in c.children)]


def earlier_conjunct(clause: Token, stated: set[int], lex: TriggerLexicon) -> set[int]:
    """Token indices of the clause a reported ``clause`` is coordinated after, when that clause
    states a state or a valuation the rules read nowhere else (it is no statement in ``stated``):
    "said Phase 2A is 98 percent complete and will be operationalised in September", "said
    Indonesia highly values its coordination with China and stands ready to join hands ...": the
    report starts at its own verb. ("my country does not claim foreign lands and does not intend to
    cede any" stays one report.)"""
    first = clause.head
    if clause.dep_ != "conj" or first.i > clause.i or first.pos_ not in ("VERB", "AUX") or first.i in stated:
        return set()
    if subject_of(clause) is not None or not _states_or_values(first, lex):
        return set()  # (a clause with its own subject is cut as one already)
    return {t.i for t in first.subtree} - {t.i for t in clause.subtree}


def _states_or_values(verb: Token, lex: TriggerLexicon) -> bool:
    """A copula with its complement ("is 98 percent complete"), a verb of valuing ("highly values
    X"), or a trigger of appreciation or stance; not negated."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.lemma_ == "be":
        return any(c.dep_ in ("acomp", "attr") for c in verb.children)
    trig = lex.verbs.get(verb.lemma_.lower())
    return verb.lemma_.lower() in lex.news.valuing_verbs or (trig is not None and trig.kind in ("appreciation", "position"))


# -- money for several purposes ------------------------------------------------------------------------
def funding_items(findings: list[Finding], parsed: Doc, lex: TriggerLexicon) -> list[Finding]:
    """``findings`` with each further "amount for purpose" after a verb of funding made a
    commitment of its own; the commitment it came from ends before the second amount."""
    out: list[Finding] = []
    for f in findings:
        starts = _item_starts(f, parsed, lex) if f.kind == "commitment" and 0 <= f.head_i < len(parsed) else []
        if not starts:
            out.append(f)
            continue
        out.append(replace(f, end=_end_before(parsed, starts[0])))
        for j, first in enumerate(starts):
            end = _end_before(parsed, starts[j + 1]) if j + 1 < len(starts) else f.end
            out.append(replace(f, start=parsed[first].idx, end=end, head_i=first, rule=Rule.FUNDING_ITEM,
                               triggers=[*f.triggers, parsed[first].text], series_item=True))
    return out


def _item_starts(f: Finding, parsed: Doc, lex: TriggerLexicon) -> list[int]:
    """Token indices where the second and later amounts-for-a-purpose start inside ``f``, when its
    verb funds (lex.funding_item_verbs) and the first amount comes before them; else []."""
    head = parsed[f.head_i]
    verbs = [head, *(c for c in head.children if c.dep_ == "xcomp")]
    if not any(v.lemma_.lower() in lex.funding_item_verbs for v in verbs):
        return []
    inside = [t for t in parsed if f.start <= t.idx < f.end and t.i > head.i]
    amounts = [s for s in (_amount_start(t, lex) for t in inside if t.like_num and _funds_a_purpose(t, lex)) if s is not None]
    later = [s for s in amounts[1:] if _joined_at(parsed, s) is not None]
    return later if len(amounts) > 1 and len(later) == len(amounts) - 1 else []


def _joined_at(parsed: Doc, start: int) -> int | None:
    """Where the words that join the amount at ``start`` to the one before begin (", apart
    from"), or None when nothing joins it."""
    at = start
    for words in sorted(_JOINS, key=len, reverse=True):
        if at >= len(words) and tuple(t.lower_ for t in parsed[at - len(words) : at]) == words:
            at -= len(words)
            break
    else:
        return None
    return at - 1 if at > 0 and parsed[at - 1].text == "," else at


def _amount_start(number: Token, lex: TriggerLexicon) -> int | None:
    """Where the amount around ``number`` starts: at the currency written before it ("Rs 274
    crore", "$5 million"), else at the number when a currency or scale follows it ("274 crore")."""
    doc = number.doc
    before = doc[number.i - 1] if number.i > 0 else None
    if before is not None and (before.lower_ in _SYMBOLS or before.lower_.rstrip(".") in lex.currencies):
        return before.i
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if after is not None and (after.lower_ in _SCALES or after.lower_ in lex.currencies):
        return number.i
    return None


def _funds_a_purpose(number: Token, lex: TriggerLexicon) -> bool:
    """The amount is followed, after its scale and currency words, by "for" ("Rs 274 crore for X")."""
    doc, k = number.doc, number.i + 1
    while k < len(doc) and k <= number.i + 3 and (doc[k].lower_ in _SCALES or doc[k].lower_ in lex.currencies):
        k += 1
    return k < len(doc) and doc[k].lower_ == "for"


def _end_before(parsed: Doc, start: int) -> int:
    """The character end of the words before the amount at token ``start``, its joining words
    (", apart from") left out."""
    return char_end_before(parsed, _joined_at(parsed, start) or start)
