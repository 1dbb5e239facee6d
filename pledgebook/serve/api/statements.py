"""/api/statements: the ledger query of ``pledgebook ledger``, paged; one statement by key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path as PathParam, Query, Request
from fastapi.responses import JSONResponse, Response

from pledgebook.serve.api.deps import Ledger
from pledgebook.serve.api.errors import ApiError
from pledgebook.serve.api.filters import StatementListParams
from pledgebook.serve.api.formats import listing_response, next_link
from pledgebook.serve.api.paging import ledger_cursor, ledger_position
from pledgebook.serve.api.schemas import StatementDetail, StatementPage
from pledgebook.serve.filters import statement_query
from pledgebook.serve.listings import statements_listing
from pledgebook.serve.rows import ledger_statement_row
from pledgebook.store import LedgerFilter, query_ledger

router = APIRouter(tags=["statements"])


@router.get("/statements", response_model=StatementPage, summary="Current statements, filtered, newest document first",
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}})
def statements(params: Annotated[StatementListParams, Query()], request: Request, engine: Ledger) -> Response:
    """The filters of ``pledgebook ledger``: an unknown actor, sector, kind or entity is a 422
    listing the valid ids (or close matches). Pages follow ``next`` (json) or the ``Link``
    header (csv, jsonl), each row exactly once."""
    query = statement_query(params.filter_values())
    after = ledger_position(params.cursor) if params.cursor else None
    rows, more = query.page(engine, size=params.limit, after=after)
    link = next_link(request, cursor=ledger_cursor(more)) if more is not None else None
    return listing_response(statements_listing(rows), params.format, next_url=link)


@router.get("/statements/{key}", response_model=StatementDetail,
            summary="One current statement by its stable key, with its thread")
def statement(key: Annotated[str, PathParam(min_length=1, max_length=250)], engine: Ledger) -> JSONResponse:
    from pledgebook.link import thread_of_statement

    rows = query_ledger(engine, LedgerFilter(keys=[key]))
    if not rows:
        raise ApiError(404, "no such statement", f"no current statement has the key {key!r}")
    return JSONResponse({**ledger_statement_row(rows[0]), "thread_id": thread_of_statement(engine, key)})
