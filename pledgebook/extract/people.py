"""Who stands for whom: people named in a document mapped to the country they speak for.

Two sources: the dated leaders list (codebook) and the document's own introductions
("Prime Minister Narendra Modi of India", "Pakistani Prime Minister Kakar").
"""

from __future__ import annotations

import functools
import re

from pledgebook.codebook import Codebook
from pledgebook.codebook.documents import LeaderBook

_NAME = r"(?:[A-Z][\w’'.-]+|al|bin|ul|de|da|von|der|van|el)"


@functools.lru_cache(maxsize=64)
def _listed(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the names (longest first), compiled once per set of terms in force."""
    return re.compile("|".join(re.escape(n) for n in names) + r"(?!\w)")


class PeopleMap:
    def __init__(self, text: str, doc_date: str | None, lookup_country, issuer: str | None = None,
                 book: LeaderBook | None = None) -> None:
        """``lookup_country(phrase) -> code | None`` resolves a country name or demonym; ``book``
        is the codebook's leaders.yaml (the bundled one by default)."""
        book = book or Codebook.load().leaders
        leaders, titles = book.leaders, book.titles
        self._names: dict[str, str] = {}
        self._titles: dict[str, set[str]] = {}
        self._issuer = issuer
        # a name stands for the one code it has in the document's time (every term when the
        # document has no date); a name that then stands for two codes (Tusk: POL, then EU)
        # names nobody
        ambiguous: set[str] = set()
        for leader in leaders:
            if doc_date is None or leader.start <= doc_date[:10] <= leader.end:
                for name in leader.names:
                    if self._names.setdefault(name, leader.code) != leader.code:
                        ambiguous.add(name)
        for name in ambiguous:
            del self._names[name]
        title_re = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        intro = re.compile(
            rf"(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<title>{title_re})\s+(?:of\s+(?:the\s+)?(?P<c1>[A-Z][\w ]{{2,40}}?)\s+)?"
            rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,4}}?)(?:,?\s+of\s+(?:the\s+)?(?P<c2>[A-Z][\w]+(?:\s+[A-Z][\w]+){{0,3}}))?(?=[\s,.;:’'])"
        )
        # a title and the capitalised word after it: "President Hichilema" (not "the President of")
        self._titled = re.compile(rf"(?<!\w)(?:{title_re})\s+([A-Z][\w’'-]+)")
        self._title_words = frozenset(w for t in titles for w in re.split(r"[\s-]+", t))  # "Secretary General": no name
        flat = re.sub(r"\s+", " ", text)
        # a listed name right after the title, however long ("President Joseph R. Biden"): the
        # lazy name group above holds its first word only
        listed = _listed(tuple(sorted(self._names, key=lambda n: (-len(n), n)))) if self._names else None
        for m in intro.finditer(flat):
            code = None
            for group in ("c2", "c1", "adj"):
                if m.group(group):
                    code = lookup_country(m.group(group).strip())
                    if code:
                        break
            name = m.group("name").strip()
            full = listed.match(flat, m.start("name")) if listed and code is None else None
            if full:
                name, code = full.group(0), self._names[full.group(0)]
            if code is None:
                code = self._names.get(name) or self._names.get(name.split()[-1])
            if code is None:
                continue
            title = m.group("title")
            self._titles.setdefault(title.lower(), set()).add(code)
            self._names.setdefault(name, code)
            parts = name.split()
            if len(parts) > 1:
                self._names.setdefault(parts[-1], code)
        self._ordered = sorted(self._names, key=len, reverse=True)

    def names_someone(self, phrase: str) -> bool:
        """Does the phrase contain a person's full name known to this document?"""
        return any(" " in name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase) for name in self._ordered)

    def named(self, phrase: str) -> list[str]:
        """Codes of the people the phrase names (no title or office fallback)."""
        codes: list[str] = []
        for name in self._ordered:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase):
                if self._names[name] not in codes:
                    codes.append(self._names[name])
                phrase = phrase.replace(name, " ")
        return codes

    def resolve(self, phrase: str) -> list[str]:
        codes: list[str] = []
        for name in self._ordered:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase):
                code = self._names[name]
                if code not in codes:
                    codes.append(code)
                phrase = phrase.replace(name, " ")
        if codes:
            return codes
        if self._names_a_stranger(phrase):
            return []  # "President Hakainde Hichilema": someone this document does not map, not the one President it knows
        low = phrase.lower()
        for title, holders in self._titles.items():
            if re.search(rf"\b{re.escape(title)}\b", low) and len(holders) == 1:
                return sorted(holders)
        if self._issuer and re.search(r"\b(?:the\s+)?(?:president|administration|secretary)\b", low):
            return [self._issuer]
        return []

    def _names_a_stranger(self, phrase: str) -> bool:
        """Whether ``phrase`` gives a title a name that no person this document knows bears
        ("President Hakainde Hichilema" where only President Putin is known; not "President Xi"
        where "Xi Jinping" is)."""
        known = None
        for m in self._titled.finditer(phrase):
            if known is None:
                known = {w for name in self._names for w in name.split()}
            if m.group(1) not in known and m.group(1) not in self._title_words:
                return True
        return False
