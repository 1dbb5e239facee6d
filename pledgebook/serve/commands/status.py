"""``pledgebook status set|history|list``: what became of a pledge (track/status.py does the work)."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import DB_HELP, EXIT_UNUSABLE, emit, fail, format_option, open_ledger
from pledgebook.serve.codebook import load_tracking_or_exit, tracking_option
from pledgebook.serve.listings import one_line
from pledgebook.serve.render import Listing, TableColumn, one_result, print_table
from pledgebook.serve.rows import RowKind, _columns

STATUS_ROWS = RowKind("statuses", _columns(
    "target target_id status label scores:list entries:int statements:int orphaned changed author evidence:prose "
    "note:prose"))
_ID_HELP = "A thread id (as `threads` prints it) or a statement id (as `ledger` prints it)."
_DOSSIER_HELP = "A project dossier instead of an id: any name of its entity, as `pledgebook dossier` takes it."


def _scores(parties: list[str], scores: list[int]) -> dict[str, int]:
    if len(parties) != len(scores):
        raise fail("give one --score for each --party, in the same order", EXIT_UNUSABLE)
    return dict(zip(parties, scores))


def _evidence(entry) -> str:  # entry: track.status.StatusRecord
    parts = [entry.evidence_text, entry.evidence_url]
    if entry.evidence_document:
        quote = f' "{one_line(entry.evidence_quote)}"' if entry.evidence_quote else ""
        parts.append(f"{entry.evidence_document}{quote}")
    return " · ".join(p for p in parts if p)


def _score_cells(scores: dict[str, int]) -> str:
    return ", ".join(f"{p} {s:+d}" if s else f"{p} 0" for p, s in scores.items())


def _history_table(entries, console) -> None:
    entries = list(entries)
    columns = [TableColumn("entry", 5, justify="right"), TableColumn("when", 16), TableColumn("status", 12),
               TableColumn("scores", 16, drop=1), TableColumn("author", 10, drop=2), TableColumn("note", 20, drop=3),
               TableColumn("evidence", text=True)]
    print_table(console, columns, ([str(e.id), e.created_at[:16].replace("T", " "), e.status, _score_cells(e.scores),
                                    e.author, e.note, _evidence(e)] for e in entries),
                caption=f"{len(entries)} entr{'ies' if len(entries) != 1 else 'y'}, oldest first" if entries
                else "no status yet")


def _current_row(c) -> dict:  # c: track.status.CurrentStatus
    return {"target": c.target, "target_id": c.target_id, "status": c.status, "label": c.label,
            "scores": [f"{p}:{s}" for p, s in c.scores.items()], "entries": c.entries, "statements": c.statements,
            "orphaned": "yes" if c.orphaned else "no",
            "changed": c.latest.created_at, "author": c.latest.author, "evidence": _evidence(c.latest),
            "note": c.latest.note}


def _list_table(items, console) -> None:
    items = list(items)
    columns = [TableColumn("target", 9), TableColumn("id", 28), TableColumn("status", 12),
               TableColumn("scores", 16, drop=1), TableColumn("changed", 10, drop=3), TableColumn("by", 10, drop=2),
               TableColumn("evidence", text=True)]
    print_table(console, columns, ([c.target, c.target_id + (" (orphaned)" if c.orphaned else ""), c.status,
                                    _score_cells(c.scores), c.latest.created_at[:10],
                                    c.latest.author, _evidence(c.latest)] for c in items),
                caption=f"{len(items)} tracked target{'s' if len(items) != 1 else ''}")


def register(app: typer.Typer) -> None:
    status_app = typer.Typer(no_args_is_help=True, help="Status, evidence and compliance scores of pledges "
                             "(threads, statements, dossiers): append-only, the current status derived.")
    app.add_typer(status_app, name="status")

    @status_app.command("set")
    def set_(
        ident: str | None = typer.Argument(None, metavar="[ID]", help=_ID_HELP),
        status: str | None = typer.Option(None, "--status", help="A status label (codebook/data/tracking.yaml); "
                                          "default: the current one (a score or evidence alone), else the labels' default."),
        dossier: str | None = typer.Option(None, "--dossier", help=_DOSSIER_HELP),
        party: list[str] = typer.Option([], "--party", help="A party scored (code or name); repeat with --score."),
        score: list[int] = typer.Option([], "--score", help="Its compliance score: -1, 0 or 1 (G20 Research Group scale)."),
        evidence: str | None = typer.Option(None, "--evidence", help="Evidence: free text, or a URL."),
        evidence_document: str | None = typer.Option(None, "--evidence-document",
                                                     help="A stored document as evidence (its id from `ledger -f json`, or its source)."),
        span: str | None = typer.Option(None, "--span", help="START-END: the passage of --evidence-document."),
        note: str | None = typer.Option(None, "--note", help="A note kept with the entry."),
        author: str | None = typer.Option(None, "--author", help="Who (default: the login name)."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        codebook: Path | None = tracking_option(),
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Append a status entry to a thread (it applies to its members), a statement (it overrides
        its thread's) or a dossier (--dossier NAME)."""
        from pledgebook.track.common import TrackError
        from pledgebook.track.status import Evidence, set_status

        scores = _scores(party, score)
        with open_ledger(db) as engine:
            try:
                entry = set_status(engine, ident, status, dossier=dossier, scores=scores, note=note, author=author,
                                   evidence=Evidence(evidence, evidence_document, span),
                                   tracking=load_tracking_or_exit(codebook))
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(one_result(entry, lambda e, console: _history_table([e], console)), fmt)

    @status_app.command("history")
    def history(
        ident: str | None = typer.Argument(None, metavar="[ID]", help=_ID_HELP),
        dossier: str | None = typer.Option(None, "--dossier", help=_DOSSIER_HELP),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        codebook: Path | None = tracking_option(),
        fmt: str = format_option("table", "json", default="table"),
    ) -> None:
        """Every status entry of a thread, statement or dossier, oldest first."""
        from pledgebook.track.common import TrackError
        from pledgebook.track.status import status_history

        with open_ledger(db) as engine:
            try:
                entries = status_history(engine, ident, dossier=dossier, tracking=load_tracking_or_exit(codebook))
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(Listing(entries, as_json=lambda e: e.to_dict(), table=_history_table), fmt)

    @status_app.command("list")
    def list_(
        status: str | None = typer.Option(None, "--status", help="Only targets whose current status is this."),
        party: str | None = typer.Option(None, "--party", help="Only targets that score this party."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        codebook: Path | None = tracking_option(),
        fmt: str = format_option("table", "json", "csv", default="table"),
    ) -> None:
        """The current status of every tracked thread, statement and dossier, latest change first."""
        from pledgebook.track.common import TrackError
        from pledgebook.track.status import current_statuses

        with open_ledger(db) as engine:
            try:
                items = current_statuses(engine, status=status, party=party, tracking=load_tracking_or_exit(codebook))
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(Listing(items, as_json=lambda c: c.to_dict(), kind=STATUS_ROWS, as_rows=lambda c: (_current_row(c),),
                     table=_list_table), fmt)
