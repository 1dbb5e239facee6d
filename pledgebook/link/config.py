"""Linking parameters, read from the versioned ``data/linking.yaml``, and the words the hashing
embedder ignores (``data/stopwords.yaml``). Both are validated as the codebook's files are
(pledgebook/codebook/files.py) and are part of the codebook version."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from pydantic import Field

from pledgebook.codebook.files import FileSchema, Text, Words, parse, read_bytes, validate

DATA_DIR = Path(__file__).with_name("data")
LINKING_VERSION = 3


class LinkingFile(FileSchema):
    kinds: Words = Field(min_length=1)
    thresholds: dict[str, float]  # per embedder family
    entity_kinds: Words
    bridge_kinds: Words
    entity_bonus: float
    entity_penalty: float
    sector_bonus: float
    sector_penalty: float
    top_k: int = Field(ge=1)


class StopwordsFile(FileSchema):
    words: list[Text]


@dataclass(frozen=True, slots=True)
class LinkConfig:
    version: int
    kinds: tuple[str, ...]
    thresholds: dict[str, float]  # per embedder family
    threshold: float | None  # the one in force: set by ``for_embedder`` or ``with_threshold``
    entity_kinds: frozenset[str]
    bridge_kinds: frozenset[str]  # entity kinds that may link pledges of different relationships
    entity_bonus: float
    entity_penalty: float
    sector_bonus: float
    sector_penalty: float
    top_k: int

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
        return self.entity_bonus + self.sector_bonus


@cache
def load_config(path: Path = DATA_DIR / "linking.yaml") -> LinkConfig:
    """The linking parameters; ``CodebookError`` naming the key when the file is malformed."""
    raw = validate(path.name, parse(path.name, read_bytes(path.parent, path.name), LINKING_VERSION), LinkingFile)
    return LinkConfig(
        version=raw.version,
        kinds=tuple(raw.kinds),
        thresholds=dict(raw.thresholds),
        threshold=None,
        entity_kinds=frozenset(raw.entity_kinds),
        bridge_kinds=frozenset(raw.bridge_kinds),
        entity_bonus=raw.entity_bonus,
        entity_penalty=raw.entity_penalty,
        sector_bonus=raw.sector_bonus,
        sector_penalty=raw.sector_penalty,
        top_k=raw.top_k,
    )


@cache
def load_stopwords(path: Path = DATA_DIR / "stopwords.yaml") -> frozenset[str]:
    raw = validate(path.name, parse(path.name, read_bytes(path.parent, path.name)), StopwordsFile)
    return frozenset(raw.words)
