"""``pledgebook extract``: print the extraction record of documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer

from pledgebook.serve.cli_support import EXIT_FAILED, emit, format_option, input_files, say, warn_about_document
from pledgebook.serve.codebook import codebook_option, load_codebook_or_exit
from pledgebook.serve.limits import max_chars_option, max_pdf_pages_option, read_limits


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively): .txt .md .html .pdf"),
        fmt: str = format_option("table", "json", "jsonl", "csv", default="table",
                                 help="table (readable), json (one record, or an array for several documents), "
                                      "jsonl (one record per line), csv (one row per statement)."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr (shown for several files)."),
        ner: bool = typer.Option(True, "--ner/--no-ner",
                                 help="spaCy's NER on statements with a proper noun no rule explains (companies, "
                                      "missions); on by default, --no-ner is about 15% faster."),
        codebook: Path | None = codebook_option(),
        max_chars: int = max_chars_option(),
        max_pdf_pages: int = max_pdf_pages_option(),
    ) -> None:
        """Extract statements (commitments, positions, ...) from documents and print the record."""
        from pledgebook.extract.pipeline import extract_documents
        from pledgebook.read import ReadError, read_document
        from pledgebook.serve.listings import records_listing
        from pledgebook.serve.progress import progress_bar

        files = input_files(paths)
        book = load_codebook_or_exit(codebook)
        limits = read_limits(max_chars, max_pdf_pages)
        failed: list[str] = []

        def readable(advance) -> Iterator:  # type: ignore[no-untyped-def]
            # Each file read once, here; one that cannot be read is reported and skipped.
            for path in files:
                try:
                    yield path, read_document(path, source=path, limits=limits)
                except ReadError as err:
                    failed.append(path)
                    say(str(err))
                    advance()

        def records() -> Iterator:
            # Printed as they come (json waits for all).
            with progress_bar(len(files), "extracting", enabled=progress and len(files) > 1) as advance:
                for path, raw, record in extract_documents(readable(advance), jobs=jobs, ner=ner,
                                                           codebook=book.directory):
                    advance()
                    warn_about_document(path, raw)
                    yield record

        emit(records_listing(records()), fmt)
        if failed:
            raise typer.Exit(EXIT_FAILED)
