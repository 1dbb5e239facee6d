"""Event coding (events.yaml): a statement's category mapped to a PLOVER type and a CAMEO code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from pydantic import StringConstraints

from pledgebook.codebook.files import CodebookError, FileSchema, Schema, Text, Words
from pledgebook.codebook.sectors import Sector

PLOVER_TYPES = 16
CameoCode = Annotated[str, StringConstraints(pattern=r"^\d{3,4}$")]  # quoted in YAML: "030", not 30


class PloverType(Schema):
    quad: Text
    description: str = ""


class EventCodeEntry(Schema):
    plover: Text
    cameo: CameoCode


class CategoryEntry(Schema):
    default: EventCodeEntry
    by_sector_group: dict[str, CameoCode] = {}


class EventsFile(FileSchema):
    plover_types: dict[str, PloverType]
    cameo_codes: dict[CameoCode, Text]
    sector_groups: dict[str, Words]
    categories: dict[str, CategoryEntry]


@dataclass(frozen=True, slots=True)
class EventCode:
    plover: str
    cameo: str


@dataclass(frozen=True)
class EventMap:
    plover_types: dict[str, str]  # type -> quad class
    plover_descriptions: dict[str, str]
    cameo_labels: dict[str, str]
    sector_groups: dict[str, str]  # sector id -> group
    defaults: dict[str, EventCode]  # category -> default
    by_group: dict[str, dict[str, str]]  # category -> sector group -> CAMEO code

    def for_category(self, category: str, sectors: Sequence[str] = ()) -> tuple[str, str]:
        """(PLOVER type, CAMEO code) for a statement category ("kind" or "kind.sub"), refined
        by the first of ``sectors`` that belongs to a sector group."""
        cat = category if category in self.defaults else category.split(".", 1)[0]
        if cat not in self.defaults:
            raise CodebookError(f"events.yaml: no mapping for statement category {category!r}")
        base = self.defaults[cat]
        refine = self.by_group.get(cat, {})
        for sector in sectors:
            group = self.sector_groups.get(sector)
            if group is not None:
                if group in refine:
                    return base.plover, refine[group]
                break
        return base.plover, base.cameo

    def cameo_label(self, code: str) -> str:
        return self.cameo_labels[code]


def build_event_map(name: str, file: EventsFile, sectors: tuple[Sector, ...]) -> EventMap:
    """The mapping, its PLOVER types, CAMEO codes and sector groups checked against each other
    and against sectors.yaml."""
    if len(file.plover_types) != PLOVER_TYPES:
        raise CodebookError(f"{name}: plover_types: expected the {PLOVER_TYPES} PLOVER types, found {len(file.plover_types)}")
    groups = _sector_groups(name, file, frozenset(s.id for s in sectors))

    def code(where: str, value: str) -> str:
        if value not in file.cameo_codes:
            raise CodebookError(f"{name}: categories.{where}: CAMEO code {value!r} is not in cameo_codes")
        return value

    defaults: dict[str, EventCode] = {}
    by_group: dict[str, dict[str, str]] = {}
    for cat, raw in file.categories.items():
        if raw.default.plover not in file.plover_types:
            raise CodebookError(f"{name}: categories.{cat}.default: {raw.default.plover!r} is not one of the PLOVER types")
        defaults[cat] = EventCode(raw.default.plover, code(f"{cat}.default", raw.default.cameo))
        unknown = set(raw.by_sector_group) - set(file.sector_groups)
        if unknown:
            raise CodebookError(f"{name}: categories.{cat}.by_sector_group: unknown sector groups {sorted(unknown)}")
        by_group[cat] = {g: code(f"{cat}.by_sector_group.{g}", c) for g, c in raw.by_sector_group.items()}
    return EventMap({t: p.quad for t, p in file.plover_types.items()},
                    {t: p.description for t, p in file.plover_types.items()},
                    dict(file.cameo_codes), groups, defaults, by_group)


def _sector_groups(name: str, file: EventsFile, sector_ids: frozenset[str]) -> dict[str, str]:
    groups: dict[str, str] = {}
    for group, members in file.sector_groups.items():
        for sid in members:
            if sid not in sector_ids:
                raise CodebookError(f"{name}: sector_groups.{group}: unknown sector {sid!r}")
            if groups.setdefault(sid, group) != group:
                raise CodebookError(f"{name}: sector_groups: sector {sid!r} is in two sector groups")
    return groups
