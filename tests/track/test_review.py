"""Review of extractions: corrections win over the machine's output in every view, and
survive a re-extraction by a new extractor version and `link --rebuild`, as do statuses; a
correction whose statement a new run dropped is kept and reported as orphaned."""

from __future__ import annotations

import pytest
from recordkit import CODEBOOK
from sqlalchemy.orm import Session
from trackdocs import EMB, PARK, _park, ingest, key, record

from pledgebook.link import get_thread, link_new_statements, thread_of_statement
from pledgebook.link.dossier import build_dossier
from pledgebook.store import LedgerFilter, ingest_record, query_ledger
from pledgebook.store.status import effective_statuses
from pledgebook.track.common import TrackError
from pledgebook.track.review import Correction, add_statement, review, reviewed_statements
from pledgebook.track.status import set_status


def _by_key(engine, **flt):  # type: ignore[no-untyped-def]
    return {r.statement_id: r for r in query_ledger(engine, LedgerFilter(**flt))}


def test_corrections_and_statuses_survive_reextraction_and_rebuild_and_orphans_are_reported(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine)
    park21, park23 = key(recs["2021"], "Brazil and Norway"), key(recs["2023"], "Brazil and Norway")
    forest21, welcome = key(recs["2021"], "The two sides"), key(recs["2021"], "Norway welcomed")
    thread = thread_of_statement(engine, park21)
    review(engine, park21, "correct", Correction(strength="moderate", sectors=["energy", "climate"],
                                                 entities=["Tapajos Solar Park", "Amazon Fund"]), author="ana")
    review(engine, welcome, "correct", Correction(kind="position"), author="ana")
    review(engine, forest21, "reject", note="a restatement, not a pledge", author="ben")
    doc23 = recs["2023"].document.id
    added = add_statement(engine, doc23, Correction(kind="position", sectors=["diplomacy"], actors=["Norway"]),
                          quote="Oslo, 2 May 2023", author="ana")
    set_status(engine, str(thread), "in_progress", scores={"BRA": 0, "NOR": 1}, author="ana")
    set_status(engine, park23, "fulfilled", scores={"BRA": 1}, author="ana")

    # A new extractor version re-cuts the park pledge and no longer finds the welcome.
    text = record("2021")[1]
    recut = _park("agreed to build the Tapajos Solar Park by 2024")
    rec2, _ = record("2021", [recut, {"quote": "The two sides pledged to expand cooperation on forest monitoring",
                                      "kind": "commitment", "strength": "firm", "sectors": ["climate_environment"],
                                      "actors": ["BRA", "NOR"]}])
    assert ingest_record(engine, rec2, text, extractor_version="test-extractor 2",
                         codebook_version=CODEBOOK).outcome.value == "re-extracted"
    link_new_statements(engine, rebuild=True, embedder=EMB)

    rows = _by_key(engine)
    park = rows[park21]  # the same key for the re-cut statement, with the analyst's fields over the new run's
    assert park.text == "agreed to build the Tapajos Solar Park by 2024" and park.record_id != park21
    assert (park.strength, park.sectors, park.entities) == ("moderate", ["energy", "climate_environment"],
                                                            ["Tapajos Solar Park", "Amazon Fund"])
    assert forest21 not in rows and welcome not in rows  # rejected; dropped by the new run
    assert rows[added.statement_id].text == "Oslo, 2 May 2023" and rows[added.statement_id].actors == ["NOR"]
    # filters see corrected values: the park pledge is now also a climate one; the added statement a position
    assert park21 in _by_key(engine, sectors=["climate_environment"])
    assert added.statement_id in _by_key(engine, kinds=["position"], actors=["NOR"])
    assert added.statement_id not in _by_key(engine, kinds=["commitment"])
    # threads and dossiers show the same
    new_thread = thread_of_statement(engine, park21)
    view = get_thread(engine, new_thread)
    assert {m.statement_id: m.strength for m in view.members}[park21] == "moderate"
    dossier = build_dossier(engine, PARK[0])
    assert {s.statement_id: s.sectors for s in dossier.statements}[park21] == ["energy", "climate_environment"]
    assert added.statement_id not in {s.statement_id for s in dossier.statements}  # it names no park
    named = add_statement(engine, doc23, Correction(kind="position", entities=[PARK[0]]), quote="Oslo, 2 May")
    dossier = build_dossier(engine, PARK[0])
    assert named.statement_id in [s.statement_id for s in dossier.statements]
    assert [s.document_date for s in dossier.statements] == sorted(s.document_date for s in dossier.statements)
    # the statuses still apply: the thread's to the re-cut member, the statement's own to itself
    with Session(engine) as s:
        eff = effective_statuses(s, [park21, park23])
    assert (eff[park23].status, eff[park23].source) == ("fulfilled", "statement")
    assert new_thread == thread and (eff[park21].status, eff[park21].source) == ("in_progress", "thread")
    # the welcome's correction is kept and reported as orphaned
    orphans = reviewed_statements(engine, orphaned=True)
    assert [(o.statement_id, o.fields, o.text) for o in orphans] == [
        (welcome, {"kind": "position", "strength": None}, "Norway welcomed the new rail plan of Brazil")]
    states = {r.statement_id: r.state for r in reviewed_statements(engine)}
    assert states == {park21: "corrected", welcome: "corrected", forest21: "rejected", added.statement_id: "added",
                      named.statement_id: "added"}
    # a limit counts the rows as shown (the rejected and orphaned ones out, the added ones in)
    everything = query_ledger(engine, LedgerFilter())
    for n in (1, 2, 3, len(everything)):
        assert query_ledger(engine, LedgerFilter(limit=n)) == everything[:n]
    # accepting the rejected statement shows it again
    review(engine, forest21, "accept", author="ben")
    assert forest21 in _by_key(engine)


def test_bad_reviews_are_refused_and_nothing_is_written(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021",), link=False)
    park, welcome = key(recs["2021"], "Brazil"), key(recs["2021"], "Norway welcomed")
    for args, message in [((park, "correct", Correction(kind="promise")), "unknown kind 'promise'"),
                          ((park, "correct", Correction(sectors=["space-opera"])), "unknown sector"),
                          ((park, "correct", Correction(actors=["Atlantis"])), "unknown party"),
                          ((park, "correct", Correction(span="40-9999")), "outside the document"),
                          ((welcome, "correct", Correction(strength="firm")), "only a commitment"),
                          ((park, "correct", Correction()), "nothing to correct"),
                          (("nope:1-2", "reject", Correction()), "no current statement")]:
        with pytest.raises(TrackError, match=message):
            review(engine, *args)
    with pytest.raises(TrackError, match="needs --kind"):
        add_statement(engine, recs["2021"].document.id, Correction(), quote="Brasilia")
    assert reviewed_statements(engine) == []


def _all_pages(engine, flt: LedgerFilter, size: int) -> list:  # type: ignore[no-untyped-def]
    from pledgebook.store import query_ledger_page

    rows, after = [], None
    while True:
        page, after = query_ledger_page(engine, flt, size=size, after=after)
        rows += page
        if after is None:
            return rows


def test_ledger_pages_apply_reviews_like_the_ledger(engine) -> None:  # type: ignore[no-untyped-def]
    """The API pages the ledger (query_ledger_page): a rejected statement is left out of its
    page, a corrected one shown and filtered on its corrected fields, as in query_ledger."""
    recs = ingest(engine)
    park21, forest21 = key(recs["2021"], "Brazil and Norway"), key(recs["2021"], "The two sides")
    review(engine, park21, "correct", Correction(strength="moderate", sectors=["energy", "climate"]), author="ana")
    review(engine, forest21, "reject", author="ben")
    for flt in (LedgerFilter(), LedgerFilter(sectors=["climate_environment"]), LedgerFilter(kinds=["commitment"]),
                LedgerFilter(strengths=["moderate"])):
        paged = _all_pages(engine, flt, size=1)
        assert [r.statement_id for r in paged] == [r.statement_id for r in query_ledger(engine, flt)]
        assert forest21 not in {r.statement_id for r in paged}
    (park,) = [r for r in _all_pages(engine, LedgerFilter(sectors=["climate_environment"]), 2)
               if r.statement_id == park21]
    assert park.strength == "moderate"
