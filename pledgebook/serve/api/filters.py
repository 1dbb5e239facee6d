"""Query parameters, validated. The statement filters are made from the CLI's own
``FILTER_OPTIONS`` (serve/filters.py): the same names, help and checks as
``pledgebook ledger``, and a filter added there is a query parameter here too."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from pledgebook.serve.api.formats import ListFormat
from pledgebook.serve.api.paging import DEFAULT_PAGE, MAX_PAGE
from pledgebook.serve.filters import FILTER_OPTIONS, FilterOption

Word = Annotated[str, StringConstraints(min_length=1, max_length=500)]
_PAGED_HERE = {"limit"}  # the CLI's --limit: the API pages instead


def _field(option: FilterOption) -> tuple[Any, Any]:
    help_text = option.option.help
    if option.annotation is bool:
        return bool, Field(False, description=help_text)
    if option.annotation == list[str]:
        return list[Word], Field(default_factory=list, max_length=50, description=help_text)
    return Word | None, Field(None, description=help_text)


class _Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a mistyped parameter is an error, never ignored


StatementFilters = create_model(
    "StatementFilters", __base__=_Forbid,
    **{o.param: _field(o) for o in FILTER_OPTIONS if o.param not in _PAGED_HERE},
)


class StatementListParams(StatementFilters):  # type: ignore[misc, valid-type]
    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description="Statements on a page.")
    cursor: str | None = Field(None, min_length=1, max_length=500, description="A page's `next` cursor, as given.")
    format: ListFormat = Field(ListFormat.json, description="json (items and next), csv or jsonl (a page of "
                                                            "rows; the next page in the Link header).")

    def filter_values(self) -> dict:
        """By option name, for ``serve.filters.statement_query``."""
        return self.model_dump(include={o.param for o in FILTER_OPTIONS if o.param not in _PAGED_HERE})


class ThreadListParams(_Forbid):
    min_docs: int = Field(2, ge=1, le=10_000, description="Only threads seen in at least this many documents.")
    actor: list[Word] = Field(default_factory=list, max_length=50, description="Some member has this actor.")
    sector: list[Word] = Field(default_factory=list, max_length=50, description="Some member has this sector.")
    entity: list[Word] = Field(default_factory=list, max_length=50, description="Some member names this entity.")
    strength: list[Word] = Field(default_factory=list, max_length=50,
                                 description="Some member has this strength (firm, moderate, soft).")
    kind: list[Word] = Field(default_factory=list, max_length=50, description="Some member is of this kind.")
    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description="At most this many threads, most repeated first.")
    format: ListFormat = Field(ListFormat.json, description="json or jsonl (threads with members), csv (a row each).")
