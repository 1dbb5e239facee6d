"""``pledgebook link``, ``threads``, ``thread`` and ``eval-threads``: pledges repeated across documents."""

from __future__ import annotations

import getpass
from pathlib import Path

import typer

from pledgebook.serve.cli_support import (
    DB_HELP,
    EXIT_UNUSABLE,
    embedder_option,
    embedder_or_exit,
    emit,
    fail,
    format_option,
    open_ledger,
)
from pledgebook.serve.codebook import codebook_option
from pledgebook.serve.listings import kind_cell, short_title, wordings
from pledgebook.serve.render import TableColumn, one_result, print_table

MEMBER_COLUMNS = [
    TableColumn("date", 10), TableColumn("kind", 12, drop=1), TableColumn("source", 18, drop=4),
    TableColumn("str.", 8, drop=2), TableColumn("wording (changes from the previous member marked)", text=True),
]
MEMBER_LINES = 6  # a word diff needs more room than a plain wording


def register(app: typer.Typer) -> None:
    @app.command("link")
    def link(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        rebuild: bool = typer.Option(False, "--rebuild", help="Re-link every statement from scratch (analysts' merges and splits are kept)."),
        embedder: str | None = embedder_option(),
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Link statements not yet in a thread (ingest does this too); see docs/threads.md."""
        from pledgebook.link import link_new_statements

        emb = embedder_or_exit(embedder)
        with open_ledger(db) as engine:
            summary = link_new_statements(engine, rebuild=rebuild, embedder=emb)
        emit(one_result(summary, _link_summary), fmt)

    @app.command("threads")
    def threads(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        min_docs: int = typer.Option(2, "--min-docs", min=1, help="Only threads seen in at least N documents."),
        actor: list[str] = typer.Option([], "--actor", "-a", help="Some member has this actor; repeatable (any)."),
        sector: list[str] = typer.Option([], "--sector", "-s", help="Some member has this sector; repeatable (any)."),
        entity: list[str] = typer.Option([], "--entity", "-e", help="Some member names this entity (canonical or as written); repeatable."),
        strength: list[str] = typer.Option([], "--strength", help="Some member has this strength (firm, moderate, soft); repeatable."),
        kind: list[str] = typer.Option([], "--kind", "-k", help="Some member is of this kind; repeatable."),
        limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most N threads."),
        fmt: str = format_option("table", "json", "jsonl", "csv", default="table",
                                 help="table, json or jsonl (threads with their member statements) or csv (a row per thread)."),
    ) -> None:
        """Threads: the same undertaking across documents, most repeated first, with their status.

        Filters read members as analysts corrected them (`review correct`)."""
        from pledgebook.link import ThreadFilter, list_threads
        from pledgebook.serve.filters import check_actors, check_kinds, check_sectors, check_strengths, entity_names
        from pledgebook.serve.listings import threads_listing

        actors, sectors = check_actors(actor), check_sectors(sector)
        strengths, kinds = check_strengths(strength), check_kinds(kind)
        with open_ledger(db) as engine:
            flt = ThreadFilter(min_docs, actors, sectors, entity_names(engine, entity), limit,
                               strengths=strengths, kinds=kinds)
            views = list_threads(engine, flt)
        emit(threads_listing(views), fmt)

    @app.command("thread")
    def thread(
        args: list[str] = typer.Argument(..., metavar="ID | merge A B | split ID STATEMENT_ID"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        author: str | None = typer.Option(None, "--author", help="Who decides a merge or split (default: the login name)."),
        note: str | None = typer.Option(None, "--note", help="Why (kept with the decision)."),
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Show a thread, or record an analyst's decision that survives re-linking:

        pledgebook thread 12              members, strength and wording over time
        pledgebook thread merge 12 40     thread 40's statements join thread 12
        pledgebook thread split 12 ID     statement ID (as in `thread 12 -f json`) leaves thread 12
        """
        from pledgebook.link import ThreadError, get_thread, merge_threads, split_thread

        def number(value: str) -> int:
            if not value.isdigit():
                raise typer.BadParameter(f"{value!r} is not a thread id")
            return int(value)

        with open_ledger(db) as engine:
            who = author or getpass.getuser()
            try:
                if args[0] == "merge" and len(args) == 3:
                    shown = merge_threads(engine, number(args[1]), number(args[2]), author=who, note=note)
                elif args[0] == "split" and len(args) == 3:
                    shown = split_thread(engine, number(args[1]), args[2], author=who, note=note)
                elif len(args) == 1:
                    shown = number(args[0])
                else:
                    raise typer.BadParameter("expected ID, `merge A B` or `split ID STATEMENT_ID`")
            except ThreadError as err:
                raise fail(str(err)) from None
            view = get_thread(engine, shown)
            if view is None:
                raise fail(f"no thread {shown}")
            from pledgebook.track.status import current_status, status_line

            tracked = current_status(engine, str(shown))  # what became of it (docs/tracking.md)
        emit(one_result(view, lambda v, console: _thread_table(v, console, tracked and status_line(tracked))), fmt)

    @app.command("eval-threads")
    def eval_threads(
        pairs_file: Path | None = typer.Argument(
            None, metavar="PAIRS_FILE | GOLD_DIR", show_default=False,
            help="A YAML file of labelled statement pairs to score (format: docs/threads.md). Default: the dev "
                 "set gold/threads/pairs.yaml, on which the linking settings were chosen. The held-out set "
                 "is gold/threads/heldout.yaml: report its numbers, never tune on them. A directory (such as "
                 "gold/news/) with threads/*.yaml and texts/ is scored end to end, from the texts."),
        gold: Path | None = typer.Option(None, "--gold", help="Same as PAIRS_FILE (kept for old scripts)."),
        embedder: str | None = embedder_option(),
        order: str | None = typer.Option(
            None, "--order", metavar="[both|batch|date|shuffled]",
            help="GOLD_DIR only: ingest all texts then link (batch), one text at a time in date order, linking "
                 "after each (date), the same in a random order (shuffled, see --seed), or batch and date (both, "
                 "the default)."),
        seed: int | None = typer.Option(None, "--seed", help="GOLD_DIR only: the shuffled order's seed (default 0)."),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="GOLD_DIR only: progress bar on stderr."),
        codebook: Path | None = codebook_option(),
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Pairwise precision, recall and F1 of the linker on annotated statement pairs, or end to end from texts.

        PAIRS_FILE: scores every pair with the linker's own pair score at the configured threshold (link/data/linking.yaml), then a threshold sweep, its peak (for information only: settings are never changed here) and the misjudged pairs.

        GOLD_DIR: ingests the texts through extraction, storage and linking into a temporary ledger, finds the statement each gold mention falls in, and scores gold pairs on whether those statements share a thread, with the cause of every lost pair (docs/threads.md, "End to end, from texts").
        """
        from pledgebook.link import evaluate_gold_pairs
        from pledgebook.link.quality import GOLD_PAIRS

        if pairs_file is not None and gold is not None and pairs_file != gold:
            raise fail("give the pairs file once: PAIRS_FILE or --gold", EXIT_UNUSABLE)
        path = pairs_file or gold or GOLD_PAIRS
        if path.is_dir():
            from pledgebook.serve.threads_e2e import run_texts_mode

            run_texts_mode(path, order=order or "both", seed=seed, embedder=embedder, codebook=codebook,
                           progress=progress, fmt=fmt)
            return
        if order is not None or seed is not None or codebook is not None:
            raise fail("--order, --seed and --codebook go with a GOLD_DIR of texts, not a pairs file", EXIT_UNUSABLE)
        if not path.is_file():
            raise fail(f"gold pairs not found: {path}", EXIT_UNUSABLE)
        try:
            result = evaluate_gold_pairs(path, embedder=embedder_or_exit(embedder))
        except (ValueError, KeyError, TypeError) as err:
            raise fail(f"{path}: {err}", EXIT_UNUSABLE) from None
        emit(one_result(result, lambda r, console: _pairs_report(r, path.name, console)), fmt)


def _link_summary(summary, console) -> None:  # summary: LinkSummary
    console.print(
        f"{summary.linked_now} statements linked ({summary.joined_existing} joined existing threads, "
        f"{summary.threads_created} new threads, {summary.moved} moved by re-clustering); "
        f"{summary.threads_repeated} threads span 2+ documents; "
        f"{summary.seconds:.2f}s with {summary.embedder}", highlight=False, soft_wrap=True,
    )


def _thread_table(v, console, status: str | None = None) -> None:  # v: ThreadView
    console.print(f"[bold]thread {v.id}[/bold]  {v.documents} documents, {v.first_seen or '?'} … {v.last_seen or '?'}, "
                  f"strength {v.strength_change}", highlight=False)
    if status:
        console.print(status, markup=False, highlight=False)
    texts = wordings([m.text for m in v.members], console)
    print_table(console, MEMBER_COLUMNS, ([m.document_date or "?", kind_cell(m.kind),
                                           short_title(None, m.document_source), m.strength, text]
                                          for m, text in zip(v.members, texts)), lines=MEMBER_LINES)


def _pairs_report(result, name: str, console) -> None:  # result: GoldPairsResult
    from rich.table import Table

    console.print(
        f"{name}: {result.pairs} pairs, embedder {result.embedder}, threshold {result.threshold:.2f}: "
        f"precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}  "
        f"(tp {result.tp}, fp {result.fp}, fn {result.fn}, tn {result.tn})", highlight=False,
    )
    table = Table(title="threshold sweep")
    for col in ("threshold", "precision", "recall", "F1"):
        table.add_column(col, justify="right")
    for row in result.sweep:
        table.add_row(*(f"{row[k]:.2f}" if k == "threshold" else f"{row[k]:.3f}"
                        for k in ("threshold", "precision", "recall", "f1")))
    console.print(table)
    best = result.sweep_best
    if best is not None:
        console.print(f"sweep peak: F1 {best['f1']:.3f} at threshold {best['threshold']:.2f} "
                      f"(precision {best['precision']:.3f}, recall {best['recall']:.3f}); "
                      "reported only, the configured threshold is unchanged", highlight=False)
    for e in result.errors:
        console.print(f"  {e['gold']:9} judged wrongly: {e['a']} ~ {e['b']} (score {e['score']})", highlight=False)
