"""/api/dossiers: the projects (or other entities) named in most documents, and one
project's dossier, as ``pledgebook dossiers`` and ``pledgebook dossier NAME`` give them."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Path as PathParam, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from pledgebook.link.dossier import DossierSummary
from pledgebook.serve.api.deps import Ledger
from pledgebook.serve.api.errors import ApiError
from pledgebook.serve.api.formats import ListFormat, listing_response

router = APIRouter(tags=["dossiers"])


class EntityKind(str, Enum):
    project = "project"
    initiative = "initiative"
    agreement = "agreement"
    institution = "institution"
    place = "place"
    event = "event"
    other = "other"


class DossierListParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: list[EntityKind] = Field(default_factory=lambda: [EntityKind.project], max_length=7,
                                   description="Entity kinds; repeatable.")
    limit: int = Field(20, ge=1, le=1000, description="At most this many entities, named in most documents first.")
    format: ListFormat = ListFormat.json


class DossierPage(BaseModel):
    items: list[DossierSummary]
    next: None = Field(None, description="Ranked, not paged: always null (raise `limit`).")


@router.get("/dossiers", response_model=DossierPage, summary="Entities named in most documents",
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}})
def dossiers(params: Annotated[DossierListParams, Query()], engine: Ledger) -> Response:
    from pledgebook.link.dossier import list_dossiers
    from pledgebook.serve.render import Listing
    from pledgebook.serve.rows import DOSSIERS

    kinds = tuple(dict.fromkeys(k.value for k in params.kind))
    summaries = list_dossiers(engine, limit=params.limit, kinds=kinds)
    listing = Listing(summaries, as_json=lambda s: s.to_dict(), kind=DOSSIERS, as_rows=lambda s: (s.to_dict(),))
    return listing_response(listing, params.format)


@router.get("/dossiers/{name}", response_model=dict[str, Any],
            summary="A project's dossier: every statement naming it (any alias), by thread, with its story")
def dossier(name: Annotated[str, PathParam(min_length=1, max_length=200)], engine: Ledger) -> JSONResponse:
    """As ``pledgebook dossier NAME -f json``: {entity, entity_kind, aliases, documents,
    first_seen, last_seen, statements, threads, story_steps, story}."""
    from pledgebook.link.dossier import UnknownEntity, build_dossier

    try:
        result = build_dossier(engine, name)
    except UnknownEntity as err:
        raise ApiError(404, "no such entity", {"message": str(err), "suggestions": err.suggestions}) from None
    if not result.statements:
        raise ApiError(404, "no statements", f"no stored statement names {result.entity} (or one of its aliases)")
    return JSONResponse(result.to_dict())
