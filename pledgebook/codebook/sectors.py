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
    statement_kinds: list[KindName] = []
    aliases: Words = []

    @field_validator("keywords")
    @classmethod
    def _lower_case_prefixes(cls, keywords: list[str]) -> list[str]:
        bad = [k for k in keywords if k != k.lower() or "*" in k.rstrip("*") or not alias_key(k)]
        if bad:
            raise ValueError(f"keywords must be lower case, '*' only at the end: {bad}")
        return keywords


class SectorsFile(FileSchema):
    sectors: list[SectorEntry]


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


def _check_aliases(name: str, sectors: list[Sector]) -> None:
    """An alias names one sector, and is no sector's id (a filter must resolve one way)."""
    owner: dict[str, str] = {filter_key(s.id): s.id for s in sectors}
    for sector in sectors:
        for alias in sector.aliases:
            key = filter_key(alias)
            if owner.setdefault(key, sector.id) != sector.id:
                raise CodebookError(f"{name}: sector alias {alias!r} of {sector.id!r} is also {owner[key]!r}")
