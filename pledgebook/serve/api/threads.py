"""/api/threads: threads as ``pledgebook threads`` lists them, one thread, and the analysts'
merge and split decisions (writes: bearer token)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Path as PathParam, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine

from pledgebook.link.views import ThreadView
from pledgebook.serve.api.deps import Ledger, Writer
from pledgebook.serve.api.errors import ApiError
from pledgebook.serve.api.filters import ThreadListParams
from pledgebook.serve.api.formats import listing_response
from pledgebook.serve.api.schemas import WRITE_ERRORS, ErrorBody

router = APIRouter(tags=["threads"])

ThreadId = Annotated[int, PathParam(ge=1, le=2**31 - 1, description="A thread id.")]


class ThreadPage(BaseModel):
    items: list[ThreadView]
    next: None = Field(None, description="Threads are ranked, not paged: always null (raise `limit`).")


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    author: str = Field("api", min_length=1, max_length=100, description="Who decides (kept with the decision).")
    note: str | None = Field(None, max_length=2000, description="Why.")


class Merge(Decision):
    other: int = Field(ge=1, le=2**31 - 1, description="The thread whose statements join this one.")


class Split(Decision):
    statement: str = Field(min_length=1, max_length=250, description="The stable key of the statement that leaves.")


@router.get("/threads", response_model=ThreadPage, summary="Threads, most repeated first",
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}})
def threads(params: Annotated[ThreadListParams, Query()], engine: Ledger) -> Response:
    from pledgebook.link import ThreadFilter, list_threads
    from pledgebook.serve.filters import check_actors, check_kinds, check_sectors, check_strengths, entity_names
    from pledgebook.serve.listings import threads_listing

    actors, sectors = check_actors(params.actor), check_sectors(params.sector)
    strengths, kinds = check_strengths(params.strength), check_kinds(params.kind)
    flt = ThreadFilter(params.min_docs, actors, sectors, entity_names(engine, params.entity), params.limit,
                       strengths=strengths, kinds=kinds)
    return listing_response(threads_listing(list_threads(engine, flt)), params.format)


def _shown(engine: Ledger, thread_id: int, wording: bool = True) -> JSONResponse:
    from pledgebook.link import get_thread

    view = get_thread(engine, thread_id, wording=wording)
    if view is None:
        raise ApiError(404, "no such thread", f"no thread {thread_id}")
    return JSONResponse(view.to_dict())


@router.get("/threads/{thread_id}", response_model=ThreadView, summary="A thread: members, strength and wording over time")
def thread(thread_id: ThreadId, engine: Ledger, wording: Annotated[bool, Query(description=(
        "false: leave `wording` empty (a word diff per pair of members is most of a large thread's time)"))] = True,
           ) -> JSONResponse:
    return _shown(engine, thread_id, wording)


_DECISION_ERRORS = {**WRITE_ERRORS, 409: {"model": ErrorBody, "description": "A decision that makes no sense"}}


@router.post("/threads/{thread_id}/merge", response_model=ThreadView, dependencies=[Writer], responses=_DECISION_ERRORS,
             summary="Merge another thread into this one (kept across re-linking)")
def merge(thread_id: ThreadId, body: Merge, engine: Ledger) -> JSONResponse:
    from pledgebook.link import merge_threads

    return _decided(engine, "cannot merge",
                    lambda: merge_threads(engine, thread_id, body.other, author=body.author, note=body.note))


@router.post("/threads/{thread_id}/split", response_model=ThreadView, dependencies=[Writer], responses=_DECISION_ERRORS,
             summary="Take a statement out of this thread into a new one (kept across re-linking)")
def split(thread_id: ThreadId, body: Split, engine: Ledger) -> JSONResponse:
    from pledgebook.link import split_thread

    return _decided(engine, "cannot split",
                    lambda: split_thread(engine, thread_id, body.statement, author=body.author, note=body.note))


def _decided(engine: Engine, failure: str, decide: Callable[[], int]) -> JSONResponse:
    """An analyst's merge/split through the link service, answered with the resulting thread;
    an unknown thread is a 404, a decision the service refuses a 409."""
    from pledgebook.link import ThreadError

    try:
        thread_id = decide()
    except ThreadError as err:
        raise ApiError(404 if str(err).startswith("no thread") else 409, failure, str(err)) from None
    return _shown(engine, thread_id)
