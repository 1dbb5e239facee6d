"""The listings several outputs share: extraction records, stored statements and threads,
each with its JSON form, its rows and its readable table (the API will serve the same)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pledgebook.serve.render import Listing, each
from pledgebook.serve.rows import STATEMENTS, THREADS, ledger_statement_row, record_statement_rows, thread_row

if TYPE_CHECKING:
    from rich.console import Console

    from pledgebook.core.data import ExtractionRecord
    from pledgebook.link.views import ThreadView
    from pledgebook.store.ledger import LedgerRow

_KIND_STYLE = {"commitment": "bold green", "position": "cyan", "appreciation": "magenta",
               "agreement": "yellow", "meeting": "blue", "discussion": "white"}


def one_line(text: str) -> str:
    return " ".join(text.split())


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
    from rich.table import Table

    doc = record.document
    counts: dict[str, int] = {}
    for st in record.statements:
        counts[st.kind] = counts.get(st.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])) or "no statements"
    signed = record.agreements_signed if record.agreements_signed is not None else "?"
    console.print(f"[bold]{doc.title or doc.source}[/bold]")
    console.print(f"  date {doc.date or '?'} · place {doc.place or '?'} · parties {', '.join(doc.parties) or '?'} · "
                  f"kind {doc.kind} · agreements signed {signed}")
    console.print(f"  {summary}")
    table = Table(show_lines=False, expand=True)
    for name in ("kind", "actors", "str."):
        table.add_column(name, no_wrap=True)
    # Ratios on every wrapping column, so a long entity list cannot squeeze the text to nothing.
    for name in ("sectors", "entities", "when"):
        table.add_column(name, ratio=1)
    table.add_column("text", ratio=4)
    for st in record.statements:
        table.add_row(
            f"[{_KIND_STYLE.get(st.kind, 'white')}]{st.kind}[/]", ",".join(st.actors), st.strength or "",
            ", ".join(st.sectors), ", ".join(dict.fromkeys(e.name for e in st.entities)),
            st.when.text if st.when else "", one_line(st.text),
        )
    console.print(table)


def _statement_table(rows: Iterable[LedgerRow], console: Console) -> None:
    from rich.table import Table

    rows = list(rows)
    table = Table(expand=True, caption=f"{len(rows)} statement{'s' if len(rows) != 1 else ''}")
    # Ratios on every wrapping column, so the statement text gets most of the width.
    for name, opts in (("date", {"no_wrap": True}), ("source", {"ratio": 1, "overflow": "fold"}),
                       ("kind", {"no_wrap": True}), ("actors", {"ratio": 1}), ("str.", {"no_wrap": True}),
                       ("sectors", {"ratio": 1}), ("entities", {"ratio": 1}), ("text", {"ratio": 5})):
        table.add_column(name, **opts)
    for r in rows:
        table.add_row(r.document_date or "?", Path(r.document_source).name, r.kind, ", ".join(r.actors),
                      r.strength or "", ", ".join(r.sectors), ", ".join(r.entities), one_line(r.text))
    console.print(table)


def _threads_table(views: Iterable[ThreadView], console: Console) -> None:
    from rich.table import Table

    views = list(views)
    table = Table(expand=True, caption=f"{len(views)} thread{'s' if len(views) != 1 else ''}")
    for name, opts in (("id", {"no_wrap": True}), ("docs", {"no_wrap": True}), ("first", {"no_wrap": True}),
                       ("last", {"no_wrap": True}), ("strength", {"ratio": 1}), ("entities", {"ratio": 1}),
                       ("latest wording", {"ratio": 5})):
        table.add_column(name, **opts)
    for v in views:
        row = thread_row(v)
        table.add_row(str(v.id), str(v.documents), v.first_seen or "?", v.last_seen or "?",
                      " → ".join(s or "-" for s in v.strengths), ", ".join(row["entities"]),
                      one_line(row["latest_text"] or ""))
    console.print(table)
