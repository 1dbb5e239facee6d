"""Project keys across documents: a project not in the gazetteer is spelled differently by each
report ("Kerevo Falls Dam", "the Kerevo-Falls hydropower plant"); its statements are still
anchored to one project. Places shared by two projects, and phases of one line, stay apart.
Invented projects, the real ledger (SQLite in a tmp dir) and the hashing embedder."""

from __future__ import annotations

from dataclasses import replace

import pytest
from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.extract.variants import ProjectKey
from pledgebook.link import HashingEmbedder, link_new_statements, list_threads
from pledgebook.link.cluster import blocks, link_item, pair_score
from pledgebook.link.config import load_config
from pledgebook.link.views import ThreadFilter
from pledgebook.store import ingest_record

EMB = HashingEmbedder()
CFG = load_config().for_embedder(EMB.family)
PARTIES = ("CHN", "KEN")


@pytest.mark.parametrize(("name", "key"), [
    ("Kerevo Falls Dam", ProjectKey("kerevo falls", "dam")),
    ("the Kerevo-Falls hydropower plant", ProjectKey("kerevo falls", "dam")),
    ("Kérevo Falls Hydropower Project", ProjectKey("kerevo falls", "dam")),
    ("El-Tamsa NPP", ProjectKey("tamsa", "power plant")),  # a leading article is dropped ...
    ("El Tamsa nuclear power plant", ProjectKey("tamsa", "power plant")),
    ("ElTamsa nuclear power plant", ProjectKey("tamsa", "power plant")),  # ... glued to the name too
    ("Tamsa plant", ProjectKey("tamsa", "power plant")),
    ("Tamsala Port Development Project", ProjectKey("tamsala", "port")),  # a class head behind a generic one
    ("Kerevo Dam Construction Project", ProjectKey("kerevo", "dam")),
    ("Tamsala Port", ProjectKey("tamsala", "port")),
    ("Tamsala project", ProjectKey("tamsala", None)),  # a generic head names no class
    ("Orvena–Kessa SGR", ProjectKey("orvena kessa", "railway")),
    ("Kessa—Dunmore railway", ProjectKey("kessa dunmore", "railway")),
    ("TurkLink", ProjectKey("turklink", None)),
    ("Orvena Connectivity Improvement Project", ProjectKey("orvena connectivity", None)),  # no class head
    ("El Tamsa mega project", ProjectKey("tamsa", None)),  # matches the Tamsa plant
])
def test_the_key_is_the_folded_distinctive_name_and_the_head_class(name: str, key: ProjectKey) -> None:
    assert CFG.project_key(name) == key


def test_keys_match_on_one_name_and_class_or_a_name_without_class() -> None:
    port, plant, bare = (CFG.project_key(n) for n in ("Tamsala Port", "Tamsala Power Station", "Tamsala"))
    assert port.matches(bare) and bare.matches(plant) and bare.matches(port)
    assert not port.matches(plant) and not plant.matches(port)
    assert not CFG.project_key("Orvena-Kessa railway").matches(CFG.project_key("Kessa-Dunmore railway"))
    assert not port.matches(None)


def _doc(engine: Engine, date: str, quote: str, entity: tuple[str, str, str], actors=("CHN",)) -> None:
    spec = {"quote": quote, "kind": "commitment", "sectors": ["energy"], "entities": [entity],
            "actors": list(actors), "strength": "firm"}
    text = "Nairobi, " + date + ". " + quote + "."
    record = make_record(text, [spec], source=f"{date}.txt", date=date, parties=PARTIES)
    ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)


def _threads(engine: Engine) -> set[frozenset[str]]:
    return {frozenset(m.text for m in t.members) for t in list_threads(engine, ThreadFilter(min_docs=1))}


def _project(name: str) -> tuple[str, str, str]:
    return (name, "project", name)


DAM_SIGNED = "Kenya and China signed a contract for the Kerevo Falls Dam"
DAM_LOAN = "China will lend 400 million dollars towards the Kerevo-Falls hydropower plant"
DAM_FINISH = "The builders will hand over the Kérevo Falls Hydropower Project in 2029"


def test_three_reports_spelling_one_dam_three_ways_are_one_thread(engine: Engine) -> None:
    _doc(engine, "2021-02-01", DAM_SIGNED, _project("Kerevo Falls Dam"), actors=PARTIES)
    _doc(engine, "2022-06-10", DAM_LOAN, _project("Kerevo-Falls hydropower plant"))
    _doc(engine, "2024-09-30", DAM_FINISH, _project("Kérevo Falls Hydropower Project"), actors=("KEN",))
    link_new_statements(engine, embedder=EMB, config=replace(CFG, project_keys=None))
    assert frozenset({DAM_SIGNED, DAM_LOAN, DAM_FINISH}) not in _threads(engine)  # premise: names as written differ
    link_new_statements(engine, embedder=EMB, rebuild=True)
    assert _threads(engine) == {frozenset({DAM_SIGNED, DAM_LOAN, DAM_FINISH})}


PORT_A = "China will finance the expansion of Tamsala Port"
PORT_B = "China will finance the second berth of the Tamsala port"
PLANT_A = "China will finance the expansion of the Tamsala Power Plant"
PLANT_B = "China will finance the second unit of the Tamsala power station"


def test_a_port_and_a_power_plant_named_after_one_town_are_two_threads(engine: Engine) -> None:
    port = link_item("a", ["CHN"], [], [("Tamsala Port", "project")], PARTIES, CFG)
    plant = link_item("b", ["CHN"], [], [("Tamsala Power Plant", "project")], PARTIES, CFG)
    assert pair_score(port, plant, 0.3, CFG) < CFG.threshold  # premise: the names alone keep them apart
    _doc(engine, "2020-01-10", PORT_A, _project("Tamsala Port"))
    _doc(engine, "2020-03-05", PLANT_A, _project("Tamsala Power Plant"))
    _doc(engine, "2022-07-21", PORT_B, _project("Tamsala port"))
    _doc(engine, "2023-11-02", PLANT_B, _project("Tamsala power station"))
    link_new_statements(engine, embedder=EMB)
    assert _threads(engine) == {frozenset({PORT_A, PORT_B}), frozenset({PLANT_A, PLANT_B})}


PHASE_1 = "China will finance the Orvena–Kessa SGR"
PHASE_1_AGAIN = "China will finance the Orvena-Kessa standard gauge railway to completion"
PHASE_2 = "China will finance the Kessa–Dunmore SGR"
PHASE_2_AGAIN = "China will finance the Kessa-Dunmore standard gauge railway to completion"


def test_two_phases_of_one_line_are_two_threads(engine: Engine) -> None:
    for date, quote, name in [("2017-05-01", PHASE_1, "Orvena–Kessa SGR"), ("2019-04-02", PHASE_2, "Kessa–Dunmore SGR"),
                              ("2020-02-03", PHASE_1_AGAIN, "Orvena-Kessa standard gauge railway"),
                              ("2021-08-04", PHASE_2_AGAIN, "Kessa-Dunmore standard gauge railway")]:
        _doc(engine, date, quote, _project(name))
    link_new_statements(engine, embedder=EMB)
    assert _threads(engine) == {frozenset({PHASE_1, PHASE_1_AGAIN}), frozenset({PHASE_2, PHASE_2_AGAIN})}


def test_one_project_spelled_apart_is_a_shared_entity_and_bridges_relationships() -> None:
    """No different-entities penalty between two spellings of one project, and the project
    lifts the relationship gate (a shared actor) as a name both spell alike does."""
    npp = link_item("a", ["RUS"], ["energy"], [("El-Tamsa NPP", "project")], ("RUS", "EGY"), CFG)
    plant = link_item("b", ["RUS"], ["energy"], [("El Tamsa nuclear power plant", "project")], ("RUS", "EGY"), CFG)
    same = link_item("c", ["RUS"], ["energy"], [("El-Tamsa NPP", "project")], ("RUS", "EGY"), CFG)
    assert pair_score(npp, plant, 0.2, CFG) == pytest.approx(pair_score(npp, same, 0.2, CFG))
    abroad = link_item("d", ["RUS"], ["energy"], [("El Tamsa nuclear power plant", "project")], ("RUS", "TUR"), CFG)
    assert pair_score(npp, abroad, 0.2, CFG) is not None


def test_anchor_blocks_hold_a_name_and_each_of_its_classes() -> None:
    """A key without class meets both projects of its place name; each class has a block of its
    own, so one project's statements meet however many of the other's there are."""
    items = [link_item(d, ["CHN"], [], [(n, "project")], PARTIES, CFG)
             for d, n in [("a", "Tamsala Port"), ("b", "Tamsala Power Plant"), ("c", "Tamsala")]]
    anchor_blocks = {k[1]: v for k, v in blocks(items).items() if k[0] == "anchor"}
    assert anchor_blocks == {"tamsala|*": [0, 1, 2], "tamsala|port": [0], "tamsala|power plant": [1]}
