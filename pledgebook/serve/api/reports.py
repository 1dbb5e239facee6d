"""/api/reports/compliance: compliance as the G20 Research Group publishes it (``pledgebook
report``; track/report.py does the work), and /api/export: the whole filtered ledger in one
file (``pledgebook export``), where /api/statements gives it a page at a time."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from pledgebook.serve.api.deps import Ledger
from pledgebook.serve.api.filters import StatementFilters
from pledgebook.serve.render import Listing, render_bytes, renderer

router = APIRouter(tags=["reports"])


class Grouping(str, Enum):
    party = "party"
    sector = "sector"
    year = "year"
    thread = "thread"


class ReportFormat(str, Enum):
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    json = "json"


class ExportParams(StatementFilters):  # type: ignore[misc, valid-type]
    format: ExportFormat = Field(ExportFormat.csv, description="csv (the columns of docs/output.md), jsonl or json.")


class ReportParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    by: Grouping = Field(Grouping.party, description="Group the assessments by party, sector, year (of the first "
                                                     "document) or thread.")
    format: ReportFormat = Field(ReportFormat.json, description="json (chart-ready) or csv (a row per group, then "
                                                                "the total).")


def report_listing(report: Any) -> Listing:
    from pledgebook.serve.commands.report import REPORT_ROWS

    return Listing([report], as_json=lambda r: r.to_dict(), json_shape="object", kind=REPORT_ROWS,
                   as_rows=lambda r: [x.to_dict() for x in (*r.rows, r.total)])


@router.get("/reports/compliance", response_model=dict[str, Any],
            responses={200: {"content": {"text/csv": {}}, "description": (
                "json: {by, rows, total, notes, chart: {labels, series, average, commitments}}; csv: a row per group, "
                "then the total")}},
            summary="Compliance per party, sector, year or thread: commitments assessed, shares at +1 / 0 / -1, "
                    "average score")
def compliance(params: Annotated[ReportParams, Query()], engine: Ledger) -> Response:
    from pledgebook.track.report import compliance_report

    report = compliance_report(engine, params.by.value)
    if params.format is ReportFormat.json:
        return JSONResponse(report.to_dict())
    return Response(render_bytes(report_listing(report), "csv"), media_type=renderer("csv").media_type)


@router.get("/export", response_class=Response,
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}, "application/json": {}},
                             "description": "Every current statement the filters keep, newest document first"}},
            summary="The whole ledger (filtered) in one file, as `pledgebook export`")
def export(params: Annotated[ExportParams, Query()], engine: Ledger) -> Response:
    from pledgebook.serve.filters import statement_query
    from pledgebook.serve.listings import statements_listing

    values = params.model_dump(exclude={"format"})
    rows = statement_query(values).rows(engine)
    fmt = params.format.value
    name = f"pledgebook-ledger.{fmt}"
    return Response(render_bytes(statements_listing(rows), fmt), media_type=renderer(fmt).media_type,
                    headers={"content-disposition": f'attachment; filename="{name}"'})
