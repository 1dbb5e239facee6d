"""``pledgebook demo``: the main job on the bundled example documents."""

from __future__ import annotations

import typer

from pledgebook.serve.commands.ingest import DB_HELP, open_or_exit


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
    ) -> None:
        """Ingest the bundled example documents into the ledger and print their commitments.

        The examples (pledgebook/examples) are the founding China–Pakistan statement and a few
        public-domain White House statements; running the demo twice stores them once.
        """
        from importlib import resources

        from rich.console import Console

        from pledgebook.read import iter_input_paths
        from pledgebook.serve.commands.ledger import Format, _render
        from pledgebook.serve.progress import progress_bar
        from pledgebook.store import LedgerFilter, query_ledger, resolve_db_url
        from pledgebook.store.batch import ingest_paths

        err = Console(stderr=True, soft_wrap=True)
        examples = resources.files("pledgebook").joinpath("examples")
        files = [str(p) for p in iter_input_paths([str(examples)])]
        engine = open_or_exit(db)
        try:
            with progress_bar(len(files), "ingesting examples", enabled=progress) as advance:
                summary = ingest_paths(engine, files, on_file=lambda _p, _s: advance())
            rows = query_ledger(engine, LedgerFilter(kinds=["commitment"]))
        finally:
            engine.dispose()
        _render(rows, Format.table)
        err.print(
            f"{len(files)} example documents: {summary.new} new, {summary.unchanged} unchanged, "
            f"{summary.reextracted} re-extracted, {len(summary.failed)} failed · ledger: {resolve_db_url(db)}",
            highlight=False,
        )
        err.print("Next: `pledgebook ledger --help`, `pledgebook extract FILE --format json`.", highlight=False)
        if summary.failed:
            raise typer.Exit(1)
