"""Linking parameters, read from the versioned ``data/linking.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).with_name("data")


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
    cohesion: float  # threads merge only when their centroids are this close (no chaining)

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
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return LinkConfig(
        version=int(raw["version"]),
        kinds=tuple(raw["kinds"]),
        thresholds={k: float(v) for k, v in raw["thresholds"].items()},
        threshold=None,
        entity_kinds=frozenset(raw["entity_kinds"]),
        bridge_kinds=frozenset(raw["bridge_kinds"]),
        entity_bonus=float(raw["entity_bonus"]),
        entity_penalty=float(raw["entity_penalty"]),
        sector_bonus=float(raw["sector_bonus"]),
        sector_penalty=float(raw["sector_penalty"]),
        top_k=int(raw["top_k"]),
        cohesion=float(raw["cohesion"]),
    )
