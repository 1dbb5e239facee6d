"""Analysts' review of extractions (``pledgebook review``; track/review.py, track/export.py and
track/decisions.py do the work): accept, reject or correct a statement, add one the machine
missed, decide a suggestion (writes: bearer token), list the reviewed statements, and download
the reviewed documents as a gold set for ``pledgebook eval`` (a zip archive)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Path as PathParam, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from pledgebook.serve.api.deps import Embedding, Ledger, Writer
from pledgebook.serve.api.errors import ApiError
from pledgebook.serve.api.schemas import WRITE_ERRORS, ErrorBody
from pledgebook.serve.api.status import check_target, tracked
from pledgebook.track.decisions import Decision
from pledgebook.track.review import ReviewedStatement

router = APIRouter(tags=["review"])

Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
StatementKey = Annotated[str, PathParam(min_length=1, max_length=250, description="A statement's stable key.")]
_REFUSED = {**WRITE_ERRORS, 422: {"model": ErrorBody, "description": (
    "An unknown kind, party, sector, document or span, or nothing to correct (the message lists the valid values)")}}


class Fields(BaseModel):
    """What an analyst sets; a field left out stays as extracted."""

    model_config = ConfigDict(extra="forbid")
    kind: str | None = Field(None, min_length=1, max_length=40, description="commitment, position, appreciation ...")
    actors: list[Name] | None = Field(None, max_length=50, description="Party codes or names: replace the actors.")
    strength: str | None = Field(None, min_length=1, max_length=20, description="firm, moderate, soft, or none.")
    sectors: list[Name] | None = Field(None, max_length=50, description="Sector ids or aliases: replace the sectors.")
    entities: list[Name] | None = Field(None, max_length=50, description="Entity names: replace the entities.")
    span: str | None = Field(None, min_length=1, max_length=40, description="START-END in the document.")
    note: str | None = Field(None, max_length=2000, description="Why (kept with the decision).")
    author: str = Field("api", min_length=1, max_length=100, description="Who.")

    def correction(self):  # -> track.review.Correction
        from pledgebook.track.review import Correction

        return Correction(kind=self.kind, actors=self.actors, strength=self.strength, sectors=self.sectors,
                          entities=self.entities, span=self.span)


class ReviewDecision(Fields):
    action: Literal["accept", "reject", "correct"] = Field(description="correct needs at least one field.")


class AddedStatement(Fields):
    document: str = Field(min_length=1, max_length=300, description="The document: its record id or its source.")
    kind: str = Field(min_length=1, max_length=40, description="The statement's kind.")
    quote: str | None = Field(None, min_length=1, max_length=20_000, description=(
        "Instead of span: the statement's exact text (its first occurrence)."))


class SuggestionDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(min_length=3, max_length=400, description="THREAD_ID:STATEMENT_KEY:KIND, as a suggestion gives it.")
    decision: Literal["confirm", "dismiss"]
    note: str | None = Field(None, max_length=2000)
    author: str = Field("api", min_length=1, max_length=100)


class ReviewList(BaseModel):
    items: list[ReviewedStatement]
    next: None = Field(None, description="Not paged: always null.")


@router.post("/statements/{key}/review", response_model=ReviewedStatement, dependencies=[Writer], responses=_REFUSED,
             summary="Accept, reject or correct a statement (kept apart from the machine's output, winning over it)")
def review_statement(key: StatementKey, body: ReviewDecision, engine: Ledger) -> JSONResponse:
    from pledgebook.track.review import review

    check_target(engine, "statement", key)
    done = tracked(lambda: review(engine, key, body.action, body.correction(), note=body.note, author=body.author))
    return JSONResponse(done.to_dict())


@router.post("/reviews", response_model=ReviewedStatement, status_code=201, dependencies=[Writer], responses=_REFUSED,
             summary="Add a statement the machine missed")
def add_review(body: AddedStatement, engine: Ledger, embedder: Embedding) -> JSONResponse:
    from pledgebook.track.review import add_statement

    done = tracked(lambda: add_statement(engine, body.document, body.correction(), quote=body.quote, note=body.note,
                                          author=body.author, embedder=embedder))
    return JSONResponse(done.to_dict(), status_code=201)


@router.get("/reviews", response_model=ReviewList, summary="Every reviewed statement, by document")
def reviews(engine: Ledger, orphaned: Annotated[bool | None, Query(description=(
        "true: only those a re-extraction dropped (kept, not lost); false: only the others."))] = None) -> JSONResponse:
    from pledgebook.track.review import reviewed_statements

    return JSONResponse({"items": [r.to_dict() for r in reviewed_statements(engine, orphaned=orphaned)], "next": None})


@router.get("/reviews/export", response_class=Response, summary="The reviewed documents as a gold set (zip)",
            responses={200: {"content": {"application/zip": {}}, "description": (
                "NAME.yaml and texts/ per reviewed document, in the gold format of `pledgebook eval`")},
                       404: {"model": ErrorBody, "description": "Nothing reviewed yet"}})
def export_reviews(engine: Ledger) -> Response:
    from pledgebook.track.common import TrackError
    from pledgebook.track.export import export_reviewed

    with tempfile.TemporaryDirectory(prefix="pledgebook-gold-") as tmp:
        root = Path(tmp) / "gold"
        try:
            export_reviewed(engine, root)
        except TrackError as err:
            if not str(err).startswith("no reviewed document"):
                raise  # a gold file that does not read back: a 500, its cause in the server's log
            raise ApiError(404, "nothing to export", str(err)) from None
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(root).as_posix())
    return Response(archive.getvalue(), media_type="application/zip",
                    headers={"content-disposition": 'attachment; filename="pledgebook-gold.zip"'})


@router.post("/suggestions/decisions", response_model=Decision, status_code=201, dependencies=[Writer],
             responses={**_REFUSED, 422: {"model": ErrorBody, "description": "A malformed key or unknown thread"}},
             summary="Confirm or dismiss a suggestion (confirming a completion sets its thread fulfilled)")
def decide(body: SuggestionDecision, engine: Ledger) -> JSONResponse:
    from pledgebook.track.decisions import decide_suggestion

    done = tracked(lambda: decide_suggestion(engine, body.key, body.decision, body.author, body.note))
    return JSONResponse(done.to_dict(), status_code=201)
