"""``pledgebook eval``: score the extractor against annotated gold documents."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from pledgebook.serve.codebook import codebook_option, load_codebook_or_exit


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_(
        gold_dir: Path = typer.Argument(..., help="Directory of gold YAML files (format: docs/gold-format.md)."),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (readable) or json (every number)."),
        details: bool = typer.Option(False, "--details", help="List false positives, misses and wrong labels with their text."),
        min_f1: float = typer.Option(0.5, "--min-f1", min=0.0, max=1.0, help="List documents whose commitment F1 is below this."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for extraction."),
        ner: bool = typer.Option(True, "--ner/--no-ner",
                                 help="Extract with or without the NER pass (as `extract --ner/--no-ner`)."),
        codebook: Path | None = codebook_option(),
    ) -> None:
        """Measure commitments, actors, strength, kinds, sectors, entities and metadata against gold (docs/evaluation.md).

        Exit code 0 whatever the scores; 2 when gold is unusable (unreadable YAML or text, bad fields, lost anchors).
        """
        from rich.console import Console

        from pledgebook.evaluate.gold import GoldError, load_gold_dir
        from pledgebook.evaluate.render import print_report
        from pledgebook.evaluate.run import extract_gold
        from pledgebook.evaluate.scorer import evaluate

        import os

        from pledgebook.extract.pipeline import NER_ENV

        os.environ[NER_ENV] = "1" if ner else "0"
        err = Console(stderr=True, soft_wrap=True)
        book = load_codebook_or_exit(codebook)
        try:
            docs, file_errors = load_gold_dir(gold_dir)
            if not docs and not file_errors:
                raise GoldError(gold_dir, "no gold files (*.yaml) found")
            records = extract_gold(docs, jobs=jobs, codebook=book) if docs else []
        except GoldError as exc:
            err.print(f"[red]gold error[/red] {exc}", highlight=False)
            raise typer.Exit(2)
        report = evaluate(docs, records, [str(e) for e in file_errors], threshold=min_f1, codebook=book)

        for message in report.gold_errors:
            err.print(f"[red]gold error[/red] {message}", highlight=False)
        if fmt is Format.json:
            sys.stdout.write(json.dumps(report.to_dict(details=details), ensure_ascii=False, indent=2) + "\n")
        else:
            out = Console()
            # piped output has no width of its own: do not squeeze the table into 80 columns
            print_report(report, out if out.is_terminal else Console(width=160), details=details)
        if report.gold_errors:
            raise typer.Exit(2)
