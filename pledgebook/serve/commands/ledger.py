"""``pledgebook ledger``: filter the stored statements."""

from __future__ import annotations

import calendar
import datetime as dt
from enum import Enum
from pathlib import Path

import typer

from pledgebook.serve.commands.ingest import DB_HELP, open_or_exit


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


CSV_COLUMNS = [
    "statement_id", "document_date", "document_source", "kind", "actors", "strength", "sectors",
    "entities", "when", "plover", "cameo", "start", "end", "text",
]


def parse_date(value: str | None, *, end: bool) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its first (or, for ``end``, last) day."""
    if value is None:
        return None
    parts = value.strip().split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def register(app: typer.Typer) -> None:
    @app.command("ledger")
    def ledger(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        actor: list[str] = typer.Option([], "--actor", "-a", help="Party code (CHN, USA, G7 ...); repeat for any of several."),
        sector: list[str] = typer.Option([], "--sector", "-s", help="Sector id; repeatable."),
        kind: list[str] = typer.Option([], "--kind", "-k", help="Statement kind (commitment, position ...); repeatable."),
        entity: list[str] = typer.Option([], "--entity", "-e", help="Entity name or alias as written (ML-1, CPEC); repeatable."),
        since: str | None = typer.Option(None, "--since", help="Documents dated on or after (YYYY[-MM[-DD]])."),
        until: str | None = typer.Option(None, "--until", help="Documents dated on or before (YYYY[-MM[-DD]])."),
        search: str | None = typer.Option(None, "--search", "-q", help='Full text: every word or "quoted phrase" must occur (stemmed).'),
        limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most this many statements."),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table, json (an array) or csv."),
    ) -> None:
        """Statements of the current extractions, newest document first, filtered.

        Several values of one option are alternatives; different options must all hold.
        """
        from pledgebook.core.data import StatementKind
        from pledgebook.store import LedgerFilter, query_ledger

        known = {k.value for k in StatementKind}
        for k in kind:
            if k not in known:
                raise typer.BadParameter(f"unknown kind {k!r} (one of {', '.join(sorted(known))})", param_hint="--kind")
        flt = LedgerFilter(
            actors=actor, sectors=sector, kinds=kind, entities=entity,
            since=parse_date(since, end=False), until=parse_date(until, end=True), search=search, limit=limit,
        )
        engine = open_or_exit(db)
        try:
            rows = query_ledger(engine, flt)
        finally:
            engine.dispose()
        _render(rows, fmt)


def _render(rows: list, fmt: Format) -> None:  # rows: list[LedgerRow]
    import json
    import sys

    if fmt is Format.json:
        json.dump([r.to_dict() for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt is Format.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            d = r.to_dict()
            for key in ("actors", "sectors", "entities"):
                d[key] = ";".join(d[key])
            d["text"] = " ".join(r.text.split())
            writer.writerow(d)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(expand=True, caption=f"{len(rows)} statement{'s' if len(rows) != 1 else ''}")
        # Ratios on every wrapping column, so the statement text gets most of the width.
        for name, opts in (("date", {"no_wrap": True}), ("source", {"ratio": 1, "overflow": "fold"}),
                           ("kind", {"no_wrap": True}), ("actors", {"ratio": 1}), ("str.", {"no_wrap": True}),
                           ("sectors", {"ratio": 1}), ("entities", {"ratio": 1}), ("text", {"ratio": 5})):
            table.add_column(name, **opts)
        for r in rows:
            table.add_row(
                r.document_date or "?", Path(r.document_source).name, r.kind, ", ".join(r.actors), r.strength or "",
                ", ".join(r.sectors), ", ".join(r.entities), " ".join(r.text.split()),
            )
        Console().print(table)
