"""``pledgebook ledger``: filter the stored statements."""

from __future__ import annotations

import datetime as dt

import typer

from pledgebook.serve.cli_support import DB_HELP, emit, format_option, open_ledger, parse_date


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
        due: str | None = typer.Option(None, "--due", help="Statements due in this year or month (YYYY or YYYY-MM; "
                                        "a day YYYY-MM-DD also works): their `due` date, the last day by which "
                                        "the undertaking is to be met."),
        overdue: bool = typer.Option(False, "--overdue", help="Statements whose due date has passed (before today). "
                                     "Status tracking does not exist yet, so no statement counts as fulfilled: "
                                     "every statement due before today is listed."),
        limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most this many statements."),
        fmt: str = format_option("table", "json", "jsonl", "csv", default="table",
                                 help="table, json (an array), jsonl or csv: the statement columns of `export`."),
    ) -> None:
        """Statements of the current extractions, newest document first, filtered.

        Several values of one option are alternatives; different options must all hold.
        """
        from pledgebook.core.data import StatementKind
        from pledgebook.serve.listings import statements_listing
        from pledgebook.store import LedgerFilter, query_ledger

        known = {k.value for k in StatementKind}
        for k in kind:
            if k not in known:
                raise typer.BadParameter(f"unknown kind {k!r} (one of {', '.join(sorted(known))})", param_hint="--kind")
        flt = LedgerFilter(
            actors=actor, sectors=sector, kinds=kind, entities=entity,
            since=parse_date(since, end=False), until=parse_date(until, end=True), search=search, limit=limit,
            due_from=parse_date(due, end=False), due_until=parse_date(due, end=True),
            overdue_on=dt.date.today() if overdue else None,
        )
        with open_ledger(db) as engine:
            rows = query_ledger(engine, flt)
        emit(statements_listing(rows), fmt)
