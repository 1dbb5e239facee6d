"""Segmentation codebook (segment.yaml): abbreviations, ellipsis continuations and boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgebook.codebook.files import FileSchema, Regex, Schema, Text


class BoilerplateRule(Schema):
    id: Text
    pattern: Regex


class SegmentFile(FileSchema):
    abbreviations: Text  # space-separated, lower case
    ellipsis_continuations: str = ""  # space-separated
    boilerplate: list[BoilerplateRule]


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


def build_segmentation(file: SegmentFile) -> SegmentationBook:
    rules = tuple((r.id, re.compile(r.pattern, re.IGNORECASE)) for r in file.boilerplate)
    return SegmentationBook(frozenset(file.abbreviations.lower().split()), rules,
                            frozenset(file.ellipsis_continuations.lower().split()))
