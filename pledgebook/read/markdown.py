"""Markdown with an optional YAML front matter block.

The document text stays the whole file; ``body_start`` points past the closing
fence, and title/date/other keys come from the YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

# '---' on the first line, YAML, then a '---' (or YAML's '...') line.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_OPENING_FENCE = re.compile(r"\A---[ \t]*\r?\n")


@dataclass(slots=True)
class FrontMatter:
    body_start: int = 0
    title: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases: front matter never needs them, and they
    allow 'billion laughs' blow-ups when the values are walked."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed in front matter", event.start_mark)
        return super().compose_node(parent, index)


def parse_front_matter(text: str) -> FrontMatter:
    """Never raises: malformed front matter gives body_start=0 and meta['front_matter_error']."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        if _OPENING_FENCE.match(text):
            return FrontMatter(meta={"front_matter_error": "front matter has no closing '---' line"})
        return FrontMatter()
    try:
        data = yaml.load(match.group("yaml"), Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return FrontMatter(meta={"front_matter_error": f"front matter is a {type(data).__name__}, not a mapping"})
        meta = {str(key): _plain(value) for key, value in data.items()}
    # Not only YAMLError: a bad timestamp raises ValueError, deep nesting RecursionError.
    except Exception as err:  # noqa: BLE001
        return FrontMatter(meta={"front_matter_error": _one_line(str(err)) or type(err).__name__})
    title = meta.pop("title", None)
    if title is not None:
        # pandoc's '\_' escapes decode to NBSP in YAML; a title is for display and matching.
        title = str(title).replace("\u00a0", " ").strip() or None
    raw_date = data.get("date")
    date = _iso_date(raw_date)
    if date is not None or raw_date is None:
        meta.pop("date", None)  # an unparseable date stays in meta for whoever can use it
    return FrontMatter(body_start=match.end(), title=title, date=date, meta=meta)


def _iso_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        for candidate in (text, text[:10]):
            try:
                return dt.date.fromisoformat(candidate).isoformat()
            except ValueError:
                continue
    return None


def _plain(value: Any) -> Any:
    """JSON-friendly copy: dates and datetimes become ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value


def _one_line(message: str) -> str:
    return " ".join(message.split())
