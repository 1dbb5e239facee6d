"""The statement filters, defined once: every command that lists stored statements (``ledger``,
``export``) takes the same options, checked the same way, into one ``LedgerFilter``.

A filter is one ``FilterOption`` in ``FILTER_OPTIONS``: the option as the user types it, the
``LedgerFilter`` field it fills and how its value is checked. ``@statement_filters`` adds them
all to a command, which receives one ``StatementQuery``. Unknown ids are errors that list the
valid ones (or close matches), never a silent empty result; aliases resolve (defense -> security).
"""

from __future__ import annotations

import difflib
import functools
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import typer

from pledgebook.serve.cli_support import parse_date

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from pledgebook.store import LedgerFilter, LedgerPosition, LedgerRow


def _book() -> Any:  # -> Codebook
    from pledgebook.codebook import Codebook

    return Codebook.load()


def check_kinds(values: Sequence[str]) -> list[str]:
    from pledgebook.core.data import StatementKind

    known = [k.value for k in StatementKind]
    for value in values:
        if value not in known:
            raise typer.BadParameter(f"unknown kind {value!r} (one of {', '.join(known)})", param_hint="--kind")
    return list(values)


def check_strengths(values: Sequence[str]) -> list[str]:
    from pledgebook.core.data import Strength

    known = [s.value for s in Strength]
    for value in values:
        if value not in known:
            raise typer.BadParameter(f"unknown strength {value!r} (one of {', '.join(known)})", param_hint="--strength")
    return list(values)


def check_sectors(values: Sequence[str]) -> list[str]:
    """Sector ids, an alias (codebook sectors.yaml ``aliases``) standing for its sector."""
    book = _book()
    out = []
    for value in values:
        sector = book.sector_id(value)
        if sector is None:
            raise typer.BadParameter(f"unknown sector {value!r} (one of {', '.join(s.id for s in book.sectors)}; "
                                     "`pledgebook sectors` shows their labels and aliases)", param_hint="--sector")
        out.append(sector)
    return out


def check_actors(values: Sequence[str]) -> list[str]:
    """Party codes (IND, G7), or a name the codebook knows ("India" -> IND)."""
    book = _book().actors
    codes = sorted({*book.countries, *book.groups})
    out = []
    for value in values:
        code = value.upper() if value.upper() in codes else book.lookup(value)
        if code is None:
            close = difflib.get_close_matches(value.upper(), codes, n=5, cutoff=0.5)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise typer.BadParameter(f"unknown actor {value!r} ({hint}`pledgebook actors` lists every code)",
                                     param_hint="--actor")
        out.append(code)
    return out


def _date_from(value: str | None) -> Any:
    return parse_date(value, end=False)


def _date_until(value: str | None) -> Any:
    return parse_date(value, end=True)


def _due_within(value: str | None) -> Any:
    """--due 2025 / 2025-06 / 2025-06-30: (first day, last day)."""
    return None if value is None else (parse_date(value, end=False), parse_date(value, end=True))


def _overdue_on(flag: bool) -> Any:
    import datetime as dt

    return dt.date.today() if flag else None


def _as_is(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class FilterOption:
    """One filter: the command-line parameter, its type and typer option, the ``LedgerFilter``
    field it fills, and how a value is checked or converted on the way."""

    param: str
    annotation: Any
    option: Any  # typer.Option(...)
    field: str
    convert: Callable[[Any], Any] = _as_is


FILTER_OPTIONS: tuple[FilterOption, ...] = (
    FilterOption("actor", list[str], typer.Option([], "--actor", "-a", help="Party code (CHN, USA, G7 ...) or name; repeat for any of several (`pledgebook actors`)."), "actors", check_actors),
    FilterOption("sector", list[str], typer.Option([], "--sector", "-s", help="Sector id or alias; repeatable (`pledgebook sectors`)."), "sectors", check_sectors),
    FilterOption("kind", list[str], typer.Option([], "--kind", "-k", help="Statement kind (commitment, position ...); repeatable (`pledgebook kinds`)."), "kinds", check_kinds),
    FilterOption("strength", list[str], typer.Option([], "--strength", help="Strength of a commitment (firm, moderate, soft); repeatable."), "strengths", check_strengths),
    FilterOption("entity", list[str], typer.Option([], "--entity", "-e", help="Entity name or any alias (ML-1, CPEC); repeatable."), "entities"),
    FilterOption("since", str | None, typer.Option(None, "--since", help="Documents dated on or after (YYYY[-MM[-DD]])."), "since", _date_from),
    FilterOption("until", str | None, typer.Option(None, "--until", help="Documents dated on or before (YYYY[-MM[-DD]])."), "until", _date_until),
    FilterOption("search", str | None, typer.Option(None, "--search", "-q", help='Full text: every word or "quoted phrase" must occur (stemmed).'), "search"),
    FilterOption("due", str | None, typer.Option(None, "--due", help="Statements due in this year or month (YYYY or YYYY-MM; a day YYYY-MM-DD also works): their `due` date, the last day by which the undertaking is to be met."), "due", _due_within),
    FilterOption("overdue", bool, typer.Option(False, "--overdue", help="Statements whose due date has passed (before today) and whose current status is not fulfilled (`pledgebook status`; docs/tracking.md)."), "overdue_on", _overdue_on),
    FilterOption("limit", int | None, typer.Option(None, "--limit", "-n", min=1, help="At most this many statements."), "limit"),
)


@dataclass(frozen=True)
class StatementQuery:
    """The filters a command was given, checked; ``rows`` runs them on a ledger."""

    flt: LedgerFilter

    def rows(self, engine: Engine) -> list[LedgerRow]:
        from pledgebook.codebook import CodebookError
        from pledgebook.store import query_ledger

        try:  # --overdue reads the tracking labels (their done status)
            return query_ledger(engine, self.resolved(engine))
        except CodebookError as err:
            raise typer.BadParameter(f"tracking labels: {' '.join(str(err).split())}", param_hint="--overdue") from None

    def page(self, engine: Engine, *, size: int, after: LedgerPosition | None = None, offset: int = 0,
             ) -> tuple[list[LedgerRow], LedgerPosition | None]:
        """Up to ``size`` rows after ``after`` (and the first ``offset`` of those), and where the
        next page starts (None: no more): the API's pages and the web ledger's."""
        from pledgebook.store import query_ledger_page

        return query_ledger_page(engine, self.resolved(engine), size=size, after=after, offset=offset)

    def resolved(self, engine: Engine) -> LedgerFilter:
        """The filter with each entity asked for turned into every name it is stored under."""
        return replace(self.flt, entities=entity_names(engine, self.flt.entities))


def entity_names(engine: Engine, names: Sequence[str]) -> list[str]:
    """Each entity asked for, by every name it may be stored under; an unknown one is an error
    with close matches (link.dossier resolves names the same way for `dossier`)."""
    from pledgebook.link.dossier import UnknownEntity, entity_spellings

    out: list[str] = []
    for name in names:
        try:
            out.extend(entity_spellings(engine, name))
        except UnknownEntity as err:
            raise typer.BadParameter(str(err), param_hint="--entity") from None
    return out


def statement_query(values: dict[str, Any]) -> StatementQuery:
    """The query for filter values by option name (``{"actor": ["India"], "due": "2025"}``;
    a missing one is not given), each checked and converted as its option is. An unknown id
    raises ``typer.BadParameter`` naming the option and the valid ids: the API serves the same
    filters through this."""
    from pledgebook.store import LedgerFilter

    given = {}
    for option in FILTER_OPTIONS:
        if option.param in values:
            try:
                given[option.field] = option.convert(values[option.param])
            except typer.BadParameter as err:
                err.param_hint = err.param_hint or f"--{option.param}"  # name the filter a date came from
                raise
    return StatementQuery(LedgerFilter(**given))


def statement_filters(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give ``command`` every option of ``FILTER_OPTIONS``; it receives them checked, as one
    ``query: StatementQuery`` (typer reads the options from the new signature)."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "query"]
    added = [inspect.Parameter(o.param, inspect.Parameter.KEYWORD_ONLY, default=o.option, annotation=o.annotation)
             for o in FILTER_OPTIONS]

    @functools.wraps(command)
    def with_filters(**kwargs: Any) -> Any:
        query = statement_query({o.param: kwargs.pop(o.param) for o in FILTER_OPTIONS})
        return command(query=query, **kwargs)

    params = own + added
    with_filters.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    with_filters.__annotations__ = {p.name: p.annotation for p in params}
    return with_filters
