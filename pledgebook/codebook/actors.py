"""Who can be a party (actors.yaml): countries with pycountry's names and the codebook's
aliases, demonyms and capitals; groupings; the phrases that mean "all of us"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Literal

import pycountry
from pydantic import AfterValidator, StringConstraints

from pledgebook.codebook.files import CodebookError, FileSchema, Regex, Schema, Text, Words

_WORD = re.compile(r"\w+")


@cache
def _alpha3_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


def _known_country(code: str) -> str:
    if code not in _alpha3_codes():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 code")
    return code


Alpha3 = Annotated[str, AfterValidator(_known_country)]
GroupCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]+$")]


class CountryEntry(Schema):
    aliases: Words = []
    demonyms: Words = []
    capitals: Words = []


class GroupEntry(Schema):
    name: Text
    aliases: Words = []
    members: Words = []  # only where membership is fixed
    # members admitted later, with the date the group admitted them (ISO): a text dated before it
    # is not theirs ("EAC" in 2014 is five states, South Sudan joined in 2016); listed in members too
    joined: dict[Alpha3, Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]] = {}
    # "members": a summit format with no voice of its own (C5+1): its texts' parties, and what
    # its name stands for in a statement, are its members one by one
    speaks_as: Literal["group", "members"] = "group"


class ActorsFile(FileSchema):
    countries: dict[Alpha3, CountryEntry]
    exclude_names: Words = []
    groups: dict[GroupCode, GroupEntry]
    collective_phrases: Words = []
    first_person_plural: Words = []
    not_actors: Words = []
    blocked_after: Words = []
    agencies: dict[Alpha3, Words] = {}  # a state's agencies named without the country: NSF -> USA
    thing_shapes: list[Regex] = []  # a subject head of this shape is a thing ("the MQ-9Bs")
    organisations: Words = []  # international organisations that act for themselves (gazetteer names)
    mechanism_words: Words = []  # last words of the parties' own bodies ("pillar"), never a company's
    company_words: Words = []  # last words of a company's name ("Corporation"): a name ending in one is a company
    company_cues: Words = []  # nouns a news report introduces a company by ("Chinese oil giant Sinopec")
    company_anaphors: Words = []  # "the company": the report's companies' country when they share one
    territories: list[Alpha3] = []  # codes of places that are no sovereign state (Greenland, French Polynesia)


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    speaks_as: str = "group"
    joined: tuple[tuple[str, str], ...] = ()  # (member, ISO date admitted) for members that came later

    def members_on(self, date: str | None) -> tuple[str, ...]:
        """The members on ``date`` (ISO, or a year or month alone: a UN speech's "2022"; all of
        today's when None): less those admitted after it (in a later year, for a year alone)."""
        if not date:
            return self.members
        day = date[:10]
        later = {m for m, since in self.joined if since[: len(day)] > day}
        return tuple(m for m in self.members if m not in later)


@dataclass(frozen=True)
class ActorBook:
    """Who can be a party: countries (alpha-3), groups, and the phrases meaning "all of us".

    ``countries`` holds names (pycountry's and actors.yaml's); demonyms and capitals are
    kept apart because they are weaker evidence of a party.
    """

    countries: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]]
    capitals: dict[str, tuple[str, ...]]
    groups: dict[str, Group]
    collective_phrases: frozenset[str]
    first_person_plural: frozenset[str]
    not_actors: tuple[str, ...]
    blocked_after: tuple[str, ...]
    agencies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    thing_shapes: tuple[re.Pattern[str], ...] = ()
    organisations: tuple[str, ...] = ()  # non-state actors when they undertake (the World Bank)
    mechanism_words: frozenset[str] = frozenset()  # lower case: "pillar", "workstream"
    company_words: frozenset[str] = frozenset()  # lower case: "corporation", "company"
    company_cues: tuple[str, ...] = ()  # "firm", "giant": extract/companies.py
    company_anaphors: tuple[str, ...] = ()  # "company", "firm" (after "the")
    territories: frozenset[str] = frozenset()  # countries of pycountry that are no sovereign state
    _exact: dict[tuple[str, ...], str] = field(repr=False, default_factory=dict)
    _folded: dict[tuple[str, ...], str] = field(repr=False, default_factory=dict)

    def lookup(self, phrase: str) -> str | None:
        """The code of a country or group named exactly by ``phrase`` (any case, but an alias
        written in capitals such as US only in capitals), ignoring "the" and a possessive."""
        words = _WORD.findall(_strip_possessive(phrase.strip()))
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words:
            return None
        return self._exact.get(tuple(words)) or self._folded.get(tuple(w.lower() for w in words))

    def as_parties(self, code: str, on: str | None = None) -> list[str]:
        """The parties ``code`` stands for: a group that speaks as its members gives them (those
        of the date ``on`` when given, else today's)."""
        group = self.groups.get(code)
        return sorted(group.members_on(on)) if group is not None and group.speaks_as == "members" else [code]

    def is_country(self, code: str) -> bool:
        return code in self.countries

    def speaks_as_members(self, codes: list[str], on: str | None = None) -> bool:
        """Are ``codes`` the members (on ``on``) of a group that speaks as its members (SADC, the EAC):
        a text whose parties they are is that group's, its "Summit" or "we" all of them."""
        wanted = set(codes)
        return len(wanted) >= 3 and any(g.speaks_as == "members" and set(g.members_on(on)) == wanted
                                        for g in self.groups.values())

    def is_territory(self, code: str) -> bool:
        """Is ``code`` a territory, not a sovereign state (the Faroe Islands, New Caledonia)?"""
        return code in self.territories

    def is_thing(self, word: str) -> bool:
        """Does ``word`` have the shape of a model or system ("MQ-9Bs"), never an actor's name?"""
        return any(p.fullmatch(word) for p in self.thing_shapes)

    def aliases(self, kinds: Iterable[str] = ("country", "demonym", "capital", "group")) -> list[tuple[str, str, str]]:
        """(alias, code, kind) for every alias of the given kinds."""
        out: list[tuple[str, str, str]] = []
        tables = {"country": self.countries, "demonym": self.demonyms, "capital": self.capitals, "agency": self.agencies}
        for kind in kinds:
            if kind == "group":
                out.extend((a, g.code, "group") for g in self.groups.values() for a in g.aliases)
            else:
                out.extend((a, code, kind) for code, names in tables[kind].items() for a in names)
        return out


def _strip_possessive(phrase: str) -> str:
    return re.sub(r"(?:['’]s|(?<=s)['’])$", "", phrase)


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


def _usable_name(name: str | None) -> str | None:
    if not name or "," in name or "(" in name:
        return None
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)


def build_actor_book(name: str, file: ActorsFile) -> ActorBook:
    countries, demonyms, capitals = _countries(file)
    groups = _groups(name, file)
    book = ActorBook(
        countries={c: tuple(v) for c, v in countries.items()},
        demonyms={c: tuple(v) for c, v in demonyms.items()},
        capitals={c: tuple(v) for c, v in capitals.items()},
        groups=groups,
        collective_phrases=_normalise(file.collective_phrases),
        first_person_plural=_normalise(file.first_person_plural),
        not_actors=tuple(file.not_actors),
        blocked_after=tuple(file.blocked_after),
        agencies={code: tuple(names) for code, names in file.agencies.items()},
        thing_shapes=tuple(re.compile(p) for p in file.thing_shapes),
        organisations=tuple(file.organisations),
        mechanism_words=frozenset(w.lower() for w in file.mechanism_words),
        company_words=frozenset(w.lower() for w in file.company_words),
        company_cues=tuple(file.company_cues),
        company_anaphors=tuple(file.company_anaphors),
        territories=frozenset(file.territories),
    )
    _index_actor_aliases(name, book)
    _check_agencies(name, book)
    return book


def _check_agencies(name: str, book: ActorBook) -> None:
    """An agency name is no country's or group's name, and belongs to one state."""
    owner: dict[tuple[str, ...], str] = {}
    for alias, code, _ in book.aliases(("agency",)):
        key = tuple(w.lower() for w in _WORD.findall(alias))
        if book.lookup(alias) is not None:
            raise CodebookError(f"{name}: agencies.{code}: {alias!r} is a country's or group's name")
        if owner.setdefault(key, code) != code:
            raise CodebookError(f"{name}: agencies: {alias!r} names both {owner[key]} and {code}")


def _countries(file: ActorsFile) -> tuple[dict[str, list[str]], ...]:
    exclude = set(file.exclude_names)
    countries: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names = [_usable_name(getattr(c, attr, None)) for attr in ("name", "official_name", "common_name")]
        countries[c.alpha_3] = [n for n in dict.fromkeys(names) if n and n not in exclude]
    demonyms: dict[str, list[str]] = {}
    capitals: dict[str, list[str]] = {}
    for code, raw in file.countries.items():
        for alias in raw.aliases:
            alias = _usable_name(alias) or alias
            if alias not in countries[code]:
                countries[code].append(alias)
        dem = list(raw.demonyms)
        dem += [p for p in (_plural(d) for d in dem) if p]
        demonyms[code] = list(dict.fromkeys(dem))
        capitals[code] = [_usable_name(c) or c for c in raw.capitals]
    return countries, demonyms, capitals


def _groups(name: str, file: ActorsFile) -> dict[str, Group]:
    known = _alpha3_codes()
    groups: dict[str, Group] = {}
    for code, raw in file.groups.items():
        if code in known:
            raise CodebookError(f"{name}: groups.{code}: group code is also a country code")
        groups[code] = Group(code, raw.name, tuple(dict.fromkeys((raw.name, *raw.aliases))), tuple(raw.members),
                             raw.speaks_as, tuple(sorted(raw.joined.items())))
        if set(raw.joined) - set(raw.members):
            raise CodebookError(f"{name}: groups.{code}.joined: {sorted(set(raw.joined) - set(raw.members))} not in members")
        if raw.speaks_as == "members" and not raw.members:
            raise CodebookError(f"{name}: groups.{code}: speaks_as members needs its members")
    for g in groups.values():
        bad = [m for m in g.members if m not in known and m not in groups]
        if bad:
            raise CodebookError(f"{name}: groups.{g.code}.members: unknown members {bad}")
    return groups


def _normalise(phrases: Iterable[str]) -> frozenset[str]:
    """Lower-case words, a leading "the" dropped: how subject phrases are compared."""
    out = set()
    for p in phrases:
        words = [w.lower() for w in _WORD.findall(p)]
        if words and words[0] == "the" and len(words) > 1:
            words = words[1:]
        out.add(" ".join(words))
    return frozenset(out)


def _index_actor_aliases(name: str, book: ActorBook) -> None:
    """Fill the lookup tables; an alias naming two different actors is an error."""
    for alias, code, kind in book.aliases():
        words = tuple(_WORD.findall(alias))
        if not words:
            raise CodebookError(f"{name}: empty alias for {code}")
        acronym = any(c.isupper() for c in alias) and not any(c.islower() for c in alias)
        table, key = (book._exact, words) if acronym else (book._folded, tuple(w.lower() for w in words))
        other = table.get(key)
        if other is not None and other != code:
            raise CodebookError(f"{name}: alias {alias!r} ({kind}) names both {other} and {code}")
        table[key] = code
