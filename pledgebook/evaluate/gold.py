"""Gold annotations: one YAML per document (format in docs/gold-format.md), validated and
resolved to character spans of the document text exactly as the extractor reads it.

A YAML that cannot be parsed or validated, or whose text cannot be read, raises
``GoldError``. An anchor that cannot be found is reported in ``GoldDocument.errors`` and
that one statement is left out, so the rest of the document can still be scored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pledgebook.core.data import DocumentKind, Span, StatementKind, Strength
from pledgebook.read import RawDocument, ReadError, read_document

Genre = Literal[
    "bilateral_joint_statement",
    "trade_statement",
    "readout",
    "multilateral_communique",
    "un_speech",
    "news_report",
    "other",
]
METADATA_FIELDS = ("date", "place", "parties", "kind", "agreements_signed")


class GoldError(Exception):
    """Gold that cannot be used. ``str(err)`` is '<yaml path>: <reason>'."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# -- the YAML schema ----------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class _Excerpt(_Strict):
    start: int = Field(ge=0)
    end: int = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> "_Excerpt":
        if self.end <= self.start:
            raise ValueError("excerpt end must be after its start")
        return self


class _Metadata(_Strict):
    # A field left out is "not annotated" and not scored; an explicit null is scored
    # (e.g. ``agreements_signed: null`` = the text gives no count).
    date: str | None = None
    place: str | None = None
    parties: list[str] | None = None
    kind: DocumentKind | None = None
    agreements_signed: int | None = Field(default=None, ge=0)

    @field_validator("date", mode="before")
    @classmethod
    def _iso(cls, value: Any) -> Any:
        # YAML turns an unquoted 2023-10-20 into a date object.
        return value.isoformat() if isinstance(value, dt.date) else value


class _Statement(_Strict):
    anchor: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)
    kind: StatementKind
    # None = not annotated (left out of that measure); [] = annotated as none.
    actors: list[str] | None = None
    strength: Strength | None = None
    sectors: list[str] | None = None
    entities: list[str] | None = None
    optional: bool = False
    note: str | None = None
    # the last day the undertaking may be met (docs/record.md, when.due), or "event" for a
    # deadline relative to an undated event ("before the next summit"); scored only in files
    # with ``due_annotated: true``, where a statement without it has no deadline
    due: str | None = Field(default=None, pattern=r"^(?:\d{4}-\d{2}-\d{2}|event)$")

    @field_validator("due", mode="before")
    @classmethod
    def _due_iso(cls, value: Any) -> Any:
        """A date as ISO; a year or a month alone (``2030``, ``"2030-06"``) at its last day, as
        the extractor reads one (docs/record.md): 2030-12-31, 2030-06-30."""
        if isinstance(value, dt.date):
            return value.isoformat()
        partial = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", str(value)) if isinstance(value, int | str) else None
        if partial is None:
            return value
        year, month = int(partial.group(1)), int(partial.group(2) or 12)
        return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat() if 1 <= month <= 12 else value

    @model_validator(mode="after")
    def _strength_only_for_commitments(self) -> "_Statement":
        if self.strength is not None and self.kind != StatementKind.commitment.value:
            raise ValueError("only commitments carry a strength")
        return self


class _GoldFile(_Strict):
    document: str
    due_annotated: bool = False  # every deadline of the file's statements carries its `due`
    genre: Genre
    excerpt: _Excerpt | None = None
    metadata: _Metadata | None = None
    statements: list[_Statement] = Field(default_factory=list)


# -- resolved gold --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldStatement:
    index: int  # position in the YAML list, for messages
    start: int
    end: int
    anchor: str
    kind: str
    actors: tuple[str, ...] | None
    strength: str | None
    sectors: tuple[str, ...] | None
    entities: tuple[str, ...] | None
    optional: bool
    note: str | None
    due: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def is_commitment(self) -> bool:
        return self.kind == StatementKind.commitment.value


@dataclass(slots=True)
class GoldDocument:
    path: Path  # the YAML file
    text_path: Path
    genre: str
    raw: RawDocument
    excerpt: Span | None
    metadata: dict[str, Any]  # only the annotated fields
    statements: list[GoldStatement]  # in document order
    errors: list[str] = field(default_factory=list)  # anchors that could not be resolved
    due_annotated: bool = False

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def text(self) -> str:
        return self.raw.text


def find_occurrence(text: str, anchor: str, occurrence: int) -> int | None:
    """Start of the ``occurrence``-th (1-based) match of ``anchor`` in ``text``, or None."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            return None
    return pos


def load_gold(path: str | Path) -> GoldDocument:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise GoldError(path, f"cannot read YAML: {_one_line(err)}") from err
    if not isinstance(data, dict):
        raise GoldError(path, "expected a mapping at the top level")
    try:
        spec = _GoldFile.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '<top>'}: {e['msg']}" for e in err.errors()
        )
        raise GoldError(path, f"invalid gold: {problems}") from err

    text_path = (path.parent / spec.document).resolve()
    try:  # the reader the extractor uses, so offsets agree
        raw = read_document(str(text_path))
    except ReadError as err:
        raise GoldError(path, f"cannot read document {spec.document}: {err.reason}") from err

    excerpt = None
    if spec.excerpt is not None:
        if spec.excerpt.end > len(raw.text):
            raise GoldError(path, f"excerpt end {spec.excerpt.end} is past the text ({len(raw.text)} chars)")
        excerpt = Span(spec.excerpt.start, spec.excerpt.end)

    statements: list[GoldStatement] = []
    errors: list[str] = []
    for i, st in enumerate(spec.statements):
        where = f"{path}: statements[{i}]"
        start = find_occurrence(raw.text, st.anchor, st.occurrence)
        if start is None:
            count = raw.text.count(st.anchor)
            reason = (
                "anchor not found in the text"
                if count == 0
                else f"occurrence {st.occurrence} asked for, but the anchor occurs {count} time(s)"
            )
            errors.append(f"{where}: {reason}: {st.anchor!r}")
            continue
        span = Span(start, start + len(st.anchor))
        if excerpt is not None and not excerpt.overlaps(span):
            errors.append(f"{where}: anchor lies outside the excerpt {excerpt.start}-{excerpt.end}: {st.anchor!r}")
            continue
        statements.append(
            GoldStatement(
                index=i,
                start=span.start,
                end=span.end,
                anchor=st.anchor,
                kind=st.kind,
                actors=_tuple(st.actors),
                strength=st.strength,
                sectors=_tuple(st.sectors),
                entities=_tuple(st.entities),
                optional=st.optional,
                note=st.note,
                due=st.due,
            )
        )
    statements.sort(key=lambda g: (g.start, g.end, g.index))
    metadata = spec.metadata.model_dump(include=spec.metadata.model_fields_set) if spec.metadata else {}
    return GoldDocument(path, text_path, spec.genre, raw, excerpt, metadata, statements, errors, spec.due_annotated)


def load_gold_dir(directory: str | Path) -> tuple[list[GoldDocument], list[GoldError]]:
    """Every ``*.yaml``/``*.yml`` directly in ``directory``, in name order; unusable files
    come back as errors rather than stopping the others."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(directory, "not a directory")
    docs: list[GoldDocument] = []
    errors: list[GoldError] = []
    for path in sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()):
        try:
            docs.append(load_gold(path))
        except GoldError as err:
            errors.append(err)
    return docs, errors


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())
