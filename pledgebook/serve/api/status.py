"""Status, evidence and compliance scores (``pledgebook status``; track/status.py does the
work): the current status of every tracked pledge, and one thread's, statement's or dossier's
history and current status, with a write that appends an entry (bearer token)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path as PathParam, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import Engine

from pledgebook.serve.api.deps import Ledger, Writer
from pledgebook.serve.api.errors import ApiError
from pledgebook.serve.api.schemas import WRITE_ERRORS, ErrorBody
from pledgebook.track.status import CurrentStatus, StatusRecord

router = APIRouter(tags=["status"])

Party = Annotated[str, StringConstraints(min_length=1, max_length=100)]
ThreadId = Annotated[int, PathParam(ge=1, le=2**31 - 1, description="A thread id.")]
StatementKey = Annotated[str, PathParam(min_length=1, max_length=250, description="A statement's stable key.")]
EntityName = Annotated[str, PathParam(min_length=1, max_length=200, description="Any name of the dossier's entity.")]
Target = Literal["thread", "statement", "dossier"]


class StatusChange(BaseModel):
    """One new entry of the history; nothing before it is changed."""

    model_config = ConfigDict(extra="forbid")
    status: str | None = Field(None, min_length=1, max_length=60, description=(
        "A status label (`GET /api/status/labels`); null keeps the current one (a score or evidence alone)."))
    scores: dict[Party, Literal[-1, 0, 1]] = Field(default_factory=dict, max_length=50, description=(
        "Compliance per party (code or name) on the G20 Research Group's -1 / 0 / +1 scale."))
    evidence: str | None = Field(None, max_length=4000, description="Evidence: free text, or a URL.")
    evidence_document: str | None = Field(None, min_length=1, max_length=300, description=(
        "A stored document as evidence: its record id (`document_id` of a statement) or its source."))
    evidence_span: str | None = Field(None, min_length=1, max_length=40, description=(
        "START-END: the passage of evidence_document."))
    note: str | None = Field(None, max_length=2000, description="A note kept with the entry.")
    author: str = Field("api", min_length=1, max_length=100, description="Who (kept with the entry).")


class StatusHistory(BaseModel):
    current: CurrentStatus | None = Field(description="The latest entry and each party's latest score; null: none.")
    items: list[StatusRecord] = Field(description="Every entry, oldest first.")


class StatusList(BaseModel):
    items: list[CurrentStatus]
    next: None = Field(None, description="Not paged: always null.")


class Labels(BaseModel):
    labels: list[dict[str, str]] = Field(description="Each status id and its label, in order.")
    default: str = Field(description="The status an entry gets when none is given.")
    fulfilled: str = Field(description="The status that counts as done.")


_SET_ERRORS = {**WRITE_ERRORS, 422: {"model": ErrorBody, "description": (
    "An unknown status, party, evidence document or span (the message lists the valid values)")}}


@router.get("/status", response_model=StatusList, summary="The current status of every tracked pledge, latest first")
def statuses(engine: Ledger,
             status: Annotated[str | None, Query(min_length=1, max_length=60, description="Only this status.")] = None,
             party: Annotated[str | None, Query(min_length=1, max_length=100,
                                                description="Only those scoring this party.")] = None,
             ) -> JSONResponse:
    from pledgebook.track.status import current_statuses

    found = tracked(lambda: current_statuses(engine, status=status, party=party))
    return JSONResponse({"items": [c.to_dict() for c in found], "next": None})


@router.get("/status/labels", response_model=Labels, summary="The status labels a pledge can have")
def status_labels() -> JSONResponse:
    from pledgebook.track.common import labels

    tracking = tracked(labels)
    return JSONResponse({"labels": [{"id": i, "label": tracking.label(i)} for i in tracking.ids],
                         "default": tracking.default, "fulfilled": tracking.fulfilled})


@router.get("/threads/{thread_id}/status", response_model=StatusHistory, summary="A thread's status and its history")
def thread_status(thread_id: ThreadId, engine: Ledger) -> JSONResponse:
    return _history(engine, "thread", str(thread_id))


@router.post("/threads/{thread_id}/status", response_model=StatusRecord, status_code=201, dependencies=[Writer],
             responses=_SET_ERRORS, summary="Append a status entry to a thread (it applies to its members)")
def set_thread_status(thread_id: ThreadId, body: StatusChange, engine: Ledger) -> JSONResponse:
    return _set(engine, "thread", str(thread_id), body)


@router.get("/statements/{key}/status", response_model=StatusHistory, summary="A statement's own status and history")
def statement_status(key: StatementKey, engine: Ledger) -> JSONResponse:
    return _history(engine, "statement", key)


@router.post("/statements/{key}/status", response_model=StatusRecord, status_code=201, dependencies=[Writer],
             responses=_SET_ERRORS, summary="Append a status entry to a statement (it overrides its thread's)")
def set_statement_status(key: StatementKey, body: StatusChange, engine: Ledger) -> JSONResponse:
    return _set(engine, "statement", key, body)


@router.get("/dossiers/{name}/status", response_model=StatusHistory, summary="A dossier's status and its history")
def dossier_status(name: EntityName, engine: Ledger) -> JSONResponse:
    return _history(engine, "dossier", name)


@router.post("/dossiers/{name}/status", response_model=StatusRecord, status_code=201, dependencies=[Writer],
             responses=_SET_ERRORS, summary="Append a status entry to a project dossier")
def set_dossier_status(name: EntityName, body: StatusChange, engine: Ledger) -> JSONResponse:
    return _set(engine, "dossier", name, body)


def tracked(call):  # type: ignore[no-untyped-def]
    """A track service's answer; its ``TrackError`` (one line, nothing written) is a 422."""
    from pledgebook.track.common import TrackError

    try:
        return call()
    except TrackError as err:
        raise ApiError(422, "refused", str(err)) from None


def ident_args(kind: Target, ident: str) -> tuple[str | None, str | None]:
    """The (id, dossier) pair the track services take for a target named in a path."""
    return (None, ident) if kind == "dossier" else (ident, None)


def check_target(engine: Engine, kind: Target, ident: str) -> None:
    """404 unless ``ident`` names an existing ``kind`` (the track service resolves it)."""
    from pledgebook.track.common import TrackError, resolve_target

    if kind == "statement" and ident.strip().isdigit():
        raise ApiError(404, "no such statement", f"no statement {ident!r} (a number is a thread id)")
    try:
        resolve_target(engine, *ident_args(kind, ident))
    except TrackError as err:
        raise ApiError(404, f"no such {kind}", str(err)) from None


def _history(engine: Engine, kind: Target, ident: str) -> JSONResponse:
    from pledgebook.track.status import current_status, status_history

    check_target(engine, kind, ident)
    ident_, dossier = ident_args(kind, ident)
    history = tracked(lambda: status_history(engine, ident_, dossier=dossier))
    current = tracked(lambda: current_status(engine, ident_, dossier=dossier))
    return JSONResponse({"current": current.to_dict() if current else None, "items": [h.to_dict() for h in history]})


def _set(engine: Engine, kind: Target, ident: str, body: StatusChange) -> JSONResponse:
    from pledgebook.track.status import Evidence, set_status

    check_target(engine, kind, ident)
    ident_, dossier = ident_args(kind, ident)
    evidence = Evidence(body.evidence, body.evidence_document, body.evidence_span)
    entry = tracked(lambda: set_status(engine, ident_, body.status, dossier=dossier, scores=body.scores,
                                        evidence=evidence, note=body.note, author=body.author))
    return JSONResponse(entry.to_dict(), status_code=201)
