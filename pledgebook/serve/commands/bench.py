"""``pledgebook bench``: end-to-end throughput against spaCy's own parsing speed."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer


class Sample(str, Enum):
    joint = "joint"
    un = "un"
    all = "all"


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("bench")
    def bench(
        sample: Sample = typer.Option(Sample.joint, "--sample", "-s", help="joint (40 joint statements), un (40 UN speeches) or all."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Our worker processes (the spaCy baseline stays single-process)."),
        repeat: int = typer.Option(1, "--repeat", "-r", min=1, help="Run each side this many times; report the fastest."),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
        corpus: Path | None = typer.Option(None, "--corpus", help="Corpus root (default: $PLEDGEBOOK_CORPUS, else shared/corpus beside the repository)."),
    ) -> None:
        """Words per second of pledgebook's extraction next to spaCy's en_core_web_sm on the same texts (docs/evaluation.md)."""
        from rich.console import Console

        from pledgebook.evaluate.bench import corpus_root, run_bench, sample_paths
        from pledgebook.evaluate.render import print_bench

        err = Console(stderr=True, soft_wrap=True)
        try:
            paths = sample_paths(sample.value, corpus_root(corpus))
        except FileNotFoundError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(2)
        result = run_bench(paths, jobs=jobs, repeat=repeat, sample=sample.value)
        if fmt is Format.json:
            sys.stdout.write(json.dumps(result.to_dict(), indent=2) + "\n")
        else:
            print_bench(result, Console())
