"""Project-anchored threads (issue 10): statements of one relationship about one specific
project are one story whatever their wording; a list of projects does not chain their
threads; institutions bond no non-commitment. Invented statements, the real ledger (SQLite in
a tmp dir) and the hashing embedder; where a test relies on a score it checks the premise."""

from __future__ import annotations

from dataclasses import replace

import pytest
from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.extract.variants import ProjectKey
from pledgebook.link import HashingEmbedder, link_new_statements, list_threads
from pledgebook.link.cluster import link_item, pair_score
from pledgebook.link.config import load_config
from pledgebook.link.views import ThreadFilter
from pledgebook.store import ingest_record

EMB = HashingEmbedder()
CFG = load_config().for_embedder(EMB.family)
PARTIES = ("CHN", "KEN")
DAM = ("Tana Gorge Dam", "project", "Tana Gorge Dam")
PARK = ("Voi Textile Park", "project", "Voi Textile Park")
BANK = ("Eastern Trade Bank", "institution", "Eastern Trade Bank")

SIGNED = "Kenya and China signed a contract to build the Tana Gorge Dam"
LOAN = "China approved a loan of 600 million dollars for the Tana Gorge Dam"
PLEDGE = "China will complete the Tana Gorge Dam by 2027"
OPENED = "Kenya hailed the inauguration of the new reservoir as a milestone"
RESERVOIR = ("Tana Gorge Dam", "project", "the new reservoir")  # named by anaphora
PARK_PLEDGE = "China pledged to build the Voi Textile Park"
PARK_CALL = "The two sides called for the early completion of the Voi Textile Park"
BOTH = "China will support projects such as the Tana Gorge Dam and the Voi Textile Park"


def _doc(engine: Engine, date: str, statements: list[tuple[str, str, tuple]], actors=("CHN",)) -> None:
    specs = [{"quote": q, "kind": kind, "sectors": ["energy"], "entities": list(ents), "actors": list(actors),
              "strength": "firm" if kind == "commitment" else None} for q, kind, ents in statements]
    text = "Nairobi, " + date + ". " + ". ".join(q for q, _, _ in statements) + "."
    record = make_record(text, specs, source=f"{date}.txt", date=date, parties=PARTIES)
    ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)


def _threads(engine: Engine) -> list[set[str]]:
    return [{m.text for m in t.members} for t in list_threads(engine, ThreadFilter(min_docs=1))]


def _thread_of(engine: Engine, text: str) -> set[str]:
    return next(members for members in _threads(engine) if text in members)


def test_a_signing_a_loan_and_an_inauguration_of_one_dam_are_one_thread(engine: Engine) -> None:
    _doc(engine, "2019-03-01", [(SIGNED, "agreement", [DAM])], actors=PARTIES)
    _doc(engine, "2020-05-02", [(LOAN, "commitment", [DAM])])
    _doc(engine, "2024-11-20", [(OPENED, "appreciation", [RESERVOIR])], actors=("KEN",))
    link_new_statements(engine, embedder=EMB, config=replace(CFG, project_bonus=0.0))
    assert {SIGNED, LOAN, OPENED} not in _threads(engine)  # premise: wording and a shared name are not enough
    link_new_statements(engine, embedder=EMB, rebuild=True)
    assert _threads(engine) == [{SIGNED, LOAN, OPENED}]


def test_one_report_may_hold_several_commitments_about_its_project(engine: Engine) -> None:
    """A thread holds one commitment per document, unless they are anchored to one project."""
    _doc(engine, "2020-05-02", [(LOAN, "commitment", [DAM]), (PLEDGE, "commitment", [DAM])])
    _doc(engine, "2024-11-20", [(OPENED, "appreciation", [RESERVOIR])], actors=("KEN",))
    link_new_statements(engine, embedder=EMB)
    assert _threads(engine) == [{LOAN, PLEDGE, OPENED}]


def test_two_projects_of_one_relationship_and_sector_are_two_threads(engine: Engine) -> None:
    _doc(engine, "2019-03-01", [(SIGNED, "agreement", [DAM])], actors=PARTIES)
    _doc(engine, "2019-06-01", [(PARK_PLEDGE, "commitment", [PARK])])
    _doc(engine, "2020-05-02", [(LOAN, "commitment", [DAM])])
    _doc(engine, "2021-02-03", [(PARK_CALL, "position", [PARK])], actors=PARTIES)
    link_new_statements(engine, embedder=EMB)
    assert {frozenset(t) for t in _threads(engine)} == {frozenset({SIGNED, LOAN}), frozenset({PARK_PLEDGE, PARK_CALL})}


def test_a_statement_listing_both_projects_joins_the_first_and_merges_nothing(engine: Engine) -> None:
    assert link_item("x", ["CHN"], [], [DAM[:2], PARK[:2]], PARTIES, CFG).anchor == ProjectKey("tana gorge", "dam")
    _doc(engine, "2019-03-01", [(SIGNED, "agreement", [DAM])], actors=PARTIES)
    _doc(engine, "2019-06-01", [(PARK_PLEDGE, "commitment", [PARK])])
    _doc(engine, "2020-05-02", [(LOAN, "commitment", [DAM])])
    _doc(engine, "2021-02-03", [(PARK_CALL, "position", [PARK])], actors=PARTIES)
    _doc(engine, "2023-08-08", [(BOTH, "commitment", [DAM, PARK])])
    link_new_statements(engine, embedder=EMB)
    assert _thread_of(engine, BOTH) == {SIGNED, LOAN, BOTH}
    assert _thread_of(engine, PARK_PLEDGE) == {PARK_PLEDGE, PARK_CALL}


def test_a_shared_project_lifts_the_actor_gate_within_one_relationship() -> None:
    """Kenya's request and China's pledge about one railway are one story."""
    line = ("Lake Basin Railway", "project")
    request = link_item("a", ["KEN"], [], [line], PARTIES, CFG, kind="position")
    pledge = link_item("b", ["CHN"], [], [line], PARTIES, CFG)
    assert pair_score(request, pledge, 0.0, CFG) is not None
    assert pair_score(request, pledge, 0.0, CFG) >= CFG.threshold  # anchored: at any cosine
    elsewhere = link_item("c", ["CHN"], [], [line], ("CHN", "IDN"), CFG)
    assert pair_score(pledge, elsewhere, 0.0, CFG) < CFG.threshold  # another relationship: no anchor bonus


def test_a_shared_institution_bonds_no_non_commitment() -> None:
    """A position that shares only a bank with a pledge links on its wording alone."""
    stance = link_item("a", ["CHN"], ["finance"], [BANK[:2]], PARTIES, CFG, kind="position")
    pledge = link_item("b", ["CHN"], ["finance"], [BANK[:2]], PARTIES, CFG)
    other = link_item("c", ["CHN"], ["finance"], [BANK[:2]], PARTIES, CFG)
    assert pair_score(stance, pledge, 0.4, CFG) == pytest.approx(0.4 + CFG.sector_bonus - CFG.cross_kind_margin)
    two_pledges = 0.4 + CFG.sector_bonus + CFG.entity_bonus  # as before
    assert pair_score(other, pledge, 0.4, CFG) == pytest.approx(two_pledges)


def test_a_non_commitment_naming_a_project_links_through_it_or_on_wording_alone() -> None:
    """Thanks for building the dam link to any statement naming the dam; to a pledge that names
    no project, only on their wording (no entity bonus, ``cross_kind_margin`` less)."""
    thanks = link_item("a", ["KEN"], ["energy"], [DAM[:2]], PARTIES, CFG, kind="appreciation")
    pledge = link_item("b", ["KEN"], ["energy"], [], PARTIES, CFG)
    assert pair_score(thanks, pledge, 0.3, CFG) == pytest.approx(0.3 + CFG.sector_bonus - CFG.cross_kind_margin)
    assert pair_score(thanks, link_item("d", ["CHN"], [], [DAM[:2]], PARTIES, CFG), 0.0, CFG) >= CFG.threshold


def test_a_lender_named_alone_does_not_set_a_statement_apart_from_its_project() -> None:
    """A loan statement naming only the bank and a pledge naming the dam: no different-entities
    penalty (the bank lends for many projects); two projects named apart still are penalised."""
    loan = link_item("a", ["CHN"], [], [BANK[:2]], PARTIES, CFG)
    dam = link_item("b", ["CHN"], [], [DAM[:2]], PARTIES, CFG)
    park = link_item("c", ["CHN"], [], [PARK[:2]], PARTIES, CFG)
    assert pair_score(loan, dam, 0.4, CFG) == pytest.approx(0.4)
    assert pair_score(park, dam, 0.4, CFG) == pytest.approx(0.4 - CFG.entity_penalty)
