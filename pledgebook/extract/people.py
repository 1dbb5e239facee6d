"""Who stands for whom: people named in a document mapped to the country they speak for.

Two sources: the dated leaders list (codebook) and the document's own introductions
("Prime Minister Narendra Modi of India", "Pakistani Prime Minister Kakar").
"""

from __future__ import annotations

import re

from pledgebook.codebook import Codebook
from pledgebook.codebook.documents import LeaderBook

_NAME = r"(?:[A-Z][\w’'.-]+|al|bin|ul|de|da|von|der|van|el)"
# a word of a name run that ends before "of <Country>": a capitalised word with no full stop in it
# (which would end the sentence: "President Roe. The Minister of Finance"), an initial ("R."), or
# a particle
_RUN_WORD = r"(?:[A-Z]\.|[A-Z][\w’'-]+|al|bin|ul|de|da|von|der|van|el)"
# a country's name after "of", with its own "of"s ("the Republic of Fiji", "the Federated States of
# Micronesia"); it may run on into the next line of a list of signatories ("Solomon Islands Prime ...")
_COUNTRY = r"[A-Z][\w]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w]+){0,4}"


def _country_named(words: str, lookup_country) -> str | None:
    """The country that ``words`` (a _COUNTRY match) name: the longest opening that is one ("the
    Republic of Fiji", "Solomon Islands" of "Solomon Islands Prime Minister"). Never a part after
    an "of": "the Organization of American States" names no country."""
    parts = words.split()
    for end in range(len(parts), 0, -1):
        code = lookup_country(" ".join(parts[:end]))
        if code:
            return code
    return None


def _introduced_country(m: re.Match[str], lookup_country) -> str | None:
    """The country an introduction names: after the name ("of the Republic of Fiji"), before it
    ("President of Kenya X"), or as an adjective ("Kenyan President X"). Not the adjective when the
    name's own "of" phrase names none: in a list of signatories that word may end the line before
    ("... of the Republic of Fiji President David ...")."""
    after = m.group("c2") or m.group("c3")
    if after:
        return _country_named(after, lookup_country)
    for group in ("c1", "adj"):
        if m.group(group) and (code := lookup_country(m.group(group).strip())):
            return code
    return None


# the people of a coordinated subject: "President Biden and Prime Minister Sudani", "A, B and C"
CONJUNCTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


class _Listed:
    """The longest of ``names`` that starts at a position and ends at a word's end: what one
    alternation of the names (longest first) followed by ``(?!\\w)`` matches there, without
    compiling one (a document's names in force differ with its date, and compiling their
    alternation took 3% of extraction's CPU time on joint statements)."""

    def __init__(self, names) -> None:
        self._names = frozenset(names)
        self._lengths = sorted({len(n) for n in self._names}, reverse=True)

    def match(self, text: str, start: int) -> str | None:
        for length in self._lengths:
            end = start + length
            if end <= len(text) and text[start:end] in self._names and not (
                    end < len(text) and (text[end].isalnum() or text[end] == "_")):
                return text[start:end]
        return None


def _word_at(name: str, phrase: str) -> bool:
    """Whether ``name`` occurs in ``phrase`` as a whole (no word character either side);
    the substring test first (most names are absent), the pattern only where it is present."""
    return name in phrase and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase) is not None


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
        heads = "|".join(re.escape(t) for t in sorted(book.head_titles, key=len, reverse=True))
        deputy = "".join(rf"(?<!{re.escape(d)}\s)(?<!{re.escape(d)}-)" for d in book.deputy_prefixes)
        self._heads = re.compile(rf"(?<![\w-]){deputy}(?:{heads})(?![\w-])") if heads else None
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
            # the whole name run up to "of <Country>" ("Prime Minister Jane Roe of New Zealand"),
            # else the name's first word (a listed full name is then read whole, below)
            # (the country read ahead, not taken: in a list of signatories the next title follows it)
            rf"(?:(?P<run>{_RUN_WORD}(?:\s+{_RUN_WORD}){{0,4}}?)(?=,?\s+of\s+(?:the\s+)?(?P<c2>{_COUNTRY}))"
            rf"|(?P<name>{_NAME}(?:\s+{_NAME}){{0,4}}?)(?=(?:,?\s+of\s+(?:the\s+)?(?P<c3>{_COUNTRY}))?))(?=[\s,.;:’'])"
        )
        # a title and the capitalised word after it: "President Hichilema" (not "the President of")
        self._titled = re.compile(rf"(?<!\w)(?:{title_re})\s+([A-Z][\w’'-]+)")
        self._title_words = frozenset(w for t in titles for w in re.split(r"[\s-]+", t))  # "Secretary General": no name
        flat = re.sub(r"\s+", " ", text)
        # a listed name right after the title, however long ("President Joseph R. Biden"): the
        # lazy name group above holds its first word only
        listed = _Listed(self._names) if self._names else None
        for m in intro.finditer(flat):
            self._introduce(m, flat, listed, lookup_country)
        if book.honorifics:
            self._apposed(flat, book.honorifics, title_re, lookup_country)
        self._ordered = sorted(self._names, key=len, reverse=True)

    def _apposed(self, flat: str, honorifics, title_re: str, lookup_country) -> None:
        """Register the people introduced by apposition after a word of courtesy ("His Excellency
        Obiang Nguema Mbasogo, President of the Republic of Equatorial Guinea"), listed or not: the
        whole name and its last word stand for the country (a name already mapped keeps its code)."""
        courtesy = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
        apposed = re.compile(rf"(?<![\w.])(?:(?:{courtesy}),?\s+)+(?P<name>{_RUN_WORD}(?:\s+{_RUN_WORD}){{1,4}}),\s+"
                             rf"(?:the\s+)?(?:{title_re})\s+of\s+(?:the\s+)?(?P<country>{_COUNTRY})")
        for m in apposed.finditer(flat):
            code = _country_named(m.group("country"), lookup_country)
            name = m.group("name")
            if code is None or name.split()[0] in self._title_words:
                continue
            self._names.setdefault(name, code)
            self._names.setdefault(name.split()[-1], code)

    def _introduce(self, m: re.Match[str], flat: str, listed: _Listed | None, lookup_country) -> None:
        """Register the person an introduction names ("Prime Minister Jane Roe of New Zealand"),
        with the last word of the name and the title, when the country is known."""
        code = _introduced_country(m, lookup_country)
        start = m.start("run") if m.group("run") else m.start("name")
        name = (m.group("run") or m.group("name")).strip()
        title = m.group("title")
        while m.group("run") and name.split()[0] in self._title_words and " " in name:
            # "Secretary General Jens Stoltenberg of NATO": the rest of the title, no name
            first, name = name.split(None, 1)
            start, title = start + len(first) + 1, f"{title} {first}"
        full = listed.match(flat, start) if listed else None
        if full and code is None:
            name, code = full, self._names[full]
        elif full and code == self._names[full] and " " in full:
            # the country given too ("Vietnamese President Tran Dai Quang", "Chinese Premier Li
            # Keqiang"): the listed name's last word is his as well ("Quang"), beside its first ("Li")
            self._names.setdefault(full.split()[-1], code)
        if code is None:
            code = self._names.get(name) or self._names.get(name.split()[-1])
        if code is None:
            return
        self._titles.setdefault(title.lower(), set()).add(code)
        self._names.setdefault(name, code)
        parts = name.split()
        if len(parts) > 1:
            self._names.setdefault(parts[-1], code)

    def names_someone(self, phrase: str) -> bool:
        """Does the phrase contain a person's full name known to this document?"""
        return any(" " in name and _word_at(name, phrase) for name in self._ordered)

    def named(self, phrase: str) -> list[str]:
        """Codes of the people the phrase names (no title or office fallback)."""
        codes: list[str] = []
        for name in self._ordered:
            if _word_at(name, phrase):
                if self._names[name] not in codes:
                    codes.append(self._names[name])
                phrase = phrase.replace(name, " ")
        return codes

    def last_named(self, text: str) -> list[str]:
        """The code of the person named last in ``text`` ([] when none is)."""
        best: tuple[int, str] | None = None
        for name in self._ordered:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                if best is None or m.end() > best[0]:
                    best = (m.end(), self._names[name])
        return [best[1]] if best else []

    def first_named(self, text: str) -> list[str]:
        """The code of the person named first in ``text`` ([] when none is)."""
        best: tuple[int, str] | None = None
        for name in self._ordered:
            m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
            if m is not None and (best is None or m.start() < best[0]):
                best = (m.start(), self._names[name])
        return [best[1]] if best else []

    def resolve(self, phrase: str) -> list[str]:
        """Codes of the people ``phrase`` names, each person of a coordination on its own ("The
        President and Prime Minister Bennett": the President by his title, Bennett by name). A
        coordination with someone this document does not know ("Mr. Sullivan and Sheikh Tahnoon") is
        read whole, as before: the title of the one it knows is not all who act."""
        parts = [p for p in CONJUNCTS.split(phrase) if p.strip()]
        if len(parts) < 2 or any(self._names_a_stranger(p) for p in parts):
            return self._resolve_one(phrase)
        codes: list[str] = []
        for part in parts:
            codes += [c for c in self._resolve_one(part) if c not in codes]
        return codes

    def unplaced_head(self, phrase: str) -> bool:
        """Does ``phrase`` name a head of state or government ("the Taoiseach", "Prime Minister
        Sudani") whom this document maps to no country?"""
        return bool(self._heads and self._heads.search(phrase)) and not self._resolve_one(phrase)

    def _resolve_one(self, phrase: str) -> list[str]:
        codes: list[str] = []
        for name in self._ordered:
            if _word_at(name, phrase):
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
            if title in low and re.search(rf"\b{re.escape(title)}\b", low) and len(holders) == 1:
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
