"""``pledgebook ingest``: extract documents and store them in the ledger."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from pledgebook.serve.cli_support import (
    DB_HELP,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    input_files,
    link_after_ingest,
    open_ledger,
    say,
    stderr_console,
    warn_about_document,
)
from pledgebook.serve.codebook import codebook_option, load_codebook_or_exit
from pledgebook.serve.limits import max_chars_option, max_pdf_pages_option, read_limits


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extraction worker processes."),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
        link: bool = typer.Option(True, "--link/--no-link", help="Thread the new statements across documents afterwards."),
        codebook: Path | None = codebook_option(),
        max_chars: int = max_chars_option(),
        max_pdf_pages: int = max_pdf_pages_option(),
    ) -> None:
        """Extract and store documents, one transaction per document, then link new statements into threads.

        A text already stored (same content hash) is skipped when its current extraction came
        from this extractor and codebook version, and re-extracted otherwise (the old run is kept;
        docs/codebook.md says what each version covers).
        Exits 1 if any file failed, after processing the others.
        """
        from pledgebook.serve.progress import progress_bar
        from pledgebook.store.batch import ingest_paths

        files = input_files(paths)
        book = load_codebook_or_exit(codebook)
        done: Counter[str] = Counter()

        def on_file(path: str, status: str) -> None:
            done[status] += 1
            if status in ("new", "re-extracted"):
                warn_about_document(path)
            advance()

        with open_ledger(db, create=True) as engine, interrupted_report(done, len(files)):
            with progress_bar(len(files), "ingesting", enabled=progress) as advance:
                summary = ingest_paths(engine, files, jobs=jobs, codebook=book, on_file=on_file,
                                       limits=read_limits(max_chars, max_pdf_pages))
            done["linking"] = 1
            linked = link_after_ingest(engine, summary, enabled=link)
        for path, reason in summary.failed:
            say(f"{path}: {reason}", label="failed")
        err = stderr_console()
        err.print(f"{summary.new} new, {summary.unchanged} unchanged, {summary.reextracted} re-extracted, "
                  f"{len(summary.failed)} failed", highlight=False)
        if linked is not None:
            err.print(
                f"threads: {linked.linked_now} statements linked ({linked.joined_existing} joined existing threads, "
                f"{linked.threads_created} new threads; {linked.threads_repeated} threads span 2+ documents)",
                highlight=False,
            )
        if summary.failed:
            raise typer.Exit(EXIT_FAILED)


@contextmanager
def interrupted_report(done: Counter[str], total: int) -> Iterator[None]:
    """On Ctrl-C: what is stored (each document is stored whole or not at all) and how to go
    on, then exit 130. ``done`` counts files by status, and ``linking`` once threading began."""
    try:
        yield
    except KeyboardInterrupt:
        stored = done["new"] + done["re-extracted"]
        if done["linking"]:
            say(f"interrupted while linking: all {total} files are stored; `pledgebook link` threads the "
                "statements not yet in a thread", label="interrupted", style="yellow")
        else:
            finished = sum(n for status, n in done.items() if status != "linking")
            say(f"{finished} of {total} files done ({stored} stored now, {done['unchanged']} already stored, "
                f"{done['failed']} failed); nothing half-stored. Run the same command again to continue: "
                "stored files are skipped", label="interrupted", style="yellow")
        raise typer.Exit(EXIT_INTERRUPTED) from None
