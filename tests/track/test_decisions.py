"""Decisions on suggested evidence: recorded append-only; confirming a completion, a stall or a
dropped pledge appends the mapped status to the thread with the suggesting span as evidence;
keys as `pledgebook suggestions` makes them (a statement, a bare sentence, a silent document)."""

from __future__ import annotations

import pytest
from trackdocs import DOCS, ingest, key

from pledgebook.link import thread_of_statement
from pledgebook.track.common import TrackError
from pledgebook.track.decisions import decide_suggestion, suggestion_decisions_by_key
from pledgebook.track.status import status_history
from pledgebook.track.suggest import suggestions


def test_confirm_and_dismiss_are_recorded_and_confirmations_set_the_mapped_status(engine) -> None:  # type: ignore[no-untyped-def]
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
    assert len(status_history(engine, str(park))) == 1  # weaker / stronger are only recorded
    # a sentence no statement holds, and a silent document, as `suggestions` names them
    doc25 = recs["2025"].document.id
    text25 = DOCS["2025"][0]
    start = text25.index("the energy ministry said")
    decide_suggestion(engine, f"{park}:{doc25}:{start}-{start + 24}:stalled", "confirm", author="ana")
    decide_suggestion(engine, f"{park}:{doc25}:dropped", "confirm", author="ana")
    stalled, dropped = status_history(engine, str(park))[1:]
    assert (stalled.status, stalled.evidence_quote) == ("stalled", "the energy ministry said")
    assert (dropped.status, dropped.evidence_document, dropped.evidence_span) == ("dropped", doc25, None)
    for bad, message in [("12-x:completion", "is not THREAD_ID"), (f"999:{report}:completion", "no thread 999"),
                         (f"{park}:nope:1-2:completion", "no current statement, sentence or document 'nope:1-2'"),
                         (f"{park}:{doc25}:5-99999:completion", "outside the document")]:
        with pytest.raises(TrackError, match=message):
            decide_suggestion(engine, bad, "confirm")
    with pytest.raises(TrackError, match="one of confirm, dismiss"):
        decide_suggestion(engine, done, "maybe")
    assert len(suggestion_decisions_by_key(engine)) == 4


def test_a_suggestion_from_the_suggest_service_is_confirmed_by_its_key(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021", "2023", "2025"))
    park = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    completions = [s for s in suggestions(engine, park) if s.kind == "completion"]
    assert completions, suggestions(engine, park)
    chosen = completions[0]
    decided = decide_suggestion(engine, chosen.key, "confirm", author="ana")
    (entry,) = status_history(engine, str(park))
    assert decided.status_id == entry.id and decided.suggestion_key == chosen.key
    assert (entry.status, entry.evidence_span, entry.evidence_quote) == ("fulfilled", [chosen.start, chosen.end],
                                                                         chosen.quote)


def test_the_suggestions_listing_shows_decisions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from typer.testing import CliRunner

    from pledgebook.serve.cli import app
    from pledgebook.store import open_database

    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = open_database(db)
    try:
        recs = ingest(engine, ("2021", "2023", "2025"))
        park = thread_of_statement(engine, key(recs["2021"], "Brazil and Norway"))
    finally:
        engine.dispose()
    env = {"COLUMNS": "200"}
    listed = json.loads(CliRunner().invoke(app, ["suggestions", "--db", db, "-f", "json"], env=env).stdout)
    completion = next(s for s in listed if s["kind"] == "completion" and s["thread_id"] == park)
    assert completion["decision"] is None
    out = CliRunner().invoke(app, ["review", "confirm", completion["key"], "--author", "ana", "--db", db], env=env)
    assert out.exit_code == 0 and "confirmed" in out.stdout and "status entry" in out.stdout, out.output
    listed = json.loads(CliRunner().invoke(app, ["suggestions", "--db", db, "-f", "json"], env=env).stdout)
    decided = next(s for s in listed if s["key"] == completion["key"])["decision"]
    assert (decided["decision"], decided["author"]) == ("confirm", "ana")
    table = CliRunner().invoke(app, ["suggestions", "--db", db], env=env).stdout
    assert "confirmed by ana" in " ".join(table.split())
