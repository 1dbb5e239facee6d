"""Attribution in news prose: the words that say who reported what a sentence states.

"China will finance the bridge, officials said." and "According to the ministry, the two sides
agreed to ..." report an undertaking; the attribution is not part of it. Left on, it makes the
sentence a report whose head is "said" or "maintained" (a stance), and the undertaking inside
is lost or read as the source's. ``peel_attribution`` cuts a trailing attribution or an
"according to" lead-in off a sentence, so the report is parsed alone; the source is returned
apart, never an actor. The vocabulary is the codebook's (segment.yaml: attribution).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgebook.codebook.segmentation import AttributionSpec
from pledgebook.segment.segmenter import Sentence, split_clauses
from pledgebook.segment.view import TextView

# a comma ending the report (a closing quote may follow it: '"We will build it," he said')
_TAIL_COMMA = re.compile(r",[\"”’']?\s+")
_WORD = re.compile(r"[\w’'.-]+")
# the closing punctuation and spaces of a sentence, matched on the reversed text: a search for
# them before "$" would retry at every character of a long run of them (quadratic)
_END_REVERSED = re.compile(r"[\s.!?\"”’')\]]*")
# words a source or the words after its verb never hold: they open a clause of their own
_CLAUSE_WORDS = frozenset("that will would shall should must can could may is are was were has have had "
                          "to not be been".split())
_MAX_AFTER_VERB_WORDS = 10
# An attribution's words are never longer on average: commas further back than its most words
# at this length are not looked at (a run of commas without words between them would otherwise
# be read back to the sentence's start from each one: quadratic)
_MAX_CHARS_PER_WORD = 40


@dataclass(frozen=True, slots=True)
class Peeled:
    """A sentence without its attribution, and the attribution's source ("" when impersonal)."""

    sentence: Sentence
    source: str


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    verbs: frozenset[str]
    inverted_verbs: frozenset[str]
    not_sources: frozenset[str]
    after_verb: frozenset[str]
    impersonal: tuple[tuple[str, ...], ...]
    lead_ins: tuple[tuple[str, ...], ...]
    passive_reports: tuple[tuple[str, ...], ...]
    describers: frozenset[str]
    max_source: int
    min_report: int


_BUILT: dict[int, tuple[AttributionSpec, _Vocabulary]] = {}  # id(spec) -> (spec kept alive, its vocabulary)


def _vocabulary(spec: AttributionSpec) -> _Vocabulary:
    built = _BUILT.get(id(spec))
    if built is None or built[0] is not spec:
        built = _BUILT[id(spec)] = (spec, _build(spec))
    return built[1]


def _build(spec: AttributionSpec) -> _Vocabulary:
    def words(text: str) -> frozenset[str]:
        return frozenset(text.lower().split())

    return _Vocabulary(words(spec.verbs), words(spec.inverted_verbs), words(spec.not_sources), words(spec.after_verb),
                       tuple(tuple(p.lower().split()) for p in spec.impersonal),
                       tuple(tuple(p.lower().split()) for p in spec.lead_ins),
                       tuple(tuple(p.lower().split()) for p in spec.passive_reports),
                       words(spec.source_describers), spec.max_source_words, spec.min_report_words)


def peel_attribution(sentence: Sentence, spec: AttributionSpec | None) -> Peeled | None:
    """``sentence`` without a trailing attribution (", officials said on Monday", ", said the
    minister", ", according to the Foreign Office", ", it was learnt") or an opening one
    ("According to X, ..."); None when it has neither."""
    if spec is None:
        return None
    vocab = _vocabulary(spec)
    clean = sentence.view.clean
    cut = _trailing(clean, vocab)
    if cut is not None:
        return Peeled(_narrowed(sentence, 0, cut[0]), cut[1])
    cut = _leading(clean, vocab)
    if cut is not None:
        return Peeled(_narrowed(sentence, cut[0], len(clean)), cut[1])
    return None


def _trailing(clean: str, vocab: _Vocabulary) -> tuple[int, str] | None:
    """(where the report ends, the source) of a trailing attribution, tried from the last comma."""
    end = len(clean) - _END_REVERSED.match(clean[::-1]).end()
    window = (vocab.max_source + _MAX_AFTER_VERB_WORDS + 1) * _MAX_CHARS_PER_WORD
    for comma in reversed(list(_TAIL_COMMA.finditer(clean, max(0, end - window), end))):
        tail = clean[comma.end() : end]
        words = [w.strip(".’'") for w in _WORD.findall(tail)]
        described = _described_source(words, tail, vocab)
        if described is not None and len(_WORD.findall(clean[: comma.start()])) >= vocab.min_report:
            return comma.start(), described
        if len(words) > vocab.max_source + _MAX_AFTER_VERB_WORDS + 1:
            return None  # further back, the tail is no attribution but a clause
        source = _tail_source(words, tail, vocab)
        if source is not None and len(_WORD.findall(clean[: comma.start()])) >= vocab.min_report:
            return comma.start(), source
    return None


def _tail_source(written: list[str], tail: str, vocab: _Vocabulary) -> str | None:
    """The source a tail names if the whole tail is an attribution, else None. An attribution's
    verb is written in lower case ("the United States" holds no verb)."""
    if not written:
        return None
    words = [w.lower() for w in written]
    verbs = {k for k, w in enumerate(written) if w in vocab.verbs}
    for phrase in vocab.impersonal:
        if tuple(words[: len(phrase)]) == phrase and _after_verb(words[len(phrase) :], vocab):
            return ""
    for phrase in vocab.lead_ins:  # ", according to the Foreign Office"
        if tuple(words[: len(phrase)]) == phrase and _is_source(words[len(phrase) :], vocab):
            return " ".join(tail.split()[len(phrase) :])
    passive = _passive_source(words, vocab)
    if passive is not None:  # ", Li was quoted as saying by Xinhua"
        return " ".join(tail.split()[:passive])
    if written[0] in vocab.inverted_verbs:  # ", said the minister"
        return " ".join(tail.split()[1:]) if _is_source(words[1:], vocab) else None
    for k in range(min(len(words), vocab.max_source + 1)):  # ", the ministry said on Monday"
        if k in verbs:
            if k and _is_source(words[:k], vocab) and _after_verb(words[k + 1 :], vocab):
                return " ".join(tail.split()[:k])
            return None
    return None


def _described_source(written: list[str], tail: str, vocab: _Vocabulary) -> str | None:
    """The source of a tail "according to <source> <describer> ..." ("according to the statement
    which was released following the talks"), however long the description; else None."""
    words = [w.lower() for w in written]
    for phrase in vocab.lead_ins:
        if tuple(words[: len(phrase)]) != phrase:
            continue
        k = next((k for k in range(len(phrase) + 1, len(words)) if words[k] in vocab.describers), None)
        if k is not None and _is_source(words[len(phrase) : k], vocab):
            return " ".join(tail.split()[len(phrase) : k])
    return None


def _passive_source(words: list[str], vocab: _Vocabulary) -> int | None:
    """How many words the source has in a passive report ("Li was quoted as saying by Xinhua"),
    else None: the medium after "by" is a source too, or a time or audience follows."""
    for phrase in vocab.passive_reports:
        k = next((k for k in range(1, vocab.max_source + 1) if tuple(words[k : k + len(phrase)]) == phrase), None)
        if k is None or not _is_source(words[:k], vocab):
            continue
        rest = words[k + len(phrase) :]
        if (rest[:1] == ["by"] and _is_source(rest[1:], vocab)) or _after_verb(rest, vocab):
            return k
    return None


def _is_source(words: list[str], vocab: _Vocabulary) -> bool:
    return 0 < len(words) <= vocab.max_source and words[0] not in vocab.not_sources \
        and not (set(words) & _CLAUSE_WORDS)


def _after_verb(words: list[str], vocab: _Vocabulary) -> bool:
    """What may follow an attribution's verb: nothing, or a time phrase or an audience."""
    if not words:
        return True
    return words[0] in vocab.after_verb and len(words) <= _MAX_AFTER_VERB_WORDS and not (set(words) & _CLAUSE_WORDS)


def _leading(clean: str, vocab: _Vocabulary) -> tuple[int, str] | None:
    """(where the report starts, the source) of an opening "According to X, ..."."""
    words = [w.lower() for w in clean.split()]
    for phrase in vocab.lead_ins:
        if tuple(words[: len(phrase)]) != phrase:
            continue
        comma = _TAIL_COMMA.search(clean)
        if comma is None:
            return None
        source = clean[: comma.start()].split()[len(phrase) :]
        report = clean[comma.end() :]
        if 0 < len(source) <= vocab.max_source and len(report.split()) >= vocab.min_report:
            return comma.end(), " ".join(source)
    return None


def _narrowed(sentence: Sentence, a: int, b: int) -> Sentence:
    """The part ``[a, b)`` of a sentence's clean text, as a sentence of its own (edge spaces cut)."""
    clean = sentence.view.clean
    while a < b and clean[a] == " ":
        a += 1
    while b > a and clean[b - 1] == " ":
        b -= 1
    view = TextView(clean[a:b], sentence.view.index[a:b], sentence.view.index[a])
    return Sentence(view.span(0, b - a), view, split_clauses(view, 0, b - a))
