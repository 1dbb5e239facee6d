"""Analysts' corrections and statuses reach every view: the status column of `ledger` and
`threads`, threads filtered on corrected values, a dossier that gains (or loses) a statement
by a corrected entity, facets counting statements as reviewed, and ledger pages that list
the statements analysts added in the same order as `query_ledger`. And a suggestion's
evidence may not be dated before the pledge."""

from __future__ import annotations

import csv
import io
import json

import pytest
from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine
from trackdocs import EMB, PARK, PARTIES, ingest, key
from typer.testing import CliRunner

from pledgebook.link import ThreadFilter, link_new_statements, list_threads, thread_of_statement
from pledgebook.link.dossier import build_dossier
from pledgebook.serve.cli import app
from pledgebook.store import LedgerFilter, ingest_record, query_ledger, query_ledger_page
from pledgebook.store.facets import count_ledger, ledger_facets
from pledgebook.track.review import Correction, add_statement, review
from pledgebook.track.status import set_status
from pledgebook.track.suggest import suggestions

def _run(db: str, *args: str, width: int = 200) -> str:
    out = CliRunner().invoke(app, [*args, "--db", db], env={"COLUMNS": str(width)})
    assert out.exit_code == 0, out.output
    return out.stdout


def test_ledger_and_threads_show_each_current_status(engine: Engine, db_url: str) -> None:
    recs = ingest(engine)
    park21, park23 = key(recs["2021"], "Brazil and Norway"), key(recs["2023"], "Brazil and Norway")
    forest21 = key(recs["2021"], "The two sides")
    park_thread, forest_thread = thread_of_statement(engine, park21), thread_of_statement(engine, forest21)
    set_status(engine, str(park_thread), "in_progress", author="ana")
    set_status(engine, str(park_thread), "stalled", author="ana")  # the latest entry counts
    set_status(engine, park23, "fulfilled", author="ana")  # a statement's own status wins over its thread's

    statuses = {r["statement_id"]: r["status"] for r in json.loads(_run(db_url, "ledger", "-f", "json"))}
    assert statuses[park21] == "stalled" and statuses[park23] == "fulfilled" and statuses[forest21] is None
    rows = list(csv.DictReader(io.StringIO(_run(db_url, "ledger", "-f", "csv"))))
    assert {r["statement_id"]: r["status"] for r in rows}[park23] == "fulfilled"
    threads = {t["id"]: t["status"] for t in json.loads(_run(db_url, "threads", "-f", "json"))}
    assert threads == {park_thread: "stalled", forest_thread: None}
    rows = list(csv.DictReader(io.StringIO(_run(db_url, "threads", "-f", "csv"))))
    assert {int(r["thread_id"]): r["status"] for r in rows}[park_thread] == "stalled"
    for width in (80, 120):  # readable: the status stays on screen, no line wider than the terminal
        for args in (("ledger",), ("threads",)):
            out = _run(db_url, *args, width=width)
            assert "stalled" in out and max(len(line) for line in out.splitlines()) <= width, out
        assert "fulfilled" in _run(db_url, "ledger", width=width)


def test_threads_are_filtered_on_corrected_values(engine: Engine, db_url: str) -> None:
    recs = ingest(engine)
    park21, park23 = key(recs["2021"], "Brazil and Norway"), key(recs["2023"], "Brazil and Norway")
    forest21, forest23 = key(recs["2021"], "The two sides"), key(recs["2023"], "The two sides")
    park_thread, forest_thread = thread_of_statement(engine, park21), thread_of_statement(engine, forest21)

    def ids(**flt) -> list[int]:  # type: ignore[no-untyped-def]
        return [v.id for v in list_threads(engine, ThreadFilter(**flt))]

    assert ids(sectors=["transport"]) == [] and ids(strengths=["soft"]) == []
    for k in (park21, park23):  # the park is a transport project, softly promised
        review(engine, k, "correct", Correction(sectors=["transport"], strength="soft", actors=["Brazil"]), author="ana")
    assert ids(sectors=["transport"]) == [park_thread]
    assert ids(sectors=["energy"]) == []  # no member has the machine's sector any longer
    assert ids(strengths=["soft"]) == [park_thread] and ids(strengths=["firm"]) == [forest_thread]
    assert ids(actors=["NOR"]) == [forest_thread] and sorted(ids(actors=["BRA"])) == sorted([park_thread, forest_thread])
    review(engine, forest23, "correct", Correction(entities=[PARK[0]]), author="ana")
    assert forest_thread in ids(entities=[PARK[0]])
    review(engine, forest23, "reject", author="ben")  # one document left: below --min-docs 2
    assert ids() == [park_thread] and ids(limit=1) == [park_thread]
    shown = json.loads(_run(db_url, "threads", "--sector", "transport", "--strength", "soft", "-f", "json"))
    assert [t["id"] for t in shown] == [park_thread]
    assert json.loads(_run(db_url, "threads", "--sector", "energy", "-f", "json")) == []


def test_a_corrected_entity_moves_a_statement_between_dossiers(engine: Engine) -> None:
    recs = ingest(engine, ("2021", "2023", "2025"))
    forest21, park23 = key(recs["2021"], "The two sides"), key(recs["2023"], "Brazil and Norway")
    review(engine, forest21, "correct", Correction(entities=[PARK[0]]), author="ana")
    review(engine, park23, "correct", Correction(entities=["Amazon Fund"]), author="ana")
    park = build_dossier(engine, PARK[0])
    shown = [s.statement_id for s in park.statements]
    assert forest21 in shown and park23 not in shown
    assert {s.statement_id: s.entities for s in park.statements}[forest21] == [PARK[0]]
    assert park.documents == 2  # 2021 (park and forest) and 2025: no longer 2023
    fund = build_dossier(engine, "amazon fund")  # a name only a correction gave
    assert [s.statement_id for s in fund.statements] == [park23]


def test_facets_count_statements_as_reviewed(engine: Engine) -> None:
    recs = ingest(engine)
    park21, forest21 = key(recs["2021"], "Brazil and Norway"), key(recs["2021"], "The two sides")
    before = ledger_facets(engine)
    review(engine, park21, "correct", Correction(sectors=["transport"], strength="soft"), author="ana")
    review(engine, forest21, "reject", author="ben")
    add_statement(engine, recs["2023"].document.id, Correction(kind="position", sectors=["transport"]),
                  quote="Oslo, 2 May 2023", author="ana")
    for flt in (LedgerFilter(), LedgerFilter(sectors=["transport"]), LedgerFilter(strengths=["firm"]),
                LedgerFilter(kinds=["commitment"])):
        rows = query_ledger(engine, flt)
        facets = ledger_facets(engine, flt)
        assert count_ledger(engine, flt) == len(rows)
        assert dict(facets["sector"]) == {s: sum(s in r.sectors for r in rows) for r in rows for s in r.sectors}
        assert dict(facets["strength"]) == {s: sum(r.strength == s for r in rows) for r in rows
                                            for s in [r.strength] if s}
    after = dict(ledger_facets(engine)["sector"])
    assert dict(before["sector"])["energy"] == 2 and after["energy"] == 1  # the corrected park pledge moved
    assert after["transport"] == 3  # the welcome, the corrected pledge and the added statement
    assert after["climate_environment"] == 1  # the rejected forest pledge is not counted


def test_ledger_pages_list_added_statements_in_order(engine: Engine) -> None:
    recs = ingest(engine)
    doc21, doc23 = recs["2021"].document.id, recs["2023"].document.id
    add_statement(engine, doc23, Correction(kind="position", sectors=["diplomacy"]), quote="Oslo", author="ana")
    add_statement(engine, doc23, Correction(kind="position"), quote="Oslo, 2 May 2023", author="ana")  # same start
    add_statement(engine, doc21, Correction(kind="commitment", strength="soft"), quote="Brazil and Norway agreed",
                  author="ana")  # where a machine statement starts too
    for flt in (LedgerFilter(), LedgerFilter(kinds=["position"]), LedgerFilter(sectors=["diplomacy"])):
        whole = [r.statement_id for r in query_ledger(engine, flt)]
        assert flt != LedgerFilter() or sum(k.startswith("added:") for k in whole) == 3
        for size in (1, 2, 3, 100):
            rows, after = [], None
            while True:
                page, after = query_ledger_page(engine, flt, size=size, after=after)
                assert len(page) <= size
                rows += page
                if after is None:
                    break
            assert [r.statement_id for r in rows] == whole, (flt, size)
    # newest document first; there the added ones at the start, shorter first, before the machine's
    first = query_ledger(engine, LedgerFilter())[:3]
    assert [r.text for r in first] == ["Oslo", "Oslo, 2 May 2023", "Brazil and Norway agreed to complete the "
                                       "Tapajos Solar Park by 2025"]


@pytest.mark.parametrize(("sentence", "completion"), [
    ("The Tapajos Solar Park, inaugurated in March 2020, lost its roof in a storm", False),
    ("In 2019, the Tapajos Solar Park was inaugurated by the governor", False),
    ("The Tapajos Solar Park, inaugurated in June 2022, lost its roof in a storm", True),
    ("The Tapajos Solar Park was inaugurated on Wednesday", True),
])
def test_a_completion_dated_before_the_pledge_is_no_evidence(engine: Engine, sentence: str, completion: bool) -> None:
    """The park was pledged on 2021-03-10: a 2025 report that recalls an inauguration of 2019 or
    2020 says nothing of it; one of 2022 (or undated, so of the report's time) does."""
    ingest(engine)
    text = f"Belem, 15 January 2025. {sentence}, the energy ministry said."
    rec = make_record(text, [{"quote": sentence, "kind": "position", "actors": ["BRA"], "sectors": ["energy"],
                              "entities": [(PARK[0], PARK[1], "Tapajos Solar Park")]}],
                      source="2025-01-15-bra.txt", date="2025-01-15", parties=PARTIES)
    ingest_record(engine, rec, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)
    link_new_statements(engine, embedder=EMB)
    kinds = {s.kind for s in suggestions(engine)}
    assert ("completion" in kinds) is completion, kinds
