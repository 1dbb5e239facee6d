"""``pledgebook ledger``: filter the stored statements."""

from __future__ import annotations

import typer

from pledgebook.serve.cli_support import DB_HELP, emit, format_option, open_ledger
from pledgebook.serve.filters import StatementQuery, statement_filters


def register(app: typer.Typer) -> None:
    @app.command("ledger")
    @statement_filters
    def ledger(
        query: StatementQuery,
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        fmt: str = format_option("table", "json", "jsonl", "csv", default="table",
                                 help="table, json (an array), jsonl (a statement a line) or csv: the statement "
                                      "columns of `export`."),
    ) -> None:
        """Statements of the current extractions, newest document first, filtered.

        Several values of one option are alternatives; different options must all hold.
        """
        from pledgebook.serve.listings import statements_listing

        with open_ledger(db) as engine:
            rows = query.rows(engine)
        emit(statements_listing(rows), fmt)
