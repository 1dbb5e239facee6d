"""The ledger page's model: the statements the filters select (serve/filters.py, the same
filters and checks as ``ledger`` and ``export``), one page of them, and facets: for each of
party, sector, kind, strength, year and entity, the values the selected statements have, with
counts and the link that adds (or removes) the value.

Query parameters are the CLI's option names (``actor``, ``sector``, ``kind``, ``strength``,
``entity``, ``since``, ``until``, ``search``, ``due``, ``overdue``), repeatable where the option
is; ``year=2021`` stands for ``since=2021&until=2021``; ``page`` numbers the pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import typer

from pledgebook.serve.filters import FILTER_OPTIONS, StatementQuery

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pledgebook.store import LedgerFilter, LedgerRow

PAGE_SIZE = 50
FACET_VALUES = 12  # values shown per facet, the most frequent first
_YEAR = re.compile(r"^\d{4}$")
Params = list[tuple[str, str]]  # the query string, in order, repeats kept


class BadFilter(ValueError):
    """A filter value the CLI would refuse too (unknown kind, entity, date ...): one line."""


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    href: str  # this page with the value added, or removed when it is already chosen
    chosen: bool
    label: str = ""  # what to show: a sector's codebook label, else the value itself


@dataclass(frozen=True, slots=True)
class Facet:
    param: str
    label: str
    values: list[FacetValue]


@dataclass(slots=True)
class LedgerPage:
    rows: list[LedgerRow]  # this page's statements
    total: int
    page: int
    pages: int
    facets: list[Facet]
    chosen: list[tuple[str, str, str]]  # (param, value, href without it)
    search: str
    export_href: str  # every statement the filters keep, as CSV from the API (/api/export)
    prev_href: str | None = None
    next_href: str | None = None


FACET_LABELS = {"actor": "Party", "sector": "Sector", "kind": "Kind", "strength": "Strength", "year": "Year",
                "entity": "Entity"}  # the facets of store.facets, in the order shown
FILTERS = frozenset(o.param for o in FILTER_OPTIONS if o.param != "limit") | {"year"}


def known_params(params: Params) -> Params:
    """The filters among ``params`` (other parameters are ignored, as are empty values)."""
    return [(n, v) for n, v in params if n in FILTERS and v.strip()]


def _filter_params(params: Params) -> Params:
    """The filters of ``params``, ``year`` turned into ``since``/``until`` (as the CLI takes them)."""
    out = []
    for name, value in known_params(params):
        if name == "year":
            if not _YEAR.match(value):
                raise BadFilter(f"year {value!r} is not a year (YYYY)")
            out += [("since", value), ("until", value)]
        else:
            out.append((name, value))
    return out


def filter_values(params: Params) -> dict[str, Any]:
    """The filters of ``params`` by option name, as ``serve.filters.statement_query`` (and the
    API) take them: a repeatable option's every value, another option's last one."""
    given: dict[str, list[str]] = {}
    for name, value in _filter_params(params):
        given.setdefault(name, []).append(value.strip())
    values: dict[str, Any] = {}
    for option in FILTER_OPTIONS:
        raw = given.get(option.param)
        if not raw or option.param == "limit":
            continue
        if option.annotation is bool:
            values[option.param] = raw[-1].lower() in ("1", "true", "yes", "on")
        else:
            values[option.param] = raw if option.annotation == list[str] else raw[-1]
    return values


def _bad(err: typer.BadParameter) -> BadFilter:
    name = (err.param_hint or "").lstrip("-") if isinstance(err.param_hint, str) else ""
    return BadFilter(f"{name}: {err}" if name else str(err))


def statement_query(params: Params) -> StatementQuery:
    """The ``StatementQuery`` of these query parameters: the API's and the CLI's
    (``serve.filters.statement_query``), each option checked as the CLI checks it (an option
    not given keeps its default and is not checked)."""
    from pledgebook.serve.filters import statement_query as query_of

    try:
        return query_of(filter_values(params))
    except typer.BadParameter as err:
        raise _bad(err) from None


def resolved_filter(engine: Engine, query: StatementQuery) -> LedgerFilter:
    """``query``'s filter with entities resolved to every name they are stored under (as its
    rows and pages are read); an unknown entity is a ``BadFilter`` with close names."""
    try:
        return query.resolved(engine)
    except typer.BadParameter as err:
        raise _bad(err) from None


def href(path: str, params: Params) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def _facets(counts: dict[str, list[tuple[str, int]]], params: Params) -> list[Facet]:
    """Facets of these counts (store.facets), each value linking to the ledger with it added
    to ``params``, or removed when already chosen."""
    base = known_params(params)
    sector_labels = _sector_labels()
    out = []
    for param, label in FACET_LABELS.items():
        chosen = {v for n, v in base if n == param}
        values = []
        for value, count in counts.get(param, [])[:FACET_VALUES]:
            is_chosen = value in chosen
            link = [p for p in base if p != (param, value)] if is_chosen else base + [(param, value)]
            shown = sector_labels.get(value, value) if param == "sector" else value
            values.append(FacetValue(value, count, href("/ledger", link), is_chosen, shown))
        if param == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        out.append(Facet(param, label, values))
    return out


def _sector_labels() -> dict[str, str]:
    from pledgebook.codebook import Codebook

    return {s.id: s.label for s in Codebook.load().sectors}


def ledger_page(engine: Engine, params: Params, page: int = 1) -> LedgerPage:
    """The statements ``params`` select, page ``page`` of them, with facets and links. The
    database counts; only this page's rows are read."""
    from pledgebook.store.facets import count_ledger, ledger_facets

    query = statement_query(params)
    flt = resolved_filter(engine, query)
    total = count_ledger(engine, flt)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    # the API's read of a page of statements (StatementQuery.page), numbered here by its offset
    rows, _ = query.page(engine, size=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    base = known_params(params)
    chosen = [(n, v, href("/ledger", [p for p in base if p != (n, v)])) for n, v in base if n != "search"]
    search = next((v for n, v in reversed(base) if n == "search"), "")
    return LedgerPage(
        rows=rows, total=total, page=page, pages=pages,
        facets=_facets(ledger_facets(engine, flt, top=FACET_VALUES), base), chosen=chosen, search=search,
        export_href=href("/api/export", [*_filter_params(base), ("format", "csv")]),
        prev_href=href("/ledger", [*base, ("page", str(page - 1))]) if page > 1 else None,
        next_href=href("/ledger", [*base, ("page", str(page + 1))]) if page < pages else None,
    )


def overview(engine: Engine) -> dict[str, Facet]:
    """The whole ledger's counts by party, sector, kind, strength, year and entity (the home
    page's charts), each value linking to its statements in the ledger."""
    from pledgebook.store.facets import ledger_facets

    return {f.param: f for f in _facets(ledger_facets(engine, top=FACET_VALUES), [])}
