"""Linking parameters, read from the versioned ``data/linking.yaml``, and the words the hashing
embedder ignores (``data/stopwords.yaml``). Both are validated as the codebook's files are
(pledgebook/codebook/files.py) and are part of the codebook version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from typing import Literal

from pydantic import Field, model_validator

from pledgebook.codebook import Codebook
from pledgebook.codebook.entities import ENTITY_KINDS, LinkRoles
from pledgebook.codebook.files import CodebookError, FileSchema, Schema, Text, Words, parse, read_bytes, validate
from pledgebook.core.data import StatementKind
from pledgebook.extract.variants import ProjectKey, ProjectKeys, fold

DATA_DIR = Path(__file__).with_name("data")
LINKING_VERSION = 8
_Kind = Literal[tuple(k.value for k in StatementKind)]  # type: ignore[valid-type]
_EntityKind = Literal[ENTITY_KINDS]  # type: ignore[valid-type]


class SourceCues(Schema):
    """How a statement names an institution only as its source: "according to the Foreign
    Office", "the Foreign Office said", "Foreign Office spokesperson X told reporters"."""

    between: Words = []  # words that may stand between the name and a reporting word
    venue: Words = []  # "told the gathering in X port": words between a reporting word and where it was said
    # (the reporting words before and after the name: segment.yaml attribution, the one lexicon)


class DocumentProjects(Schema):
    """A statement that names no project takes its report's one project (cluster.with_document_projects)
    when it uses a head of that project's class, or all its sectors are the project's or these."""

    funding_sectors: list[str] = []  # a loan or grant is part of whatever project it pays for


class LaterPhases(Schema):
    """"phase two of the SGR", "the third phase of the X-Y railway": a later phase of a line named by
    the two cities it joins runs beyond them (ProjectKeys.part: the line's extension)."""

    nouns: Words = []  # phase, stage
    ordinals: Words = []  # before the noun ("second phase") or after it ("phase two", "Phase 2A")


class LinkingFile(FileSchema):
    kinds: list[_Kind] = Field(min_length=1)
    start_kinds: list[_Kind] = Field(min_length=1)
    start_entity_kinds: list[_EntityKind]
    exclusive_kinds: list[_Kind]
    thresholds: dict[str, float]  # per embedder family
    entity_kinds: list[_EntityKind]
    bridge_kinds: list[_EntityKind]
    source_kinds: list[_EntityKind]
    source_cues: SourceCues
    anchor_kinds: list[_EntityKind]
    venue_kinds: list[_EntityKind]
    project_bonus: float = Field(ge=0)
    cross_kind_margin: float = Field(ge=0)
    document_projects: DocumentProjects | None = None
    extension_words: Words = []
    later_phases: LaterPhases = LaterPhases()
    section_nouns: Words = []
    head_bonus: float = Field(default=0.0, ge=0)
    continuation_leads: Words = []
    entity_bonus: float
    entity_penalty: float
    sector_bonus: float
    sector_penalty: float
    top_k: int = Field(ge=1)

    @model_validator(mode="after")
    def _subsets(self) -> "LinkingFile":
        for key in ("start_kinds", "exclusive_kinds"):
            extra = sorted(set(getattr(self, key)) - set(self.kinds))
            if extra:
                raise ValueError(f"{key}: {extra} are not threaded kinds (kinds: {self.kinds})")
        for key in ("bridge_kinds", "anchor_kinds", "venue_kinds"):
            extra = sorted(set(getattr(self, key)) - set(self.entity_kinds))
            if extra:
                raise ValueError(f"{key}: {extra} are not entity_kinds")
        return self


class StopwordsFile(FileSchema):
    words: list[Text]


@dataclass(frozen=True, slots=True)
class LinkConfig:
    version: int
    kinds: tuple[str, ...]  # statement kinds that are threaded
    start_kinds: frozenset[str]  # kinds that start a thread; the others only join one ...
    start_entity_kinds: frozenset[str]  # ... unless they name an entity of these kinds (or a site)
    exclusive_kinds: frozenset[str]  # a thread holds at most one statement of these kinds per document
    thresholds: dict[str, float]  # per embedder family
    threshold: float | None  # the one in force: set by ``for_embedder`` or ``with_threshold``
    entity_kinds: frozenset[str]
    bridge_kinds: frozenset[str]  # entity kinds that may link pledges of different relationships
    entity_bonus: float
    entity_penalty: float
    sector_bonus: float
    sector_penalty: float
    top_k: int
    anchor_kinds: frozenset[str] = frozenset()  # entity kinds that anchor a statement to one project (with sites)
    project_bonus: float = 0.0  # added to a pair of one relationship that names the same primary project
    cross_kind_margin: float = 0.0  # taken from a pair with a non-commitment that shares only venues
    document_projects: bool = False  # a statement naming no project may take its report's one project (cluster)
    funding_sectors: frozenset[str] = frozenset()  # ... when its sectors are the project's or these
    extension_words: tuple[str, ...] = ()  # "the extension of X": a part of X of its own (ProjectKeys.part)
    phase_nouns: frozenset[str] = frozenset()  # lower case: "phase", "stage"
    later_ordinals: frozenset[str] = frozenset()  # lower case: "second", "two", "2a": a phase after the first
    section_nouns: tuple[str, ...] = ()  # "the X to Y stretch of the line": the stretch is what is undertaken
    city_names: frozenset[str] = frozenset()  # folded names of large cities: "Mombasa-Nairobi" is a route
    head_bonus: float = 0.0  # a statement naming no project that uses the head of another's project class
    continuation_leads: frozenset[str] = frozenset()  # lower case: "they", "it": a statement about the one before
    venue_kinds: frozenset[str] = frozenset()  # entity kinds that bond no non-commitment (institutions)
    source_kinds: frozenset[str] = frozenset()  # entity kinds ignored where named only as a statement's source
    source_before: tuple[tuple[str, ...], ...] = ()  # lower-case word sequences ("according", "to")
    source_after: frozenset[str] = frozenset()
    source_between: frozenset[str] = frozenset()
    source_venue: frozenset[str] = frozenset()  # "gathering", "ceremony": "told the gathering in X port"
    roles: LinkRoles | None = None  # sites and umbrellas (the codebook's entities.yaml)
    groups: Mapping[str, frozenset[str]] = field(default_factory=dict)  # actor group -> members (actors.yaml)
    project_keys: ProjectKeys | None = None  # how anchors compare across documents (extract.variants)
    country_names: frozenset[str] = frozenset()  # folded country names and demonyms: "China Railway" is no project key

    def role(self, name: str) -> str | None:
        return self.roles.role(name) if self.roles else None

    def head_classes(self, text: str) -> frozenset[str]:
        """Project head classes the text uses ("the plant": power plant; "the project": any)."""
        return self.project_keys.head_classes(text) if self.project_keys and text else frozenset()

    def project_key(self, name: str) -> ProjectKey:
        """The key an anchor compares by: "El-Dabaa NPP" and "the El Dabaa nuclear power plant"
        are one project; without the codebook's heads, the name itself."""
        key = self.project_keys.key(name) if self.project_keys else None
        return key if key is not None else ProjectKey(name.casefold(), None)

    def with_threshold(self, threshold: float) -> "LinkConfig":
        return replace(self, threshold=threshold)

    def for_embedder(self, family: str) -> "LinkConfig":
        """This config with the threshold of the embedder family, unless one was set explicitly."""
        if self.threshold is not None:
            return self
        if family not in self.thresholds:
            raise ValueError(f"linking.yaml has no threshold for embedder family {family!r}")
        return replace(self, threshold=self.thresholds[family])

    @property
    def max_bonus(self) -> float:
        """The most the non-embedding terms can add: candidates below threshold - this are hopeless."""
        return self.entity_bonus + self.sector_bonus + self.head_bonus


@cache
def load_config(path: Path = DATA_DIR / "linking.yaml") -> LinkConfig:
    """The linking parameters; ``CodebookError`` naming the key when the file is malformed."""
    raw = validate(path.name, parse(path.name, read_bytes(path.parent, path.name), LINKING_VERSION), LinkingFile)
    cues = raw.source_cues
    book = Codebook.load()
    return LinkConfig(
        version=raw.version,
        kinds=tuple(raw.kinds),
        start_kinds=frozenset(raw.start_kinds),
        start_entity_kinds=frozenset(raw.start_entity_kinds),
        exclusive_kinds=frozenset(raw.exclusive_kinds),
        thresholds=dict(raw.thresholds),
        threshold=None,
        entity_kinds=frozenset(raw.entity_kinds),
        bridge_kinds=frozenset(raw.bridge_kinds),
        entity_bonus=raw.entity_bonus,
        entity_penalty=raw.entity_penalty,
        sector_bonus=raw.sector_bonus,
        sector_penalty=raw.sector_penalty,
        top_k=raw.top_k,
        anchor_kinds=frozenset(raw.anchor_kinds),
        project_bonus=raw.project_bonus,
        cross_kind_margin=raw.cross_kind_margin,
        extension_words=tuple(raw.extension_words),
        phase_nouns=frozenset(w.lower() for w in raw.later_phases.nouns),
        later_ordinals=frozenset(w.lower() for w in raw.later_phases.ordinals),
        section_nouns=tuple(w.lower() for w in raw.section_nouns),
        city_names=frozenset(fold(c) for c in book.city_names()),
        head_bonus=raw.head_bonus,
        continuation_leads=frozenset(w.lower() for w in raw.continuation_leads),
        document_projects=raw.document_projects is not None,
        funding_sectors=frozenset(raw.document_projects.funding_sectors if raw.document_projects else ()),
        venue_kinds=frozenset(raw.venue_kinds),
        source_kinds=frozenset(raw.source_kinds),
        source_before=book.segmentation.attribution.source_lead_ins() if book.segmentation.attribution else (),
        source_after=book.segmentation.attribution.reporting_words() if book.segmentation.attribution else frozenset(),
        source_between=frozenset(w for c in cues.between for w in _words(c)),
        source_venue=frozenset(w for c in cues.venue for w in _words(c)),
        roles=book.link_roles,
        groups={code: frozenset(g.members) for code, g in book.actors.groups.items()},
        project_keys=ProjectKeys(book.discovery),
        country_names=frozenset(fold(alias) for alias, _, _ in book.actors.aliases(("country", "demonym"))),
    )


def _words(phrase: str) -> list[str]:
    words = phrase.lower().split()
    if not words:
        raise CodebookError(f"linking.yaml: source_cues: empty phrase {phrase!r}")
    return words


@cache
def load_stopwords(path: Path = DATA_DIR / "stopwords.yaml") -> frozenset[str]:
    raw = validate(path.name, parse(path.name, read_bytes(path.parent, path.name)), StopwordsFile)
    return frozenset(raw.words)
