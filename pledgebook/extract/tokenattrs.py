"""An exact, faster stand-in for a spaCy pipeline's ``attribute_ruler`` and ``lemmatizer``.

``en_core_web_sm``'s attribute ruler maps each token's tag (with its word and dependency
label, sometimes its neighbour's) to its part of speech, morphology and some lemmas through
spaCy's ``Matcher``: 179 patterns tried on every token, a third of the parse's CPU time. Then
the rule lemmatizer reads each token's part of speech and morphology, again per token in
Python (its cache misses every singular noun). Both are pure functions of a few token
attributes, so ``TokenAttributes`` computes them once per distinct combination of those
attributes (memoised) and writes a whole document's values with one ``Doc.from_array``:

- the ruler's outcome for a token depends only on its own (ORTH, TAG, DEP) and the values
  already set, except for patterns of several tokens (``[{"DEP": "expl"}, {"LOWER": "is"}]``),
  which are checked at each position where their first token fits;
- the patterns are applied as the ruler applies its matches: sorted by pattern number, a later
  pattern overriding an earlier one's value for the same attribute;
- a lemma the ruler did not set is the lemmatizer's own ``lemmatize(token)[0]``, computed once
  per (ORTH, POS, MORPH), the key of the lemmatizer's own cache.

Patterns using anything else (operators such as ``OP``, other attributes) make
``TokenAttributes.for_pipeline`` return None: the caller then runs spaCy's components.
tests/extract/test_tokenattrs.py compares every token's annotations with spaCy's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
# what a token's outcome may depend on, and what the two components may set (in this order)
KEY_COLUMNS = (ORTH, TAG, DEP, POS, MORPH, LEMMA)
SET_COLUMNS = (TAG, DEP, POS, MORPH, LEMMA)
_SET_INDEX = {attr: i for i, attr in enumerate(SET_COLUMNS)}
_READABLE = ("TAG", "LOWER", "ORTH", "TEXT", "DEP", "IS_SPACE")  # token attributes a pattern may test
_OPERATORS = ("IN", "NOT_IN", "REGEX")
_LEXICAL = ("LOWER", "ORTH", "TEXT")  # the word's own: the same for every token of that word


class Unsupported(ValueError):
    """A pattern or component this stand-in does not reproduce exactly."""


@dataclass(frozen=True, slots=True)
class _Test:
    attr: str  # one of _READABLE
    op: str  # "==", "IN", "NOT_IN", "REGEX"
    value: object

    def holds(self, features: dict[str, object]) -> bool:
        got = features[self.attr]
        if self.op == "==":
            return got == self.value
        if self.op == "IN":
            return got in self.value
        if self.op == "NOT_IN":
            return got not in self.value
        return features[self]  # REGEX: worked out once per word (see TokenAttributes._lexical)


def _compile_token(spec: dict) -> tuple[_Test, ...]:
    """One token of a Matcher pattern as tests on its features; Unsupported otherwise."""
    tests = []
    for attr, value in spec.items():
        if attr not in _READABLE:
            raise Unsupported(f"pattern attribute {attr!r}")
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in _OPERATORS:
                raise Unsupported(f"pattern operator {value!r}")
            op, arg = next(iter(value.items()))
            if op == "REGEX" and attr in _LEXICAL:
                tests.append(_Test(attr, op, re.compile(arg)))
            elif all(isinstance(v, str) for v in arg) and attr != "IS_SPACE":
                tests.append(_Test(attr, op, frozenset(arg)))
            else:
                raise Unsupported(f"set of {arg!r}")
        elif isinstance(value, bool) if attr == "IS_SPACE" else isinstance(value, str):
            tests.append(_Test(attr, "==", value))
        else:
            raise Unsupported(f"value {value!r} of {attr}")
    return tuple(tests)


def _fits(tests: tuple[_Test, ...], features: dict[str, object]) -> bool:
    return all(t.holds(features) for t in tests)


_ANCHORS = ("LOWER", "ORTH", "TEXT", "TAG", "DEP")  # most selective first


class _Index:
    """Which of some items' token tests a token can pass: each item is filed under the values
    one of its equality or ``IN`` tests asks for (a word, else a tag, else a label); items with
    neither are always candidates. ``candidates`` keeps the items' order."""

    def __init__(self, items: list[tuple[object, tuple[_Test, ...]]]) -> None:
        self._always: list[tuple[int, object]] = []
        self._filed: dict[tuple[str, object], list[tuple[int, object]]] = {}
        self._attrs: set[str] = set()
        for position, (item, tests) in enumerate(items):
            usable = [t for t in tests if t.attr in _ANCHORS and t.op in ("==", "IN")]
            if not usable:
                self._always.append((position, item))
                continue
            test = min(usable, key=lambda t: _ANCHORS.index(t.attr))
            self._attrs.add(test.attr)
            for value in (test.value,) if test.op == "==" else test.value:
                self._filed.setdefault((test.attr, value), []).append((position, item))

    def candidates(self, features: dict[str, object]) -> list:
        found = list(self._always)
        for attr in self._attrs:
            found += self._filed.get((attr, features[attr]), ())
        return [item for _, item in sorted(found, key=lambda pair: pair[0])]


@dataclass(frozen=True, slots=True)
class _Pattern:
    number: int  # the ruler's order: a higher number's values win
    tokens: tuple[tuple[_Test, ...], ...]
    target: int  # which of the tokens gets the values
    values: tuple[tuple[int, int], ...]  # (column in SET_COLUMNS, value)


def _compile_ruler(ruler) -> tuple[list[_Pattern], list[_Pattern]]:
    """The ruler's patterns, split into those of one token and those of several."""
    single: list[_Pattern] = []
    multi: list[_Pattern] = []
    for number, (entry, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
        if any(attr not in _SET_INDEX for attr in attrs):
            raise Unsupported(f"ruler sets {sorted(attrs)}")
        values = tuple(sorted((_SET_INDEX[attr], int(value)) for attr, value in attrs.items()))
        for alternative in entry["patterns"]:
            tokens = tuple(_compile_token(spec) for spec in alternative)
            index = entry["index"] if entry["index"] >= 0 else len(tokens) + entry["index"]
            if not tokens or not 0 <= index < len(tokens):
                raise Unsupported(f"pattern {number}'s index {entry['index']}")
            (single if len(tokens) == 1 else multi).append(_Pattern(number, tokens, index, values))
    return single, multi


@dataclass(slots=True)
class _Outcome:
    """Both components' work on one kind of token: the values they leave (TAG, DEP, POS, MORPH,
    LEMMA), the ruler's alone, the one-token patterns it matched, and which (multi-token
    pattern, position) tests it passes."""
    values: tuple[int, ...]
    ruled: tuple[int, ...]
    matched: tuple[_Pattern, ...]
    fits: frozenset[tuple[int, int]]


class TokenAttributes:
    """Sets what ``attribute_ruler`` and then ``lemmatizer`` would set, document by document.
    Shared by threads: the memos only grow, with values that depend on their keys alone.

    Three memos: a token's outcome by (ORTH, TAG, DEP and the values already set); on a miss,
    the ruler's by the same key with the word reduced to what the patterns can tell of it
    (most words are named by none: they all look alike), and the lemma by (ORTH, POS, MORPH)."""

    def __init__(self, ruler, lemmatizer) -> None:
        if getattr(lemmatizer, "mode", None) not in ("rule", "lookup"):
            raise Unsupported(f"lemmatizer mode {getattr(lemmatizer, 'mode', None)!r}")
        self.vocab = ruler.vocab
        self.single, self.multi = _compile_ruler(ruler)
        self.single_index = _Index([(p, p.tokens[0]) for p in self.single])
        self.multi_index = _Index([((n, j), tests) for n, p in enumerate(self.multi) for j, tests in enumerate(p.tokens)])
        tests = [t for p in (*self.single, *self.multi) for tokens in p.tokens for t in tokens if t.attr in _LEXICAL]
        self._named = frozenset(w for t in tests if t.op != "REGEX" for w in ((t.value,) if t.op == "==" else t.value))
        self._regexes = tuple(dict.fromkeys(t for t in tests if t.op == "REGEX"))
        self.lemmatizer = _indexed_copy(lemmatizer)
        self._outcomes: dict[tuple[int, ...], _Outcome] = {}
        self._ruled: dict[tuple, tuple[tuple[int, ...], tuple[_Pattern, ...], frozenset]] = {}
        self._words: dict[int, tuple] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    @classmethod
    def for_pipeline(cls, nlp) -> TokenAttributes | None:
        """The stand-in for ``nlp``'s last two components when they are an attribute ruler then
        a lemmatizer that it reproduces exactly; else None (run spaCy's)."""
        if nlp.pipe_names[-2:] != [RULER, LEMMATIZER]:
            return None
        try:
            return cls(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))
        except Unsupported:
            return None

    def pipe(self, docs: Iterable) -> Iterator:
        for doc in docs:
            yield self(doc)

    def __call__(self, doc):
        if len(doc) == 0:
            return doc
        keys = [tuple(key) for key in doc.to_array(list(KEY_COLUMNS)).tolist()]
        known = self._outcomes.get
        outcomes = [known(key) or self._first(key, doc, i) for i, key in enumerate(keys)]
        values = [o.values for o in outcomes]
        if self.multi and any(o.fits for o in outcomes):
            for i, extra in self._multi_matches(outcomes).items():
                ruled = self._apply(keys[i][1:], sorted([*outcomes[i].matched, *extra], key=lambda p: p.number))
                values[i] = self._with_lemma(doc, i, keys[i][0], ruled)
        doc.from_array(list(SET_COLUMNS), numpy.array(values, dtype=numpy.uint64))
        return doc

    def _first(self, key: tuple[int, ...], doc, i: int) -> _Outcome:
        """The outcome for a token of a kind not seen before."""
        token = doc[i]
        word = self._words.get(key[0])
        if word is None:
            word = self._words[key[0]] = self._lexical(token)
        rule_key = (word, *key[1:])
        ruled = self._ruled.get(rule_key)
        if ruled is None:
            features = {"LOWER": word[0], "ORTH": word[1], "TEXT": word[1], "IS_SPACE": word[2],
                        **dict(zip(self._regexes, word[3:], strict=True)), "TAG": token.tag_, "DEP": token.dep_}
            matched = tuple(p for p in self.single_index.candidates(features) if _fits(p.tokens[0], features))
            fits = frozenset((n, j) for n, j in self.multi_index.candidates(features)
                             if _fits(self.multi[n].tokens[j], features))
            ruled = self._ruled[rule_key] = (self._apply(key[1:], matched), matched, fits)
        outcome = _Outcome(self._with_lemma(doc, i, key[0], ruled[0]), *ruled)
        self._outcomes[key] = outcome
        return outcome

    def _lexical(self, token) -> tuple:
        """What the patterns can tell of a word: its lower case and its text where a pattern
        names them (else None), whether it is whitespace, and each regular expression's verdict."""
        lower, text = token.lower_, token.text
        return (lower if lower in self._named else None, text if text in self._named else None, token.is_space,
                *(t.value.search(lower if t.attr == "LOWER" else text) is not None for t in self._regexes))

    def _with_lemma(self, doc, i: int, orth: int, ruled: tuple[int, ...]) -> tuple[int, ...]:
        """``ruled`` with the lemmatizer's lemma where the ruler set none (every lemma, when
        the lemmatizer overwrites), memoised by (ORTH, POS, MORPH) as its own cache is."""
        lemma_col, pos, morph = _SET_INDEX[LEMMA], ruled[_SET_INDEX[POS]], ruled[_SET_INDEX[MORPH]]
        if ruled[lemma_col] != 0 and not self.lemmatizer.overwrite:
            return ruled
        lemma = self._lemmas.get((orth, pos, morph))
        if lemma is None:
            token = doc[i]  # the lemmatizer reads the token: give it the ruler's values first
            token.pos, token.tag, token.dep = pos, ruled[_SET_INDEX[TAG]], ruled[_SET_INDEX[DEP]]
            token.set_morph(morph or None)
            lemma = self._lemmas[(orth, pos, morph)] = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
        return (*ruled[:lemma_col], lemma, *ruled[lemma_col + 1:])

    @staticmethod
    def _apply(before: tuple[int, ...], patterns: Iterable[_Pattern]) -> tuple[int, ...]:
        """The values after ``patterns`` (in the ruler's order) set theirs on ``before``
        (TAG, DEP, POS, MORPH, LEMMA)."""
        values = list(before)
        for p in patterns:
            for column, value in p.values:
                values[column] = value
        return tuple(values)

    def _multi_matches(self, outcomes: list[_Outcome]) -> dict[int, list[_Pattern]]:
        """Token index -> the multi-token patterns whose match puts their values there."""
        extra: dict[int, list[_Pattern]] = {}
        for start, first in enumerate(outcomes):
            if not first.fits:
                continue
            for n, p in enumerate(self.multi):
                end = start + len(p.tokens)
                if end <= len(outcomes) and all((n, j) in outcomes[start + j].fits for j in range(len(p.tokens))):
                    extra.setdefault(start + p.target, []).append(p)
        return extra


def _indexed_copy(lemmatizer):
    """A private lemmatizer of the same class, mode and tables, except that the rule mode's
    ``lemma_index`` lists (57,528 nouns, read with ``in`` for every form a rule makes) are
    sets: the same answers, without the linear scans. The pipeline's own is left as it was."""
    if lemmatizer.mode != "rule" or not lemmatizer.lookups.has_table("lemma_index"):
        return lemmatizer
    from spacy.lookups import Lookups

    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        copy = lookups.add_table(name)
        for key, value in table.items():  # keys are already hashes: Table keeps them
            copy[key] = frozenset(value) if name == "lemma_index" else value
    private = type(lemmatizer)(lemmatizer.vocab, None, lemmatizer.name, mode=lemmatizer.mode,
                               overwrite=lemmatizer.overwrite)
    private.initialize(lookups=lookups)
    return private
