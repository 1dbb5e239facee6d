"""Cursor pages: walking ``next`` visits every statement exactly once, in the ledger's order,
in json, csv and jsonl alike; csv has the columns of ``pledgebook ledger -f csv``."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from pledgebook.serve.rows import STATEMENTS
from pledgebook.store import query_ledger


def _walk_json(client, path: str, params: dict) -> tuple[list[dict], int]:
    items, pages = [], 0
    r = client.get(path, params=params)
    while True:
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        pages += 1
        if body["next"] is None:
            return items, pages
        assert body["next"].startswith(path + "?")
        r = client.get(body["next"])


def _link(r) -> str | None:
    match = re.fullmatch(r'<([^>]+)>; rel="next"', r.headers.get("link", ""))
    return match.group(1) if match else None


def test_json_pages_walk_every_statement_exactly_once_in_order(client, engine):
    items, pages = _walk_json(client, "/api/statements", {"limit": 7})
    expected = [r.statement_id for r in query_ledger(engine)]
    assert [i["statement_id"] for i in items] == expected
    assert len(set(expected)) == len(expected) and pages == -(-len(expected) // 7)


def test_filtered_pages_keep_the_filter(client, engine):
    from pledgebook.serve.filters import statement_query

    items, pages = _walk_json(client, "/api/statements", {"actor": ["IND", "PAK"], "kind": "commitment", "limit": 10})
    expected = statement_query({"actor": ["IND", "PAK"], "kind": ["commitment"]}).rows(engine)
    assert pages > 2 and [i["statement_id"] for i in items] == [r.statement_id for r in expected]


def test_a_page_size_that_divides_the_ledger_ends_without_an_empty_page(client, engine):
    total = len(query_ledger(engine))
    body = client.get("/api/statements", params={"limit": total}).json()
    assert len(body["items"]) == total and body["next"] is None


def test_csv_pages_concatenated_are_the_ledger_commands_csv(client, ledger, monkeypatch):
    from pledgebook.serve.cli import app

    pages, url = [], "/api/statements?format=csv&limit=40"
    while url:
        r = client.get(url)
        assert r.headers["content-type"].startswith("text/csv")
        pages.append(list(csv.reader(io.StringIO(r.text))))
        url = _link(r)
    assert len(pages) > 3 and all(p[0] == STATEMENTS.names for p in pages)
    monkeypatch.setenv("COLUMNS", "200")
    cli = CliRunner().invoke(app, ["ledger", "--db", str(ledger), "-f", "csv"])
    assert cli.exit_code == 0, cli.output
    whole = list(csv.reader(io.StringIO(cli.stdout)))
    assert [pages[0][0]] + [row for p in pages for row in p[1:]] == whole


def test_jsonl_pages_are_one_statement_a_line(client, engine):
    lines, url = [], "/api/statements?format=jsonl&limit=100&kind=commitment"
    while url:
        r = client.get(url)
        assert r.headers["content-type"].startswith("application/x-ndjson")
        lines += r.text.splitlines()
        url = _link(r)
    rows = [json.loads(line) for line in lines]
    assert [r["statement_id"] for r in rows] == [r.statement_id for r in query_ledger(
        engine, __import__("pledgebook.store", fromlist=["LedgerFilter"]).LedgerFilter(kinds=["commitment"]))]
    assert all(list(r) == STATEMENTS.names for r in rows)


def test_documents_page_too(client):
    items, pages = _walk_json(client, "/api/documents", {"limit": 4})
    assert pages == 2 and len({d["id"] for d in items}) == len(items) == 6


@pytest.mark.parametrize("cursor", ["garbage", "", "WyJkb2N1bWVudHMiLDZd", "WyJzdGF0ZW1lbnRzIiwiMjAyNS0xMy0wMSIsMSwxLDFd",
                                    "W10", "x" * 600])
def test_a_cursor_not_given_by_the_listing_is_422(client, cursor):
    r = client.get("/api/statements", params={"cursor": cursor})
    assert r.status_code == 422 and r.json()["error"].startswith("invalid")
