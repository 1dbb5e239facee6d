"""The codebook: every book the extractor reads, loaded and validated from one directory.

``Codebook.load()`` reads the bundled ``pledgebook/codebook/data``; ``Codebook.load(DIR)``
an organisation's own copy of it (docs/codebook.md). Each directory is read once per
process. ``digest`` hashes the bytes of exactly the files that were read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pledgebook.codebook.actors import ActorBook, ActorsFile, build_actor_book
from pledgebook.codebook.documents import (
    DocumentBook,
    DocumentsFile,
    LeaderBook,
    LeadersFile,
    build_document_book,
    build_leader_book,
)
from pledgebook.codebook.entities import (
    DiscoveryRules,
    EntitiesFile,
    GazetteerEntry,
    LinkRoles,
    build_discovery_rules,
    build_gazetteer,
    build_link_roles,
    city_names,
)
from pledgebook.codebook.events import EventMap, EventsFile, build_event_map
from pledgebook.codebook.files import CodebookError, FileSchema, parse, read_bytes, validate
from pledgebook.codebook.sectors import Sector, SectorSense, SectorsFile, build_sectors, build_senses, filter_key
from pledgebook.codebook.rules import RuleSpec, RulesFile, build_rules
from pledgebook.codebook.segmentation import SegmentationBook, SegmentFile, build_segmentation
from pledgebook.codebook.times import TimeBook, TimeFile, build_time_book
from pledgebook.codebook.triggers import TriggerLexicon, TriggersFile, build_lexicon

BUNDLED = Path(__file__).with_name("data")
SCHEMAS: dict[str, type[FileSchema]] = {
    "actors.yaml": ActorsFile,
    "documents.yaml": DocumentsFile,
    "entities.yaml": EntitiesFile,
    "events.yaml": EventsFile,
    "leaders.yaml": LeadersFile,
    "rules.yaml": RulesFile,
    "sectors.yaml": SectorsFile,
    "segment.yaml": SegmentFile,
    "time.yaml": TimeFile,
    "triggers.yaml": TriggersFile,
}
FILES = tuple(SCHEMAS)
# Files a codebook directory may hold that the extractor does not read (so outside ``digest``):
# the track layer's suggestion cues (codebook/cues.py) and status labels (codebook/tracking.py).
TRACKING_FILES = ("suggestion_cues.yaml", "tracking.yaml")


@dataclass(frozen=True, eq=False)
class Codebook:
    """Every book of one codebook directory, validated and cross-checked."""

    directory: Path
    digest: str  # sha256 (hex) over the names and bytes of FILES, in order
    sectors: tuple[Sector, ...]
    actors: ActorBook
    gazetteer: tuple[GazetteerEntry, ...]
    discovery: DiscoveryRules
    link_roles: LinkRoles  # sites and umbrellas, for the linker (entities.yaml `linking`)
    events: EventMap
    triggers: TriggerLexicon
    documents: DocumentBook
    leaders: LeaderBook
    segmentation: SegmentationBook
    times: TimeBook
    rules: Mapping[str, RuleSpec]  # the rules that make statements, by id (rules.yaml)
    sector_senses: tuple[SectorSense, ...] = ()  # terms read whole before their keywords (sectors.yaml `senses`)

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Codebook:
        """The codebook in ``directory`` (the bundled one by default), read once per process.

        Raises ``CodebookError`` naming the file and key at fault."""
        return _load(Path(directory or BUNDLED).resolve())

    @property
    def sector_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.sectors)

    def sector_id(self, name: str) -> str | None:
        """The sector a user means by ``name``: its id or one of its aliases (any case, '-', '_'
        or space alike), else None."""
        key = filter_key(name)
        return next((s.id for s in self.sectors if key in {filter_key(n) for n in (s.id, *s.aliases)}), None)

    def city_names(self) -> tuple[str, ...]:
        """The large cities that are places (``discovery.city_min_population``; GeoNames)."""
        return city_names(self.discovery.city_min_population)


@lru_cache(maxsize=16)
def _load(directory: Path) -> Codebook:
    if not directory.is_dir():
        raise CodebookError(f"{directory}: not a codebook directory")
    _refuse_unknown_files(directory)
    raw = {name: read_bytes(directory, name) for name in FILES}
    digest = hashlib.sha256()
    for name, data in raw.items():
        digest.update(name.encode() + b"\0" + data + b"\0")
    files: dict[str, Any] = {name: validate(name, parse(name, data), SCHEMAS[name]) for name, data in raw.items()}
    sectors = build_sectors("sectors.yaml", files["sectors.yaml"])
    actors = build_actor_book("actors.yaml", files["actors.yaml"])
    gazetteer = build_gazetteer("entities.yaml", files["entities.yaml"], sectors, actors)
    book = Codebook(
        directory=directory,
        digest=digest.hexdigest(),
        sectors=sectors,
        actors=actors,
        gazetteer=gazetteer,
        discovery=build_discovery_rules("entities.yaml", files["entities.yaml"]),
        link_roles=build_link_roles("entities.yaml", files["entities.yaml"], gazetteer),
        events=build_event_map("events.yaml", files["events.yaml"], sectors),
        triggers=build_lexicon("triggers.yaml", files["triggers.yaml"]),
        documents=build_document_book(files["documents.yaml"]),
        leaders=build_leader_book(files["leaders.yaml"]),
        segmentation=replace(build_segmentation(files["segment.yaml"]),  # "New Delhi: " datelines
                             dateline_places=frozenset(n for names in actors.capitals.values() for n in names)),
        times=build_time_book("time.yaml", files["time.yaml"]),
        rules=build_rules("rules.yaml", files["rules.yaml"]),
        sector_senses=build_senses("sectors.yaml", files["sectors.yaml"], sectors),
    )
    _check_codes(book)
    return book


def _refuse_unknown_files(directory: Path) -> None:
    """A YAML file the codebook does not read is a mistake (a misspelt name, or a file that
    belongs elsewhere, such as linking.yaml): refuse it rather than ignore it."""
    unknown = sorted(p.name for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.name not in SCHEMAS
                     and p.name not in TRACKING_FILES)
    if unknown:
        raise CodebookError(f"{directory}: unknown codebook files {unknown} (a codebook holds {', '.join(FILES)})")


def _check_codes(book: Codebook) -> None:
    """Leaders and issuers stand for actors the actor book knows; organisations are the gazetteer's."""
    known = set(book.actors.countries) | set(book.actors.groups)
    for leader in book.leaders.leaders:
        if leader.code not in known:
            raise CodebookError(f"leaders.yaml: {leader.names[0]!r}: unknown actor code {leader.code!r}")
    for _, code in book.documents.issuers:
        if code not in known:
            raise CodebookError(f"documents.yaml: issuers: unknown actor code {code!r}")
    institutions = {e.name for e in book.gazetteer if e.kind == "institution"}
    for name in book.actors.organisations:
        if name not in institutions:
            raise CodebookError(f"actors.yaml: organisations: {name!r} is no institution of entities.yaml")
