"""``pledgebook ingest``: extract documents and store them in the ledger."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.codebook import codebook_option, load_codebook_or_exit


def open_or_exit(db: str | None):  # -> Engine
    """Open the ledger, or print why not and exit 2."""
    from rich.console import Console

    from pledgebook.store import LedgerUnavailable, open_database

    try:
        return open_database(db)
    except LedgerUnavailable as err:
        Console(stderr=True, soft_wrap=True).print(f"[red]error[/red] {err}", highlight=False)
        raise typer.Exit(2) from None


def link_after_ingest(engine, summary, enabled: bool = True):  # -> LinkSummary | None
    """Thread the statements a batch added (nothing to do when every file was unchanged)."""
    if not enabled or (summary.new + summary.reextracted) == 0:
        return None
    from pledgebook.link import link_new_statements

    return link_new_statements(engine)


DB_HELP = "Ledger: a SQLAlchemy URL (postgresql+psycopg://...) or a SQLite file path. Default: $PLEDGEBOOK_DB, else ./pledgebook.db."


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extraction worker processes."),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
        link: bool = typer.Option(True, "--link/--no-link", help="Thread the new statements across documents afterwards."),
        codebook: Path | None = codebook_option(),
    ) -> None:
        """Extract and store documents, one transaction per document, then link new statements into threads.

        A text already stored (same content hash) is skipped when its current extraction came
        from this extractor and codebook version, and re-extracted otherwise (the old run is kept;
        docs/codebook.md says what each version covers).
        Exits 1 if any file failed, after processing the others.
        """
        from rich.console import Console

        from pledgebook.read import ReadError, iter_input_paths
        from pledgebook.serve.progress import progress_bar
        from pledgebook.store.batch import ingest_paths

        err = Console(stderr=True, soft_wrap=True)
        book = load_codebook_or_exit(codebook)
        try:
            files = [str(p) for p in iter_input_paths(paths)]
        except ReadError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(2)
        if not files:
            err.print("[red]error[/red] no readable files found")
            raise typer.Exit(2)

        engine = open_or_exit(db)
        try:
            with progress_bar(len(files), "ingesting", enabled=progress) as advance:
                summary = ingest_paths(engine, files, jobs=jobs, codebook=book,
                                       on_file=lambda _path, _status: advance())
            linked = link_after_ingest(engine, summary, enabled=link)
        finally:
            engine.dispose()
        for path, reason in summary.failed:
            err.print(f"[red]failed[/red] {path}: {reason}", highlight=False)
        err.print(
            f"{summary.new} new, {summary.unchanged} unchanged, {summary.reextracted} re-extracted, "
            f"{len(summary.failed)} failed",
            highlight=False,
        )
        if linked is not None:
            err.print(
                f"threads: {linked.linked_now} statements linked ({linked.joined_existing} joined existing threads, "
                f"{linked.threads_created} new threads; {linked.threads_repeated} threads span 2+ documents)",
                highlight=False,
            )
        if summary.failed:
            raise typer.Exit(1)
