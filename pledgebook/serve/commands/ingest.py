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
    EXIT_UNUSABLE,
    embedder_option,
    embedder_or_exit,
    fail,
    input_files,
    link_after_ingest,
    open_ledger,
    say,
    stderr_console,
)
from pledgebook.scale import EngineName, EngineUnavailable, plan_ingest
from pledgebook.scale.engines import DEFAULT_BATCH, DEFAULT_RECONNECT_SECONDS
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
        run_on: EngineName = typer.Option(EngineName.local, "--engine", help="Where extraction runs: this machine, or a Ray cluster (docs/scaling.md)."),
        address: str | None = typer.Option(None, "--address", help="With --engine ray: the cluster's address (default: start a local one)."),
        batch: int | None = typer.Option(None, "--batch", min=1,
                                         help=f"With --engine ray: documents per ledger transaction (default {DEFAULT_BATCH})."),
        reconnect_seconds: float = typer.Option(
            DEFAULT_RECONNECT_SECONDS, "--reconnect-seconds", min=0,
            help="How long to retry a ledger write when the database server drops the connection (0: never)."),
        embedder: str | None = embedder_option(),
        max_chars: int = max_chars_option(),
        max_pdf_pages: int = max_pdf_pages_option(),
    ) -> None:
        """Extract and store documents, one transaction per document, then link new statements into threads.

        With --engine ray, extraction runs on a Ray cluster (one extractor per CPU) and the
        documents are stored in batches, with the same result (docs/scaling.md).

        A text already stored (same content hash) is skipped when its current extraction came
        from this extractor and codebook version, and re-extracted otherwise (the old run is kept;
        docs/codebook.md says what each version covers).
        Exits 1 if any file failed, after processing the others.
        """
        from pledgebook.serve.progress import progress_bar

        try:
            plan = plan_ingest(run_on, jobs=jobs, address=address, batch=batch, reconnect_seconds=reconnect_seconds)
        except EngineUnavailable as err:
            raise fail(str(err), EXIT_UNUSABLE) from None
        linker = embedder_or_exit(embedder)  # before any work: a name that cannot run stores nothing
        files = input_files(paths)
        book = load_codebook_or_exit(codebook)
        done: Counter[str] = Counter()

        def on_file(path: str, status: str) -> None:
            done[status] += 1
            advance()

        with open_ledger(db, create=True) as engine, interrupted_report(done, len(files)):
            with progress_bar(len(files), "ingesting", enabled=progress) as advance:
                try:
                    summary = plan.ingest(engine, files, codebook=book, on_file=on_file,
                                          limits=read_limits(max_chars, max_pdf_pages))
                except EngineUnavailable as err:
                    raise fail(str(err), EXIT_UNUSABLE) from None
            done["linking"] = 1
            linked = link_after_ingest(engine, summary, plan=plan, embedder=linker, enabled=link)
        for path, warning in summary.warnings:
            say(f"{path}: {warning}", label="warning", style="yellow")
        for path, reason in summary.failed:
            say(f"{path}: {reason}", label="failed")
        if summary.reconnects:
            say(f"the database server dropped the connection; {summary.reconnects} ledger "
                f"transaction{'s were' if summary.reconnects > 1 else ' was'} retried and stored", label="note",
                style="yellow")
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
    """On Ctrl-C (exit 130) or a database fault such as a full disk (exit 1): what is stored
    (each document is stored whole or not at all) and how to go on. ``done`` counts files by
    status, and ``linking`` once threading began."""
    from sqlalchemy.exc import DBAPIError

    from pledgebook.store.faults import describe_fault

    try:
        yield
    except KeyboardInterrupt:
        say(_where_it_stopped(done, total), label="interrupted", style="yellow")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except DBAPIError as err:  # full disk, read-only file, server gone: the ledger keeps what was committed
        say(f"{describe_fault(err)}. {_where_it_stopped(done, total)}")
        raise typer.Exit(EXIT_FAILED) from None


def _where_it_stopped(done: Counter[str], total: int) -> str:
    if done["linking"]:
        return (f"Stopped while linking: all {total} files are stored; run the same command again (or "
                "`pledgebook link`) to thread the statements not yet in a thread")
    finished = sum(n for status, n in done.items() if status != "linking")
    stored = done["new"] + done["re-extracted"]
    return (f"{finished} of {total} files done ({stored} stored now, {done['unchanged']} already stored, "
            f"{done['failed']} failed); nothing half-stored. Run the same command again to continue: "
            "stored files are skipped and linking is finished")
