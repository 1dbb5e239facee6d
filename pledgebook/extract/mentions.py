"""What a statement is about: the named entities, places and organisations inside its span
(not those that speak in it), and the words that refer back to names said before."""

from __future__ import annotations

import re

from pledgebook.core.data import EntityMention
from pledgebook.extract.actors import ActorResolver
from pledgebook.extract.entities import DocumentNames, EntityFinder

# A group alias naming its members rather than the organisation ("Quad partners", "NATO Allies").
_MEMBERS = re.compile(r"\b(?:partners|countries|members|nations|allies|member states|leaders)$", re.IGNORECASE)


class Mentions:
    """Built once from the entity finder and the actor resolver; holds no document's state."""

    def __init__(self, finder: EntityFinder, actors: ActorResolver) -> None:
        self.finder = finder
        self.actors = actors
        book = actors.book
        # Countries a statement is about ("support for Ukraine", "the Ukrainian government") and
        # capitals or cities where things happen become place entities under one canonical name.
        self._place_kind = {a.casefold(): kind for a, _, kind in book.aliases(("country", "demonym", "capital"))}
        self.country_name = {code: _short_name(names) for code, names in book.countries.items() if names}
        heads = "|".join(sorted((re.escape(h) for h in finder.rules.heads if " " not in h), key=len, reverse=True))
        nouns = "|".join(sorted(finder.rules.anaphor_nouns, key=len, reverse=True))
        # "its", "their", "the project", "the long-standing dispute" (anaphor_nouns; a hyphenated
        # adjective may stand before the noun, not "the issue of debt"), and "this" standing alone at
        # the end of a clause ("we will make every effort to achieve this"): the clause before's names
        self.anaphor = re.compile(rf"\b(?:its|their|this(?=\s*(?:[.,;:!?\"”’]|$))|the\s+(?:[a-z]+-[a-z]+\s+)?"
                                  rf"(?:{nouns})\b(?!\s+of\b))", re.IGNORECASE)
        # "the agreement", "this Council" (not "the Council of Europe", a name of its own)
        self.definite = re.compile(rf"\b(?:the|this|that)\s+({heads})\b(?!\s+(?:of|on|for)\b|(?-i:\s+[A-Z]))",
                                   re.IGNORECASE)

    def names_in(self, names: DocumentNames, start: int, end: int, actors: list[str],
                 speakers: frozenset[str]) -> list[EntityMention]:
        """Named entities, places and organisations that ``names.text[start:end]`` is about
        (``actors`` speak in it; ``speakers`` speak in the whole document)."""
        text = names.text
        found = names.find(start, end)
        # the members of a grouping that speaks speak too ("We, the leaders of Australia, India, ...")
        found += self._places(text, start, end, found, sorted(self.actors.with_members(actors)))
        # An organisation is what a statement is about unless it speaks in the document: "The
        # United Nations should act" in a country's speech is about the UN; "we" of a G7 statement is not.
        speaking = [a for a in actors if a in speakers] if speakers else actors
        found += self._object_groups(text, start, end, found, speaking)
        return found

    def carried(self, entities: list[EntityMention], actors: list[str]) -> list[EntityMention]:
        """Names carried over from another clause, less the country of the statement's own actors
        ("Pakistan informed China of X, and China emphasized ...": China is not what it is about)."""
        own = {self.country_name.get(a) for a in self.actors.with_members(actors)}
        return [e for e in entities if not (e.kind == "place" and e.name in own)]

    def _places(self, text: str, start: int, end: int, found: list[EntityMention], actors: list[str]) -> list[EntityMention]:
        """Countries and capitals a statement is about (not those that speak in it)."""
        out: list[EntityMention] = []
        for code, s, e in self.actors.find_countries(text[start:end], capitals=True):
            s, e = s + start, e + start
            surface = text[s:e]
            kind = self._place_kind.get(" ".join(surface.split()).casefold().removeprefix("the "))
            if kind is None or (kind != "capital" and code in actors):
                continue  # the speaker itself is not what the statement is about; its capital may be
            if kind == "capital" and re.match(r"[-–][a-z]", text[e : e + 2]):
                continue  # "Paris-aligned", "Beijing-based": an adjective, not the place
            if any(m.start <= s and e <= m.end for m in found):
                continue  # part of a longer name ("China-Pakistan Economic Corridor")
            name = " ".join(surface.split()) if kind == "capital" else self.country_name.get(code, surface)
            out.append(EntityMention(name=name, kind="place", start=s, end=e, surface=surface, source="gazetteer"))
        return out

    def _object_groups(self, text: str, start: int, end: int, found: list[EntityMention],
                       actors: list[str]) -> list[EntityMention]:
        """An organisation of the actor book that the statement is about, not one that speaks in
        it ("China supports the United Nations"), is an institution entity."""
        out: list[EntityMention] = []
        for code, s, e in self.actors.find_groups(text[start:end]):
            s, e = s + start, e + start
            surface = text[s:e]
            group = self.actors.book.groups[code]
            members = _MEMBERS.search(surface) and " ".join(surface.split()).casefold() != group.name.casefold()
            if code in actors or members or surface.casefold() in self._place_kind:
                continue  # the speaker; "Quad partners" are its members; "Brussels" is a city
            if any(m.start < e and s < m.end for m in found + out):
                continue
            out.append(EntityMention(name=group.name, kind="institution", start=s, end=e, surface=surface,
                                     source="gazetteer"))
        return out


def _short_name(names: tuple[str, ...]) -> str:
    """'Syria' rather than 'Syrian Arab Republic': the first name if short, else the shortest word name."""
    if names and len(names[0].split()) <= 2:
        return names[0]
    words = [n for n in names if not n.isupper() and "." not in n and len(n) >= 4]
    return min(words, key=len) if words else (names[0] if names else "")
