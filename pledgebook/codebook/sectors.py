"""The sector taxonomy (sectors.yaml): what a statement can be about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import StringConstraints, field_validator

from pledgebook.codebook.files import CodebookError, FileSchema, KindName, Schema, Text, Words

SnakeCase = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
_WORD = re.compile(r"\w+")


def alias_key(alias: str) -> tuple[str, ...]:
    """How aliases are compared: by their lower-case words (punctuation and spacing ignored)."""
    return tuple(w.lower() for w in _WORD.findall(alias))


@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    label: str
    description: str
    keywords: tuple[str, ...]
    statement_kinds: tuple[str, ...] = ()  # statements of these kinds are about this sector whatever they name
    aliases: tuple[str, ...] = ()  # other names a user may filter by (defense -> security); never stored


def filter_key(name: str) -> str:
    """How a sector id or alias typed by a user is compared: lower case, '-', '_' and spaces alike."""
    return " ".join(re.split(r"[\s_-]+", name.strip().lower()))


class SectorEntry(Schema):
    id: SnakeCase
    label: Text
    description: Text
    keywords: Words = []
    statement_kinds: list[str] = []  # kinds, or categories "kind.sub" ("commitment.meet")
    aliases: Words = []

    @field_validator("statement_kinds")
    @classmethod
    def _known_kinds(cls, kinds: list[str]) -> list[str]:
        bad = [k for k in kinds if k.split(".", 1)[0] not in KindName.__args__]
        if bad:
            raise ValueError(f"unknown statement kind(s): {bad}")
        return kinds

    @field_validator("keywords")
    @classmethod
    def _lower_case_prefixes(cls, keywords: list[str]) -> list[str]:
        bad = [k for k in keywords if k != k.lower() or "*" in k.rstrip("*") or not alias_key(k)]
        if bad:
            raise ValueError(f"keywords must be lower case, '*' only at the end: {bad}")
        return keywords


class SenseEntry(Schema):
    term: Text
    sectors: list[SnakeCase]  # empty: the term names no field ("safeguards" alone)

    @field_validator("term")
    @classmethod
    def _lower_case(cls, term: str) -> str:
        if term != term.lower() or "*" in term.rstrip("*") or not alias_key(term):
            raise ValueError(f"a term must be lower case, '*' only at the end: {term!r}")
        return term


class SectorsFile(FileSchema):
    sectors: list[SectorEntry]
    senses: list[SenseEntry] = []


@dataclass(frozen=True, slots=True)
class SectorSense:
    """A term read whole before the keywords inside it, for the sectors it names (maybe none):
    "de-mining" is mine action, never mining."""

    term: str
    sectors: tuple[str, ...]


def build_sectors(name: str, file: SectorsFile) -> tuple[Sector, ...]:
    seen: set[str] = set()
    out: list[Sector] = []
    for raw in file.sectors:
        if raw.id in seen:
            raise CodebookError(f"{name}: duplicate sector id {raw.id!r}")
        seen.add(raw.id)
        kinds = tuple(raw.statement_kinds)
        out.append(Sector(raw.id, raw.label, raw.description, tuple(raw.keywords), kinds, tuple(raw.aliases)))
    _check_aliases(name, out)
    if not out:
        raise CodebookError(f"{name}: no sectors")
    return tuple(out)


def build_senses(name: str, file: SectorsFile, sectors: tuple[Sector, ...]) -> tuple[SectorSense, ...]:
    """The ``senses`` of sectors.yaml: each term once, naming known sectors, and no keyword itself
    (a term is either a sector's keyword or a sense, never both)."""
    known = {s.id for s in sectors}
    keywords = {alias_key(k.rstrip("*")): s.id for s in sectors for k in s.keywords}
    seen: set[tuple[str, ...]] = set()
    out = []
    for i, raw in enumerate(file.senses):
        key = alias_key(raw.term.rstrip("*"))
        bad = [sid for sid in raw.sectors if sid not in known]
        if bad:
            raise CodebookError(f"{name}: senses[{i}] ({raw.term!r}): unknown sectors {bad}")
        if key in seen:
            raise CodebookError(f"{name}: senses[{i}]: term {raw.term!r} appears twice")
        if key in keywords:
            raise CodebookError(f"{name}: senses[{i}]: term {raw.term!r} is also a keyword of {keywords[key]!r}")
        seen.add(key)
        out.append(SectorSense(raw.term, tuple(dict.fromkeys(raw.sectors))))
    return tuple(out)


def _check_aliases(name: str, sectors: list[Sector]) -> None:
    """An alias names one sector, and is no sector's id (a filter must resolve one way)."""
    owner: dict[str, str] = {filter_key(s.id): s.id for s in sectors}
    for sector in sectors:
        for alias in sector.aliases:
            key = filter_key(alias)
            if owner.setdefault(key, sector.id) != sector.id:
                raise CodebookError(f"{name}: sector alias {alias!r} of {sector.id!r} is also {owner[key]!r}")
