"""Output formats: one registry of named renderers that every command (and the API's
``?format=``) prints through.

A command hands over a ``Listing``: its items and how each kind of output sees one. ``json``
and ``jsonl`` print each item whole; ``csv`` and ``parquet`` print its rows in the columns of
its row kind (serve/rows.py), so a statement has the same columns whichever command prints
it; ``events`` turns statement rows into PLOVER-style events; ``table`` is the readable view,
laid out for the terminal's width by ``print_table`` (below): every command's table is
readable at 80 columns as at 200.
"""

from __future__ import annotations

import csv
import io
import json
import os
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import chain, islice
from typing import IO, Any, Literal

from pledgebook.serve.rows import EVENTS, STATEMENTS, RowKind, event_rows


def _whole(item: Any) -> Any:
    return item


@dataclass(frozen=True)
class Listing:
    """What a command prints, in a form every renderer can take. ``items`` is read once, as it
    comes (a generator streams: extract prints each document as it is done)."""

    items: Iterable[Any]
    as_json: Callable[[Any], Any] = _whole  # an item whole (json, jsonl)
    kind: RowKind | None = None  # the columns of its rows (csv, parquet, events)
    as_rows: Callable[[Any], Iterable[dict]] = lambda item: (item,)  # an item's rows in those columns
    table: Callable[[Iterable[Any], Any], None] | None = None  # (items, rich Console): the readable view
    # json: "array" always; "object" for a command that prints one thing; "auto": an object
    # when there is exactly one item, else an array (`extract` of one file or several).
    json_shape: Literal["array", "object", "auto"] = "array"
    table_width: int | None = None  # table: columns when not printing to a terminal and $COLUMNS is unset

    def rows(self) -> Iterator[dict]:
        for item in self.items:
            yield from self.as_rows(item)


def one_result(result: Any, table: Callable[[Any, Any], None], as_json: Callable[[Any], Any] | None = None,
               table_width: int | None = None) -> Listing:
    """A command's single result (a report, a summary): one JSON object, or ``table(result, console)``."""
    return Listing([result], as_json=as_json or (lambda r: r.to_dict()), json_shape="object",
                   table=each(table), table_width=table_width)


def each(table: Callable[[Any, Any], None]) -> Callable[[Iterable[Any], Any], None]:
    """A listing's table that is the item's own view, printed for each item in turn."""
    def view(items: Iterable[Any], console: Any) -> None:
        for item in items:
            table(item, console)
    return view


class RenderError(ValueError):
    """A format this listing cannot be given in (no rows for csv, no readable view for table)."""


@dataclass(frozen=True)
class Renderer:
    name: str
    media_type: str  # for HTTP responses
    binary: bool  # writes bytes (parquet), else text
    write: Callable[[Listing, IO], None]
    accepts: Callable[[Listing], bool] = lambda listing: True


def _dumps(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _write_json(listing: Listing, out: IO[str]) -> None:
    items = iter(listing.items)
    if listing.json_shape != "array":
        first = list(islice(items, 2))
        if listing.json_shape == "object" or len(first) == 1:
            if len(first) != 1:
                raise RenderError(f"expected one item to print as a JSON object, got {len(first)}")
            out.write(_dumps(listing.as_json(first[0])) + "\n")
            return
        items = chain(first, items)
    # Streamed, yet the same text as json.dumps(list, indent=2): JSON strings hold no raw newline.
    sep = "[\n"
    for item in items:
        out.write(sep + textwrap.indent(_dumps(listing.as_json(item)), "  "))
        sep = ",\n"
    out.write("[]\n" if sep == "[\n" else "\n]\n")


def _write_jsonl(listing: Listing, out: IO[str]) -> None:
    for item in listing.items:
        out.write(_dumps(listing.as_json(item), indent=None) + "\n")


def csv_cell(value: Any, prose: bool) -> Any:
    """A list is joined by ';', free text is put on one line, None is empty."""
    if isinstance(value, list):
        return ";".join("" if v is None else str(v) for v in value)
    if prose and isinstance(value, str):
        return " ".join(value.split())
    return value


def _write_csv(listing: Listing, out: IO[str]) -> None:
    kind = listing.kind
    assert kind is not None
    writer = csv.writer(out)
    writer.writerow(kind.names)
    for row in listing.rows():
        writer.writerow([csv_cell(row[c.name], c.prose) for c in kind.columns])


def _write_events(listing: Listing, out: IO[str]) -> None:
    for statement in listing.rows():
        for event in event_rows(statement):
            out.write(_dumps({name: event[name] for name in EVENTS.names}, indent=None) + "\n")


def _arrow_schema(kind: RowKind):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string())}
    return pa.schema([(c.name, types[c.type]) for c in kind.columns])


def _write_parquet(listing: Listing, out: IO[bytes], batch: int = 10_000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    assert listing.kind is not None
    schema = _arrow_schema(listing.kind)  # explicit: column types stay the same even for no rows
    rows = listing.rows()
    with pq.ParquetWriter(out, schema) as writer:
        while chunk := list(islice(rows, batch)):
            writer.write_batch(pa.RecordBatch.from_pylist(chunk, schema=schema))


def _write_table(listing: Listing, out: IO[str]) -> None:
    from rich.console import Console

    assert listing.table is not None
    console = Console(file=out)  # $COLUMNS, else the terminal's width, else 80
    if not console.is_terminal and listing.table_width and not os.environ.get("COLUMNS"):
        console = Console(file=out, width=listing.table_width)
    listing.table(listing.items, console)


# --- the table renderer's layout ---------------------------------------------------------

TEXT_MIN = 40  # a text column narrower than this makes the optional columns go
ROW_LINES = 3  # a text cell shows at most this many lines (json and csv carry the whole text)
LIST_BELOW = 100  # narrower terminals get the list layout: the text first, at full width


@dataclass(frozen=True)
class TableColumn:
    """A column of a readable table. A fixed column shows one line per cell, cut with "…"
    past ``max_width``; a text column (``text=True``) takes the width the others leave,
    shared by ``weight``, and wraps to at most ``ROW_LINES`` lines. When the text columns
    would be narrower than ``TEXT_MIN``, the column with the highest ``drop`` goes first
    (0: always shown), so a narrow terminal shows fewer columns rather than folded ones."""

    header: str
    max_width: int = 14
    drop: int = 0
    text: bool = False
    weight: int = 1
    justify: Literal["left", "right", "center"] = "left"
    labelled: bool = False  # list layout: "header value" (a bare number would say nothing)


Cell = Any  # str (printed as plain text, never as markup), rich Text (styled), or None


def print_table(console: Any, columns: list[TableColumn], rows: Iterable[list[Cell]], *, title: str | None = None,
                caption: str | None = None, lines: int = ROW_LINES, expand: bool = False) -> None:
    """Print ``rows`` as a table that fits ``console.width`` (see ``TableColumn``); ``expand``:
    text columns take their whole share even when their cells are shorter (tables printed
    one under another then line up). Below ``LIST_BELOW`` columns a table with a text column
    is printed as a list instead (``print_list``): a text column is never squeezed."""
    from rich.table import Table
    from rich.text import Text

    cells = [[c if isinstance(c, Text) else Text("" if c is None else str(c)) for c in row] for row in rows]
    if console.width < LIST_BELOW and any(col.text for col in columns):
        print_list(console, columns, cells, title=title, caption=caption, lines=lines + 1)
        return
    natural = [max([len(col.header)] + [row[i].cell_len for row in cells]) for i, col in enumerate(columns)]
    shown = _fit(console.width, columns, natural, expand)
    table = Table(title=title, caption=caption, title_justify="left")
    for i, width in shown:
        col = columns[i]
        table.add_column(col.header, width=width, no_wrap=not col.text, overflow="ellipsis", justify=col.justify)
    for row in cells:
        table.add_row(*(_clip(row[i], width, lines, console) if columns[i].text else row[i] for i, width in shown))
    console.print(table)


def print_list(console: Any, columns: list[TableColumn], cells: list[list[Any]], *, title: str | None = None,
               caption: str | None = None, lines: int = ROW_LINES + 1) -> None:
    """The narrow layout of a table: for each row its text cells at the terminal's width (at
    most ``lines`` lines each, labelled with their header when the table has several text
    columns), then one dim line of the other cells joined by " · " (cut with "…"), then a
    blank line. A row of one text column is thus at most ``lines`` + 2 lines tall."""
    from rich.text import Text

    width = console.width
    if title:
        console.print(Text(title, style="bold"))
    texts = [i for i, col in enumerate(columns) if col.text]
    for row in cells:
        for i in texts:
            if not row[i].plain and len(texts) > 1:
                continue
            label = columns[i].header if len(texts) > 1 and columns[i].header else ""
            cell = Text.assemble((f"{label}: ", "bold"), row[i]) if label else row[i]
            console.print(_clip(cell, width, lines, console), overflow="ignore", crop=False)
        meta = Text(" · ").join(Text(f"{col.header} ") + row[i] if col.labelled else row[i]
                                for i, col in enumerate(columns) if not col.text and row[i].plain)
        meta.truncate(width - 2, overflow="ellipsis")
        meta.stylize("dim")
        console.print(Text("  ") + meta, no_wrap=True, overflow="ellipsis")
        console.print()
    if caption:
        console.print(Text(caption, style="dim"))


def _fit(width: int, columns: list[TableColumn], natural: list[int], expand: bool) -> list[tuple[int, int]]:
    """(column index, width) of the columns shown: optional ones dropped, highest ``drop``
    first, until the text columns get ``TEXT_MIN`` each; text columns share what is left."""
    shown = list(range(len(columns)))

    def spare() -> int:  # a column costs its width, two spaces of padding and a rule
        return width - 1 - sum(3 + (0 if columns[i].text else min(natural[i], columns[i].max_width)) for i in shown)

    while spare() < TEXT_MIN * sum(columns[i].text for i in shown) or spare() < 0:
        optional = [i for i in shown if columns[i].drop]
        if not optional:
            break
        shown.remove(max(optional, key=lambda i: (columns[i].drop, i)))
    texts = [i for i in shown if columns[i].text]
    weights = sum(columns[i].weight for i in texts) or 1
    room = max(spare(), 8 * len(texts))
    return [(i, min(natural[i] if not expand else room, max(8, room * columns[i].weight // weights)) if columns[i].text
             else min(natural[i], columns[i].max_width)) for i in shown]


def _clip(text: Any, width: int, lines: int, console: Any) -> Any:
    """``text`` wrapped to ``width``, cut to ``lines`` lines (the last ending in "…")."""
    from rich.text import Text

    wrapped = list(text.wrap(console, width))
    for line in wrapped:
        line.rstrip()
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1]
        last.rstrip()
        last.truncate(width - 1)
        last.append("…")
    return Text("\n").join(wrapped)


def _has_rows(listing: Listing) -> bool:
    return listing.kind is not None


RENDERERS: dict[str, Renderer] = {r.name: r for r in (
    Renderer("table", "text/plain; charset=utf-8", False, _write_table, lambda listing: listing.table is not None),
    Renderer("json", "application/json", False, _write_json),
    Renderer("jsonl", "application/x-ndjson", False, _write_jsonl),
    Renderer("csv", "text/csv; charset=utf-8", False, _write_csv, _has_rows),
    Renderer("parquet", "application/vnd.apache.parquet", True, _write_parquet, _has_rows),
    Renderer("events", "application/x-ndjson", False, _write_events, lambda listing: listing.kind is STATEMENTS),
)}

# The one format type: every name in the registry (commands declare which they offer).
Format = Enum("Format", [(name, name) for name in RENDERERS], type=str)  # type: ignore[misc]


def renderer(fmt: str) -> Renderer:
    try:
        return RENDERERS[str(getattr(fmt, "value", fmt))]
    except KeyError:
        raise RenderError(f"unknown format {fmt!r} (one of {', '.join(RENDERERS)})") from None


def render(listing: Listing, fmt: str, out: IO) -> None:
    """Write ``listing`` to ``out`` (a binary stream for parquet, else a text stream)."""
    chosen = renderer(fmt)
    if not chosen.accepts(listing):
        raise RenderError(f"this output has no {chosen.name} form")
    chosen.write(listing, out)


def render_bytes(listing: Listing, fmt: str) -> bytes:
    """The whole output as bytes (UTF-8 for text formats): what an HTTP response sends."""
    if renderer(fmt).binary:
        buffer = io.BytesIO()
        render(listing, fmt, buffer)
        return buffer.getvalue()
    text = io.StringIO()
    render(listing, fmt, text)
    return text.getvalue().encode("utf-8")
