"""``pledgebook suggestions [--thread ID]``: evidence the ledger itself suggests about each
thread's undertaking — a later document reporting it done or stalled, a weaker or stronger
wording, a recurring pledge left out (track/suggest.py does the work)."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import DB_HELP, EXIT_UNUSABLE, emit, fail, format_option, open_ledger
from pledgebook.serve.codebook import load_codebook_or_exit
from pledgebook.serve.listings import kind_cell, short_title
from pledgebook.serve.render import Listing, TableColumn, print_table
from pledgebook.serve.wording import prose

# On a narrow terminal the highest `drop` goes first: source, then the dossier.
_COLUMNS = [
    TableColumn("thread", 6, justify="right", labelled=True), TableColumn("suggests", 10),
    TableColumn("date", 10), TableColumn("project", 18, drop=1), TableColumn("source", 24, drop=2),
    TableColumn("quote", text=True, weight=2), TableColumn("why", text=True),
]


def register(app: typer.Typer) -> None:
    @app.command("suggestions")
    def suggestions_command(
        thread: int | None = typer.Option(None, "--thread", "-t", min=1, help="Only this thread (an id as `threads` prints)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        codebook: Path | None = typer.Option(None, "--codebook", exists=True, file_okay=False,
                                             help="Codebook directory whose suggestion_cues.yaml and gazetteer to use "
                                                  "(default: the bundled one)."),
        fmt: str = format_option("table", "json", default="table",
                                 help="table, or json: every suggestion whole (key, kind, span, quote, cues, reason)."),
    ) -> None:
        """Evidence the ledger suggests about each thread: a later statement that reports the
        undertaking done (inaugurated, completed, handed over ...) or stalled, a commitment
        repeated with weaker or stronger wording, a recurring pledge a later joint statement
        leaves out. Each has a key for an analyst to confirm or dismiss it."""
        from pledgebook.codebook import CodebookError
        from pledgebook.codebook.cues import load_cues
        from pledgebook.track.decisions import suggestion_decisions_by_key
        from pledgebook.track.suggest import UnknownThread, suggestions

        book = load_codebook_or_exit(codebook)
        try:
            cues = load_cues(book.directory)
        except CodebookError as err:
            raise fail(str(err), EXIT_UNUSABLE, label="codebook error") from None
        with open_ledger(db) as engine:
            try:
                found = suggestions(engine, thread, cues=cues, codebook=book)
            except UnknownThread as err:
                raise fail(f"{err} (`pledgebook threads` lists them)", EXIT_UNUSABLE) from None
            decided = suggestion_decisions_by_key(engine)  # `review confirm|dismiss KEY` (docs/tracking.md)

        def as_json(s):  # type: ignore[no-untyped-def]
            return {**s.to_dict(), "decision": decided[s.key].to_dict() if s.key in decided else None}

        emit(Listing(found, as_json=as_json, table=lambda items, console: _table(items, console, decided)), fmt)


def _quote(s, console):  # s: track.suggest.Suggestion; the cue words in bold
    from rich.text import Text

    if s.quote is None:
        return Text("(not repeated)", style="dim")
    text = Text(prose(s.quote))
    for cue in s.cues if s.kind in ("completion", "stalled") else ():
        text.highlight_words([cue], style="bold", case_sensitive=False)
    return text


def _why(s, decided) -> str:  # the reason, and the analyst's decision if there is one
    d = decided.get(s.key)
    return s.reason if d is None else f"{s.reason} · {d.decision}ed by {d.author}"


def _table(items, console, decided=None) -> None:
    items, decided = list(items), decided or {}
    rows = [[str(s.thread_id), kind_cell(s.kind), s.document_date or "?", s.dossier or "",
             short_title(s.document_title, s.document_source), _quote(s, console), _why(s, decided)] for s in items]
    caption = (f"{len(items)} suggestion{'s' if len(items) != 1 else ''}; `--format json` gives each one's key"
               if items else "no suggestions")
    print_table(console, _COLUMNS, rows, caption=caption)
