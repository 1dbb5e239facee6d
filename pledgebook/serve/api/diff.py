"""/api/diff: what a later document's commitments add, repeat and drop (``pledgebook diff``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from pledgebook.link.diff import DocumentDiff
from pledgebook.serve.api.deps import Embedding, Ledger
from pledgebook.serve.api.errors import ApiError

router = APIRouter(tags=["documents"])

_REF = r"^(\d{1,9}|[0-9a-f]{16})$"


class DiffParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    old: str = Field(pattern=_REF, description="The earlier document: row id or record id.")
    new: str = Field(pattern=_REF, description="The later document, likewise.")


@router.get("/diff", response_model=DocumentDiff, summary="Commitments new, repeated and dropped between two documents")
def diff(params: Annotated[DiffParams, Query()], engine: Ledger, embedder: Embedding) -> JSONResponse:
    from pledgebook.link import diff_documents
    from pledgebook.store.documents import get_document

    # Ids only: the CLI's diff also takes a file path, which an HTTP client must not make the server read.
    refs = []
    for which, ref in (("old", params.old), ("new", params.new)):
        found = get_document(engine, ref)
        if found is None:
            raise ApiError(404, "no such document", f"{which}: no stored document has the id {ref}")
        refs.append(str(found[0].id))
    return JSONResponse(diff_documents(engine, refs[0], refs[1], embedder=embedder).to_dict())
