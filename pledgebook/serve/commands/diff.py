"""``pledgebook diff OLD NEW``: what a later statement adds, repeats and drops."""

from __future__ import annotations

import typer

from pledgebook.serve.cli_support import DB_HELP, embedder_option, embedder_or_exit, emit, fail, format_option, open_ledger
from pledgebook.serve.listings import one_line
from pledgebook.serve.render import TableColumn, one_result, print_table
from pledgebook.serve.wording import is_plain, marked_pair


def register(app: typer.Typer) -> None:
    @app.command("diff")
    def diff(
        old: str = typer.Argument(..., help="The earlier document: document id, record id, or path of an ingested file."),
        new: str = typer.Argument(..., help="The later document, likewise."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        embedder: str | None = embedder_option(),
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Commitments of NEW that are new, repeated from OLD (with wording and strength changes), and dropped from OLD."""
        from pledgebook.link import DocumentNotFound, diff_documents

        emb = embedder_or_exit(embedder)
        with open_ledger(db) as engine:
            try:
                result = diff_documents(engine, old, new, embedder=emb)
            except DocumentNotFound as exc:
                raise fail(str(exc)) from None
        emit(one_result(result, _diff_table), fmt)


DIFF_COLUMNS = [TableColumn("", 8), TableColumn("strength", 24, drop=1),
                TableColumn("old wording", text=True), TableColumn("new wording", text=True)]
DIFF_LINES = 8  # both wordings of a repeated pledge, whole for most statements


def _diff_table(d, console) -> None:  # d: DocumentDiff
    """Repeated pledges with the old and new wording side by side (stacked below LIST_BELOW
    columns), dropped words marked in the old and added words in the new; then new and
    dropped commitments."""
    from rich.text import Text

    plain = is_plain(console)
    for label, doc in (("old", d.old), ("new", d.new)):  # the title when there is one (json has the source)
        console.print(Text.assemble((label, "bold"), f" {doc.date or '?'} {one_line(doc.title) or doc.source}"),
                      highlight=False)
    console.print(f"{len(d.new_commitments)} new, {len(d.repeated)} repeated, {len(d.dropped)} dropped", highlight=False)
    rows = []
    for r in d.repeated:
        old, new = marked_pair(r.old.text, r.new.text, plain=plain)
        strength = f"{r.old.strength or '-'} → {r.new.strength or '-'}"
        if r.strength_change not in ("unchanged", "n/a"):
            strength += f" ({r.strength_change})"
        rows.append(["repeated", strength, old, new])
    rows += [[Text("new", style="green"), s.strength, None, one_line(s.text)] for s in d.new_commitments]
    rows += [[Text("dropped", style="red"), s.strength, one_line(s.text), None] for s in d.dropped]
    print_table(console, DIFF_COLUMNS, rows, lines=DIFF_LINES, expand=True)
