"""``pledgebook sectors``, ``actors`` and ``kinds``: the ids the ledger's filters take."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import typer

from pledgebook.serve.cli_support import emit, format_option
from pledgebook.serve.render import Listing, TableColumn, print_table
from pledgebook.serve.vocabulary import VocabularyEntry, actor_entries, kind_entries, sector_entries


def register(app: typer.Typer) -> None:
    def command(name: str, entries: Callable[[], list[VocabularyEntry]], doc: str, extra: str | None) -> None:
        def listing(fmt: str = format_option("table", "json", "jsonl", default="table")) -> None:
            emit(Listing(entries(), as_json=lambda e: e.to_dict(), table=lambda items, console: _table(items, console, extra)),
                 fmt)

        listing.__doc__ = doc
        app.command(name)(listing)

    command("sectors", sector_entries, "Sector ids with their labels and the aliases `--sector` also takes.", "aliases")
    command("actors", actor_entries, "Actor codes (countries by ISO alpha-3, then groups) with their names.", "kind")
    command("kinds", kind_entries, "Statement kinds with what each means.", None)


def _table(entries: Iterable[VocabularyEntry], console, extra: str | None) -> None:
    entries = list(entries)
    columns = [TableColumn("id", 24), TableColumn("label", text=True)]
    if extra:
        columns.append(TableColumn(extra, 30 if extra == "aliases" else 8, drop=1))
    rows = ([e.id, e.label] + ([", ".join(e.aliases) if extra == "aliases" else e.kind] if extra else []) for e in entries)
    print_table(console, columns, rows, caption=f"{len(entries)} ids")
