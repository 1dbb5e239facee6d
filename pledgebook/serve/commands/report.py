"""``pledgebook report --by party|sector|year|thread``: compliance as the G20 Research Group
publishes it (track/report.py does the work)."""

from __future__ import annotations

import typer

from pledgebook.serve.cli_support import DB_HELP, EXIT_UNUSABLE, emit, fail, format_option, open_ledger
from pledgebook.serve.render import Listing, TableColumn, print_table
from pledgebook.serve.rows import RowKind, _columns

REPORT_ROWS = RowKind("compliance", _columns(
    "group commitments:int assessments:int plus:int zero:int minus:int share_plus share_zero share_minus average"))


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _table(reports, console) -> None:
    for report in reports:
        columns = [TableColumn(report.by, 28), TableColumn("commitments", 11, justify="right"),
                   TableColumn("assessed", 8, justify="right", drop=1), TableColumn("+1", 5, justify="right"),
                   TableColumn("0", 5, justify="right"), TableColumn("−1", 5, justify="right"),
                   TableColumn("average", 7, justify="right")]
        rows = [*report.rows, report.total] if report.rows else []
        print_table(console, columns, ([r.group, str(r.commitments), str(r.assessments), _percent(r.share_plus),
                                        _percent(r.share_zero), _percent(r.share_minus), f"{r.average:+.2f}"]
                                       for r in rows),
                    caption="compliance on the G20 Research Group's −1 / 0 / +1 scale; shares of the assessments"
                    if rows else "no compliance scores yet (`pledgebook status set ID --status S --party P --score N`)")
        for note in report.notes:
            console.print(note, markup=False, highlight=False, style="yellow")


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        by: str = typer.Option("party", "--by", metavar="[party|sector|year|thread]",
                               help="Group the assessments by party, sector, year (of the first document) or thread."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        fmt: str = format_option("table", "csv", "json", default="table",
                                 help="table, csv (a row per group, then the total), or json (chart-ready: rows, "
                                      "total, and series aligned with labels)."),
    ) -> None:
        """Compliance report: per group, the commitments assessed, the share at +1 / 0 / −1 and the
        average score (commitments scored with `pledgebook status set ... --party P --score N`)."""
        from pledgebook.track.common import TrackError
        from pledgebook.track.report import compliance_report

        with open_ledger(db) as engine:
            try:
                result = compliance_report(engine, by)
            except TrackError as err:
                raise fail(str(err), EXIT_UNUSABLE) from None
        emit(Listing([result], as_json=lambda r: r.to_dict(), json_shape="object", kind=REPORT_ROWS,
                     as_rows=lambda r: [x.to_dict() for x in (*r.rows, r.total)], table=_table), fmt)
