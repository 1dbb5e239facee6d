"""/api/documents: stored documents, one with its statements, and uploads (ingest + link)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path, PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Path as PathParam, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile

from pledgebook.serve.api.deps import Embedding, Ledger, Writer
from pledgebook.serve.api.errors import ApiError
from pledgebook.serve.api.paging import DEFAULT_PAGE, MAX_PAGE, documents_before, documents_cursor
from pledgebook.serve.api.formats import next_link
from pledgebook.serve.api.schemas import WRITE_ERRORS, DocumentDetail, ErrorBody
from pledgebook.serve.rows import ledger_statement_row
from pledgebook.store.documents import DocumentSummary, get_document, list_documents

router = APIRouter(tags=["documents"])

DocumentRef = Annotated[str, PathParam(pattern=r"^(\d{1,9}|[0-9a-f]{16})$", max_length=16,
                                       description="The document's row id, or its record id (16 hex digits).")]
_UNSAFE = re.compile(r"[^\w.\- ]+")


class DocumentPage(BaseModel):
    items: list[DocumentSummary]
    next: str | None = Field(description="The next page's path and query, or null on the last page.")


class DocumentListParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description="Documents on a page.")
    cursor: str | None = Field(None, min_length=1, max_length=200, description="A page's `next` cursor, as given.")


class UploadResult(BaseModel):
    outcome: str = Field(description="new, re-extracted or unchanged (the same text was already stored)")
    document: DocumentSummary
    linked: dict[str, Any] | None = Field(description="What linking the new statements did (null: nothing new).")


@router.get("/documents", response_model=DocumentPage, summary="Stored documents, newest ingested first")
def documents(params: Annotated[DocumentListParams, Query()], request: Request, engine: Ledger) -> JSONResponse:
    before = documents_before(params.cursor) if params.cursor else None
    docs, more = list_documents(engine, size=params.limit, before=before)
    link = next_link(request, cursor=documents_cursor(more)) if more is not None else None
    return JSONResponse({"items": [d.to_dict() for d in docs], "next": link})


@router.get("/documents/{ref}", response_model=DocumentDetail,
            summary="A document: its metadata, text and current statements")
def document(ref: DocumentRef, engine: Ledger) -> JSONResponse:
    from pledgebook.store import LedgerFilter, query_ledger

    found = get_document(engine, ref)
    if found is None:
        raise ApiError(404, "no such document", f"no stored document has the id {ref}")
    summary, text = found
    rows = query_ledger(engine, LedgerFilter(documents=[summary.id]))
    return JSONResponse({"document": summary.to_dict(), "text": text,
                         "statements": [ledger_statement_row(r) for r in rows]})


_UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "A .txt, .md, .html or .pdf document."}}}}}}}


@router.post("/documents", dependencies=[Writer], status_code=201, response_model=UploadResult,
             openapi_extra=_UPLOAD_BODY, summary="Upload a document: extract, store and link it",
             responses={**WRITE_ERRORS, 200: {"description": "The same text was already stored", "model": UploadResult},
                        413: {"description": "Over the upload size, or a document over the server's read "
                                             "limits (--max-chars, --max-pdf-pages)", "model": ErrorBody},
                        422: {"description": "Not a readable document (the reader's one-line error)",
                              "model": ErrorBody}})
async def upload(request: Request, engine: Ledger, embedder: Embedding) -> JSONResponse:
    """Multipart field ``file``. Its file name is kept as the document's source (a leading
    date in it dates the document, as for ``pledgebook ingest``). Nothing is stored when the
    file cannot be read. Over the server's upload limit: 413, while the upload streams; a
    document over its read limits (``serve --max-chars``, ``--max-pdf-pages``): 413 too."""
    async with request.form(max_files=1, max_fields=1) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise ApiError(422, "no file", [{"where": "body.file",
                                             "message": "send the document as the multipart form field `file`"}])
        name = safe_name(upload.filename)
        with tempfile.TemporaryDirectory(prefix="pledgebook-upload-") as tmp:
            path = Path(tmp) / name
            await run_in_threadpool(save_upload, upload, path)
            result = await run_in_threadpool(ingest_upload, engine, path, name, request.app.state.read_limits,
                                             embedder)
    return JSONResponse(result, status_code=201 if result["outcome"] != "unchanged" else 200)


def safe_name(filename: str) -> str:
    """The upload's own file name (no folders), in safe characters, suffix kept."""
    base = PurePath(filename.replace("\\", "/")).name
    name = _UNSAFE.sub("_", base).strip(" .")[-150:].lstrip(" .")
    return name or "upload"


def save_upload(upload: UploadFile, path: Path) -> None:
    upload.file.seek(0)
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out)


def ingest_upload(engine: Any, path: Path, name: str, limits: Any = None, embedder: Any = None) -> dict:
    """Read (within ``limits``, a ``ReadLimits``: the defaults when None), extract and store
    the file (``store.batch.ingest_file``), then thread what is new with ``embedder`` (the app's,
    ``deps.app_embedder``), as ``pledgebook ingest`` does. A document over the limits: ``ApiError`` 413."""
    from pledgebook.link import link_new_statements
    from pledgebook.read import DEFAULT_LIMITS, OverLimit, ReadError
    from pledgebook.store.batch import ingest_file
    from pledgebook.store.ingest import Outcome

    try:
        result = ingest_file(engine, str(path), source=name, limits=limits or DEFAULT_LIMITS)
    except OverLimit as err:
        raise ApiError(413, "document over the server's limits", str(err)) from None
    except ReadError as err:
        raise ApiError(422, "unreadable document", str(err)) from None
    except ValueError as err:
        raise ApiError(422, "refused by the ledger", str(err).splitlines()[0]) from None
    from pledgebook.store.resume import count_unlinked

    # also what an interrupted run left unthreaded (store.resume)
    linked = link_new_statements(engine, embedder=embedder) if result.outcome is not Outcome.unchanged or count_unlinked(engine) else None
    stored = get_document(engine, str(result.document_id))
    assert stored is not None
    return {"outcome": result.outcome.value, "document": stored[0].to_dict(),
            "linked": linked.to_dict() if linked is not None else None}
