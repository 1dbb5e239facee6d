"""The listings several outputs share: extraction records, stored statements and threads,
each with its JSON form, its rows and its readable table (the API will serve the same)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pledgebook.serve.render import Listing, TableColumn, each, print_table
from pledgebook.serve.rows import STATEMENTS, THREADS, ledger_statement_row, record_statement_rows, thread_row
from pledgebook.serve.wording import is_plain, prose, word_diff

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from pledgebook.core.data import ExtractionRecord
    from pledgebook.link.views import ThreadView
    from pledgebook.store.ledger import LedgerRow

_LEADING_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}[-_ .]*")
TITLE_WIDTH = 30  # a document title in a table or list line
_KIND_STYLE = {"commitment": "bold green", "position": "cyan", "appreciation": "magenta",
               "agreement": "yellow", "meeting": "blue", "discussion": "white"}


def one_line(text: str | None) -> str:
    """Quoted text as clean prose on one line (serve/wording.py): what every table shows."""
    return prose(text)


def actors_cell(actors: Iterable[str], non_state: Iterable[str]) -> str:
    """Who undertakes a statement, for a table: its party codes, or the companies and
    international organisations that undertake it when no party does ("World Bank")."""
    return ", ".join(actors) or ", ".join(non_state)


def short_source(source: str) -> str:
    """A document's source for a table cell: its file name without the extension and without
    a leading date (the date has its own column); the full source is in json and csv."""
    stem = Path(source).stem if "://" not in source else source.rstrip("/").rsplit("/", 1)[-1]
    return _LEADING_DATE.sub("", stem) or stem


def short_title(title: str | None, source: str, width: int = TITLE_WIDTH) -> str:
    """A document's title (else its short source) cut at a word to ``width`` characters."""
    text = prose(title) or short_source(source)
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def wordings(texts: list[str], console: Console) -> list[Text]:
    """Each member of a series as prose, every one after the first as a word diff from the
    one before it (dropped words struck out, added ones marked)."""
    from rich.text import Text

    plain = is_plain(console)
    return [Text(prose(t)) if n == 0 else word_diff(texts[n - 1], t, plain=plain) for n, t in enumerate(texts)]


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
    fields = [f"date {doc.date or '?'}", f"place {doc.place or '?'}", f"parties {', '.join(doc.parties) or '?'}",
              f"kind {doc.kind}", f"agreements signed {signed}"]
    # (wider than the terminal: two lines broken between fields, not one broken inside a field)
    lines = [fields] if len("  " + " · ".join(fields)) <= console.width else [fields[:3], fields[3:]]
    for part in lines:
        console.print("  " + " · ".join(part), markup=False)
    console.print(f"  {summary}", markup=False)
    columns = [TableColumn("kind", 12), TableColumn("actors", 9, drop=3), TableColumn("str.", 8, drop=2),
               TableColumn("sectors", 14, drop=5), TableColumn("entities", 14, drop=1), TableColumn("when", 12, drop=4),
               TableColumn("text", text=True)]
    print_table(console, columns, ([kind_cell(st.kind), actors_cell(st.actors, st.non_state_actors), st.strength,
                                    ", ".join(st.sectors), ", ".join(dict.fromkeys(e.name for e in st.entities)),
                                    st.when.text if st.when else None, one_line(st.text)]
                                   for st in record.statements))


def _statement_table(rows: Iterable[LedgerRow], console: Console) -> None:
    rows = list(rows)
    # Narrow: sectors go first, then entities, source, actors, strength (120 columns: date,
    # kind, actors, strength, due, source, text); below LIST_BELOW a list, text first.
    # The status column only once some statement has one (`status set`); in the list layout it
    # follows the kind on the details line.
    status = [TableColumn("status", 11, drop=2)] if any(r.status for r in rows) else []
    columns = [TableColumn("date", 10), TableColumn("kind", 12), *status, TableColumn("actors", 9, drop=3),
               TableColumn("str.", 8, drop=2), TableColumn("due", 10, drop=1), TableColumn("source", 18, drop=4),
               TableColumn("sectors", 14, drop=6), TableColumn("entities", 14, drop=5), TableColumn("text", text=True)]
    print_table(console, columns, ([r.document_date or "?", kind_cell(r.kind), *([r.status] if status else []),
                                    actors_cell(r.actors, r.non_state_actors), r.strength,
                                    r.due or r.due_event, short_title(r.document_title, r.document_source),
                                    ", ".join(r.sectors),
                                    ", ".join(r.entities), one_line(r.text)] for r in rows),
                caption=f"{len(rows)} statement{'s' if len(rows) != 1 else ''}")


def _threads_table(views: Iterable[ThreadView], console: Console) -> None:
    views = list(views)
    status = [TableColumn("status", 11, drop=2, labelled=True)] if any(v.status for v in views) else []
    columns = [TableColumn("thread", 6, justify="right", labelled=True),
               TableColumn("docs", 4, justify="right", labelled=True), *status, TableColumn("first", 10, labelled=True),
               TableColumn("last", 10, drop=3, labelled=True), TableColumn("strength", 10, drop=2, labelled=True),
               TableColumn("entities", 16, drop=1), TableColumn("latest wording", text=True)]
    rows = []
    for v in views:
        row = thread_row(v)
        strength = v.strength_change if len(v.members) > 1 else (v.strengths[0] if v.strengths else None)
        rows.append([str(v.id), str(v.documents), *([v.status] if status else []), v.first_seen or "?",
                     v.last_seen or "?", strength, ", ".join(row["entities"]), one_line(row["latest_text"] or "")])
    print_table(console, columns, rows, caption=f"{len(views)} thread{'s' if len(views) != 1 else ''}")
