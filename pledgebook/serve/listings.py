"""The listings several outputs share: extraction records, stored statements and threads,
each with its JSON form, its rows and its readable table (the API will serve the same)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pledgebook.serve.render import Listing, TableColumn, each, print_table
from pledgebook.serve.rows import STATEMENTS, THREADS, ledger_statement_row, record_statement_rows, thread_row

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from pledgebook.core.data import ExtractionRecord
    from pledgebook.link.views import ThreadView, WordingChange
    from pledgebook.store.ledger import LedgerRow

_LEADING_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}[-_ .]*")
_KIND_STYLE = {"commitment": "bold green", "position": "cyan", "appreciation": "magenta",
               "agreement": "yellow", "meeting": "blue", "discussion": "white"}


def one_line(text: str) -> str:
    return " ".join(text.split())


def short_source(source: str) -> str:
    """A document's source for a table cell: its file name without the extension and without
    a leading date (the date has its own column); the full source is in json and csv."""
    stem = Path(source).stem if "://" not in source else source.rstrip("/").rsplit("/", 1)[-1]
    return _LEADING_DATE.sub("", stem) or stem


def change_cell(change: WordingChange | None) -> Text | None:
    """The words a statement dropped (red) and added (green) since the previous one."""
    from rich.text import Text

    if change is None:
        return None
    parts = [(f"- {r}", "red") for r in change.removed] + [(f"+ {a}", "green") for a in change.added]
    return Text("; ").join(Text(one_line(p), style=style) for p, style in parts)


def kind_cell(kind: str) -> Text:
    from rich.text import Text

    return Text(kind, style=_KIND_STYLE.get(kind, "white"))


def records_listing(records: Iterable[ExtractionRecord]) -> Listing:
    """Extraction records: whole in json (one object for one document), a row per statement in csv."""
    return Listing(records, as_json=lambda r: r.model_dump(mode="json"), kind=STATEMENTS,
                   as_rows=record_statement_rows, table=each(_record_table), json_shape="auto")


def statements_listing(rows: list[LedgerRow]) -> Listing:
    """Stored statements, one row each (json: an array of the same rows)."""
    return Listing(rows, as_json=ledger_statement_row, kind=STATEMENTS,
                   as_rows=lambda row: (ledger_statement_row(row),), table=_statement_table)


def threads_listing(views: list[ThreadView]) -> Listing:
    """Threads: whole, members included, in json; one row per thread in csv."""
    return Listing(views, as_json=lambda v: v.to_dict(), kind=THREADS,
                   as_rows=lambda v: (thread_row(v),), table=_threads_table)


def _record_table(record: ExtractionRecord, console: Console) -> None:
    doc = record.document
    counts: dict[str, int] = {}
    for st in record.statements:
        counts[st.kind] = counts.get(st.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])) or "no statements"
    signed = record.agreements_signed if record.agreements_signed is not None else "?"
    from rich.markup import escape

    console.print(f"[bold]{escape(doc.title or doc.source)}[/bold]")
    console.print(f"  date {doc.date or '?'} · place {doc.place or '?'} · parties {', '.join(doc.parties) or '?'} · "
                  f"kind {doc.kind} · agreements signed {signed}", markup=False)
    console.print(f"  {summary}", markup=False)
    columns = [TableColumn("kind", 12), TableColumn("actors", 9, drop=3), TableColumn("str.", 8, drop=2),
               TableColumn("sectors", 14, drop=5), TableColumn("entities", 14, drop=1), TableColumn("when", 12, drop=4),
               TableColumn("text", text=True)]
    print_table(console, columns, ([kind_cell(st.kind), ",".join(st.actors), st.strength,
                                    ", ".join(st.sectors), ", ".join(dict.fromkeys(e.name for e in st.entities)),
                                    st.when.text if st.when else None, one_line(st.text)]
                                   for st in record.statements))


def _statement_table(rows: Iterable[LedgerRow], console: Console) -> None:
    rows = list(rows)
    # Narrow: sectors go first, then source, entities, actors, strength (80 columns: date, kind,
    # actors, strength, text; 120: also entities and source).
    columns = [TableColumn("date", 10), TableColumn("source", 18, drop=5), TableColumn("kind", 12),
               TableColumn("actors", 9, drop=3), TableColumn("str.", 8, drop=2), TableColumn("due", 10, drop=1),
               TableColumn("sectors", 14, drop=6), TableColumn("entities", 14, drop=4), TableColumn("text", text=True)]
    print_table(console, columns, ([r.document_date or "?", short_source(r.document_source), kind_cell(r.kind),
                                    ", ".join(r.actors), r.strength, r.due or r.due_event, ", ".join(r.sectors),
                                    ", ".join(r.entities), one_line(r.text)] for r in rows),
                caption=f"{len(rows)} statement{'s' if len(rows) != 1 else ''}")


def _threads_table(views: Iterable[ThreadView], console: Console) -> None:
    views = list(views)
    columns = [TableColumn("id", 6, justify="right"), TableColumn("docs", 4, justify="right"),
               TableColumn("first", 10), TableColumn("last", 10, drop=3), TableColumn("strength", 10, drop=2),
               TableColumn("entities", 16, drop=1), TableColumn("latest wording", text=True)]
    rows = []
    for v in views:
        row = thread_row(v)
        strength = v.strength_change if len(v.members) > 1 else (v.strengths[0] if v.strengths else None)
        rows.append([str(v.id), str(v.documents), v.first_seen or "?", v.last_seen or "?", strength,
                     ", ".join(row["entities"]), one_line(row["latest_text"] or "")])
    print_table(console, columns, rows, caption=f"{len(views)} thread{'s' if len(views) != 1 else ''}")
