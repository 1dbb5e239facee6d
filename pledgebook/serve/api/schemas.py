"""Response shapes for /openapi.json. Rows are built from the row kinds' columns
(serve/rows.py), so the API's statement has exactly the columns of ``ledger -f csv``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, create_model

from pledgebook.serve.rows import STATEMENTS, RowKind
from pledgebook.store.documents import DocumentSummary

_TYPES: dict[str, Any] = {"str": str | None, "int": int | None, "list": list[str] | None}


def row_model(name: str, kind: RowKind, **extra: Any) -> type[BaseModel]:
    fields: dict[str, Any] = {c.name: (_TYPES[c.type], ...) for c in kind.columns}
    return create_model(name, **fields, **extra)


StatementRow = row_model("StatementRow", STATEMENTS)
StatementDetail = row_model("StatementDetail", STATEMENTS,
                            thread_id=(int | None, Field(description="Its thread, if linked.")))


class StatementPage(BaseModel):
    items: list[StatementRow]  # type: ignore[valid-type]
    next: str | None = Field(description="The next page's path and query, or null on the last page.")


class DocumentDetail(BaseModel):
    document: DocumentSummary
    text: str = Field(description="The text as read: every statement's start and end index into it.")
    statements: list[StatementRow]  # type: ignore[valid-type]


class ErrorBody(BaseModel):
    """Every error under /api."""

    error: str = Field(description="What went wrong, in one line.")
    detail: Any = Field(description="More: a sentence, or the problems found, each {where, message}.")


def _error(description: str) -> dict:
    return {"model": ErrorBody, "description": description}


# The errors any endpoint may answer; endpoints add their own (401, 403, 409, 413).
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    404: _error("Not found"), 405: _error("Method not allowed"), 422: _error("Invalid request"),
    500: _error("Internal error (the cause is in the server's log only)"),
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: _error("Missing or wrong bearer token"), 403: _error("Read-only server: no token configured"),
    413: _error("Request body over the server's limit"),
}
