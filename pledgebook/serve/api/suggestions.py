"""/api/threads/{id}/suggestions: evidence the ledger suggests about a thread's undertaking
(``pledgebook suggestions --thread ID``; track/suggest.py does the work). One thread at a
time: the ledger-wide list reads every thread, a job for the CLI, not for a request."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from pledgebook.serve.api.deps import Ledger
from pledgebook.serve.api.errors import ApiError
from pledgebook.track.suggest import Suggestion

router = APIRouter(tags=["threads"])
# A thread of a few hundred members takes seconds (every later statement of the ledger is
# read for cues): one at a time, so requests for them cannot take every core.
_ONE_AT_A_TIME = threading.Semaphore(1)


class SuggestionList(BaseModel):
    items: list[Suggestion]
    next: None = Field(None, description="Not paged: always null.")


@router.get("/threads/{thread_id}/suggestions", response_model=SuggestionList,
            summary="Evidence later documents suggest about a thread: done, stalled, reworded, dropped")
def thread_suggestions(thread_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)], engine: Ledger) -> JSONResponse:
    """Each suggestion has a ``key`` for an analyst to confirm or dismiss it, a ``quote`` (the
    span ``start``..``end`` of the later document) and a one-line ``reason``."""
    from pledgebook.track.suggest import UnknownThread, suggestions

    if not _ONE_AT_A_TIME.acquire(timeout=30):
        raise ApiError(503, "busy", "another thread's suggestions are being worked out; try again shortly",
                       {"retry-after": "5"})
    try:
        found = suggestions(engine, thread_id)
    except UnknownThread as err:
        raise ApiError(404, "no such thread", str(err)) from None
    finally:
        _ONE_AT_A_TIME.release()
    return JSONResponse({"items": [s.to_dict() for s in found], "next": None})
