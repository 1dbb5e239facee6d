"""Segmentation codebook (segment.yaml): abbreviations, ellipsis continuations and boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgebook.codebook.files import FileSchema, Regex, Schema, Text


class BoilerplateRule(Schema):
    id: Text
    pattern: Regex


class AttributionSpec(Schema):
    """How news prose attributes a report to its source (segment.yaml: attribution)."""

    verbs: Text  # space-separated
    not_sources: Text  # space-separated: words that open no source
    after_verb: Text  # space-separated: words that may open what follows a trailing verb
    impersonal: list[Text]
    lead_ins: list[Text]
    max_source_words: int
    min_report_words: int


class SegmentFile(FileSchema):
    abbreviations: Text  # space-separated, lower case
    ellipsis_continuations: str = ""  # space-separated
    boilerplate: list[BoilerplateRule]
    attribution: AttributionSpec | None = None


@dataclass(frozen=True)
class SegmentationBook:
    abbreviations: frozenset[str]
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]  # (rule id, compiled pattern)
    ellipsis_continuations: frozenset[str] = frozenset()  # words opening a line that carries on after "…"
    attribution: AttributionSpec | None = None  # news prose: ", officials said", "According to X, "

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
                            frozenset(file.ellipsis_continuations.lower().split()), file.attribution)
