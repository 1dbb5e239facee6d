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
