"""Decisions on suggested evidence: recorded append-only; a confirmed completion appends a
fulfilled status to the thread with the suggesting statement as evidence."""

from __future__ import annotations

import pytest
from trackdocs import ingest, key

from pledgebook.link import thread_of_statement
from pledgebook.track.common import TrackError
from pledgebook.track.decisions import decide_suggestion, suggestion_decisions_by_key
from pledgebook.track.status import status_history


def test_confirm_and_dismiss_are_recorded_and_a_completion_sets_the_thread_fulfilled(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021", "2023", "2025"))
    park = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    report = key(recs["2025"], "The Tapajos Solar Park")
    weaker = f"{park}:{key(recs['2023'], 'Brazil and Norway')}:weaker"
    done = f"{park}:{report}:completion"
    assert decide_suggestion(engine, weaker, "dismiss", author="ana", note="same pledge").status_id is None
    confirmed = decide_suggestion(engine, done, "confirm", author="ana")
    (entry,) = status_history(engine, str(park))
    assert confirmed.status_id == entry.id and entry.status == "fulfilled" and entry.author == "ana"
    assert entry.evidence_document == recs["2025"].document.id
    assert entry.evidence_quote == "The Tapajos Solar Park was inaugurated on Wednesday"
    decide_suggestion(engine, weaker, "confirm", author="ben")  # a later decision wins in listings
    latest = suggestion_decisions_by_key(engine)
    assert {k: (d.decision, d.author) for k, d in latest.items()} == {weaker: ("confirm", "ben"), done: ("confirm", "ana")}
    assert len(status_history(engine, str(park))) == 1  # only a completion sets a status
    for bad, message in [("12-x:completion", "is not THREAD_ID"), (f"999:{report}:completion", "no thread 999"),
                         (f"{park}:nope:1-2:completion", "no current statement 'nope:1-2'")]:
        with pytest.raises(TrackError, match=message):
            decide_suggestion(engine, bad, "confirm")
    with pytest.raises(TrackError, match="one of confirm, dismiss"):
        decide_suggestion(engine, done, "maybe")
    assert len(suggestion_decisions_by_key(engine)) == 2
