"""Which sentences are worth parsing: those holding a word a rule reads, in any inflection.

The codebook's stem test (``TriggerLexicon.prefilter``: a word starting with a trigger's first
five letters) lets through "commission", "committee", "developments", "directly": most words of
a speech. A sentence it lets through is parsed only when it also holds, as a whole word, one of
the words the stem test is built from or a word of the lexicon's lists that rules fire on
(modals, instruments, events, ...), read as spaCy's own lemmatizer reads them: the word itself,
a lemma the model's rules and exception tables could give it as a verb, noun or adjective
("committed", "pledging", "made", "commitments"), or either without a leading "re"
("reaffirmed", "re-emphasize"). A sentence with none of them cannot hold a statement.

A few verbs count only in a sentence that also holds an instrument as written (codebook
``prefilter_with_instrument``: "issue", "release", "adopt"), since the rules read them only with
one for object: "issued a joint statement" is parsed for them, "It remains an issue" is not.
A few more (``prefilter_not_alone``: "state", "indicate", ...) keep their stems but count only
where another word's stem lets the sentence through, or beside another rule word: "Member States
should act" is parsed for "should", "Member States allow it" is not parsed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pledgebook.codebook.triggers import PROGRESSIVE_PHRASE, TriggerLexicon, prefilter_stems, stem_pattern

LEMMA_POS = ("verb", "noun", "adj")
# The lexicon's lists (besides the stem test's words) whose words a rule fires on by themselves;
# lists that only qualify a trigger (copulas, light verbs, actor and state nouns) are left out.
RULE_WORD_LISTS = ("modals", "polite_verbs", "hortative_verbs", "reporting_verbs", "passing_verbs", "reported_undertakings",
                   "funding_nouns", "currencies", "target_verbs", "proposal_nouns", "progress_verbs",
                   "review_verbs", "glad_nouns", "concession_nouns", "opening_nouns", "instruments",
                   "signing_nouns", "events", "principle_verbs", "preserving_verbs", "convening_verbs",
                   "appraisal_words")
_WORD = re.compile(r"[^\W\d_]+")
_RUN = re.compile(r"\w+")  # what the stem test's "\b" starts
_MEMO_WORDS = 1 << 16
# contractions spaCy splits off and reads as the modal or "not" ("wouldn’t", "won’t", "we’ll", "we’d")
_CONTRACTIONS = ((re.compile(r"\b(wo|ca|sha)n['’]t\b"), lambda m: {"wo": "will", "ca": "can", "sha": "shall"}[m[1]] + " not"),
                 (re.compile(r"n['’]t\b"), lambda m: " not"), (re.compile(r"['’]ll\b"), lambda m: " will"),
                 (re.compile(r"['’]d\b"), lambda m: " would"))
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1$")  # "committ" -> "commit", "plann" -> "plan"


class Prefilter:
    """``search(text)``: whether ``text`` holds a trigger word in any inflection, or one of the
    lexicon's phrases ("are to", "'ll", a progressive undertaking after "are")."""

    def __init__(self, lex: TriggerLexicon, lookups=None) -> None:
        """``lookups``: the spaCy lemmatizer's tables (``lemma_rules``, ``lemma_exc``); without
        them only regular English endings are undone."""
        listed = set().union(*(getattr(lex, name) for name in RULE_WORD_LISTS))
        not_alone = {w.lower() for w in lex.prefilter_not_alone}
        vocabulary = ((set(lex.prefilter_words) - lex.prefilter_with_instrument) | listed)
        self.words = frozenset(w.lower() for w in vocabulary if _WORD.fullmatch(w)) - not_alone
        # words that count only beside an instrument (unless a list counts them by themselves)
        self.with_instrument = frozenset(w.lower() for w in lex.prefilter_with_instrument
                                         if w in lex.prefilter_words and w not in listed)
        self.instruments = frozenset(w.lower() for w in lex.instruments)
        # words that count only where another word's stem lets the sentence through
        self.not_alone = frozenset(not_alone)
        self._stems = _StemTest(lex.prefilter, lex.prefilter_words)
        others = set(lex.prefilter_words) - {w for w in lex.prefilter_words if w.lower() in not_alone}
        self._other_stems = _StemTest(stem_pattern(others, frozenset(lex.progressive_undertakings)), others) \
            if not_alone else self._stems
        self._rules, self._exceptions = _tables(lookups)
        odd = sorted((w for w in vocabulary if not _WORD.fullmatch(w)), key=len, reverse=True)
        # phrases and clitics keep the stem test's reading: "are to", "is to", "'ll" (and ’ll)
        odd = [*odd, *(w.replace("'", "’") for w in odd if "'" in w)]
        pattern = r"\b(?:re-?)?(?:" + "|".join(re.escape(w) for w in odd) + ")" if odd else r"(?!)"
        if lex.progressive_undertakings:  # the same test as the codebook's (a present progressive)
            pattern += rf"|{PROGRESSIVE_PHRASE}"
        self._phrases = re.compile(pattern, re.IGNORECASE)
        self.known = lru_cache(maxsize=1 << 16)(self._known)  # a word's verdict, once per process
        self.lemmas = lru_cache(maxsize=1 << 16)(self._lemmas)  # (also asked for the restricted words)

    def search(self, text: str) -> bool:
        """Whether ``text`` passes the codebook's stem test and holds a rule's word or phrase."""
        if not self.passes_stem_test(text):
            return False
        known = self.known
        words = _WORD.findall(_expanded(text.lower()))
        if any(known(w) for w in words) or self._phrases.search(text) is not None:
            return True
        if self.not_alone and any(self._known_in(w, self.not_alone) for w in words) \
                and self._other_stems.passes(text):
            return True
        return bool(self.with_instrument) and not self.instruments.isdisjoint(words) \
            and any(self._known_in(w, self.with_instrument) for w in words)

    def passes_stem_test(self, text: str) -> bool:
        """``lex.prefilter.search(text)`` (see ``_StemTest``)."""
        return self._stems.passes(text)

    def _known(self, word: str) -> bool:
        return self._known_in(word, self.words)

    def _known_in(self, word: str, words: frozenset[str]) -> bool:
        if self._is_in(word, words):
            return True
        bare = word[2:]  # "reaffirmed", "recommit": the stem test allows a leading "re" too
        return word.startswith("re") and len(bare) > 1 and self._is_in(bare, words)

    def _is_in(self, word: str, words: frozenset[str]) -> bool:
        return word in words or any(lemma in words for lemma in self.lemmas(word))

    def _lemmas(self, word: str) -> frozenset[str]:
        """Every lemma the rule lemmatizer could give ``word`` (lower case) as a verb, noun or
        adjective, whatever the tag; plus the undoubled form of a doubled final consonant."""
        out: set[str] = set()
        for pos in LEMMA_POS:
            out.update(self._exceptions[pos].get(word, ()))
            for old, new in self._rules[pos]:
                if word.endswith(old) and len(word) > len(old):
                    out.add(word[: len(word) - len(old)] + new)
        out.update(_DOUBLED.sub(r"\1", form) for form in list(out))
        return frozenset(out)


class _StemTest:
    """A stem test (``lex.prefilter`` or one like it, built from ``words``), answered for most texts
    by a word that starts with a stem (what the expression's many alternatives would find, a
    fraction of the time); the expression itself decides the rest (stems with a space or an
    apostrophe, the progressive phrase, words with letters outside ASCII)."""

    def __init__(self, pattern: re.Pattern[str], words) -> None:
        self._pattern = pattern
        # the stems made only of ASCII letters, by length: a word starting with one (or with "re"
        # and one) passes the stem test without its regular expression (``_stem_at_word``)
        letters = {s.lower() for s in prefilter_stems(words) if s.isascii() and s.isalpha()}
        self._letter_stems = {n: frozenset(s for s in letters if len(s) == n) for n in {len(s) for s in letters}}
        self._verdicts: dict[str, bool] = {}  # a word's verdict (emptied when it grows large)

    def passes(self, text: str) -> bool:
        verdicts = self._verdicts
        for run in _RUN.findall(text):
            verdict = verdicts.get(run)
            if verdict is None:
                if len(verdicts) >= _MEMO_WORDS:
                    verdicts.clear()
                verdict = verdicts[run] = self._stem_at_word(run)
            if verdict:
                return True
        return self._pattern.search(text) is not None

    def _stem_at_word(self, run: str) -> bool:
        """Whether a stem of ASCII letters matches where the run of word characters ``run``
        starts, after an optional "re", as ``\b(?:re-?)?stem`` does (case aside)."""
        if not run.isascii():
            return False  # (case folding beyond ASCII: left to the expression)
        low = run.lower()
        stems = self._letter_stems
        return any(low[:n] in group or (low.startswith("re") and low[2 : 2 + n] in group) for n, group in stems.items())


def _expanded(text: str) -> str:
    """``text`` (lower case) with its contractions written out, as spaCy's tokens read them."""
    if "'" not in text and "’" not in text:
        return text
    for pattern, full in _CONTRACTIONS:
        text = pattern.sub(full, text)
    return text


_REGULAR_RULES = {"verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
                           ("ing", "e"), ("ing", "")],
                  "noun": [("s", ""), ("ses", "s"), ("ies", "y"), ("es", "")], "adj": [("er", ""), ("est", "")]}


def _tables(lookups) -> tuple[dict[str, list[tuple[str, str]]], dict[str, dict[str, list[str]]]]:
    """The lemmatizer's suffix rules and exceptions by part of speech (the regular English
    endings when the model has no tables)."""
    rules = {pos: list(r) for pos, r in _REGULAR_RULES.items()}
    exceptions: dict[str, dict[str, list[str]]] = {pos: {} for pos in LEMMA_POS}
    if lookups is None:
        return rules, exceptions
    if lookups.has_table("lemma_rules"):
        table = lookups.get_table("lemma_rules")
        for pos in LEMMA_POS:
            rules[pos] = [(old, new) for old, new in table.get(pos, ())] + rules[pos]
    if lookups.has_table("lemma_exc"):
        table = lookups.get_table("lemma_exc")
        exceptions = {pos: dict(table.get(pos, {})) for pos in LEMMA_POS}
    return rules, exceptions
