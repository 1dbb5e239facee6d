"""``pledgebook demo``: the main job on the bundled example documents."""

from __future__ import annotations

import typer

from pledgebook.serve.cli_support import (
    DB_HELP,
    EXIT_FAILED,
    embedder_option,
    embedder_or_exit,
    link_after_ingest,
    open_ledger,
    stderr_console,
)


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
        embedder: str | None = embedder_option(),
    ) -> None:
        """Ingest the bundled example documents into the ledger and print their commitments.

        The examples (pledgebook/examples) are the founding China–Pakistan statement and a few
        public-domain White House statements; running the demo twice stores them once.
        """
        from importlib import resources

        from rich.console import Console

        from pledgebook.link import ThreadFilter, list_threads
        from pledgebook.read import iter_input_paths
        from pledgebook.scale import IngestPlan
        from pledgebook.serve.progress import progress_bar
        from pledgebook.store import LedgerFilter, query_ledger, resolve_db_url

        linker, plan = embedder_or_exit(embedder), IngestPlan()
        examples = resources.files("pledgebook").joinpath("examples")
        files = [str(p) for p in iter_input_paths([str(examples)])]
        with open_ledger(db, create=True) as engine:
            with progress_bar(len(files), "ingesting examples", enabled=progress) as advance:
                summary = plan.ingest(engine, files, on_file=lambda _p, _s: advance())
            link_after_ingest(engine, summary, plan=plan, embedder=linker)
            rows = query_ledger(engine, LedgerFilter(kinds=["commitment"]))
            threads = list_threads(engine, ThreadFilter(min_docs=2))
        out = Console()
        _print_commitments(out, rows)
        out.print(f"[bold]Pledges that recur across the examples[/bold] ({len(threads)} threads)")
        for view in threads[:15]:
            first = view.members[0]
            out.print(f"  • thread {view.id}: {len(view.members)} statements in {view.documents} documents, "
                      f"{view.first_seen} → {view.last_seen}: “{' '.join(first.text.split())[:110]}”", highlight=False)
        err = stderr_console()
        err.print(
            f"{len(files)} example documents: {summary.new} new, {summary.unchanged} unchanged, "
            f"{summary.reextracted} re-extracted, {len(summary.failed)} failed · ledger: {resolve_db_url(db)}",
            highlight=False,
        )
        err.print("Next: `pledgebook ledger --help`, `pledgebook extract FILE --format json`.", highlight=False)
        # the README's first command ends here: where the web app shows these documents
        where = f" --db {db}" if db else ""
        out.print(f"Browse them in a web browser: run `.venv/bin/pledgebook serve{where}`, then open "
                  f"http://127.0.0.1:8000/", highlight=False, soft_wrap=True)
        if summary.failed:
            raise typer.Exit(EXIT_FAILED)


def _print_commitments(out, rows) -> None:
    """A compact, narrow-terminal friendly view: commitments grouped by document."""
    from pathlib import Path

    current = None
    for row in sorted(rows, key=lambda r: (r.document_date or "", r.document_source, r.start)):
        if row.document_source != current:
            current = row.document_source
            out.print(f"\n[bold]{row.document_date or '?'}  {Path(current).name}[/bold]", highlight=False)
        detail = " · ".join(x for x in (",".join(row.actors or row.non_state_actors), row.strength or "", ", ".join(row.sectors[:2]),
                                         ", ".join(row.entities[:3])) if x)
        out.print(f"  • {' '.join(row.text.split())}  [dim]({detail})[/dim]", highlight=False)
    out.print(f"\n{len(rows)} commitments\n", highlight=False)
