"""One project, several spellings in one document: "the Akkuyu nuclear plant", "Akkuyu Power
Plant", "Akkuyu NPP" and "Akkuyu" alone. Names of projects with the same distinctive name (the
words before the head: "Akkuyu") and compatible heads (one class of discovery.project_anaphora:
a plant, a railway, a port ...) are one project; its name is the gazetteer's if one of them is
listed, else the longest. A bare distinctive name ("work at Akkuyu began") is that project too,
unless it is a place of its own (a country, a capital, a large city), stands after a project
head and a locative preposition ("a refinery in Hambantota" is where the refinery is, not the
port; "the operations at Akkuyu" are the plant's), or before a place noun ("the Hambantota
region"). Different
distinctive names stay apart: "Naivasha–Kisumu railway" is not "Mombasa–Nairobi railway"."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from pledgebook.codebook.entities import ANY_PROJECT, SEVERAL_PROJECTS, DiscoveryRules, without_accents

_SPLIT = re.compile(r"[\s\-–—‐‑]+")
_LOCATIVE = re.compile(r"\b(?:in|at|near|from|to|of|off|outside|around)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_ASIDE = r"\s*(?:\([^)]{1,20}\)\s*)?"  # "the Standard Gauge Railway (SGR) to Malaba"
_PLACE = r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)"
_ROUTE = re.compile(rf"{_ASIDE}(?:line\s+|section\s+|stretch\s+)?(?:from|between)\s+(?:the\s+)?{_PLACE}\s+(?:to|and)\s+(?:the\s+)?{_PLACE}")
_HEAD_WORD = re.compile(r"[^\W_]+")  # words, hyphens and dashes apart ("high-speed": "high", "speed")
_IN_LINE = re.compile(r"\bin line with\b", re.IGNORECASE)  # an idiom, not a railway line
_GLUED_ARTICLE = re.compile(r"^([A-Z][a-z])([A-Z][a-z]+)$")  # "ElDabaa": an article glued to a name
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w’'\-]*)")


class ProjectKey(NamedTuple):
    """What identifies a project across spellings: its distinctive name, folded (case,
    diacritics, hyphens and dashes, leading words such as "the"), and its head class ("power
    plant", "railway", "port"), None when the name ends in no head or a generic one ("project")."""

    name: str  # "dabaa", "naivasha kisumu"
    cls: str | None
    part: bool = False  # a part of a named project (its extension, a section): not what a bare head means

    def matches(self, other: ProjectKey | None) -> bool:
        """One project: the same distinctive name, and the same head class unless one has none
        ("Matarbari" is the port or the plant; "Matarbari port" is not "Matarbari power plant")."""
        return (other is not None and self.name == other.name
                and (self.cls == other.cls or self.cls is None or other.cls is None))


def fold(word: str) -> str:
    """Case- and diacritic-folded: "dabaa" for "Dabaá"."""
    return without_accents(word).casefold()


class ProjectKeys:
    """``key(name)``: a project name's ``ProjectKey``; the head classes are those of
    discovery.project_anaphora. Both the merging of spellings within a document
    (``ProjectVariants``) and the linker's project anchors across documents use it."""

    def __init__(self, rules: DiscoveryRules) -> None:
        self.heads = {" ".join(_SPLIT.split(h.lower())): None if c == ANY_PROJECT else c
                      for h, c in rules.anaphora_heads.items()}
        self.stopwords = rules.leading_stopwords
        self.other_modifiers = rules.anaphora_not_modifiers  # "second", "another": not the project named
        self.fillers = rules.key_fillers  # "development": "X Port Development Project" is the X port
        self.articles = rules.key_articles  # "el": "El Dabaa" is "Dabaa"
        self._longest = max((len(h.split()) for h in self.heads), default=0)
        self._starts = frozenset(h.split()[0] for h in self.heads) | frozenset(h.split()[0] + "s" for h in self.heads)

    def head_classes(self, text: str) -> frozenset[str]:
        """The classes of the project heads ``text`` uses ("the plant", "the bullet train",
        "NPP units": power plant, railway), not of another one ("a second plant", the word
        before in anaphora_not_modifiers); ANY_PROJECT for "the project", "the deal", SEVERAL_PROJECTS
        for "projects" (about many, not one: "a wide spectrum of projects"). Longest
        head first at each word ("nuclear power plant", not "plant")."""
        words = [w.lower() for w in _HEAD_WORD.findall(_IN_LINE.sub(" ", text))]
        found: set[str] = set()
        i = 0
        while i < len(words):
            if words[i] not in self._starts:
                i += 1
                continue
            for n in range(min(self._longest, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                plural = phrase not in self.heads and phrase.endswith("s")
                cls = self.heads.get(phrase, self.heads.get(phrase[:-1], "") if plural else "")
                if cls != "":
                    if not (i and words[i - 1] in self.other_modifiers):
                        found.add((SEVERAL_PROJECTS if plural else ANY_PROJECT) if cls is None else cls)
                    i += n - 1
                    break
            i += 1
        return frozenset(found)

    def part(self, key: ProjectKey, text: str, start: int, end: int, extension_words: Iterable[str]) -> ProjectKey:
        """The key of the part of project ``key`` that its mention at ``text[start:end]`` is about:
        "the extension of the SGR (to Malaba)" is the SGR's extension, a later undertaking than the
        line it extends; "the railway from Naivasha to Kisumu" the Naivasha–Kisumu section (unless
        those are the project's own end points). Else ``key`` itself: a phase ("phase 2 of the
        ECRL") stays the project (docs/threads.md: on the news dev set phases were as often one
        undertaking as two)."""
        words = "|".join(map(re.escape, extension_words))
        if words and (re.search(rf"\b(?:{words})\s+(?:of\s+)?(?:the\s+)?$", text[max(0, start - 40) : start], re.IGNORECASE)
                      or re.match(rf"{_ASIDE}(?:{words})\b", text[end:], re.IGNORECASE)):
            return ProjectKey(f"{key.name} extension", key.cls, part=True)
        route = _ROUTE.match(text[end:])
        if route:
            ends = [fold(w) for w in route.groups()]
            if not all(e in key.name.split() for e in ends):
                return ProjectKey(" ".join(ends), key.cls, part=True)
        return key

    def key(self, name: str) -> ProjectKey | None:
        """None for a name of no distinctive word ("the project"). A generic head lets a class head
        before it, past filler words, give the class ("Matarbari Port Development Project": the
        Matarbari port); a leading article of a transliterated name is dropped ("El-Dabaa",
        "ElDabaa": "dabaa")."""
        words = [w for w in _SPLIT.split(name.strip()) if w]
        distinctive, cls = self._strip_head(words)
        if cls is None and len(distinctive) < len(words):  # a generic head: a class head may stand before it
            rest = list(distinctive)
            while len(rest) > 1 and rest[-1].lower() in self.fillers:
                rest.pop()
            inner, inner_cls = self._strip_head(rest)
            distinctive, cls = (inner, inner_cls) if inner_cls is not None else (rest, None)  # "X mega project": X
        distinctive = self._without_article([w for w in distinctive if w.lower() not in self.stopwords])
        return ProjectKey(fold(" ".join(distinctive)), cls) if distinctive else None

    def _strip_head(self, words: list[str]) -> tuple[list[str], str | None]:
        """The words before the longest head at the end (one word at least is left), and its class."""
        for n in range(min(4, len(words) - 1), 0, -1):
            phrase = " ".join(words[-n:]).lower()
            if phrase in self.heads:
                return words[:-n], self.heads[phrase]
        return words, None

    def _without_article(self, words: list[str]) -> list[str]:
        if len(words) > 1 and words[0].lower() in self.articles:
            return words[1:]
        glued = _GLUED_ARTICLE.match(words[0]) if words else None
        if glued and glued.group(1).lower() in self.articles:
            return [glued.group(2), *words[1:]]
        return words


class Variant(NamedTuple):
    name: str
    modifier: str  # folded distinctive name: "akkuyu", "naivasha kisumu"
    cls: str


class ProjectVariants:
    """``renames(names)``: spelling -> the one name of its project; ``bare(text, ...)``: spans
    of a bare distinctive name standing for a project named in the text."""

    def __init__(self, rules: DiscoveryRules, is_place: Callable[[str], bool]) -> None:
        self.keys = ProjectKeys(rules)
        self.is_place = is_place
        self.stopwords = rules.leading_stopwords
        self.place_nouns = rules.place_nouns
        self.head_words = {h.split()[-1] for h, c in self.keys.heads.items() if c}  # "refinery", "plant", "port"

    def variant(self, name: str) -> Variant | None:
        """The distinctive name and head class of a project name, None if it ends in no head."""
        key = self.keys.key(name)
        return Variant(name, key.name, key.cls) if key is not None and key.cls is not None else None

    def renames(self, names: Iterable[tuple[str, bool]]) -> dict[str, str]:
        """``names``: (project name, listed in the gazetteer). Each spelling of a project that
        has another one in the document -> the project's one name."""
        groups: dict[tuple[str, str], list[tuple[str, bool]]] = {}
        for name, listed in dict.fromkeys(names):
            v = self.variant(name)
            if v is not None:
                groups.setdefault((v.modifier, v.cls), []).append((name, listed))
        out: dict[str, str] = {}
        for members in groups.values():
            if len({n for n, _ in members}) < 2:
                continue
            best = max(members, key=lambda m: (m[1], len(m[0])))[0]
            out.update((n, best) for n, _ in members if n != best)
        return out

    def _where(self, text: str, start: int, end: int) -> bool:
        """A bare name used for a place or inside a name: "a refinery in Hambantota" (a locative
        after a project head: where that project is), "the Hambantota region", "Akkuyu Nuclear"."""
        after = _NEXT_WORD.match(text, end)
        if after and (after.group(1)[0].isupper() or after.group(1).lower() in self.place_nouns):
            return True
        locative = _LOCATIVE.search(text[max(0, start - 60) : start])
        if locative is None:
            return False
        before = text[max(0, start - 60) : start][: locative.start()].split()
        return bool(before) and before[-1].lower().strip(",.") in self.head_words

    def bare(self, text: str, projects: Iterable[str], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """(start, end, project) for each bare one-word distinctive name of ``projects`` outside
        the ``taken`` spans: "Akkuyu" for "Akkuyu nuclear power plant"."""
        out = []
        variants = [v for v in map(self.variant, dict.fromkeys(projects)) if v is not None and " " not in v.modifier]
        owners: dict[str, set[str]] = {}
        for v in variants:
            owners.setdefault(v.modifier, set()).add(v.name)
        for v in variants:
            name = v.name
            if len(owners[v.modifier]) > 1:
                continue  # "Hambantota" with a port and a refinery named: which one is unknown
            word = next((w for w in _SPLIT.split(name) if fold(w) == v.modifier), None)
            if word is None or not word[:1].isupper() or self.is_place(word):
                continue
            for m in re.finditer(rf"(?<![\w’'\-–‐]){re.escape(word)}(?![\w’'\-–‐])", text):
                if any(s < m.end() and m.start() < e for s, e in taken) or self._where(text, m.start(), m.end()):
                    continue
                out.append((m.start(), m.end(), name))
        return out
