"""``pledgebook dossier NAME`` and ``pledgebook dossiers``: one project's statements over the
years, and the projects named in most documents (link/dossier.py does the work)."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import DB_HELP, EXIT_UNUSABLE, emit, fail, format_option, open_ledger
from pledgebook.serve.codebook import load_codebook_or_exit
from pledgebook.serve.listings import kind_cell, one_line, short_title, wordings
from pledgebook.serve.render import Listing, TableColumn, one_result, print_table

# On a narrow terminal the highest `drop` goes first: source, then strength, thread.
_MENTION_COLUMNS = [
    TableColumn("date", 10), TableColumn("kind", 12), TableColumn("str.", 8, drop=2),
    TableColumn("source", 18, drop=4), TableColumn("wording (changes from the previous mention marked)", text=True),
]
_SINGLE_COLUMNS = [
    TableColumn("date", 10), TableColumn("kind", 12), TableColumn("str.", 8, drop=2),
    TableColumn("thread", 6, drop=1, justify="right", labelled=True), TableColumn("source", 18, drop=4),
    TableColumn("text", text=True),
]
_ALIASES_SHOWN = 6
_ENTITY_KINDS = ("project", "initiative", "agreement", "institution", "place", "event", "other")


def register(app: typer.Typer) -> None:
    @app.command("dossier")
    def dossier(
        name: str = typer.Argument(..., metavar="NAME", help="A project or other entity: its name or any alias (ML-1, \"Main Line 1\", ML-I)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        codebook: Path | None = typer.Option(None, "--codebook", exists=True, file_okay=False,
                                             help="Codebook whose gazetteer gives the aliases (default: the bundled one)."),
        fmt: str = format_option("table", "json", default="table",
                                 help="table, or json: {entity, aliases, statements, threads, story, ...}."),
    ) -> None:
        """Every stored statement that names a project, by any alias: in date order, grouped by
        thread, with first/last seen, strength and wording changes, and its story in one line."""
        from pledgebook.link.dossier import UnknownEntity, build_dossier

        book = load_codebook_or_exit(codebook)
        with open_ledger(db) as engine:
            try:
                result = build_dossier(engine, name, book)
            except UnknownEntity as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
            if not result.statements:
                raise fail(f"no stored statement names {result.entity} (or one of its aliases)")
            from pledgebook.track.status import current_status, status_line

            tracked = current_status(engine, None, dossier=result.entity, codebook=book)  # docs/tracking.md
        emit(one_result(result, lambda d, console: _dossier_table(d, console, tracked and status_line(tracked))), fmt)

    @app.command("dossiers")
    def dossiers(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        kind: list[str] = typer.Option(["project"], "--kind", "-k",
                                       help=f"Entity kind ({', '.join(_ENTITY_KINDS)}); repeatable."),
        limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most N entities."),
        fmt: str = format_option("table", "json", "csv", default="table"),
    ) -> None:
        """The projects (or other entities) named in the most documents: documents, statements,
        threads, first and last year. `pledgebook dossier NAME` shows one."""
        from pledgebook.link.dossier import list_dossiers
        from pledgebook.serve.rows import DOSSIERS

        unknown = [k for k in kind if k not in _ENTITY_KINDS]
        if unknown:
            raise typer.BadParameter(f"unknown kind {unknown[0]!r} (one of {', '.join(_ENTITY_KINDS)})",
                                     param_hint="--kind")
        with open_ledger(db) as engine:
            summaries = list_dossiers(engine, limit=limit, kinds=tuple(kind))
        emit(Listing(summaries, as_json=lambda s: s.to_dict(), kind=DOSSIERS, as_rows=lambda s: (s.to_dict(),),
                     table=_dossiers_table), fmt)


def _dossier_table(d, console, status: str | None = None) -> None:  # d: link.dossier.Dossier
    from rich.text import Text

    aliases = ", ".join(d.aliases[:_ALIASES_SHOWN]) + (f", … (+{len(d.aliases) - _ALIASES_SHOWN})"
                                                        if len(d.aliases) > _ALIASES_SHOWN else "")
    threads = f"{len(d.threads)} thread{'s' if len(d.threads) != 1 else ''}"
    console.print(Text.assemble((d.entity, "bold"), f" ({d.entity_kind or 'entity'})",
                                f"  also {aliases}" if aliases else ""))
    console.print(f"{len(d.statements)} statements in {d.documents} document{'s' if d.documents != 1 else ''}, "
                  f"{d.first_seen or '?'} … {d.last_seen or '?'}, {threads}", markup=False, highlight=False)
    console.print(Text.assemble(("story ", "bold"), d.story or "-"))
    if status:
        console.print(status, markup=False, highlight=False)
    by_id = {s.statement_id: s for s in d.statements}
    repeated = [v for v in d.threads if len(v.members) > 1]
    for v in repeated:  # the threads that repeat the project: with the change from each mention to the next
        members = [by_id[m.statement_id] for m in v.members]
        console.print()
        console.print(f"thread {v.id} · {v.documents} document{'s' if v.documents != 1 else ''} · "
                      f"{v.first_seen or '?'} … {v.last_seen or '?'} · strength {v.strength_change}",
                      style="bold", markup=False, highlight=False)
        texts = wordings([s.text for s in members], console)
        print_table(console, _MENTION_COLUMNS, ([s.document_date or "?", kind_cell(s.kind), s.strength,
                                                 short_title(None, s.document_source), text]
                                                for s, text in zip(members, texts)), expand=True, lines=5)
    in_repeated = {m.statement_id for v in repeated for m in v.members}
    single = [s for s in d.statements if s.statement_id not in in_repeated]
    if single:  # one table, in date order: the thread (if any) is a column
        console.print()
        console.print(f"{'other mentions' if repeated else 'mentions'} · {len(single)} statement"
                      f"{'s' if len(single) != 1 else ''} (thread: its id, - none)",
                      style="bold", markup=False, highlight=False)
        print_table(console, _SINGLE_COLUMNS, ([s.document_date or "?", kind_cell(s.kind), s.strength,
                                                str(s.thread_id) if s.thread_id is not None else "-",
                                                short_title(None, s.document_source), one_line(s.text)]
                                               for s in single), expand=True)


def _dossiers_table(summaries, console) -> None:
    summaries = list(summaries)
    columns = [TableColumn("entity", 36), TableColumn("kind", 11, drop=2), TableColumn("docs", 5, justify="right"),
               TableColumn("stmts", 5, justify="right"), TableColumn("threads", 7, justify="right", drop=1),
               TableColumn("first", 5), TableColumn("last", 5)]
    print_table(console, columns, ([s.entity, s.entity_kind, str(s.documents), str(s.statements), str(s.threads),
                                    str(s.first_year or "?"), str(s.last_year or "?")] for s in summaries),
                caption=f"{len(summaries)} entit{'ies' if len(summaries) != 1 else 'y'}; "
                        "`pledgebook dossier NAME` shows one")
