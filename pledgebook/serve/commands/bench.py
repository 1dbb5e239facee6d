"""``pledgebook bench``: extraction throughput against spaCy's own parsing speed, ingest
throughput into a fresh ledger, and thread linking time (docs/evaluation.md)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pledgebook.serve.cli_support import EXIT_UNUSABLE, emit, fail, format_option
from pledgebook.serve.render import one_result
from pledgebook.serve.codebook import codebook_option, load_codebook_or_exit

if TYPE_CHECKING:
    from rich.console import Console

    from pledgebook.evaluate.bench import BenchReport, IngestBench


class Sample(str, Enum):
    joint = "joint"
    un = "un"
    all = "all"


def register(app: typer.Typer) -> None:
    @app.command("bench")
    def bench(
        sample: Sample = typer.Option(Sample.joint, "--sample", "-s", help="joint (40 joint statements), un (40 UN speeches) or all."),
        what: str = typer.Option("extract,ingest,link", "--what", "-w", help="Comma-separated sections: extract, ingest, link."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Our worker processes for extract and ingest (the spaCy baseline stays single-process)."),
        repeat: int = typer.Option(1, "--repeat", "-r", min=1, help="Run each extraction side this many times; report the fastest."),
        pg: str | None = typer.Option(None, "--pg", help="PostgreSQL server URL for the ingest section (a fresh database is created there and dropped; default: $PLEDGEBOOK_BENCH_PG_URL, else $PLEDGEBOOK_TEST_PG_URL)."),
        link_statements: int = typer.Option(100_000, "--link-statements", min=1, help="Synthetic statements to thread in the link section."),
        fmt: str = format_option("table", "json", default="table"),
        corpus: Path | None = typer.Option(None, "--corpus", help="Corpus root (default: $PLEDGEBOOK_CORPUS, else shared/corpus beside the repository)."),
        codebook: Path | None = codebook_option(),
    ) -> None:
        """Extraction words/s next to spaCy's en_core_web_sm on the same texts, ingest documents/s and words/s, and linking time (docs/evaluation.md)."""
        from pledgebook.evaluate.bench import SECTIONS, corpus_root, postgres_server, run_report, sample_paths

        sections = [w.strip() for w in what.split(",") if w.strip()]
        unknown = sorted(set(sections) - set(SECTIONS))
        if unknown or not sections:
            raise fail(f"--what takes a comma-separated list of {', '.join(SECTIONS)}"
                       + (f" (not {', '.join(unknown)})" if unknown else ""), EXIT_UNUSABLE)
        paths: list[Path] = []
        book = load_codebook_or_exit(codebook)
        if {"extract", "ingest"} & set(sections):
            try:
                paths = sample_paths(sample.value, corpus_root(corpus))
            except FileNotFoundError as exc:
                raise fail(str(exc), EXIT_UNUSABLE) from None
        report = run_report(paths, what=sections, jobs=jobs, repeat=repeat, sample=sample.value,
                            pg_url=postgres_server(pg), link_statements=link_statements, codebook=book.directory)
        emit(one_result(report, lambda r, console: _print_report(r, sample.value, sections, console)), fmt)


def _print_report(report: BenchReport, sample: str, sections: list[str], console: Console) -> None:
    from pledgebook.evaluate.render import print_bench

    if report.extract is not None:
        print_bench(report.extract, console)
    if "ingest" in sections:
        _print_ingest(report, sample, console)
    if report.link is not None:
        _print_link(report.link, console)


def _print_ingest(report: BenchReport, sample: str, console: Console) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    rows: list[IngestBench] = report.ingest
    first = rows[0]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left",
                  title=f"Ingest into a fresh ledger, sample '{sample}': {first.documents} documents, {first.words:,} words")
    for name, justify in (("ledger", "left"), ("processes", "right"), ("stored", "right"), ("seconds", "right"),
                          ("documents/s", "right"), ("words/s", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(r.backend, str(r.jobs), str(r.stored), f"{r.seconds:.2f}", f"{r.documents_per_second:.2f}",
                      f"{r.words_per_second:,.0f}")
    console.print(table)
    console.print("read + extract + store, one transaction per document; ledger creation and model load excluded")
    for note in report.ingest_notes:
        console.print(note, highlight=False)
    for r in rows:
        for message in r.failed:
            console.print(f"[red]failed[/red] {r.backend}: {escape(message)}", highlight=False)


def _print_link(link: dict[str, Any], console: Console) -> None:
    from rich import box
    from rich.table import Table

    console.print(f"Thread linking: {link['statements']:,} synthetic statements in {link['documents']:,} documents, "
                  f"embedder {link['embedder']}", highlight=False)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("step")
    table.add_column("seconds", justify="right")
    for step in ("embed", "candidates", "cluster", "total"):
        table.add_row(step, f"{link[f'{step}_seconds']:.2f}")
    console.print(table)
    verdict = "[green]within[/green]" if link["within_budget"] else "[red]over[/red]"
    console.print(f"{link['statements_per_second']:,.0f} statements/s; {verdict} the 120 s budget")
    console.print(f"threads: {link['threads']:,} ({link['threads_repeated']:,} with 2+ statements, largest "
                  f"{link['largest_thread']:,}); linked pairs: {link['linked_pairs']:,}")
