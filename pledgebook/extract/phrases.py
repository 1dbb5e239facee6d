"""Fast matching of many known phrases (aliases, keywords) in original text.

Phrases and text are compared word by word (a word is a run of ``\\w``), so word
boundaries come for free and the characters between two words of a phrase may be any
mix of whitespace (line wraps included, blank lines excluded), hyphens, dashes, dots,
apostrophes, ``&`` or ``+``: "D.I. Khan-Zhob" matches "D.I. Khan–Zhob", "Main Line-1"
matches "Main\\nLine 1". A word trie makes a scan linear in the text, whatever the number
of phrases. Spans index the text as given.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import NamedTuple

_WORD = re.compile(r"\w+")
_GAP = re.compile(r"[\s\-‐‑‒–—.'’&+]*")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# the same short text (a subject phrase, a statement) is scanned many times per document by the
# actor resolver and the sector classifier: such scans are remembered, whole documents are not
MEMO_CHARS, MEMO_TEXTS = 2000, 4096
MEMO_WORDS = 1 << 16  # words whose prefix verdict a matcher remembers


def words(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(phrase))


def is_acronym(phrase: str) -> bool:
    """Written in capitals (CPEC, ML-1, U.S.) or a single word with a capital inside (LeT, iCET):
    such a phrase matches only in that case ("LeT" is not "Let")."""
    if any(c.isupper() for c in phrase) and not any(c.islower() for c in phrase):
        return True
    return " " not in phrase.strip() and re.search(r"[a-z][A-Z]", phrase) is not None  # not "Indo-Pacific"


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    value: Hashable
    exact: tuple[str, ...] | None  # original-case words when the phrase is an acronym
    capital: bool  # the surface must start with a capital letter
    prefix: bool  # the last word is a prefix ("railway*")


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int
    end: int
    values: tuple[Hashable, ...]
    phrases: tuple[str, ...]


@dataclass(slots=True)
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    ends: list[Phrase] = field(default_factory=list)
    prefixes: dict[str, list[Phrase]] = field(default_factory=dict)


class _Token(NamedTuple):  # a tuple: made for every word of every text scanned, so cheap to make
    lower: str
    surface: str
    start: int
    end: int


_NEW_TOKEN = partial(tuple.__new__, _Token)  # what _Token._make does, without a Python call a word


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    """The words of ``text[start:end]`` with their offsets. (Each word is found again with
    ``str.find`` from the end of the one before: only non-word characters lie between, so its
    first occurrence there is the word itself; cheaper than a match object a word.)"""
    end = len(text) if end is None else end
    out: list[_Token] = []
    append, find, pos = out.append, text.find, start
    for word in _WORD.findall(text, start, end):
        pos = find(word, pos)
        stop = pos + len(word)
        append(_NEW_TOKEN((word.lower(), word, pos, stop)))
        pos = stop
    return out


_LAST_TOKENIZED: list[tuple[str, int, int | None, list[_Token]] | None] = [None]


def _tokens(text: str, start: int, end: int | None) -> list[_Token]:
    """``tokenize``, remembering the last long text: several matchers scan each whole document
    (the gazetteer, cities) one after the other. (One tuple, replaced whole: safe in threads.)"""
    last = _LAST_TOKENIZED[0]
    if last is not None and last[0] is text and last[1] == start and last[2] == end:
        return last[3]
    toks = tokenize(text, start, end)
    _LAST_TOKENIZED[0] = (text, start, end, toks)
    return toks


@lru_cache(maxsize=MEMO_TEXTS)
def _short_tokens(text: str) -> tuple[_Token, ...]:
    """``tokenize(text)`` of a short text, remembered for every matcher: the actor resolver's and
    the sector classifier's matchers scan the same subject phrases and statements one after the other."""
    return tuple(tokenize(text))


class _PrefixStarts:
    """Whether a word (lower case) starts with one of ``prefixes`` of the given ``lengths``: asked
    of every word a matcher with prefix phrases scans, so each word's answer is remembered
    (the memo is emptied when it grows large)."""

    def __init__(self, prefixes, lengths: list[int]) -> None:
        self._prefixes, self._lengths = prefixes, lengths
        self._verdicts: dict[str, bool] = {}

    def __call__(self, low: str) -> bool:
        verdict = self._verdicts.get(low)
        if verdict is None:
            if len(self._verdicts) >= MEMO_WORDS:
                self._verdicts.clear()
            prefixes = self._prefixes
            verdict = self._verdicts[low] = any(low[:n] in prefixes for n in self._lengths if n <= len(low))
        return verdict


class PhraseMatcher:
    """Longest-match, left-to-right, non-overlapping search for a set of phrases.

    ``capitalised``: the surface of a phrase written with an initial capital must start
    with a capital ("Turkey" is a country, "turkey" is not). ``prefix_star``: a trailing
    ``*`` on a phrase makes its last word a prefix.
    """

    def __init__(self, phrases: Iterable[tuple[str, Hashable]], *, capitalised: bool = False,
                 prefix_star: bool = False) -> None:
        self._root = _Node()
        self._prefix_lengths: set[int] = set()
        for text, value in phrases:
            self._add(text, value, capitalised, prefix_star)
        # whether a word may start a one-word prefix phrase ("railway*"); None when there are none
        self._starts_prefix = _PrefixStarts(self._root.prefixes, sorted(self._prefix_lengths)) \
            if self._root.prefixes else None
        self._remembered = lru_cache(maxsize=MEMO_TEXTS)(lambda text: tuple(self.find_tokens(text, _short_tokens(text))))

    def _add(self, text: str, value: Hashable, capitalised: bool, prefix_star: bool) -> None:
        prefix = prefix_star and text.endswith("*")
        body = text[:-1] if prefix else text
        toks = words(body)
        if not toks:
            return
        phrase = Phrase(
            text=body,
            value=value,
            exact=tuple(_WORD.findall(body)) if is_acronym(body) else None,
            capital=capitalised and body.lstrip()[:1].isupper(),
            prefix=prefix,
        )
        node = self._root
        for tok in toks[:-1] if prefix else toks:
            node = node.children.setdefault(tok, _Node())
        if prefix:
            node.prefixes.setdefault(toks[-1], []).append(phrase)
            self._prefix_lengths.add(len(toks[-1]))
        else:
            node.ends.append(phrase)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch]:
        if start == 0 and end is None and len(text) <= MEMO_CHARS:
            return list(self._remembered(text))  # a matcher's phrases never change: the same answer
        return self.find_tokens(text, _tokens(text, start, end))

    def find_tokens(self, text: str, toks: Sequence[_Token]) -> list[PhraseMatch]:
        out: list[PhraseMatch] = []
        first_words, starts_prefix = self._root.children, self._starts_prefix
        i = 0
        while i < len(toks):
            # most words start no phrase: skip them without walking the trie
            if toks[i].lower not in first_words and not (starts_prefix and starts_prefix(toks[i].lower)):
                i += 1
                continue
            hit = self._longest_at(text, toks, i)
            if hit is None:
                i += 1
                continue
            last, phrases = hit
            end = toks[last].end
            if any(p.text.endswith(".") for p in phrases) and text[end : end + 1] == ".":
                end += 1  # "U.S." keeps its final dot
            out.append(PhraseMatch(toks[i].start, end, tuple(dict.fromkeys(p.value for p in phrases)),
                                   tuple(p.text for p in phrases)))
            i = last + 1
        return out

    def _longest_at(self, text: str, toks: Sequence[_Token], i: int) -> tuple[int, list[Phrase]] | None:
        node = self._root
        best: tuple[int, list[Phrase]] | None = None
        j = i
        while j < len(toks):
            tok = toks[j]
            if j > i and not _joinable(text[toks[j - 1].end : tok.start]):
                break
            if node.prefixes:
                found = [p for n in self._prefix_lengths if n <= len(tok.lower)
                         for p in node.prefixes.get(tok.lower[:n], ())]
                ok = [p for p in found if _case_ok(p, toks, i, j)]
                if ok:
                    best = (j, ok)
            node = node.children.get(tok.lower)  # type: ignore[assignment]
            if node is None:
                break
            if node.ends:
                ok = [p for p in node.ends if _case_ok(p, toks, i, j)]
                if ok:
                    best = (j, ok)
            j += 1
        return best


def _joinable(gap: str) -> bool:
    return bool(gap) and _GAP.fullmatch(gap) is not None and _BLANK_LINE.search(gap) is None


def _case_ok(p: Phrase, toks: Sequence[_Token], i: int, j: int) -> bool:
    if p.exact is not None:
        return tuple(t.surface for t in toks[i : j + 1]) == p.exact
    if p.capital:
        return toks[i].surface[:1].isupper()
    return True
