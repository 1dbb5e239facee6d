"""``pledgebook export``: the ledger's current statements as files for other tools."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from pledgebook.serve.commands.ingest import DB_HELP, open_or_exit


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    events = "events"


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        fmt: ExportFormat = typer.Option(..., "--format", "-f", help="csv, jsonl, parquet (one row per statement) or events (PLOVER-style event JSONL with CAMEO codes)."),
        output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default stdout; required for parquet)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        actor: list[str] = typer.Option([], "--actor", "-a", help="Party code; repeatable."),
        sector: list[str] = typer.Option([], "--sector", "-s", help="Sector id; repeatable."),
        kind: list[str] = typer.Option([], "--kind", "-k", help="Statement kind; repeatable."),
        since: str | None = typer.Option(None, "--since", help="Documents dated on or after (YYYY[-MM[-DD]])."),
        until: str | None = typer.Option(None, "--until", help="Documents dated on or before (YYYY[-MM[-DD]])."),
    ) -> None:
        """Export current statements (newest document first), optionally filtered as in `ledger`."""
        from pledgebook.serve.commands.ledger import parse_date
        from pledgebook.store import LedgerFilter, query_ledger
        from pledgebook.store import export as ex

        if fmt is ExportFormat.parquet and output is None:
            raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
        flt = LedgerFilter(actors=actor, sectors=sector, kinds=kind,
                           since=parse_date(since, end=False), until=parse_date(until, end=True))
        engine = open_or_exit(db)
        try:
            rows = query_ledger(engine, flt)
        finally:
            engine.dispose()
        if fmt is ExportFormat.parquet:
            ex.write_parquet(rows, output)
            return
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if fmt is ExportFormat.csv:
                ex.write_csv(rows, out)
            elif fmt is ExportFormat.jsonl:
                ex.write_jsonl(rows, out)
            else:
                ex.write_jsonl(ex.plover_events(rows), out)
        finally:
            if output:
                out.close()
