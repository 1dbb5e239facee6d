"""Answer with a listing in the format asked for (``?format=json|csv|jsonl``), through the
renderer registry the CLI prints with (serve/render.py): the same columns as
``pledgebook ledger -f csv`` (docs/output.md). JSON is an envelope with the items and the
next page's link; csv and jsonl give the link in a ``Link: <...>; rel="next"`` header."""

from __future__ import annotations

from enum import Enum
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from pledgebook.serve.render import Listing, render_bytes, renderer


class ListFormat(str, Enum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


def next_link(request: Request, **params: Any) -> str:
    """The request's own path and query with ``params`` set: relative, so it never depends on
    a Host header."""
    url = request.url.include_query_params(**params)
    return f"{url.path}?{url.query}"


def listing_response(listing: Listing, fmt: ListFormat, *, next_url: str | None = None,
                     extra: dict[str, Any] | None = None) -> Response:
    headers = {"link": f'<{next_url}>; rel="next"'} if next_url else {}
    if fmt is ListFormat.json:
        body = {"items": [listing.as_json(item) for item in listing.items], "next": next_url, **(extra or {})}
        return JSONResponse(body, headers=headers)
    return Response(render_bytes(listing, fmt.value), media_type=renderer(fmt.value).media_type, headers=headers)
