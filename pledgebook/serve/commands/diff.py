"""``pledgebook diff OLD NEW``: what a later statement adds, repeats and drops."""

from __future__ import annotations

import json
import sys
from enum import Enum

import typer

from pledgebook.serve.commands.ingest import DB_HELP, open_or_exit


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("diff")
    def diff(
        old: str = typer.Argument(..., help="The earlier document: document id, record id, or path of an ingested file."),
        new: str = typer.Argument(..., help="The later document, likewise."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        embedder: str | None = typer.Option(None, "--embedder", help="hashing, static or blend (as for `link`)."),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table or json."),
    ) -> None:
        """Commitments of NEW that are new, repeated from OLD (with wording and strength changes), and dropped from OLD."""
        from rich.console import Console

        from pledgebook.link import DocumentNotFound, diff_documents, make_embedder

        err = Console(stderr=True, soft_wrap=True)
        try:
            emb = make_embedder(embedder)
        except (ValueError, ImportError) as exc:
            err.print(f"[red]error[/red] embedder {embedder}: {exc}", highlight=False)
            raise typer.Exit(2)
        engine = open_or_exit(db)
        try:
            result = diff_documents(engine, old, new, embedder=emb)
        except DocumentNotFound as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(1)
        finally:
            engine.dispose()
        if fmt is Format.json:
            json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            _print(result, Console())


def _print(d, console) -> None:  # d: DocumentDiff
    from rich.table import Table

    def one(text: str) -> str:
        return " ".join(text.split())

    console.print(f"[bold]old[/bold] {d.old.date or '?'} {d.old.source}\n[bold]new[/bold] {d.new.date or '?'} {d.new.source}",
                  highlight=False)
    console.print(f"{len(d.new_commitments)} new, {len(d.repeated)} repeated, {len(d.dropped)} dropped", highlight=False)
    table = Table(expand=True, show_lines=True)
    table.add_column("", no_wrap=True)
    table.add_column("strength", no_wrap=True)
    table.add_column("commitment", ratio=4)
    table.add_column("wording change", ratio=2)
    for s in d.new_commitments:
        table.add_row("[green]new[/green]", s.strength or "", one(s.text), "")
    for r in d.repeated:
        change = "; ".join([f"[red]- {x}[/red]" for x in r.removed] + [f"[green]+ {x}[/green]" for x in r.added])
        strength = f"{r.old.strength or '-'} → {r.new.strength or '-'}"
        table.add_row("repeated", strength + ("" if r.strength_change in ("unchanged", "n/a") else f" ({r.strength_change})"),
                      one(r.new.text), change or "(same words)")
    for s in d.dropped:
        table.add_row("[red]dropped[/red]", s.strength or "", one(s.text), "")
    console.print(table)
