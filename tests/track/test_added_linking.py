"""A statement an analyst adds (`review add`) takes part in linking: it joins the thread of the
same undertaking, or starts one, keeps its thread through `link --rebuild` and a re-extraction,
shows in `threads`, `thread`, dossiers and the API's thread views, and leaves its thread when
it is rejected. An actor correction splits parties from non-state actors as extraction does."""

from __future__ import annotations

import pytest
from recordkit import CODEBOOK
from sqlalchemy.orm import Session
from trackdocs import EMB, PARK, ingest, key, record

from pledgebook.link import ThreadFilter, get_thread, link_new_statements, list_threads, thread_of_statement
from pledgebook.link.dossier import build_dossier
from pledgebook.store import LedgerFilter, ingest_record, query_ledger
from pledgebook.store.status import effective_statuses
from pledgebook.track.common import TrackError
from pledgebook.track.review import Correction, add_statement, review
from pledgebook.track.status import set_status

REPORT = "The Tapajos Solar Park was inaugurated on Wednesday"


def _ledger_with_silent_report(engine):  # type: ignore[no-untyped-def]
    """2021 and 2023 as extracted; the 2025 report stored with no statement (the machine missed it)."""
    recs = ingest(engine)
    rec25, text25 = record("2025", [])
    ingest_record(engine, rec25, text25, extractor_version="test-extractor 1", codebook_version=CODEBOOK)
    link_new_statements(engine, embedder=EMB)
    return recs, rec25


def _members(engine, thread_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.statement_id for m in get_thread(engine, thread_id).members]


def test_an_added_statement_joins_its_thread_and_keeps_it(engine) -> None:  # type: ignore[no-untyped-def]
    recs, rec25 = _ledger_with_silent_report(engine)
    park21, park23 = key(recs["2021"], "Brazil and Norway"), key(recs["2021"], "The two sides")
    park_thread, forest_thread = thread_of_statement(engine, park21), thread_of_statement(engine, park23)
    added = add_statement(engine, rec25.document.id, Correction(kind="position", actors=["Brazil"]), quote=REPORT,
                          author="ana", embedder=EMB)
    # its entities are those the finder names in its span; with them it is the park's story
    assert added.fields["entities"] == [PARK[0]] and added.thread_id == park_thread
    assert thread_of_statement(engine, added.statement_id) == park_thread
    view = get_thread(engine, park_thread)
    assert [m.statement_id for m in view.members][-1] == added.statement_id  # in date order: last
    assert view.documents == 3 and view.last_seen == "2025-01-15"
    assert view.members[-1].text == REPORT and view.members[-1].actors == ["BRA"]
    # `threads` counts its document (only the added statement makes the thread three documents long)
    assert [v.id for v in list_threads(engine, ThreadFilter(min_docs=3))] == [park_thread]
    assert park_thread in {v.id for v in list_threads(engine, ThreadFilter(min_docs=1, limit=5))}
    # the dossier lists it in the thread, and a thread's status applies to it
    dossier = build_dossier(engine, PARK[0])
    assert {s.statement_id: s.thread_id for s in dossier.statements}[added.statement_id] == park_thread
    assert added.statement_id in {m.statement_id for t in dossier.threads if t.id == park_thread for m in t.members}
    assert dossier.documents == 3
    set_status(engine, str(park_thread), "in_progress", author="ana")
    with Session(engine) as session:
        assert effective_statuses(session, [added.statement_id])[added.statement_id].source == "thread"

    # `link --rebuild`, and a re-extraction by a new extractor version that still misses it
    link_new_statements(engine, rebuild=True, embedder=EMB)
    assert thread_of_statement(engine, added.statement_id) == park_thread
    rec25b, text25 = record("2025", [])
    ingest_record(engine, rec25b, text25, extractor_version="test-extractor 2", codebook_version=CODEBOOK)
    link_new_statements(engine, embedder=EMB)
    assert added.statement_id in _members(engine, park_thread)
    assert forest_thread != park_thread and added.statement_id not in _members(engine, forest_thread)

    # rejected, it leaves the thread at the next link pass (and no view shows it meanwhile)
    review(engine, added.statement_id, "reject", author="ben")
    assert added.statement_id not in _members(engine, park_thread)
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, added.statement_id) is None
    assert [v.id for v in list_threads(engine, ThreadFilter(min_docs=3))] == []


def test_an_added_pledge_about_something_new_starts_a_thread(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine)
    before = {v.id for v in list_threads(engine, ThreadFilter(min_docs=1))}
    added = add_statement(engine, recs["2021"].document.id,
                          Correction(kind="commitment", strength="firm", sectors=["transport"]),
                          quote="Norway welcomed the new rail plan of Brazil", author="ana", embedder=EMB)
    assert added.thread_id is not None and added.thread_id not in before
    assert _members(engine, added.thread_id) == [added.statement_id]
    link_new_statements(engine, rebuild=True, embedder=EMB)  # a rebuild keeps its thread and id
    assert thread_of_statement(engine, added.statement_id) == added.thread_id


def test_the_api_thread_view_lists_an_added_member(db_url) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from pledgebook.serve.app import create_app
    from pledgebook.store import open_database

    engine = open_database(db_url)
    try:
        recs, rec25 = _ledger_with_silent_report(engine)
        added = add_statement(engine, rec25.document.id, Correction(kind="position"), quote=REPORT, embedder=EMB)
        thread = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    finally:
        engine.dispose()
    client = TestClient(create_app(db_url))
    body = client.get(f"/api/threads/{thread}").json()
    assert added.statement_id in [m["statement_id"] for m in body["members"]] and body["documents"] == 3
    listed = client.get("/api/threads", params={"min_docs": 3}).json()
    assert [t["id"] for t in listed["items"]] == [thread]
    assert client.get(f"/api/statements/{added.statement_id}").json()["thread_id"] == thread


def _with_non_state(rec, quote: str, bodies: list[str]):  # type: ignore[no-untyped-def]
    statements = [s.model_copy(update={"actors": [], "non_state_actors": bodies, "actor_source": "non_state"})
                  if s.text == quote else s for s in rec.statements]
    return rec.model_copy(update={"statements": statements})


def test_an_actor_correction_splits_parties_and_non_state_actors(engine) -> None:  # type: ignore[no-untyped-def]
    rec, text = record("2021")
    forest = "The two sides pledged to expand cooperation on forest monitoring"
    rec = _with_non_state(rec, forest, ["World Bank"])
    ingest_record(engine, rec, text, extractor_version="test-extractor 1", codebook_version=CODEBOOK)
    park, forest_key = key(rec, "Brazil and Norway"), key(rec, "The two sides")

    def row(k: str):  # type: ignore[no-untyped-def]
        return next(r for r in query_ledger(engine, LedgerFilter()) if r.statement_id == k)

    assert (row(forest_key).actors, row(forest_key).non_state_actors) == ([], ["World Bank"])
    # the machine's non-state actor corrected to the parties: non_state_actors empties
    review(engine, forest_key, "correct", Correction(actors=["Brazil", "NOR"]), author="ana")
    got = row(forest_key)
    assert (got.actors, got.non_state_actors, got.actor_source) == (["BRA", "NOR"], [], "review")
    assert forest_key in {r.statement_id for r in query_ledger(engine, LedgerFilter(actors=["NOR"]))}
    # a party's pledge corrected to an organisation (by an alias, with "the"): actors empty
    review(engine, park, "correct", Correction(actors=["the World Bank"]), author="ana")
    got = row(park)
    assert (got.actors, got.non_state_actors, got.actor_source) == ([], ["World Bank"], "non_state")
    assert park not in {r.statement_id for r in query_ledger(engine, LedgerFilter(actors=["BRA"]))}
    # an agency the gazetteer gives to a state acts for it
    review(engine, park, "correct", Correction(actors=["JICA"]), author="ana")
    assert (row(park).actors, row(park).non_state_actors) == (["JPN"], [])
    # unknown names, and parties mixed with organisations, are refused; nothing is written
    for actors, message in ((["Atlantis"], "unknown party 'Atlantis'"), (["Kenya", "World Bank"], "not both")):
        with pytest.raises(TrackError, match=message):
            review(engine, park, "correct", Correction(actors=actors), author="ana")
    assert (row(park).actors, row(park).non_state_actors) == (["JPN"], [])
    # an added statement's actors are split the same way
    added = add_statement(engine, rec.document.id, Correction(kind="commitment", actors=["IMF"]),
                          quote="Norway welcomed the new rail plan")
    assert (row(added.statement_id).actors, row(added.statement_id).non_state_actors) == ([], ["IMF"])


def test_the_review_add_command_links_and_prints_the_thread(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from typer.testing import CliRunner

    from pledgebook.serve.cli import app

    def run(*args: str, code: int = 0) -> str:
        out = CliRunner().invoke(app, [*args, "--db", db], env={"COLUMNS": "80"})
        assert out.exit_code == code, out.output
        return out.output

    text = ("Nairobi, 13 February 2024\n\nKenya and Japan agreed to open the Kisumu Fish Market by June 2024.\n\n"
            "Nairobi, 2 March 2025. The Kisumu Fish Market began operations on Monday, the ministry said.\n")
    (tmp_path / "2024-02-13_kenya-japan.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    run("ingest", str(tmp_path), "--no-link", "--no-progress")
    run("link", "--embedder", "hashing")
    pledge = json.loads(run("ledger", "-f", "json"))[0]
    out = run("review", "add", str(tmp_path / "2024-02-13_kenya-japan.txt"), "--kind", "commitment", "--quote",
              "Kenya and Japan agreed to open the Kisumu Fish Market", "--embedder", "hashing", "--author", "ana")
    line = out.strip().splitlines()[-1]
    assert line.startswith("added:") and " is in thread " in line, out
    # an unknown actor: one line, exit 2, nothing written
    out = run("review", "correct", pledge["statement_id"], "--actor", "Atlantis", code=2)
    assert "unknown party 'Atlantis'" in out and len(out.strip().splitlines()) == 1
    assert json.loads(run("review", "list", "-f", "json"))[0]["state"] == "added"


def test_the_linker_reads_machine_statements_as_reviewed(engine) -> None:  # type: ignore[no-untyped-def]
    """A rejected machine statement, or one corrected to a kind that is not threaded, leaves its
    thread at the next link pass; accepted again, it comes back."""
    recs = ingest(engine)
    park21 = key(recs["2021"], "Brazil and Norway")
    park_thread = thread_of_statement(engine, park21)
    assert park_thread is not None
    review(engine, park21, "reject", author="ana")
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, park21) is None
    review(engine, park21, "accept", author="ana")
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, park21) is not None
    review(engine, park21, "correct", Correction(kind="meeting"), author="ben")  # meetings are not threaded
    link_new_statements(engine, embedder=EMB)
    assert thread_of_statement(engine, park21) is None
