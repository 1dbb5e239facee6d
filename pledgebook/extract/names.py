"""Names that discovery by head word cannot see, each found by its own form (rules in
entities.yaml, discovery section): companies by a legal-form suffix ("Acme Robotics, Inc."),
ships by a naval prefix ("USS Quincy"), missions and systems by a designator ("Chandrayaan-3",
"S-400"), dialogue
formats by a "+" count ("C5+1", "P5+1"), and the names listed after a plural noun such as
"companies" ("U.S. firms, Acme, and Zenith Labs")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from pledgebook.codebook.entities import DiscoveryRules

_SEP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"  # spaces or one line break, as inside any name
_CAP = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w’'&\-]*)"  # a capitalised word or an initialism
_WORD = re.compile(_CAP)
_TAIL_NAME = re.compile(rf"(?<![\w’'.\-]){_CAP}(?:{_SEP}(?:{_CAP}|&)){{0,4}}$")
_LIST_ITEM = re.compile(rf"{_SEP}?({_CAP}(?:{_SEP}(?:{_CAP}|&)){{0,3}})")
_LIST_SEP = re.compile(rf",(?:{_SEP}(?:and|&))?|{_SEP}(?:and|&)(?={_SEP})")
_LIST_END = re.compile(r"[ \t]*(?:[.;:)\]]|\r?\n\s*\n|$)")
_POSSESSIVE = re.compile(r"['’]s$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MODEL_NUMBER = re.compile(r"\d{2,4}[A-Z]?")


class Name(NamedTuple):
    start: int
    end: int
    name: str
    kind: str


class FormNames:
    """``find(text)`` yields the names these forms give; ``is_actor`` rejects countries and groups."""

    def __init__(self, rules: DiscoveryRules, is_actor: Callable[[str], bool]) -> None:
        self.rules = rules
        self.is_actor = is_actor
        suffixes = "|".join(re.escape(s) for s in sorted(rules.corporate_suffixes, key=len, reverse=True))
        self._suffix = re.compile(rf"(?:,[ \t]*|{_SEP})(?:{suffixes})(?![\w])") if suffixes else None
        prefixes = "|".join(re.escape(p) for p in rules.vessel_prefixes)
        self._vessel = re.compile(rf"(?<![\w.])(?:{prefixes}){_SEP}({_CAP}(?:{_SEP}{_CAP}){{0,2}})") if prefixes else None
        cues = "|".join(re.escape(c) for c in sorted(rules.list_cues))
        self._cue = (re.compile(rf"\b(?:{cues}),?(?:{_SEP}(such{_SEP}as|including|like|namely))?(?=[ \t\r\n])")
                     if cues else None)
        self._designator = re.compile(r"(?<![\w\-–‐])([A-Z][a-z]*)-(?=[A-Z0-9]*\d)([A-Z0-9]{1,5})(?![\w\-–‐])")
        members = "|".join(re.escape(w) for w in sorted(rules.member_nouns))
        # "the C5+1 platform" names the format; "the C5+1 countries" its members
        self._format = re.compile(rf"(?<![\w+\-–‐])[A-Z][A-Za-z]*\d*\+\d+(?![\w+\-–‐])"
                                  + (rf"(?!{_SEP}(?:{members})\b)" if members else ""))

    def find(self, text: str) -> list[Name]:
        return [*self._companies(text), *self._vessels(text), *self._designators(text), *self._formats(text),
                *self._listed(text)]

    def _companies(self, text: str) -> Iterator[Name]:
        if self._suffix is None:
            return
        for m in self._suffix.finditer(text):
            before = _TAIL_NAME.search(text, max(0, m.start() - 120), m.start())
            words = self._name_words(before.group(0), before.start()) if before else []
            if words and not self.is_actor(_joined(words)):
                yield Name(words[0][1], m.end(), _joined(words), "institution")

    def _vessels(self, text: str) -> Iterator[Name]:
        if self._vessel is None:
            return
        for m in self._vessel.finditer(text):
            words = [(w.group(), w.start() + m.start(1)) for w in _WORD.finditer(m.group(1))]
            while words and words[-1][0].lower() in self.rules.leading_stopwords:
                words.pop()
            if words and words[0][0].lower() not in self.rules.leading_stopwords:
                end = words[-1][1] + len(words[-1][0])
                yield Name(m.start(), end, " ".join(text[m.start() : end].split()), "other")

    def _designators(self, text: str) -> Iterator[Name]:
        for m in self._designator.finditer(text):
            word, code = m.group(1), m.group(2)
            if word.lower() in self.rules.designator_exclusions or _YEAR.fullmatch(code):
                continue
            if len(word) == 1 and not _MODEL_NUMBER.fullmatch(code):
                continue  # "S-400", "F-35" name a system; "H-1B", "P-5" do not
            if self.is_actor(word) or self.is_actor(code) or self.is_actor(m.group()):
                continue  # "G-20", "Russia-1": a group or a country, not a mission
            yield Name(m.start(), m.end(), m.group(), "project")

    def _formats(self, text: str) -> Iterator[Name]:
        for m in self._format.finditer(text):
            yield Name(m.start(), m.end(), m.group(), "initiative")

    def _listed(self, text: str) -> Iterator[Name]:
        """Names listed after "companies", "firms" ...: two or more, or any after "such as"."""
        if self._cue is None:
            return
        for cue in self._cue.finditer(text):
            items, pos = [], cue.end()
            while (item := _LIST_ITEM.match(text, pos)) is not None:
                items.append((item.group(1), item.start(1)))
                pos = item.end()
                sep = _LIST_SEP.match(text, pos)
                if sep is None:
                    break
                pos = sep.end()
            if not items or _LIST_END.match(text, pos) is None or (len(items) < 2 and not cue.group(1)):
                continue  # the list runs on into ordinary words: not a list of names
            for surface, start in items:
                words = self._name_words(surface, start)
                if words and not self.is_actor(_joined(words)):
                    yield Name(words[0][1], words[-1][1] + len(words[-1][0]), _joined(words), "institution")

    def _name_words(self, surface: str, start: int) -> list[tuple[str, int]]:
        words = [(w.group(), w.start() + start) for w in re.finditer(r"\S+", surface)]
        owner = max((i for i, (w, _) in enumerate(words) if _POSSESSIVE.search(w)), default=-1)
        words = words[owner + 1 :]  # "India’s Acme Carbon Ltd": the possessor is not the company
        while words and (words[0][0].lower().rstrip(".") in self.rules.leading_stopwords or words[0][0] == "&"):
            words = words[1:]
        return words


def _joined(words: list[tuple[str, int]]) -> str:
    return " ".join(w for w, _ in words)
