"""The extraction record: small, typed, validated objects.

A span is explicit and checked against the text it claims to quote; a field the
extractor cannot ground is ``None`` (or an empty list), never a guess.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

RECORD_VERSION = "1.1"


class StatementKind(str, Enum):
    commitment = "commitment"
    position = "position"
    appreciation = "appreciation"
    agreement = "agreement"
    meeting = "meeting"
    discussion = "discussion"


class Strength(str, Enum):
    """Ordinal: firm > moderate > soft (only commitments carry a strength)."""

    firm = "firm"
    moderate = "moderate"
    soft = "soft"


STRENGTH_RANK = {Strength.soft: 1, Strength.moderate: 2, Strength.firm: 3}

DocumentKind = Literal[
    "joint_statement", "communique", "declaration", "readout", "news_report", "speech", "fact_sheet", "other"
]
EntityKind = Literal["project", "initiative", "agreement", "institution", "place", "person", "event", "other"]
# Where a statement's actors came from: its grammatical subject, the reporting clause ("China
# stated that ..."), the clause introducing a list ("We will:"), the statement before it (a
# pronoun that refers back), or, when nothing in the text names them, the document's parties;
# "non_state": the subject is a company or an international organisation, in non_state_actors.
ActorSource = Literal["subject", "reporter", "list_lead", "previous_statement", "document_parties", "non_state"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text as read."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        if self.end > len(text):
            raise ValueError(f"span [{self.start}, {self.end}) runs past the text ({len(text)} chars)")
        return text[self.start : self.end]

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


class _Model(BaseModel):
    # Frozen: a record is validated once, when built, and never changed after (a changed copy
    # is ``model_copy(update=...)``, which a consumer must validate again if it needs to).
    model_config = ConfigDict(extra="forbid", use_enum_values=True, frozen=True)


class EntityMention(_Model):
    """A named project, initiative, agreement, institution, place or person, grounded in the text."""

    name: str = Field(description="Canonical name (gazetteer name, or the surface form for a discovered entity).")
    kind: EntityKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    surface: str = Field(description="The text exactly as it appears: document_text[start:end].")
    # "anaphora": "the plant" standing for a project named earlier; the span is the anaphor's words
    source: Literal["gazetteer", "discovered", "anaphora"] = "gazetteer"

    @model_validator(mode="after")
    def _ordered(self) -> "EntityMention":
        if self.end < self.start:
            raise ValueError("entity end before start")
        return self


DuePrecision = Literal["day", "month", "season", "quarter", "half", "year", "event"]


class When(_Model):
    """A time expression attached to a statement."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: Literal["deadline", "date", "duration", "period", "recurring", "vague"]
    date: str | None = Field(default=None, description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD) when resolvable.")
    due: str | None = Field(
        default=None,
        description="ISO date YYYY-MM-DD: the last day by which the undertaking is to be met, when the "
        "expression sets one (a deadline, a period that ends, a date to come); null for a past date, a "
        "duration, a recurrence, a vague time or an event not yet dated.",
    )
    precision: DuePrecision | None = Field(
        default=None,
        description="How exact `due` is: the unit the text named (`event`: a relative event such as "
        "'the next summit', named in `event`, with `due` null unless the event carries a year).",
    )
    event: str | None = Field(default=None, description="The event a deadline is relative to ('the next summit').")


class Statement(_Model):
    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: StatementKind
    actors: list[str] = Field(description="ISO 3166-1 alpha-3 codes or group codes (G7, G20, QUAD, EU ...).")
    strength: Strength | None = Field(description="Only for commitments.")
    sectors: list[str]
    entities: list[EntityMention]
    when: When | None
    plover: str | None
    cameo: str | None
    rule: str = Field(description="Id of the rule that produced this statement (`pledgebook rules` lists them).")
    trigger: str | None = Field(default=None, description="Lemma of the trigger word the rule fired on, if any.")
    trigger_words: list[str] = Field(default_factory=list, description="The words that decided the rule, as written.")
    actor_source: ActorSource = Field(default="document_parties", description="Where the actors came from.")
    non_state_actors: list[str] = Field(
        default_factory=list,
        description="Companies and international organisations that say or undertake it, by name (e.g. "
        "'General Atomics', 'World Bank'); `actors` is then empty and `actor_source` is 'non_state'. "
        "Added in record version 1.1: absent from older records, which read as [].",
    )
    rationale: str = Field(description="Human-readable: the rule, the trigger words and where the actors came from.")

    @model_validator(mode="after")
    def _check(self) -> "Statement":
        if self.end <= self.start:
            raise ValueError("statement span is empty")
        if len(self.text) != self.end - self.start:
            raise ValueError("statement text length does not match its span")
        if self.kind != StatementKind.commitment.value and self.strength is not None:
            raise ValueError("only commitments carry a strength")
        return self


class DocumentMeta(_Model):
    id: str
    source: str
    title: str | None
    date: str | None = Field(description="ISO date YYYY-MM-DD from the dateline, front matter or file name (YYYY alone when only the year is known, e.g. UN General Debate speeches).", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    place: str | None
    parties: list[str]
    kind: DocumentKind
    content_hash: str = Field(description="sha256 of the document text as read.")
    chars: int = Field(ge=0)


class ExtractionRecord(_Model):
    record_version: str = RECORD_VERSION
    document: DocumentMeta
    statements: list[Statement]
    agreements_signed: int | None = Field(description="Number of instruments signed, where the text gives it.")

    def check_grounding(self, text: str) -> None:
        """Raise ``ValueError`` unless every span quotes ``text`` exactly."""
        for st in self.statements:
            if Span(st.start, st.end).of(text) != st.text:
                raise ValueError(f"statement {st.id} is not grounded")
            for ent in st.entities:
                if Span(ent.start, ent.end).of(text) != ent.surface:
                    raise ValueError(f"entity {ent.name} in {st.id} is not grounded")
            if st.when is not None and Span(st.when.start, st.when.end).of(text) != st.when.text:
                raise ValueError(f"time expression in {st.id} is not grounded")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def statement_id(doc_id: str, start: int, end: int) -> str:
    """Stable id: the same span of the same text always gets the same id."""
    return f"{doc_id}:{start}-{end}"


def record_json_schema(rule_ids: Sequence[str] = ()) -> dict:
    """The record's JSON Schema; ``rule_ids``: the rules a statement's ``rule`` may name (the
    codebook's registry, which this lowest layer does not read itself)."""
    schema = ExtractionRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "pledgebook extraction record"
    if rule_ids:
        schema["$defs"]["Statement"]["properties"]["rule"]["enum"] = sorted(rule_ids)
    return schema
