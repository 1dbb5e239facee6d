"""``pledgebook review accept|reject|correct|add|list|orphans``: analysts' review of extracted
statements (track/review.py does the work)."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import (
    DB_HELP,
    EXIT_UNUSABLE,
    embedder_option,
    embedder_or_exit,
    emit,
    fail,
    format_option,
    open_ledger,
)
from pledgebook.serve.codebook import load_tracking_or_exit, tracking_option
from pledgebook.serve.listings import one_line, short_source
from pledgebook.serve.render import Listing, TableColumn, one_result, print_table
from pledgebook.serve.rows import RowKind, _columns

REVIEW_ROWS = RowKind("reviews", _columns(
    "statement_id document_id document_source state orphaned fields:prose entries:int author text:prose"))
_KEY_HELP = "A statement id, as `ledger` prints it."
_SUGGESTION_HELP = "THREAD_ID:STATEMENT_ID:KIND, as `pledgebook suggestions` prints it."


def _fields(fields: dict) -> str:
    return "; ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in fields.items() if k != "text")


def _row(r) -> dict:  # r: track.review.ReviewedStatement
    return {**{k: v for k, v in r.to_dict().items() if k in REVIEW_ROWS.names}, "fields": _fields(r.fields),
            "orphaned": "yes" if r.orphaned else "no"}


def _table(items, console) -> None:
    items = list(items)
    columns = [TableColumn("state", 9), TableColumn("orphan", 6, drop=2), TableColumn("source", 18, drop=3),
               TableColumn("statement", 28, drop=4), TableColumn("set", 24, drop=1), TableColumn("text", text=True)]
    print_table(console, columns, ([r.state, "yes" if r.orphaned else "", short_source(r.document_source),
                                    r.statement_id, _fields(r.fields), one_line(r.text)] for r in items),
                caption=f"{len(items)} reviewed statement{'s' if len(items) != 1 else ''}")


def _added_table(r, console) -> None:  # r: track.review.ReviewedStatement
    _table([r], console)
    where = f"in thread {r.thread_id} (`pledgebook thread {r.thread_id}`)" if r.thread_id is not None else \
        "in no thread (a kind the linker does not thread, or nothing it may start or join)"
    console.print(f"{r.statement_id} is {where}", markup=False, highlight=False)


def _decision_line(d, console) -> None:  # d: track.decisions.Decision
    status = f"; status entry {d.status_id} appended" if d.status_id is not None else ""
    console.print(f"{d.decision}ed {d.suggestion_key} by {d.author}{status}", markup=False, highlight=False)


def _listing(items) -> Listing:
    return Listing(items, as_json=lambda r: r.to_dict(), kind=REVIEW_ROWS, as_rows=lambda r: (_row(r),), table=_table)


def _correction(kind, actor, strength, sector, entity, span):  # type: ignore[no-untyped-def]
    from pledgebook.track.review import Correction

    return Correction(kind=kind, actors=actor or None, strength=strength, sectors=sector or None,
                      entities=entity or None, span=span)


def register(app: typer.Typer) -> None:
    review_app = typer.Typer(no_args_is_help=True, help="Accept, reject or correct extracted statements, or add "
                             "missed ones: kept apart from the machine's output, winning over it in every view.")
    app.add_typer(review_app, name="review")

    def decide(action: str, key: str, note: str | None, author: str | None, db: str | None, fmt: str,
               change=None) -> None:  # type: ignore[no-untyped-def]
        from pledgebook.track.common import TrackError
        from pledgebook.track.review import Correction, review

        with open_ledger(db) as engine:
            try:
                done = review(engine, key, action, change or Correction(), note=note, author=author)
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(one_result(done, lambda r, console: _table([r], console)), fmt)

    note_opt = typer.Option(None, "--note", help="Why (kept with the decision).")
    author_opt = typer.Option(None, "--author", help="Who (default: the login name).")
    db_opt = typer.Option(None, "--db", help=DB_HELP)

    @review_app.command("accept")
    def accept(key: str = typer.Argument(..., metavar="STATEMENT_ID", help=_KEY_HELP), note: str | None = note_opt,
               author: str | None = author_opt, db: str | None = db_opt,
               fmt: str = format_option("table", "json", default="table")) -> None:
        """The statement is right as shown (a rejected one is shown again)."""
        decide("accept", key, note, author, db, fmt)

    @review_app.command("reject")
    def reject(key: str = typer.Argument(..., metavar="STATEMENT_ID", help=_KEY_HELP), note: str | None = note_opt,
               author: str | None = author_opt, db: str | None = db_opt,
               fmt: str = format_option("table", "json", default="table")) -> None:
        """The statement is not one: it leaves the ledger, exports, threads and dossiers."""
        decide("reject", key, note, author, db, fmt)

    @review_app.command("correct")
    def correct(
        key: str = typer.Argument(..., metavar="STATEMENT_ID", help=_KEY_HELP),
        kind: str | None = typer.Option(None, "--kind", help="commitment, position, appreciation, agreement, meeting or discussion."),
        actor: list[str] = typer.Option([], "--actor", help="An actor (code or name); repeat for several: replaces the actors."),
        strength: str | None = typer.Option(None, "--strength", help="firm, moderate, soft (commitments), or none."),
        sector: list[str] = typer.Option([], "--sector", help="A sector id or alias; repeat: replaces the sectors."),
        entity: list[str] = typer.Option([], "--entity", help="An entity name; repeat: replaces the entities."),
        span: str | None = typer.Option(None, "--span", help="START-END: the statement's span in its document."),
        note: str | None = note_opt, author: str | None = author_opt, db: str | None = db_opt,
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Set some of a statement's fields; the rest stay as extracted."""
        decide("correct", key, note, author, db, fmt, _correction(kind, actor, strength, sector, entity, span))

    @review_app.command("add")
    def add(
        document: str = typer.Argument(..., metavar="DOCUMENT", help="The document (its id from `ledger -f json`, or its source)."),
        kind: str = typer.Option(..., "--kind", help="The statement's kind."),
        span: str | None = typer.Option(None, "--span", help="START-END in the document."),
        quote: str | None = typer.Option(None, "--quote", help="Or the statement's exact text (its first occurrence)."),
        actor: list[str] = typer.Option([], "--actor", help="Actors (default: the document's parties)."),
        strength: str | None = typer.Option(None, "--strength", help="firm, moderate or soft (commitments)."),
        sector: list[str] = typer.Option([], "--sector", help="Sector ids or aliases."),
        entity: list[str] = typer.Option([], "--entity", help="Entity names (default: those found in the span)."),
        embedder: str | None = embedder_option(),
        note: str | None = note_opt, author: str | None = author_opt, db: str | None = db_opt,
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Add a statement the machine missed; it is linked into a thread like the others."""
        from pledgebook.track.common import TrackError
        from pledgebook.track.review import add_statement

        emb = embedder_or_exit(embedder)
        with open_ledger(db) as engine:
            try:
                done = add_statement(engine, document, _correction(kind, actor, strength, sector, entity, span),
                                     quote=quote, note=note, author=author, embedder=emb)
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(one_result(done, _added_table), fmt)

    def decide_suggestion_cli(key: str, decision: str, note: str | None, author: str | None, db: str | None,
                              codebook: Path | None, fmt: str) -> None:
        from pledgebook.track.common import TrackError
        from pledgebook.track.decisions import decide_suggestion

        with open_ledger(db) as engine:
            try:
                done = decide_suggestion(engine, key, decision, author, note, tracking=load_tracking_or_exit(codebook))
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(one_result(done, _decision_line), fmt)

    @review_app.command("confirm")
    def confirm(key: str = typer.Argument(..., metavar="SUGGESTION_KEY", help=_SUGGESTION_HELP),
                note: str | None = note_opt, author: str | None = author_opt, db: str | None = db_opt,
                codebook: Path | None = tracking_option(),
                fmt: str = format_option("table", "json", default="table")) -> None:
        """Confirm a suggestion of `pledgebook suggestions`; a completion sets its thread fulfilled, with evidence."""
        decide_suggestion_cli(key, "confirm", note, author, db, codebook, fmt)

    @review_app.command("dismiss")
    def dismiss(key: str = typer.Argument(..., metavar="SUGGESTION_KEY", help=_SUGGESTION_HELP),
                note: str | None = note_opt, author: str | None = author_opt, db: str | None = db_opt,
                codebook: Path | None = tracking_option(),
                fmt: str = format_option("table", "json", default="table")) -> None:
        """Dismiss a suggestion of `pledgebook suggestions` (recorded, so it is not offered as new again)."""
        decide_suggestion_cli(key, "dismiss", note, author, db, codebook, fmt)

    @review_app.command("export")
    def export(
        directory: Path = typer.Argument(..., metavar="DIR", file_okay=False, help="Where to write the gold files (created)."),
        db: str | None = db_opt, fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Write the reviewed documents in the gold format of `pledgebook eval` (docs/gold-format.md):
        DIR/<name>.yaml and DIR/texts/, so `pledgebook eval DIR` scores the extractor against the review."""
        from pledgebook.track.common import TrackError
        from pledgebook.track.export import export_reviewed

        with open_ledger(db) as engine:
            try:
                done = export_reviewed(engine, directory)
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(one_result(done, lambda d, console: console.print(
            f"{d.documents} document{'s' if d.documents != 1 else ''}, {d.statements} statements written to "
            f"{d.directory} (`pledgebook eval {d.directory}` scores against them)", markup=False, highlight=False)), fmt)

    @review_app.command("list")
    def list_(db: str | None = db_opt, fmt: str = format_option("table", "json", "csv", default="table")) -> None:
        """Every reviewed statement, its state, what the analyst set, and whether it is orphaned."""
        from pledgebook.track.review import reviewed_statements

        with open_ledger(db) as engine:
            emit(_listing(reviewed_statements(engine)), fmt)

    @review_app.command("orphans")
    def orphans(db: str | None = db_opt, fmt: str = format_option("table", "json", "csv", default="table")) -> None:
        """Reviewed statements that the current extraction of their document no longer has (kept, not dropped)."""
        from pledgebook.track.review import reviewed_statements

        with open_ledger(db) as engine:
            emit(_listing(reviewed_statements(engine, orphaned=True)), fmt)
