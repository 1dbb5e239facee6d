"""Document-level project anaphora. A news report names its project once or twice ("the Akkuyu
nuclear power plant") and then writes "the plant", "the nuclear plant", "the $20 billion project",
"the line", "the deal". A statement that names no project but holds such a definite generic head
is about the most salient compatible project named before it in the document.

Compatible: the head's class (codebook: discovery.project_anaphora) is one of the project's
classes, read from the last words of its names and aliases and from the words right after its
mentions ("TurkStream pipeline", "the S-400 air defence systems"); "the project" and "the deal"
fit every project. Salient: most mentions so far, a mention in the headline or lead counting
double; a tie goes to the latest mentioned.

The entity is grounded on the anaphor's own words: ``start``/``end``/``surface`` are those of
"the plant" in the statement, ``name`` and ``kind`` the antecedent's, ``source`` "anaphora".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pledgebook.codebook.entities import ANY_PROJECT, DiscoveryRules, GazetteerEntry
from pledgebook.core.data import EntityMention

# Words that never modify a head inside one noun phrase: "the agreement on line 2" is no anaphor.
_FUNCTION_WORDS = frozenset(
    "of on in for to and or with by at from as into over under about between than that which who "
    "is was are were be been being will would shall should can could may might must has have had "
    "a an the this that these those its their his her our your it they he she we".split())
# "$20", "5.5", "RM55", "nuclear", "high-speed", an amount in brackets "(US$13 billion)"
_MODIFIER = r"(?:[A-Z]{0,3}\$?\d[\d.,]*|[a-z][a-z’'\-]*|\([^()\n]{1,30}\))"
_WORDS_AFTER = re.compile(r"[ \t]+([A-Za-z][\w’'\-]*)")
_SPLIT = re.compile(r"[ \t\-–‐]+")
_ANOTHER = "another project"  # a generic head after "a second plant": not a project named before


@dataclass(frozen=True, slots=True)
class _Project:
    name: str
    classes: frozenset[str]
    mentions: int
    lead: int
    last: int

    @property
    def salience(self) -> tuple[int, int]:
        return self.mentions + self.lead, self.last


class ProjectAnaphora:
    """Built once from the discovery rules and the gazetteer; holds no document's state."""

    def __init__(self, rules: DiscoveryRules, gazetteer: Iterable[GazetteerEntry]) -> None:
        self.heads = {_key(h): c for h, c in rules.anaphora_heads.items()}
        self.not_modifiers = rules.anaphora_not_modifiers
        self.followers = rules.project_followers
        self.lead_chars = rules.anaphora_lead_chars
        self.aliases = {e.name: e.all_names for e in gazetteer}
        lower = sorted((h for h in rules.anaphora_heads if not h.isupper()), key=len, reverse=True)
        caps = sorted((h for h in rules.anaphora_heads if h.isupper()), key=len, reverse=True)
        heads = [_pattern(h) for h in lower + caps]
        self._anaphor = (re.compile(rf"(?<![\w’'])(?:[Tt]he|[Tt]his|[Tt]hat)[ \t]+((?:{_MODIFIER}[ \t]+){{0,3}}?)"
                                    rf"({'|'.join(heads)})(?![\w\-–‐])") if heads else None)
        specific = [_pattern(h) for h in lower + caps if rules.anaphora_heads[h] != ANY_PROJECT]
        # "NPP units will be put into operation": an abbreviated head needs no determiner (not after a name)
        self._bare = (re.compile(rf"(?<![\w’'\-–‐])({'|'.join(_pattern(h) for h in caps)})(?![\w\-–‐])")
                      if caps else None)
        # "Turkey's first nuclear plant", "a new railway": a specific head introduced without "the"
        self._introduced = (re.compile(rf"(?<![\w’'])([Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w\-]*[’']s)[ \t]+"
                                       rf"((?:{_MODIFIER}[ \t]+){{0,3}}?)({'|'.join(specific)})(?![\w\-–‐])")
                            if specific else None)

    def anaphor(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The first definite generic head in ``text[start:end]``: (start, end, class)."""
        pos = start
        while self._anaphor is not None and (m := self._anaphor.search(text, pos, end)) is not None:
            pos = m.start() + 1  # "that the plant": a rejected match may hide one inside it
            modifiers = m.group(1).split()
            if any(w in _FUNCTION_WORDS or w in self.not_modifiers for w in modifiers):
                continue  # "the agreement on the line" is found from its own "the"
            after = _WORDS_AFTER.match(text, m.end())
            if after and (after.group(1) in self.followers or after.group(1) in ("of", "for")):
                continue  # "the port authority", "the project of ...": not the project itself
            cls = self.heads[_key(m.group(2))]
            if cls == ANY_PROJECT:
                cls = self._introduced_class(text, start, m.start(), m.end()) or cls
                if cls == _ANOTHER:
                    return None
            return m.start(), m.end(), cls
        return None

    def _introduced_class(self, text: str, start: int, end: int, after: int) -> str | None:
        """"On plans to build Turkey's first nuclear plant ..., the first phase of the project":
        a generic head after a specific one the statement introduces without "the" (a
        possessive, "its", "a") is that kind of project; after "a second plant" or "a rival
        line" it is that other project (``_ANOTHER``: no antecedent named before). None when
        the statement introduces no such head, or heads of two classes."""
        classes = set()
        while self._introduced is not None and (m := self._introduced.search(text, start, end)) is not None:
            start = m.end()
            follower = _WORDS_AFTER.match(text, m.end(), after)
            if follower and follower.group(1) in self.followers:
                continue  # "a port authority"
            other = any(w in self.not_modifiers for w in m.group(2).split()) and m.group(1).lower() in ("a", "an")
            classes.add(_ANOTHER if other else self.heads[_key(m.group(3))])
        return classes.pop() if len(classes) == 1 else None

    def resolve(self, names: list[EntityMention], text: str, start: int, end: int,
                body_start: int = 0) -> EntityMention | None:
        """The project that a definite head in ``text[start:end]`` refers to, among ``names``
        (every name the document holds, in text order), grounded on the anaphor's words."""
        found = self.anaphor(text, start, end)
        return None if found is None else self.antecedent(names, text, found, start, body_start)

    def antecedent(self, names: list[EntityMention], text: str, anaphor: tuple[int, int, str], before: int,
                   body_start: int = 0) -> EntityMention | None:
        """The most salient project compatible with ``anaphor`` (``anaphor()``'s result) named
        before offset ``before``, as a mention grounded on the anaphor's words."""
        a_start, a_end, cls = anaphor
        candidates = [p for p in self.projects(names, text, before, body_start)
                      if cls == ANY_PROJECT or cls in p.classes]
        if not candidates:
            return self.only(names, text, anaphor, body_start)
        best = max(candidates, key=lambda p: p.salience)
        return EntityMention(name=best.name, kind="project", start=a_start, end=a_end,
                             surface=text[a_start:a_end], source="anaphora")

    def only(self, names: list[EntityMention], text: str, head: tuple[int, int, str],
             body_start: int = 0) -> EntityMention | None:
        """"the first high-speed railway" in the lead, the line named by its route only later;
        "Indonesia's first high-speed railway": a head of a specific class is the one project of
        that class the document names anywhere, when it names exactly one."""
        h_start, h_end, cls = head
        if cls in (ANY_PROJECT, _ANOTHER):
            return None
        candidates = [p for p in self.projects(names, text, len(text), body_start) if cls in p.classes]
        if len(candidates) != 1:
            return None
        return EntityMention(name=candidates[0].name, kind="project", start=h_start, end=h_end,
                             surface=text[h_start:h_end], source="anaphora")

    def introduced(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The first specific head in ``text[start:end]`` introduced without "the" ("India's
        bullet train", "a high-speed rail project"): (start, end, class); not "a second plant"."""
        pos = start
        while self._introduced is not None and (m := self._introduced.search(text, pos, end)) is not None:
            pos = m.end()
            follower = _WORDS_AFTER.match(text, m.end(), end)
            if follower and follower.group(1) in self.followers:
                continue
            if any(w in self.not_modifiers or w in _FUNCTION_WORDS for w in m.group(2).split()):
                continue
            return m.start(3), m.end(3), self.heads[_key(m.group(3))]
        pos = start
        while self._bare is not None and (m := self._bare.search(text, pos, end)) is not None:
            pos = m.end()
            before = text[max(start, m.start() - 40) : m.start()].split()
            if not before or not before[-1][:1].isupper() or before[-1] in ("The", "A", "An", "Its"):
                return m.start(1), m.end(1), self.heads[_key(m.group(1))]
        return None

    def classes(self, names: Iterable[str]) -> frozenset[str]:
        """The head classes that names end in ("Akkuyu nuclear power plant": power plant)."""
        out = set()
        for name in names:
            words = _SPLIT.split(name.strip().lower())
            for n in range(1, min(4, len(words)) + 1):
                cls = self.heads.get(" ".join(words[-n:]))
                if cls is not None and cls != ANY_PROJECT:
                    out.add(cls)
        return frozenset(out)

    def projects(self, names: list[EntityMention], text: str, before: int, body_start: int) -> list[_Project]:
        """The projects named before offset ``before``, with their classes and salience."""
        seen: dict[str, list[EntityMention]] = {}
        for m in names:
            if m.kind == "project" and m.end <= before:
                seen.setdefault(m.name, []).append(m)
        lead_end = body_start + self.lead_chars
        out = []
        for name, mentions in seen.items():
            spellings = {name, *self.aliases.get(name, ()), *(m.surface for m in mentions)}
            spellings |= {f"{m.surface} {w}" for m in mentions for w in self._words_after(text, m.end)}
            lead = sum(m.start < lead_end for m in mentions)
            out.append(_Project(name, self.classes(spellings), len(mentions), lead, max(m.start for m in mentions)))
        return out

    @staticmethod
    def _words_after(text: str, pos: int, most: int = 4) -> list[str]:
        """The words right after a mention, up to a function word: "natural gas pipeline"."""
        words: list[str] = []
        while len(words) < most and (m := _WORDS_AFTER.match(text, pos)) and m.group(1).lower() not in _FUNCTION_WORDS:
            words.append(m.group(1))
            pos = m.end()
        return [" ".join(words[:n]) for n in range(1, len(words) + 1)]


def _pattern(head: str) -> str:
    """A head as a pattern: "high-speed rail" also as "high speed rail"; capitals as written."""
    return re.escape(head) if head.isupper() else r"[ \t\-–‐]+".join(re.escape(w) for w in _SPLIT.split(head))


def _key(phrase: str) -> str:
    return " ".join(_SPLIT.split(phrase.lower()))
