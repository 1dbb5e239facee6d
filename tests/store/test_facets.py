"""Facet counts (store/facets.py) agree with the rows ``query_ledger`` returns under the same
filters, on SQLite and PostgreSQL; and the strength filter."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import Engine

from pledgebook.store import LedgerFilter, ingest_record, query_ledger
from pledgebook.store.facets import FACETS, count_ledger, ledger_facets
from recordkit import CODEBOOK, EXTRACTOR, cpec_2023, usa_ind_2015

VERSIONS = {"extractor_version": EXTRACTOR, "codebook_version": CODEBOOK}
VALUES = {
    "actor": lambda r: r.actors, "sector": lambda r: r.sectors, "kind": lambda r: [r.kind],
    "strength": lambda r: [r.strength] if r.strength else [],
    "year": lambda r: [r.document_date[:4]] if r.document_date else [], "entity": lambda r: r.entities,
}


@pytest.fixture
def ledger(engine: Engine) -> Engine:
    for record, doc_text in (cpec_2023(), usa_ind_2015()):
        ingest_record(engine, record, doc_text, **VERSIONS)
    return engine


@pytest.mark.parametrize("flt", [LedgerFilter(), LedgerFilter(actors=["PAK"]), LedgerFilter(kinds=["commitment"]),
                                 LedgerFilter(search="cooperation"), LedgerFilter(strengths=["firm"]),
                                 LedgerFilter(actors=["XXX"]), LedgerFilter(since=dt.date(2020, 1, 1)),
                                 LedgerFilter(until=dt.date(2020, 1, 1), kinds=["commitment"])])
def test_facet_counts_are_the_rows_counted(ledger: Engine, flt: LedgerFilter) -> None:
    rows = query_ledger(ledger, flt)
    assert count_ledger(ledger, flt) == len(rows)
    facets = ledger_facets(ledger, flt)
    assert set(facets) == set(FACETS)
    for facet, values_of in VALUES.items():
        expected = Counter(v for r in rows for v in dict.fromkeys(values_of(r)))
        assert dict(facets[facet]) == dict(expected), facet
        counts = [n for _, n in facets[facet]]
        assert counts == sorted(counts, reverse=True)


def test_top_keeps_the_most_frequent(ledger: Engine) -> None:
    everything = ledger_facets(ledger)
    top = ledger_facets(ledger, top=2)
    assert all(top[f] == everything[f][:2] for f in FACETS)
    assert dict(everything["year"]) == {"2023": 4, "2015": 3}


def test_strength_filter(ledger: Engine) -> None:
    rows = query_ledger(ledger, LedgerFilter(strengths=["firm", "moderate"]))
    assert rows and {r.strength for r in rows} <= {"firm", "moderate"}
    everything = query_ledger(ledger)
    assert len(rows) == sum(r.strength in ("firm", "moderate") for r in everything)


def test_strength_option_of_ledger(ledger: Engine) -> None:
    import json

    from typer.testing import CliRunner

    from pledgebook.serve.cli import app

    url = ledger.url.render_as_string(hide_password=False)
    runner = CliRunner()
    result = runner.invoke(app, ["ledger", "--db", url, "--strength", "firm", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {r["strength"] for r in rows} == {"firm"}
    result = runner.invoke(app, ["ledger", "--db", url, "--strength", "iron"])
    assert result.exit_code == 2 and "unknown strength 'iron'" in result.output


def test_counts_are_remembered_until_the_ledger_changes(ledger: Engine) -> None:
    """An engine's counts are made once per ledger version: asked again, only the version is
    read; a review or a new document makes them again (and right)."""
    from sqlalchemy import event

    from pledgebook.track.review import review
    from recordkit import numbered

    counted: list[str] = []
    event.listen(ledger, "before_cursor_execute", lambda *a: counted.append(a[2]))
    flt = LedgerFilter(kinds=["commitment"])
    before, facets = count_ledger(ledger, flt), ledger_facets(ledger, flt)
    assert before == len(query_ledger(ledger, flt)) > 1
    counted.clear()
    assert count_ledger(ledger, flt) == before and ledger_facets(ledger, flt) == facets
    assert counted and not any("GROUP BY" in q or "statements" in q for q in counted)  # the version only
    review(ledger, query_ledger(ledger, flt)[0].statement_id, "reject", author="test")
    assert count_ledger(ledger, flt) == before - 1
    assert dict(ledger_facets(ledger, flt)["kind"]) == {"commitment": before - 1}
    ingest_record(ledger, *numbered(1), **VERSIONS)
    assert count_ledger(ledger, flt) == len(query_ledger(ledger, flt))
    assert dict(ledger_facets(ledger, flt)["kind"]) == {"commitment": len(query_ledger(ledger, flt))}
