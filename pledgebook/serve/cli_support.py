"""What the commands share: exit codes, consoles and error lines, the ledger, input files,
the ``--format`` option and printing through the renderer registry (serve/render.py)."""

from __future__ import annotations

import calendar
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pledgebook.serve.render import RENDERERS, Format, Listing, render, renderer

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy import Engine

# Exit codes, the same for every command.
EXIT_OK = 0
EXIT_FAILED = 1  # some inputs failed (the others were processed), or what was asked for is not there
EXIT_UNUSABLE = 2  # unusable arguments or input (no files, no ledger, bad gold): nothing was done
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it

DB_HELP = ("Ledger: a SQLAlchemy URL (postgresql+psycopg://...) or a SQLite file path. "
           "Default: $PLEDGEBOOK_DB, else ./pledgebook.db.")
EMBEDDER_HELP = ("The linker's embedder: hashing (no model), static (bundled static model) or blend; "
                 "default blend if the model is installed, else hashing.")


def embedder_option() -> Any:
    """The ``--embedder`` option of every command that links or compares statements."""
    return typer.Option(None, "--embedder", help=EMBEDDER_HELP)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)  # soft wrap: a long error line is never broken


def say(message: str, label: str = "error", style: str = "red") -> None:
    """One line on stderr: ``error <message>`` (the message is printed as text, not markup)."""
    from rich.markup import escape

    stderr_console().print(f"[{style}]{label}[/{style}] {escape(message)}", highlight=False)


def fail(message: str, code: int = EXIT_FAILED, label: str = "error") -> typer.Exit:
    """Print ``message`` on stderr; return the Exit for the caller to raise."""
    say(message, label)
    return typer.Exit(code)


@contextmanager
def open_ledger(db: str | None, *, create: bool = False) -> Iterator[Engine]:
    """The ledger's engine, disposed of afterwards; or exit 2 with the reason it cannot open.
    Only commands that store (``create=True``: ingest, demo) make a ledger that is not there:
    a mistyped ``--db`` for any other command is an error, and creates nothing."""
    from sqlalchemy.exc import DBAPIError

    from pledgebook.store import LedgerUnavailable, open_database
    from pledgebook.store.faults import describe_fault

    try:
        engine = open_database(db, create=create)
    except LedgerUnavailable as err:
        raise fail(str(err), EXIT_UNUSABLE) from None
    try:
        yield engine
    except DBAPIError as err:  # a full disk, a lost server...: one line, and what to do
        raise fail(f"{describe_fault(err)}. Nothing is half-written: run the same command again once that "
                   "is fixed") from None
    finally:
        engine.dispose()


def input_files(paths: Sequence[Path]) -> list[str]:
    """The readable files under ``paths`` (directories walked), or exit 2 saying why none."""
    from pledgebook.read import ReadError, iter_input_paths

    try:
        files = [str(p) for p in iter_input_paths(paths)]
    except ReadError as exc:
        raise fail(str(exc), EXIT_UNUSABLE) from None
    if not files:
        raise fail("no readable files found", EXIT_UNUSABLE)
    return files


def warn_about_document(path: str, doc: Any) -> None:  # doc: pledgebook.read.RawDocument
    """Warnings on stderr for a document that was read (malformed front matter, not English):
    it is still processed, but the user should know why its record may be poor."""
    from pledgebook.read.checks import document_warnings

    for warning in document_warnings(doc):
        say(f"{path}: {warning}", label="warning", style="yellow")


def embedder_or_exit(name: str | None) -> Any:  # -> pledgebook.link.Embedder
    """The embedder ``--embedder`` names (None: the default), or exit 2 saying why it cannot be used."""
    from pledgebook.link import make_embedder

    try:
        return make_embedder(name)
    except (ValueError, ImportError) as err:
        raise fail(f"--embedder {name or '(default)'}: {err}", EXIT_UNUSABLE) from None


def link_after_ingest(engine: Engine, summary: Any, *, plan: Any, embedder: Any,
                      enabled: bool = True) -> Any:  # -> LinkSummary | None
    """Thread the statements a batch added, and those an interrupted run stored without
    threading (``store.resume``), with ``embedder``; a pass the database server dropped is run
    again as the plan's writes are (``scale.IngestPlan.reconnect``). Nothing to do when no
    stored document waits for linking."""
    from pledgebook.store.resume import count_unlinked

    reconnect = plan.reconnect(summary)
    waiting = reconnect.run(lambda: count_unlinked(engine))
    if not enabled or not waiting:
        if waiting:
            say(f"{waiting} stored document{'s wait' if waiting > 1 else ' waits'} for linking: `pledgebook link` "
                "(or an ingest without --no-link) threads them", label="note", style="yellow")
        return None
    earlier = waiting - (summary.new + summary.reextracted)
    if earlier > 0:  # stored by a run that was interrupted, ran with --no-link, or is storing right now
        say(f"also linking {earlier} stored document{'s' if earlier > 1 else ''} that no run has linked yet",
            label="resuming", style="yellow")
    from pledgebook.link import link_new_statements

    return link_new_statements(engine, embedder=embedder, reconnect=reconnect)


def parse_date(value: str | None, *, end: bool) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its first (or, for ``end``, last) day."""
    if value is None:
        return None
    parts = value.strip().split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def format_option(*offered: str, default: str | None = None, help: str = "") -> Any:
    """The ``--format/-f`` option of a command that offers these formats of the registry.

    The value arrives as a ``Format`` (a str); a name the command does not offer is refused
    with the command's own list, and ``--help`` shows only that list."""
    unknown = [name for name in offered if name not in RENDERERS]
    assert not unknown, f"not in the renderer registry: {unknown}"

    def offered_only(value: str | None) -> Format | None:
        if value is None:
            return None
        if value not in offered:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(offered)}")
        return Format(value)

    return typer.Option(default if default is not None else ..., "--format", "-f", metavar=f"[{'|'.join(offered)}]",
                        callback=offered_only, help=help or " or ".join(offered) + ".")


def check_output(fmt: str, output: Path | None) -> None:
    """A binary format (parquet) is written to a file, never to the terminal."""
    if output is None and renderer(fmt).binary:
        raise typer.BadParameter(f"{renderer(fmt).name} needs --output FILE", param_hint="--output")


def emit(listing: Listing, fmt: str, output: Path | None = None) -> None:
    """Print ``listing`` in ``fmt`` to stdout, or write it to ``output``."""
    check_output(fmt, output)
    if output is None:
        render(listing, fmt, sys.stdout)
        return
    binary = renderer(fmt).binary
    with output.open("wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as out:
        render(listing, fmt, out)
