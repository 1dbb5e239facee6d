"""Reading one codebook file: YAML parsed, ``version`` checked, contents validated.

Every file has a pydantic schema (a subclass of ``FileSchema``): strict types, so a string
where a list belongs is an error rather than a list of characters, and no unknown keys, so a
misspelt key is an error rather than silently ignored. Whatever goes wrong is raised as a
``CodebookError`` naming the file and the key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError

from pledgebook.core.data import StatementKind, Strength

SUPPORTED_VERSION = 1
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster
_MAX_PROBLEMS = 5


class CodebookError(ValueError):
    """A codebook file is missing, malformed or inconsistent."""


class Schema(BaseModel):
    """A codebook file or an entry of one: strict types, no unknown keys, read-only."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FileSchema(Schema):
    version: int


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"not a valid regular expression ({err})") from None
    return pattern


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty string, surrounding whitespace removed."""
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
"""A non-empty string kept as written (patterns: their spaces matter)."""
Regex = Annotated[NonEmpty, AfterValidator(_compiles)]
"""A Python regular expression that compiles."""
Words = list[Text]
KindName = Literal[tuple(k.value for k in StatementKind)]  # type: ignore[valid-type]
StrengthName = Literal[tuple(s.value for s in Strength)]  # type: ignore[valid-type]

S = TypeVar("S", bound=FileSchema)


def read_bytes(directory: Path, name: str) -> bytes:
    try:
        return (directory / name).read_bytes()
    except OSError as err:
        raise CodebookError(f"{name}: cannot read ({err.strerror or err})") from err


def parse(name: str, raw: bytes, version: int = SUPPORTED_VERSION) -> dict[str, Any]:
    """A file's YAML as a mapping with the supported ``version``."""
    try:
        data = yaml.load(raw, Loader=_YAML_LOADER)
    except yaml.YAMLError as err:
        raise CodebookError(f"{name}: not valid YAML ({err})") from err
    if not isinstance(data, dict):
        raise CodebookError(f"{name}: must be a mapping")
    if data.get("version") != version:
        raise CodebookError(f"{name}: unsupported or missing version {data.get('version')!r} (expected {version})")
    return data


def validate(name: str, data: dict[str, Any], schema: type[S]) -> S:
    """``data`` checked against ``schema``; every problem named by file and key."""
    try:
        return schema.model_validate(data)
    except ValidationError as err:
        raise CodebookError(explain(name, err)) from None


def explain(name: str, err: ValidationError) -> str:
    problems = [f"{name}: {_where(e['loc'])}: {_message(e)}" for e in err.errors(include_url=False)]
    more = len(problems) - _MAX_PROBLEMS
    return "\n".join(problems[:_MAX_PROBLEMS] + ([f"({more} more)"] if more > 0 else []))


def _where(loc: tuple[int | str, ...]) -> str:
    """``entities[12].kind``; a mapping's key that is itself wrong is named as the key."""
    out = ""
    for part in loc:
        if part == "[key]":
            out += " (the key)"
        else:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _message(error: dict[str, Any]) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] == "missing":
        return "missing"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{message} (got {_short(error.get('input'))})"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
