"""The tracking walkthrough (scripts/walkthrough-tracking.sh, docs/tracking.md), step by step
through the services: the bundled examples and three later news reports
(tests/data/walkthrough-news), two pledges marked with evidence, one correction, one missed
statement added (it joins its pledge's thread), one completion suggestion confirmed, and the
compliance report, each outcome checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgebook.link import HashingEmbedder, ThreadFilter, link_new_statements, list_threads
from pledgebook.read import iter_input_paths
from pledgebook.store import LedgerFilter, open_database, query_ledger
from pledgebook.store.batch import ingest_paths
from pledgebook.track.decisions import decide_suggestion
from pledgebook.track.report import compliance_report
from pledgebook.track.review import Correction, add_statement, review
from pledgebook.track.status import Evidence, current_status, set_status, status_history
from pledgebook.track.suggest import suggestions

REPO = Path(__file__).resolve().parents[2]
NEWS = REPO / "tests" / "data" / "walkthrough-news"
FRAMEWORK = "Framework for the U.S.-India Major Defense Partnership"
AXIOM = "Shukla and his three crewmates completed an 18-day mission aboard the International Space Station"
LAUNCH_URL = ("https://www.business-standard.com/amp/india-news/"
              "isro-nasa-launch-1-5-billion-nisar-earth-observation-satellite-125073001617_1.html")
EMB = HashingEmbedder()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('walkthrough') / 'ledger.db'}")
    paths = [str(p) for p in iter_input_paths([REPO / "pledgebook" / "examples", NEWS])]
    summary = ingest_paths(engine, paths)
    assert not summary.failed and summary.new == len(paths) == 9
    link_new_statements(engine, embedder=EMB)
    yield engine
    engine.dispose()


def _thread_naming(engine, name: str, min_docs: int) -> int:  # type: ignore[no-untyped-def]
    found = list_threads(engine, ThreadFilter(min_docs=min_docs, entities=[name]), wording=False)
    assert len(found) == 1, [v.label for v in found]
    return found[0].id


def test_the_walkthrough(ledger) -> None:  # type: ignore[no-untyped-def]
    engine = ledger
    # Pledge 1: the framework the leaders planned to sign in 2025; the report of its signing
    # joined the pledge's thread; marked fulfilled with that report's statement as evidence.
    framework = _thread_naming(engine, FRAMEWORK, 2)
    signing = next(r for r in query_ledger(engine, LedgerFilter(entities=[FRAMEWORK]))
                   if "walkthrough-news" in r.document_source)
    assert signing.document_date == "2025-10-31" and signing.kind == "agreement"
    set_status(engine, str(framework), "fulfilled", scores={"USA": 1, "IND": 1}, author="analyst",
               evidence=Evidence(document=signing.document_id, span=f"{signing.start}-{signing.end}"),
               note="signed in Kuala Lumpur")
    # Pledge 2: 2025 as a pioneering year of space cooperation (an astronaut to the ISS, NISAR's launch)
    space = _thread_naming(engine, "NISAR", 1)
    set_status(engine, str(space), "in_progress", scores={"IND": 0, "USA": 0}, evidence=Evidence(text=LAUNCH_URL),
               author="analyst", note="NISAR launched on 30 July 2025")

    # One correction: the machine's second, mis-cut name of the framework goes
    assert any(e != FRAMEWORK and e.startswith(FRAMEWORK) for e in signing.entities)  # the machine's error
    review(engine, signing.statement_id, "correct", Correction(entities=[FRAMEWORK, "ADMM-Plus"]), author="analyst")
    corrected = next(r for r in query_ledger(engine, LedgerFilter(entities=[FRAMEWORK]))
                     if r.statement_id == signing.statement_id)
    assert corrected.entities == [FRAMEWORK, "ADMM-Plus"] and corrected.status == "fulfilled"

    # The astronaut's return, a statement the machine missed, added: it joins the space thread
    report = str(NEWS / "2025-07-15_ind-usa_axiom-4-returns.md")
    added = add_statement(engine, report, Correction(kind="position", actors=["ISRO", "NASA"]), quote=AXIOM,
                          author="analyst", embedder=EMB)
    assert added.fields["actors"] == ["IND", "USA"] and "International Space Station" in added.fields["entities"]
    assert added.thread_id == space

    # One confirmed suggestion: the completion the added report shows, with its evidence span
    found = [s for s in suggestions(engine, space) if s.kind == "completion"]
    assert [(s.statement_key, s.quote, s.cues) for s in found] == [(added.statement_id, AXIOM, ("completed",))]
    decision = decide_suggestion(engine, found[0].key, "confirm", "analyst", "Axiom-4 back on 15 July 2025")
    set_status(engine, str(space), None, scores={"IND": 1, "USA": 1}, author="analyst")
    history = status_history(engine, str(space))
    assert [e.status for e in history] == ["in_progress", "fulfilled", "fulfilled"]
    assert history[0].evidence_url == LAUNCH_URL and history[1].id == decision.status_id
    assert (history[1].evidence_document, history[1].evidence_span, history[1].evidence_quote) == (
        added.document_id, [found[0].start, found[0].end], AXIOM)
    now = current_status(engine, str(space))
    assert (now.status, now.scores, now.entries) == ("fulfilled", {"IND": 1, "USA": 1}, 3)
    assert current_status(engine, str(framework)).scores == {"IND": 1, "USA": 1}

    # The report: two commitments, each scored for both parties, all +1
    by_party = compliance_report(engine, "party")
    assert [(r.group, r.commitments, r.assessments, r.plus, r.average) for r in by_party.rows] == [
        ("IND", 2, 2, 2, 1.0), ("USA", 2, 2, 2, 1.0)]
    assert (by_party.total.commitments, by_party.total.assessments, by_party.total.share_plus) == (2, 4, 1.0)
    by_thread = compliance_report(engine, "thread")
    assert sorted(r.group for r in by_thread.rows) == sorted([f"thread {framework}", f"thread {space}"])
