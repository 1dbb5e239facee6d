"""Status labels for tracking what became of a pledge (``data/tracking.yaml``), validated like
the codebook's files. They are not extraction vocabulary: the extractor does not read the file
(``book.TRACKING_FILES``), so it is not part of ``codebook_version``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator

from pledgebook.codebook.files import FileSchema, Schema, Text, parse, read_bytes, validate

TRACKING = Path(__file__).with_name("data") / "tracking.yaml"
_LABEL_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")  # fits status_history.status (40)


class StatusLabel(Schema):
    id: Text
    label: Text
    description: str = ""

    @model_validator(mode="after")
    def _id(self) -> "StatusLabel":
        if not _LABEL_ID.match(self.id):
            raise ValueError(f"status id {self.id!r} must be lower-case letters, digits and _ (at most 40)")
        return self


class TrackingFile(FileSchema):
    statuses: list[StatusLabel] = Field(min_length=1)
    fulfilled: Text
    default: Text
    suggestions: dict[Text, Text] = {}  # a confirmed suggestion of this kind sets this status

    @model_validator(mode="after")
    def _known(self) -> "TrackingFile":
        ids = [s.id for s in self.statuses]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate status ids in {ids}")
        named = [("fulfilled", self.fulfilled), ("default", self.default),
                 *((f"suggestions.{kind}", status) for kind, status in self.suggestions.items())]
        for key, status in named:
            if status not in ids:
                raise ValueError(f"{key}: {status!r} is not one of the statuses ({', '.join(ids)})")
        return self


@dataclass(frozen=True)
class Tracking:
    """The status labels, in order, and which one means done."""

    statuses: tuple[StatusLabel, ...]
    fulfilled: str
    default: str
    suggestions: dict[str, str] = field(default_factory=dict)  # suggestion kind -> status confirming it sets

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.statuses)

    def label(self, status: str) -> str:
        return next((s.label for s in self.statuses if s.id == status), status)


def load_tracking(path: Path | None = None) -> Tracking:
    """The tracking labels of ``path`` (a tracking.yaml, or a codebook directory: its
    tracking.yaml, else the bundled one, so a codebook copied before the file existed still
    works), else the bundled file; ``CodebookError`` if the file is missing or invalid."""
    chosen = Path(path if path is not None else TRACKING).expanduser().resolve()
    if chosen.is_dir():  # a codebook directory (`--codebook DIR`)
        chosen = chosen / TRACKING.name if (chosen / TRACKING.name).is_file() else TRACKING
    try:
        stamp = chosen.stat().st_mtime_ns
    except OSError:
        stamp = -1  # read_bytes below says why
    return _load(chosen, stamp)


@lru_cache(maxsize=8)
def _load(path: Path, stamp: int) -> Tracking:
    """Read once per version of the file (``stamp``: its modification time)."""
    name = path.name
    data = validate(name, parse(name, read_bytes(path.parent, name)), TrackingFile)
    return Tracking(tuple(data.statuses), data.fulfilled, data.default, dict(data.suggestions))
