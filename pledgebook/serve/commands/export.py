"""``pledgebook export``: the ledger's current statements as files for other tools."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import DB_HELP, check_output, emit, format_option, open_ledger
from pledgebook.serve.filters import StatementQuery, statement_filters


def register(app: typer.Typer) -> None:
    @app.command("export")
    @statement_filters
    def export(
        query: StatementQuery,
        fmt: str = format_option("csv", "jsonl", "json", "parquet", "events",
                                 help="csv, jsonl, json, parquet (one row per statement, the columns of "
                                      "docs/output.md) or events (PLOVER-style event JSONL with CAMEO codes)."),
        output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default stdout; required for parquet)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Export current statements (newest document first), filtered with the options of `ledger`."""
        from pledgebook.serve.listings import statements_listing

        check_output(fmt, output)
        with open_ledger(db) as engine:
            rows = query.rows(engine)
        emit(statements_listing(rows), fmt, output)
