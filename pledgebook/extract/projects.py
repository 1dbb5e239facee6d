"""Named projects with a lower-case head, as news writes them: a proper modifier (a place, a
proper name, a route "X-Y") and a head from the codebook (entities.yaml,
discovery.lowercase_projects): "the Akkuyu nuclear plant", "Hambantota port", "the Jakarta-Bandung
HSR". The name is the modifier and the head's class ("Akkuyu nuclear power plant"), so every
spelling of one project gives one name and its statements bond."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pledgebook.codebook.entities import DiscoveryRules
from pledgebook.extract.names import Name

_DASH = r"[-–‐]"
_PART = r"(?:[A-Z]\.)+|[A-Z][\w’']*"  # a capitalised word or an initialism; no full stop ends a sentence
_WORD = rf"(?:{_PART})(?:{_DASH}(?:{_PART}))*"  # "Jakarta-Bandung", "Mombasa–Nairobi"
# Up to three capitalised words right before the head, not glued to a word or a dash before them.
_MODIFIER = re.compile(rf"(?<![\w’'.\-–‐])({_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+$")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'.\-–‐]*[ \t]+$")
_POSSESSIVE = re.compile(r"['’]s?$")
_MEASURE = re.compile(r"\d[ \t]*$")
_FOLLOWER = re.compile(r"[ \t]+([a-z]+)")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\[]|\n)\s*$")


class LowercaseProjects:
    """``find(text)`` yields project names; ``canonical(name)`` renames a discovered name whose
    last words are a head phrase ("Akkuyu Nuclear Plant" -> "Akkuyu nuclear power plant").

    ``is_nation(word)``: a country, a demonym or a group (never a project's modifier);
    ``is_city(name)``: a capital or a large city (names a port, not a railway)."""

    def __init__(self, rules: DiscoveryRules, is_nation: Callable[[str], bool], is_city: Callable[[str], bool]) -> None:
        self.rules = rules
        self.is_nation = is_nation
        self.is_city = is_city
        self.heads = {_key(p): c for p, c in rules.project_heads.items()}
        lower = [p for p in rules.project_heads if p == p.lower()]
        caps = [p for p in rules.project_heads if p != p.lower()]
        # longest first; a plural head is generic ("Chinese ports"), so no "s" may follow
        alternatives = [_pattern(p) for p in sorted(lower, key=len, reverse=True)]
        alternatives += [re.escape(p) for p in sorted(caps, key=len, reverse=True)]
        self._head = re.compile(rf"(?<=[ \t])(?:{'|'.join(alternatives)})(?![\w\-–‐])") if alternatives else None
        self._tail = re.compile(rf"(?:^|[ \t])({'|'.join(alternatives)})$", re.IGNORECASE) if alternatives else None

    def find(self, text: str) -> Iterator[Name]:
        if self._head is None:
            return
        for head in self._head.finditer(text):
            follower = _FOLLOWER.match(text, head.end())
            if follower and follower.group(1) in self.rules.project_followers:
                continue  # "the Mombasa port authority"
            words = self._modifier(text, head.start())
            if not words:
                continue
            cls = self.heads[_key(head.group())]
            if not self._names_project(words, cls, text):
                continue
            start = words[0][1]
            yield Name(start, head.end(), f"{_joined(words)} {cls}", "project")

    def names_other(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]``, a bare head phrase ("standard gauge railway", "SGR"),
        is led by a proper modifier of its own that names a project: "the Naivasha–Kisumu
        standard gauge railway" is an extension, not the line a gazetteer lists as "the SGR"."""
        cls = self.heads.get(_key(text[start:end])) or self.heads.get(_key(text[start:end].lower()))
        if cls is None:
            return False
        words = self._modifier(text, start)
        return bool(words) and self._names_project(words, cls, text)

    def canonical(self, name: str) -> str:
        """A discovered name ending in a head phrase, as modifier and head class."""
        if self._tail is None or (m := self._tail.search(name)) is None or m.start(1) == 0:
            return name
        head = m.group(1)
        cls = self.heads.get(_key(head)) or self.heads.get(_key(head.lower()))
        if cls is None:
            return name
        if _key(cls) == _key(head.lower()):
            cls = head  # "Zorbia Canal" keeps its capitals (the linker compares names case-folded)
        modifier = name[: m.start(1)].split()
        return f"{' '.join(re.sub(_DASH, '–', w) for w in modifier)} {cls}"

    def _modifier(self, text: str, head_start: int) -> list[tuple[str, int]]:
        """The capitalised words right before the head, less a possessor ("China's Hambantota
        port") and leading stopwords ("The"); none if a longer capitalised run stands there."""
        m = _MODIFIER.search(text, max(0, head_start - 80), head_start)
        if m is None or _MEASURE.search(text, max(0, m.start(1) - 20), m.start(1)):
            return []  # "a 600 MW coal plant": a unit, not a name
        words = [(w.group(), w.start() + m.start(1)) for w in re.finditer(r"\S+", m.group(1))]
        if len(words) == 3 and _CAPITAL_BEFORE.search(text, max(0, words[0][1] - 40), words[0][1]):
            return []  # a run of four or more capitalised words is a title or a name of its own
        owner = max((i for i, (w, _) in enumerate(words) if _POSSESSIVE.search(w)), default=-1)
        words = words[owner + 1 :]
        stop = self.rules.leading_stopwords | self.rules.months | self.rules.project_not_modifiers
        while words and words[0][0].lower().rstrip(".") in stop:
            if _SENTENCE_END.search(text, max(0, words[0][1] - 40), words[0][1]) is None:
                return []  # "President Smith port": a title inside a sentence stands before a person
            words = words[1:]
        if any(w.lower().rstrip(".") in stop for w, _ in words):
            return []  # "Monday", "President X": not a place or a project's name
        return words

    def _names_project(self, words: list[tuple[str, int]], cls: str, text: str) -> bool:
        """Conservative: no country or demonym anywhere ("the Indian railway", "China-Laos
        railway"); a single city names a site ("Mombasa port") but not a route ("the Nairobi
        railway"); a lone word opening a sentence may be an ordinary word ("New nuclear plant")."""
        parts = [p for w, _ in words for p in re.split(_DASH, w) if p]
        if any(self.is_nation(p) for p in parts) or self.is_nation(_joined(words)):
            return False
        route = len(parts) >= 2 and any(re.search(_DASH, w) for w, _ in words)
        single = _joined(words).replace("–", "-")
        if not route and cls in self.rules.project_routes and self.is_city(single):
            return False
        at_start = _SENTENCE_END.search(text, max(0, words[0][1] - 40), words[0][1]) is not None
        return not (at_start and len(words) == 1 and not route and not self.is_city(single))


def _pattern(phrase: str) -> str:
    """A lower-case head phrase, its spaces and hyphens interchangeable."""
    return r"[ \t\-–‐]+".join(re.escape(w) for w in re.split(r"[ \-]+", phrase))


def _key(phrase: str) -> str:
    return " ".join(re.split(r"[ \t\-–‐]+", phrase))


def _joined(words: list[tuple[str, int]]) -> str:
    return " ".join(re.sub(_DASH, "–", w) for w, _ in words)
