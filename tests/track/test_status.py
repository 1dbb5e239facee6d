"""Status, evidence and compliance scores: append-only history with the current status
derived, on threads, statements and dossiers; bad input refused with nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from trackdocs import ingest, key

from pledgebook.link import thread_of_statement
from pledgebook.store.models import StatusEntry
from pledgebook.store.status import effective_statuses
from pledgebook.track.common import TrackError
from pledgebook.track.status import Evidence, current_statuses, set_status, status_history


def _entries(engine) -> int:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(StatusEntry)) or 0


def test_history_is_kept_across_many_changes_and_the_current_status_derived(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine)
    park = key(recs["2021"], "Brazil and Norway agreed to build")
    thread = thread_of_statement(engine, park)
    assert thread is not None and thread == thread_of_statement(engine, key(recs["2023"], "Brazil and Norway agreed"))
    steps = [("pledged", {}), ("in_progress", {"BRA": 0, "NOR": 1}), ("stalled", {"BRA": -1}),
             ("in_progress", {}), ("fulfilled", {"BRA": 1})]
    for n, (status, scores) in enumerate(steps):
        set_status(engine, str(thread), status, scores=scores, evidence=Evidence(f"report {n}"), author="ana")
    history = status_history(engine, str(thread))
    assert [h.status for h in history] == [s for s, _ in steps]
    assert [h.evidence_text for h in history] == [f"report {n}" for n in range(5)]
    assert history[2].scores == {"BRA": -1} and all(h.author == "ana" for h in history)
    (current,) = current_statuses(engine)
    assert (current.target, current.target_id, current.status, current.entries) == ("thread", str(thread), "fulfilled", 5)
    assert current.scores == {"BRA": 1, "NOR": 1}  # NOR's score of step 2 still stands
    # the thread's status applies to its members; a statement's own overrides it for that statement
    forest = key(recs["2021"], "The two sides pledged")
    set_status(engine, park, "stalled", author="ben")
    with Session(engine) as s:
        eff = effective_statuses(s, [park, key(recs["2023"], "Brazil and Norway"), forest])
    assert (eff[park].status, eff[park].source) == ("stalled", "statement")
    assert (eff[key(recs["2023"], "Brazil and Norway")].status, eff[key(recs["2023"], "Brazil and Norway")].source) == (
        "fulfilled", "thread")
    assert forest not in eff
    # nothing was overwritten
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM status_history")).scalar() == 6


def test_status_on_a_dossier_by_any_spelling_with_document_evidence(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021", "2023", "2025"))
    report = recs["2025"]
    quote = "The Tapajos Solar Park was inaugurated on Wednesday"
    start = report.statements[0].start
    entry = set_status(engine, None, "fulfilled", dossier="tapajos solar park", scores={"Brazil": 1},
                       evidence=Evidence(document=report.document.id, span=f"{start}-{start + len(quote)}"),
                       note="inauguration reported")
    assert (entry.target, entry.target_id) == ("dossier", "Tapajos Solar Park")
    assert entry.evidence_quote == quote and entry.scores == {"BRA": 1} and entry.note == "inauguration reported"
    assert entry.author  # the OS user by default
    url = set_status(engine, None, "fulfilled", dossier="Tapajos Solar Park", evidence=Evidence("https://example.org/a"))
    assert (url.evidence_url, url.evidence_text) == ("https://example.org/a", None)
    with Session(engine) as s:  # the park's statements take the dossier's status; forest monitoring does not
        eff = effective_statuses(s, [key(recs["2021"], "Brazil and Norway"), key(recs["2021"], "The two sides")])
    assert [e.source for e in eff.values()] == ["dossier"]


@pytest.mark.parametrize("args, message", [
    ((None, "fulfilled"), "one of them"),
    (("999", "fulfilled"), "no thread 999"),
    (("nope:1-2", "fulfilled"), "no statement 'nope:1-2'"),
    (("KEY", "done"), "unknown status 'done' (one of pledged, in_progress, fulfilled, stalled, dropped)"),
])
def test_unknown_targets_and_labels_are_refused_and_nothing_is_written(engine, args, message) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021",), link=False)
    ident = key(recs["2021"], "Brazil") if args[0] == "KEY" else args[0]
    with pytest.raises(TrackError, match=message.replace("(", r"\(").replace(")", r"\)")):
        set_status(engine, ident, args[1])
    for bad in ({"XXQ": 1}, {"BRA": 2}):
        with pytest.raises(TrackError, match="unknown party|compliance scale"):
            set_status(engine, key(recs["2021"], "Brazil"), "pledged", scores=bad)
    with pytest.raises(TrackError, match="outside the document"):
        set_status(engine, key(recs["2021"], "Brazil"), "pledged",
                   evidence=Evidence(document=recs["2021"].document.id, span="5-99999"))
    assert _entries(engine) == 0


def test_statuses_whose_statements_are_gone_are_orphaned_and_left_out_of_reports(engine) -> None:  # type: ignore[no-untyped-def]
    from recordkit import CODEBOOK
    from trackdocs import DOCS, record

    from pledgebook.link import merge_threads
    from pledgebook.store import ingest_record
    from pledgebook.track.report import compliance_report

    recs = ingest(engine)
    park = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    forest = thread_of_statement(engine, key(recs["2021"], "The two sides"))
    welcome = key(recs["2021"], "Norway welcomed")
    set_status(engine, str(park), "in_progress", scores={"BRA": 1})
    set_status(engine, str(forest), "stalled", scores={"NOR": -1})
    set_status(engine, welcome, "fulfilled", scores={"NOR": 1})
    merge_threads(engine, park, forest, author="ana")  # the forest thread's members join the park's
    without_welcome = [spec for spec in DOCS["2021"][1] if spec["kind"] != "appreciation"]
    rec2, text = record("2021", without_welcome)
    ingest_record(engine, rec2, text, extractor_version="test-extractor 2", codebook_version=CODEBOOK)
    current = {(c.target, c.target_id): (c.statements, c.orphaned) for c in current_statuses(engine)}
    assert current == {("thread", str(park)): (4, False), ("thread", str(forest)): (0, True),
                       ("statement", welcome): (0, True)}
    report = compliance_report(engine, "party")
    # the merge carried the forest thread's later status and its score to the park's thread
    assert [(r.group, r.assessments, r.average) for r in report.rows] == [("BRA", 1, 1.0), ("NOR", 1, -1.0)]
    assert report.notes == ["2 scored targets with no current statement left out "
                            "(`pledgebook status list` shows them as orphaned)"]


def test_an_entry_without_a_status_keeps_the_current_one(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021",), link=False)
    park = key(recs["2021"], "Brazil")
    assert set_status(engine, park, None, scores={"BRA": 0}).status == "pledged"  # the labels' default
    set_status(engine, park, "in_progress")
    assert set_status(engine, park, None, scores={"BRA": 1}).status == "in_progress"
    assert [h.status for h in status_history(engine, park)] == ["pledged", "in_progress", "in_progress"]


def test_status_follows_a_thread_through_merge_and_split(engine) -> None:  # type: ignore[no-untyped-def]
    from pledgebook.link import merge_threads, split_thread

    recs = ingest(engine, ("2021", "2023"))
    park = key(recs["2021"], "Brazil and Norway agreed to build")
    forest = key(recs["2021"], "The two sides pledged")
    park_thread, forest_thread = thread_of_statement(engine, park), thread_of_statement(engine, forest)
    assert park_thread is not None and forest_thread is not None and park_thread != forest_thread
    set_status(engine, str(forest_thread), "in_progress", scores={"BRA": 1}, evidence=Evidence("works began"))
    set_status(engine, str(park_thread), "stalled", author="ana")  # the later of the two
    merge_threads(engine, forest_thread, park_thread, author="ana")
    current = {c.target_id: c for c in current_statuses(engine)}
    assert current[str(forest_thread)].status == "stalled"  # the merged thread: the newer status
    history = status_history(engine, str(forest_thread))
    assert [h.status for h in history] == ["in_progress", "stalled"]
    assert f"merged into {forest_thread}" in (history[-1].note or "")
    assert [h.status for h in status_history(engine, str(park_thread))] == ["stalled"]  # left where it was
    set_status(engine, str(forest_thread), "fulfilled", scores={"NOR": 1}, evidence=Evidence("opened"))
    fresh = split_thread(engine, forest_thread, park, author="ana")
    split_history = status_history(engine, str(fresh))
    assert [h.status for h in split_history] == ["fulfilled"]  # both halves keep the status
    assert split_history[0].evidence_text == "opened" and split_history[0].scores == {"NOR": 1}
    assert "split" in (split_history[0].note or "")
    with Session(engine) as s:
        assert effective_statuses(s, [park])[park].status == "fulfilled"
