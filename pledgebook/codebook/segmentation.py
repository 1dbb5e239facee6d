"""Segmentation codebook (segment.yaml): abbreviations, ellipsis continuations and boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from pledgebook.codebook.files import FileSchema, Regex, Schema, Text


class BoilerplateRule(Schema):
    id: Text
    pattern: Regex


class AttributionSpec(Schema):
    """How news prose attributes a report to its source (segment.yaml: attribution)."""

    verbs: Text  # space-separated
    inverted_verbs: Text  # space-separated: verbs that also come before their source
    present_verbs: Text = ""  # space-separated: present forms that report only after a source's name
    not_sources: Text  # space-separated: words that open no source
    after_verb: Text  # space-separated: words that may open what follows a trailing verb
    impersonal: list[Text]
    lead_ins: list[Text]
    by_phrases: list[Text] = []  # "quoted by", "reported by": a passive right before the source
    # "..., Li was quoted as saying by Xinhua": a passive report right after its source
    passive_reports: list[Text] = []
    max_source_words: int
    min_report_words: int
    # words that open a description of a source named after a lead-in (", according to the joint
    # statement issued after the talks", "... which was released on Friday"): space-separated
    source_describers: Text = ""

    def reporting_words(self) -> frozenset[str]:
        """Every reporting verb form that may follow a source's name ("the ministry said", "... notes")."""
        return frozenset(self.verbs.lower().split()) | frozenset(self.present_verbs.lower().split())

    def source_lead_ins(self) -> tuple[tuple[str, ...], ...]:
        """Word sequences right before a source ("according to", "quoted by"), lower case."""
        return tuple(tuple(p.lower().split()) for p in [*self.lead_ins, *self.by_phrases] if p.split())


class SegmentFile(FileSchema):
    abbreviations: Text  # space-separated, lower case
    ellipsis_continuations: str = ""  # space-separated
    appositive_verbs: str = ""  # space-separated: "My country. Guyana, is ...": the stop is a misread comma
    appositive_name_joiners: str = ""  # space-separated: small words inside such a name ("Trinidad and Tobago")
    boilerplate: list[BoilerplateRule]
    attribution: AttributionSpec
    datelines: list[Regex]
    place_datelines: list[Regex] = []  # "New Delhi: ": a dateline only at a known capital
    header_lines: list[Regex]


@dataclass(frozen=True)
class Dateline:
    """A news dateline cut from a first sentence: where it ends, and what it names."""

    end: int
    place: str
    date: str | None
    agency: str | None


@dataclass(frozen=True)
class SegmentationBook:
    abbreviations: frozenset[str]
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]  # (rule id, compiled pattern)
    ellipsis_continuations: frozenset[str] = frozenset()  # words opening a line that carries on after "…"
    attribution: AttributionSpec | None = None  # news prose: ", officials said", "According to X, "
    datelines: tuple[re.Pattern[str], ...] = ()  # "NAIROBI: ", "BEIJING, Oct. 16 (Xinhua) -- "
    header_line: re.Pattern[str] | None = None  # a page header or byline line glued above the text
    # verbs after "Name," that make a full stop before the name a misread comma ("My country. Guyana, is")
    appositive_verbs: frozenset[str] = frozenset()
    appositive_name_joiners: frozenset[str] = frozenset()
    # "New Delhi: ": a title-case place and a colon, a dateline only when the place is one of
    # ``dateline_places`` (the capitals of actors.yaml, filled in by the codebook)
    place_datelines: tuple[re.Pattern[str], ...] = ()
    dateline_places: frozenset[str] = frozenset()

    @cached_property
    def appositive_stop(self) -> re.Pattern[str] | None:
        """A full stop before "Name, <appositive verb>" ("My country. Guyana, is"): the stop a
        verbatim record misread for a comma. None without verbs."""
        if not self.appositive_verbs:
            return None
        verbs = "|".join(sorted(map(re.escape, self.appositive_verbs), key=len, reverse=True))
        joiners = "".join(f"{re.escape(w)}|" for w in sorted(self.appositive_name_joiners))
        name = r"[A-Z][\w’'‐-]*"
        # (a sentence adverb is no name: "... legality. Conversely States, must bear in mind")
        # (and each stop of a list of names so misread: "launched by Seychelles. Belize. Cabo Verde and Samoa, is")
        return re.compile(rf"(?<=[^\W_])\.(?= (?![A-Z][a-z]{{3,}}ly\b)(?:{name}\. ){{0,3}}{name}(?: (?:{joiners}{name})){{0,3}}, (?:{verbs})\b)")

    def dateline(self, text: str) -> Dateline | None:
        """The news dateline that opens ``text``, if any."""
        for pattern in self.datelines:
            m = pattern.match(text)
            if m:
                groups = {k: v for k, v in m.groupdict().items() if v}
                return Dateline(m.end(), groups["place"].strip(), groups.get("date"),
                                groups.get("agency") or groups.get("agency2"))
        for pattern in self.place_datelines:
            m = pattern.match(text)
            if m and m.group("place").strip() in self.dateline_places:
                return Dateline(m.end(), m.group("place").strip(), None, None)
        return None

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
                            frozenset(file.ellipsis_continuations.lower().split()), file.attribution,
                            tuple(re.compile(p) for p in file.datelines),
                            re.compile("|".join(f"(?:{p})" for p in file.header_lines), re.IGNORECASE)
                            if file.header_lines else None,
                            frozenset(file.appositive_verbs.lower().split()),
                            frozenset(file.appositive_name_joiners.lower().split()),
                            place_datelines=tuple(re.compile(p) for p in file.place_datelines))
