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
    """A rule a row (its description and examples whole); below LIST_BELOW columns a list."""
    from rich.markup import escape
    from rich.text import Text

    from pledgebook.serve.render import TableColumn, print_table

    specs = list(specs)
    rows = []
    for spec in specs:
        lines = [escape(spec.description)]
        lines += [f"[green]+[/green] {escape(_flat(e.sentence))} [dim]→ {e.kind}[/dim]" for e in spec.fires]
        lines += [f"[red]-[/red] {escape(_flat(m.sentence))} [dim]({escape(m.because)})[/dim]" for m in spec.does_not_fire]
        rows.append([spec.id, ", ".join(spec.kinds), Text.from_markup("\n".join(lines))])
    columns = [TableColumn("rule", 32), TableColumn("kinds", 24, drop=1), TableColumn("description and examples", text=True)]
    print_table(out, columns, rows, lines=_WHOLE,
                caption=f"{len(specs)} rules; + fires (with the kind it gives), - does not fire")


_WHOLE = 200  # lines: a rule's examples are never cut


def _flat(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())
