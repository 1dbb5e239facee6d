"""``pledgebook export``: the ledger's current statements as files for other tools."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import DB_HELP, check_output, emit, format_option, open_ledger, parse_date


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        fmt: str = format_option("csv", "jsonl", "json", "parquet", "events",
                                 help="csv, jsonl, json, parquet (one row per statement, the columns of "
                                      "docs/output.md) or events (PLOVER-style event JSONL with CAMEO codes)."),
        output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default stdout; required for parquet)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        actor: list[str] = typer.Option([], "--actor", "-a", help="Party code; repeatable."),
        sector: list[str] = typer.Option([], "--sector", "-s", help="Sector id; repeatable."),
        kind: list[str] = typer.Option([], "--kind", "-k", help="Statement kind; repeatable."),
        since: str | None = typer.Option(None, "--since", help="Documents dated on or after (YYYY[-MM[-DD]])."),
        until: str | None = typer.Option(None, "--until", help="Documents dated on or before (YYYY[-MM[-DD]])."),
    ) -> None:
        """Export current statements (newest document first), optionally filtered as in `ledger`."""
        from pledgebook.serve.listings import statements_listing
        from pledgebook.store import LedgerFilter, query_ledger

        check_output(fmt, output)
        flt = LedgerFilter(actors=actor, sectors=sector, kinds=kind,
                           since=parse_date(since, end=False), until=parse_date(until, end=True))
        with open_ledger(db) as engine:
            rows = query_ledger(engine, flt)
        emit(statements_listing(rows), fmt, output)
