"""``pledgebook diff OLD NEW``: what a later statement adds, repeats and drops."""

from __future__ import annotations

import typer

from pledgebook.serve.cli_support import DB_HELP, EMBEDDER_HELP, embedder_or_exit, emit, fail, format_option, open_ledger
from pledgebook.serve.listings import one_line
from pledgebook.serve.render import one_result


def register(app: typer.Typer) -> None:
    @app.command("diff")
    def diff(
        old: str = typer.Argument(..., help="The earlier document: document id, record id, or path of an ingested file."),
        new: str = typer.Argument(..., help="The later document, likewise."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        embedder: str | None = typer.Option(None, "--embedder", help=EMBEDDER_HELP),
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


def _diff_table(d, console) -> None:  # d: DocumentDiff
    from rich.table import Table

    console.print(f"[bold]old[/bold] {d.old.date or '?'} {d.old.source}\n[bold]new[/bold] {d.new.date or '?'} {d.new.source}",
                  highlight=False)
    console.print(f"{len(d.new_commitments)} new, {len(d.repeated)} repeated, {len(d.dropped)} dropped", highlight=False)
    table = Table(expand=True, show_lines=True)
    table.add_column("", no_wrap=True)
    table.add_column("strength", no_wrap=True)
    table.add_column("commitment", ratio=4)
    table.add_column("wording change", ratio=2)
    for s in d.new_commitments:
        table.add_row("[green]new[/green]", s.strength or "", one_line(s.text), "")
    for r in d.repeated:
        change = "; ".join([f"[red]- {x}[/red]" for x in r.removed] + [f"[green]+ {x}[/green]" for x in r.added])
        strength = f"{r.old.strength or '-'} → {r.new.strength or '-'}"
        table.add_row("repeated", strength + ("" if r.strength_change in ("unchanged", "n/a") else f" ({r.strength_change})"),
                      one_line(r.new.text), change or "(same words)")
    for s in d.dropped:
        table.add_row("[red]dropped[/red]", s.strength or "", one_line(s.text), "")
    console.print(table)
