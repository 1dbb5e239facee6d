"""``pledgebook rules``: list the rules that make statements (the codebook's rules.yaml)."""

from __future__ import annotations

import json
import sys
from enum import Enum

import typer


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("rules")
    def rules(
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (readable) or json (every field)."),
    ) -> None:
        """List every rule id with its description, the kinds it produces, and its examples.

        Each statement's `rule` is one of these ids; `pledgebook eval GOLD --by-rule` measures them.
        """
        from pledgebook.codebook.rules import load_rules

        specs = list(load_rules().values())
        if fmt is Format.json:
            sys.stdout.write(json.dumps([s.to_dict() for s in specs], ensure_ascii=False, indent=2) + "\n")
            return
        _print_table(specs)


def _print_table(specs: list) -> None:
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_lines=True,
                  caption=f"{len(specs)} rules; + fires (with the kind it gives), - does not fire", caption_justify="left")
    table.add_column("rule", no_wrap=True)
    table.add_column("kinds", max_width=24)
    table.add_column("description and examples")
    for spec in specs:
        lines = [escape(spec.description)]
        lines += [f"[green]+[/green] {escape(_flat(e.sentence))} [dim]→ {e.kind}[/dim]" for e in spec.fires]
        lines += [f"[red]-[/red] {escape(_flat(m.sentence))} [dim]({escape(m.because)})[/dim]" for m in spec.does_not_fire]
        table.add_row(spec.id, ", ".join(spec.kinds), "\n".join(lines))
    out = Console()
    # piped output has no width of its own: do not squeeze the table into 80 columns
    (out if out.is_terminal else Console(width=160)).print(table)


def _flat(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())
