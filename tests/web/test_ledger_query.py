"""The web ledger reads its statements as the API and the CLI do (``StatementQuery.page``
over ``store.query_ledger_page``): page by page, the same rows as ``query_ledger``, with
analysts' reviews applied before a page is cut."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from pledgebook.serve.filters import statement_query as cli_query
from pledgebook.serve.web.ledger import PAGE_SIZE, filter_values, ledger_page, statement_query
from pledgebook.store import open_database, query_ledger


@pytest.fixture(scope="module")
def engine(ledger, tmp_path_factory) -> Iterator:
    """A copy of the module's example ledger where analysts rejected, corrected and added
    commitments (the rows a page must check before it is cut)."""
    from pledgebook.track.review import Correction, add_statement, review

    path = tmp_path_factory.mktemp("reviewed") / "ledger.db"
    shutil.copyfile(ledger[0].removeprefix("sqlite:///"), path)
    engine = open_database(str(path), create=False)
    rows = cli_query({"kind": ["commitment"]}).rows(engine)
    review(engine, rows[3].statement_id, "reject", author="test")
    review(engine, rows[5].statement_id, "correct", Correction(kind="position"), author="test")
    review(engine, rows[60].statement_id, "correct", Correction(strength="soft"), author="test")
    add_statement(engine, rows[70].document_id, Correction(kind="commitment"), quote=rows[70].text, author="test")
    yield engine
    engine.dispose()


PARAMS = [[], [("kind", "commitment")], [("kind", "commitment"), ("strength", "soft")], [("actor", "India")],
          [("search", "cooperation")], [("year", "2023"), ("sector", "energy")]]


@pytest.mark.parametrize("params", PARAMS)
def test_web_pages_are_the_ledgers_rows_cut_in_pages(engine, params):
    everything = statement_query(params).rows(engine)
    web = ledger_page(engine, params, 1)
    assert web.total == len(everything)
    shown = []
    for number in range(1, web.pages + 1):
        shown += ledger_page(engine, params, number).rows
    assert [r.statement_id for r in shown] == [r.statement_id for r in everything]
    assert shown == everything  # as reviewed (corrected fields, added rows), with status


@pytest.mark.parametrize("params", PARAMS)
def test_web_and_api_read_the_same_pages(engine, params):
    """The web's numbered pages and the API's cursor pages cut the same rows."""
    query = cli_query(filter_values(params))  # what the API builds from the same query string
    after, api = None, []
    while True:
        rows, after = query.page(engine, size=PAGE_SIZE, after=after)
        api.append(rows)
        if after is None:
            break
    web = ledger_page(engine, params, 1)
    assert [ledger_page(engine, params, n).rows for n in range(1, web.pages + 1)] == api


def test_reviews_are_applied_before_a_page_is_cut(engine):
    everything = query_ledger(engine, statement_query([("kind", "commitment")]).flt)
    kinds = {r.kind for r in everything}
    assert kinds == {"commitment"} and any(r.statement_id.startswith("added:") for r in everything)
    first = ledger_page(engine, [("kind", "commitment")], 1).rows
    assert len(first) == PAGE_SIZE  # the rejected and re-kinded rows do not leave a short page
