"""``pledgebook eval``: score the extractor against annotated gold documents."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import EXIT_UNUSABLE, emit, fail, format_option, say
from pledgebook.serve.render import one_result
from pledgebook.serve.codebook import codebook_option, load_codebook_or_exit


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_(
        gold_dir: Path = typer.Argument(..., help="Directory of gold YAML files (format: docs/gold-format.md)."),
        fmt: str = format_option("table", "json", default="table", help="table (readable) or json (every number)."),
        details: bool = typer.Option(False, "--details", help="List false positives, misses and wrong labels with their text."),
        by_rule: bool = typer.Option(False, "--by-rule",
                                     help="Also give each rule's precision: its commitments that match gold, and its kinds."),
        min_f1: float = typer.Option(0.5, "--min-f1", min=0.0, max=1.0, help="List documents whose commitment F1 is below this."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for extraction."),
        ner: bool = typer.Option(True, "--ner/--no-ner",
                                 help="Extract with or without the NER pass (as `extract --ner/--no-ner`)."),
        codebook: Path | None = codebook_option(),
    ) -> None:
        """Measure commitments, actors, strength, kinds, sectors, entities and metadata against gold (docs/evaluation.md).

        Exit code 0 whatever the scores; 2 when gold is unusable (unreadable YAML or text, bad fields, lost anchors).
        """
        from pledgebook.evaluate.gold import GoldError, load_gold_dir
        from pledgebook.evaluate.render import print_report, print_rule_table
        from pledgebook.evaluate.run import extract_gold
        from pledgebook.evaluate.scorer import evaluate

        book = load_codebook_or_exit(codebook)
        try:
            docs, file_errors = load_gold_dir(gold_dir)
            if not docs and not file_errors:
                raise GoldError(gold_dir, "no gold files (*.yaml) found")
            records = extract_gold(docs, jobs=jobs, ner=ner, codebook=book) if docs else []
        except GoldError as exc:
            raise fail(str(exc), EXIT_UNUSABLE, label="gold error") from None
        report = evaluate(docs, records, [str(e) for e in file_errors], threshold=min_f1, codebook=book)

        for message in report.gold_errors:
            say(message, label="gold error")

        def table(r, console) -> None:
            print_report(r, console, details=details)
            if by_rule:
                print_rule_table(r, console)

        # piped output has no width of its own: do not squeeze the table into 80 columns
        emit(one_result(report, table, as_json=lambda r: r.to_dict(details=details, by_rule=by_rule),
                        table_width=160), fmt)
        if report.gold_errors:
            raise typer.Exit(EXIT_UNUSABLE)
