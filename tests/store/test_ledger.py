from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from pledgebook.serve.cli import app
from pledgebook.store import LedgerFilter, ingest_record, query_ledger
from recordkit import CODEBOOK, EXTRACTOR, cpec_2023, usa_ind_2015

VERSIONS = {"extractor_version": EXTRACTOR, "codebook_version": CODEBOOK}


@pytest.fixture
def ledger(engine: Engine) -> Engine:
    for record, doc_text in (cpec_2023(), usa_ind_2015()):
        ingest_record(engine, record, doc_text, **VERSIONS)
    return engine


def texts(engine: Engine, **filters) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.text for row in query_ledger(engine, LedgerFilter(**filters))]


def test_all_current_statements_newest_document_first(ledger: Engine) -> None:
    rows = query_ledger(ledger)
    assert len(rows) == 7
    assert [r.document_date for r in rows] == ["2023-10-20"] * 4 + ["2015-01-25"] * 3
    assert rows[0].entities == ["ML-1"] and rows[0].when == "by 2025"
    # the record's provenance is stored and read back; a first run's key is its record id
    assert (rows[0].rule, rows[0].trigger, rows[0].trigger_words, rows[0].actor_source) == (
        "hand_made", "agree", ["agreed", "to"], "subject")
    assert rows[1].trigger_words == [] and rows[1].actor_source == "document_parties"
    assert all(r.statement_id == r.record_id for r in rows)
    assert [r.start for r in rows[:4]] == sorted(r.start for r in rows[:4])


def test_facets(ledger: Engine) -> None:
    assert texts(ledger, actors=["ind"]) == [
        "The United States and India resolved to explore cooperation on clean energy",
        "India welcomed the decision to open a new consulate",
        "The leaders discussed the situation in the South China Sea",
    ]
    assert texts(ledger, actors=["PAK"], kinds=["appreciation"]) == [
        "Pakistan thanked China for its assistance during the floods"]
    assert len(texts(ledger, kinds=["commitment"])) == 3
    assert len(texts(ledger, kinds=["commitment", "discussion"])) == 4
    assert texts(ledger, sectors=["counter_terrorism"]) == [
        "The two sides pledged to strengthen counter-terrorism cooperation"]
    assert len(texts(ledger, sectors=["diplomacy"])) == 2
    # entity by canonical name or by the surface form, case-insensitively
    assert texts(ledger, entities=["ml-1"]) == texts(ledger, entities=["Main Line-1"]) != []
    assert texts(ledger, entities=["CPEC"]) == []


def test_date_range(ledger: Engine) -> None:
    assert len(texts(ledger, since=dt.date(2016, 1, 1))) == 4
    assert len(texts(ledger, until=dt.date(2015, 1, 25))) == 3
    assert texts(ledger, since=dt.date(2015, 1, 26), until=dt.date(2023, 10, 19)) == []


def test_full_text_search(ledger: Engine) -> None:
    # stemmed: "pledge" finds "pledged", "cooperating" finds "cooperation"
    assert texts(ledger, search="pledge") == ["The two sides pledged to strengthen counter-terrorism cooperation"]
    assert len(texts(ledger, search="cooperating")) == 2
    # all words must occur; a quoted phrase must occur as a phrase
    assert texts(ledger, search="clean energy") == [
        "The United States and India resolved to explore cooperation on clean energy"]
    assert texts(ledger, search='"energy clean"') == []
    assert texts(ledger, search='"South China Sea"') == ["The leaders discussed the situation in the South China Sea"]
    # punctuation that is query syntax in FTS5 or tsquery is just text here
    assert texts(ledger, search="Line-1") == texts(ledger, entities=["ML-1"])
    assert texts(ledger, search='counter-terrorism OR (NEAR "x') == []
    # combined with a facet
    assert texts(ledger, search="China", actors=["USA"]) == [
        "The leaders discussed the situation in the South China Sea"]


def test_search_sees_only_the_current_run(ledger: Engine) -> None:
    record, doc_text = cpec_2023()
    ingest_record(ledger, record.model_copy(update={"statements": record.statements[:1]}), doc_text,
                  extractor_version="test-extractor 2", codebook_version=CODEBOOK)
    assert texts(ledger, search="pledged") == []
    assert len(texts(ledger, search="Main Line")) == 1
    assert len(texts(ledger, limit=2)) == 2


def test_ledger_command(ledger: Engine) -> None:
    url = ledger.url.render_as_string(hide_password=False)
    runner = CliRunner()
    result = runner.invoke(app, ["ledger", "--db", url, "--actor", "CHN", "--kind", "commitment", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["strength"] for r in rows] == ["firm", "firm"]
    assert rows[0]["document_source"] == "2023-10-20_cpec.txt" and rows[0]["start"] < rows[1]["start"]

    result = runner.invoke(app, ["ledger", "--db", url, "--since", "2015", "--until", "2015-01", "--format", "csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 3 and table[0]["actors"] == "USA;IND"

    result = runner.invoke(app, ["ledger", "--db", url, "--search", "floods"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "Pakistan thanked China" in result.stdout and "1 statement" in result.stdout

    result = runner.invoke(app, ["ledger", "--db", url, "--kind", "promise"])
    assert result.exit_code == 2 and "unknown kind" in result.output


@pytest.mark.parametrize("flt, in_order", [
    (LedgerFilter(), True), (LedgerFilter(kinds=["commitment"]), True), (LedgerFilter(actors=["PAK"]), True),
    (LedgerFilter(search="cooperation"), False), (LedgerFilter(entities=["ML-1"]), False),
    (LedgerFilter(due=(dt.date(2025, 1, 1), dt.date(2030, 12, 31))), False),
])
def test_sqlite_walks_documents_in_order_unless_the_filter_is_selective(ledger: Engine, flt: LedgerFilter,
                                                                        in_order: bool) -> None:
    """On SQLite an unselective filter reads documents newest first and each one's statements
    (a CROSS JOIN the planner keeps in that order: a page stops after its rows); a selective one
    lets the planner start from its own index. Either way the rows are the ledger's, in order."""
    from sqlalchemy import event

    from pledgebook.store import query_ledger_page

    sent: list[str] = []
    event.listen(ledger, "before_cursor_execute", lambda *a: sent.append(a[2]))
    rows, _ = query_ledger_page(ledger, flt, size=1000)
    keys_query = next(q for q in sent if "ORDER BY documents.date DESC" in q)
    if ledger.dialect.name == "sqlite":
        assert ("documents CROSS JOIN statements" in keys_query) is in_order
    else:
        assert "CROSS JOIN" not in keys_query
    assert [r.statement_id for r in rows] == [r.statement_id for r in query_ledger(ledger, flt)]
