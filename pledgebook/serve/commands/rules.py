"""``pledgebook rules``: list the rules that make statements (the codebook's rules.yaml)."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import emit, format_option
from pledgebook.serve.codebook import codebook_option
from pledgebook.serve.render import Listing


def register(app: typer.Typer) -> None:
    @app.command("rules")
    def rules(
        codebook: Path | None = codebook_option(),
        fmt: str = format_option("table", "json", "jsonl", default="table", help="table (readable), json or jsonl (every field)."),
    ) -> None:
        """List every rule id with its description, the kinds it produces, and its examples.

        Each statement's `rule` is one of these ids; `pledgebook eval GOLD --by-rule` measures them.
        """
        from pledgebook.codebook import Codebook

        specs = list(Codebook.load(codebook).rules.values())
        # piped output has no width of its own: do not squeeze the table into 80 columns
        emit(Listing(specs, as_json=lambda spec: spec.to_dict(), table=_print_table, table_width=160), fmt)


def _print_table(specs, out) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    specs = list(specs)
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
    out.print(table)


def _flat(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())
