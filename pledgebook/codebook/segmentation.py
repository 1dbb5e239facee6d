"""Segmentation codebook: abbreviations and boilerplate patterns (data/segment.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pledgebook.codebook.loader import load_data_file


@dataclass(frozen=True)
class SegmentationBook:
    abbreviations: frozenset[str]
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]  # (rule id, compiled pattern)
    ellipsis_continuations: frozenset[str] = frozenset()  # words opening a line that carries on after "…"

    def boilerplate_rule(self, paragraph: str) -> str | None:
        """The id of the boilerplate rule a paragraph matches, or None."""
        head = paragraph.lstrip(" *_#>-")
        for rule_id, pattern in self.boilerplate:
            if pattern.search(head) or pattern.search(paragraph.strip()):
                return rule_id
        return None


@lru_cache(maxsize=1)
def load_segmentation() -> SegmentationBook:
    data = load_data_file("segment.yaml")
    rules = tuple((r["id"], re.compile(r["pattern"], re.IGNORECASE)) for r in data["boilerplate"])
    return SegmentationBook(frozenset(data["abbreviations"].lower().split()), rules,
                            frozenset(data.get("ellipsis_continuations", "").lower().split()))
