"""``pledgebook extract``: print the extraction record of documents."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from pledgebook.serve.codebook import codebook_option, load_codebook_or_exit


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively): .txt .md .html .pdf"),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (readable), json (one record, or an array for several documents), jsonl (one record per line), csv (one row per statement)."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr (shown for several files)."),
        ner: bool = typer.Option(True, "--ner/--no-ner",
                                 help="spaCy's NER on statements with a proper noun no rule explains (companies, "
                                      "missions); on by default, --no-ner is about 15% faster."),
        codebook: Path | None = codebook_option(),
    ) -> None:
        """Extract statements (commitments, positions, ...) from documents and print the record."""
        from rich.console import Console

        from pledgebook.read import ReadError, iter_input_paths
        from pledgebook.serve.output import CsvSink, print_table, record_json
        from pledgebook.serve.progress import progress_bar

        err = Console(stderr=True, soft_wrap=True)
        book = load_codebook_or_exit(codebook)
        try:
            files = [str(p) for p in iter_input_paths(paths)]
        except ReadError as exc:
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(2)
        if not files:
            err.print("[red]error[/red] no readable files found")
            raise typer.Exit(2)

        import os

        from pledgebook.extract.pipeline import NER_ENV, extract_paths

        os.environ[NER_ENV] = "1" if ner else "0"  # read by every worker's Extractor

        out = Console(soft_wrap=False) if fmt is Format.table else None
        sink = CsvSink(sys.stdout) if fmt is Format.csv else None
        collected = []
        failures = 0
        with progress_bar(len(files), "extracting", enabled=progress and len(files) > 1) as advance:
            for path, result in extract_paths(files, jobs=jobs, codebook=book.directory):
                advance()
                if isinstance(result, ReadError):
                    failures += 1
                    err.print(f"[red]error[/red] {result}", highlight=False)
                    continue
                if fmt is Format.jsonl:
                    sys.stdout.write(record_json(result, indent=None) + "\n")
                elif fmt is Format.csv:
                    sink.write(result)
                elif fmt is Format.table:
                    print_table(result, out)
                else:
                    collected.append(result)
        if fmt is Format.json:
            if len(collected) == 1:
                sys.stdout.write(record_json(collected[0]) + "\n")
            else:
                sys.stdout.write("[\n" + ",\n".join(record_json(r) for r in collected) + "\n]\n")
        if failures:
            raise typer.Exit(1)
