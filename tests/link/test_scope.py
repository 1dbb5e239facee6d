"""What is linked and with whom (issue 10): threads across statement kinds, the relationship a
statement belongs to, and entities' roles for linking (sites, umbrellas, sources). Invented
statements go through the real ledger (SQLite in a tmp dir) and the hashing embedder; where a
test relies on a score, it first checks the premise (what the pair would score otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.codebook import Codebook
from pledgebook.codebook.files import CodebookError
from pledgebook.link import HashingEmbedder, link_new_statements, list_threads
from pledgebook.link.cluster import blocks, link_item, pair_score
from pledgebook.link.config import DATA_DIR, load_config
from pledgebook.link.scope import Mention, is_source_only
from pledgebook.link.views import ThreadFilter
from pledgebook.store import ingest_record

EMB = HashingEmbedder()
CFG = load_config().for_embedder(EMB.family)


def _store(engine: Engine, date: str, text: str, statements: list[dict], parties: tuple[str, ...]) -> None:
    record = make_record(text, statements, source=f"{date}-{'-'.join(parties)}.txt", date=date, parties=parties)
    ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)


def _one(engine: Engine, date: str, quote: str, *, kind: str = "commitment", parties=("CHN", "IDN"),
         actors: list[str] | None = None, sectors=("transport",), entities=()) -> None:
    spec = {"quote": quote, "kind": kind, "sectors": list(sectors), "entities": list(entities),
            "actors": list(actors or parties), "strength": "firm" if kind == "commitment" else None}
    _store(engine, date, f"Jakarta, {date}. {quote}.", [spec], parties)


def _threads(engine: Engine) -> list[set[str]]:
    """Every thread (singletons too) as the set of its members' texts."""
    return [{m.text for m in t.members} for t in list_threads(engine, ThreadFilter(min_docs=1))]


def _together(engine: Engine, *texts: str) -> bool:
    return any(set(texts) <= members for members in _threads(engine))


def _threaded(engine: Engine, text: str) -> bool:
    return any(text in members for members in _threads(engine))


def _cos(a: str, b: str) -> float:
    v = EMB.embed([a, b])
    return float(v[0] @ v[1])


RAILWAY = ("Sumatra Coastal Railway", "project", "Sumatra Coastal Railway")
PLEDGE = "China and Indonesia agreed to speed up construction of the Sumatra Coastal Railway"
SIGNED = "Indonesia and China signed a loan agreement to finance construction of the Sumatra Coastal Railway"


# -- threads across kinds ------------------------------------------------------------------


def test_an_agreement_and_a_commitment_about_one_project_end_in_one_thread(engine: Engine) -> None:
    _one(engine, "2019-04-25", PLEDGE, entities=[RAILWAY])
    _one(engine, "2021-06-05", SIGNED, kind="agreement", entities=[RAILWAY])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, PLEDGE, SIGNED)
    (view,) = [t for t in list_threads(engine) if PLEDGE in {m.text for m in t.members}]
    assert [m.kind for m in view.members] == ["commitment", "agreement"] and view.documents == 2


def test_a_signing_that_names_a_project_starts_a_thread_a_later_pledge_joins(engine: Engine) -> None:
    """News arrives one document at a time: the agreement comes first and starts the thread."""
    _one(engine, "2019-04-25", SIGNED, kind="agreement", entities=[RAILWAY])
    link_new_statements(engine, embedder=EMB)
    assert _threads(engine) == [{SIGNED}]
    _one(engine, "2021-06-05", PLEDGE, entities=[RAILWAY])
    summary = link_new_statements(engine, embedder=EMB)
    assert summary.joined_existing == 1 and _threads(engine) == [{SIGNED, PLEDGE}]


def test_a_welcome_of_a_general_principle_starts_no_thread(engine: Engine) -> None:
    welcome = "Both sides welcomed the principle of mutual benefit and win-win cooperation"
    _one(engine, "2019-04-25", welcome, kind="appreciation", sectors=["diplomacy"])
    _one(engine, "2021-06-05", welcome, kind="appreciation", sectors=["diplomacy"])
    summary = link_new_statements(engine, embedder=EMB)
    # twice the same words, in two documents: still no undertaking to thread
    assert summary.statements == 2 and summary.linked_now == 0 and _threads(engine) == []


def test_a_position_without_a_project_joins_a_later_pledge(engine: Engine) -> None:
    """A statement left without a thread is linked again on the next run, so it joins the
    pledge that arrives later."""
    stance = "China reaffirmed its support for training Indonesian teachers of Mandarin"
    pledge = "China pledged to train two thousand Indonesian teachers of Mandarin"
    _one(engine, "2019-04-25", stance, kind="position", actors=["CHN"], sectors=["people_to_people"])
    link_new_statements(engine, embedder=EMB)
    assert _threads(engine) == []
    _one(engine, "2021-06-05", pledge, actors=["CHN"], sectors=["people_to_people"])
    summary = link_new_statements(engine, embedder=EMB)
    assert summary.linked_now == 2 and _threads(engine) == [{stance, pledge}]


def test_a_meeting_never_links(engine: Engine) -> None:
    met = "The two sides held talks on the Sumatra Coastal Railway"
    _one(engine, "2019-04-25", PLEDGE, entities=[RAILWAY])
    _one(engine, "2021-06-05", met, kind="meeting", entities=[RAILWAY])
    _one(engine, "2022-01-10", "The two sides discussed the Sumatra Coastal Railway", kind="discussion",
         entities=[RAILWAY])
    summary = link_new_statements(engine, embedder=EMB)
    assert summary.statements == 1 and _threads(engine) == [{PLEDGE}]


def test_one_document_may_add_several_kinds_to_a_thread_but_one_commitment() -> None:
    """A thread holds one commitment per document (two pledges of one statement are two
    undertakings), but the signing and the welcome of the same project may join it too; and a
    commitment anchored to a project is exempt (one report tells several of a project's pledges)."""
    commitment = link_item("d1", ["CHN"], ["transport"], [], ["CHN", "IDN"], CFG)
    anchored = link_item("d1", ["CHN"], ["transport"], [RAILWAY[:2]], ["CHN", "IDN"], CFG)
    agreement = link_item("d1", ["CHN"], ["transport"], [RAILWAY[:2]], ["CHN", "IDN"], CFG, kind="agreement")
    welcome = link_item("d1", ["CHN"], ["transport"], [], ["CHN", "IDN"], CFG, kind="appreciation")
    assert commitment.exclusive and not anchored.exclusive and not agreement.exclusive and not welcome.exclusive
    assert commitment.starts and anchored.starts and agreement.starts and not welcome.starts


# -- the relationship ----------------------------------------------------------------------

MANDARIN = "pledged to train two thousand Indonesian teachers of Mandarin"


def test_one_partys_pledge_and_both_partners_pledge_meet(engine: Engine) -> None:
    """China alone in a China-Indonesia document, both in another, and both in a news report
    whose parties were read as China only: one relationship, one block, one thread."""
    alone, both, report = f"China {MANDARIN}", f"The two countries {MANDARIN}", f"China and Indonesia {MANDARIN}"
    _one(engine, "2019-04-25", alone, actors=["CHN"], sectors=["people_to_people"])
    _one(engine, "2021-06-05", both, actors=["CHN", "IDN"], sectors=["people_to_people"])
    _one(engine, "2023-02-01", report, parties=("CHN",), actors=["CHN", "IDN"], sectors=["people_to_people"])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, alone, both, report)
    items = [link_item("a", ["CHN"], ["people_to_people"], [], ["CHN", "IDN"], CFG),
             link_item("b", ["CHN", "IDN"], ["people_to_people"], [], ["CHN", "IDN"], CFG),
             link_item("c", ["CHN", "IDN"], ["people_to_people"], [], ["CHN"], CFG)]
    assert [0, 1, 2] in list(blocks(items).values())


def test_a_china_kenya_pledge_never_meets_a_china_indonesia_one(engine: Engine) -> None:
    """Word for word the same, even naming the same umbrella initiative: another relationship."""
    bri = ("Belt and Road Initiative", "initiative", "Belt and Road Initiative")
    text = f"China {MANDARIN} under the Belt and Road Initiative"
    _one(engine, "2019-04-25", text, parties=("CHN", "IDN"), actors=["CHN"], sectors=["people_to_people"],
         entities=[bri])
    _store(engine, "2021-06-05", f"Nairobi, 2021-06-05. {text}.",
           [{"quote": text, "kind": "commitment", "actors": ["CHN"], "sectors": ["people_to_people"],
             "entities": [bri], "strength": "firm"}], ("CHN", "KEN"))
    link_new_statements(engine, embedder=EMB)
    assert all(len(members) == 1 for members in _threads(engine)) and len(_threads(engine)) == 2
    idn = link_item("a", ["CHN"], [], [bri[:2]], ["CHN", "IDN"], CFG)
    ken = link_item("b", ["CHN"], [], [bri[:2]], ["CHN", "KEN"], CFG)
    assert pair_score(idn, ken, 1.0, CFG) is None


def test_a_group_actor_of_its_members_document_is_that_relationship() -> None:
    quad = link_item("a", ["QUAD"], [], [], ["AUS", "IND", "JPN", "USA"], CFG)
    japan = link_item("b", ["JPN"], [], [], ["AUS", "IND", "JPN", "USA"], CFG)
    assert quad.scope == japan.scope == {"AUS", "IND", "JPN", "USA"}
    third = link_item("c", ["JPN"], [], [], ["CHN", "IDN"], CFG)  # Japan's rival offer in a China-Indonesia report
    assert third.scope == {"CHN", "IDN", "JPN"}
    assert link_item("d", ["CHN"], [], [], [], CFG).scope == frozenset()  # no parties: relationship unknown


def test_a_named_project_links_whoever_acts_on_it(engine: Engine) -> None:
    """China finances the railway, Kenya builds it: no actor in common, one undertaking."""
    finance = "China will finance the Naivasha Kisumu Railway extension"
    build = "Kenya will start building the Naivasha Kisumu Railway extension next year"
    line = ("Naivasha Kisumu Railway", "project", "Naivasha Kisumu Railway")
    _one(engine, "2019-04-25", finance, parties=("CHN", "KEN"), actors=["CHN"], entities=[line])
    _one(engine, "2021-06-05", build, parties=("CHN", "KEN"), actors=["KEN"], entities=[line])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, finance, build)
    china, kenya = (link_item("a", [a], [], [], ["CHN", "KEN"], CFG) for a in ("CHN", "KEN"))
    assert pair_score(china, kenya, 1.0, CFG) is None  # without the project, still two parties' pledges
    # the project lifts one gate, not both: Indonesia's pledge in another relationship stays apart
    china = link_item("a", ["CHN"], [], [line[:2]], ["CHN", "KEN"], CFG)
    indonesia = link_item("b", ["IDN"], [], [line[:2]], ["CHN", "IDN"], CFG)
    assert pair_score(china, indonesia, 1.0, CFG) is None
    assert pair_score(china, link_item("c", ["CHN"], [], [line[:2]], ["CHN", "IDN"], CFG), 1.0, CFG) is not None


def test_a_one_sided_report_links_to_a_relationship_only_through_a_named_project() -> None:
    """A report whose parties were read as China alone, China acting, is not assumed to be
    China-Kenya's: a shared lender (an institution) does not link it, the named railway does."""
    lender, line = ("China Development Bank", "institution"), ("Naivasha Kisumu Railway", "project")
    alone = link_item("a", ["CHN"], ["transport"], [lender], ["CHN"], CFG)
    kenya = link_item("b", ["CHN"], ["transport"], [lender], ["CHN", "KEN"], CFG)
    assert pair_score(alone, kenya, 1.0, CFG) is None
    alone, kenya = (link_item(d, ["CHN"], ["transport"], [line], p, CFG) for d, p in (("a", ["CHN"]), ("b", ["CHN", "KEN"])))
    assert pair_score(alone, kenya, 1.0, CFG) is not None
    quad = link_item("d", ["USA"], [], [], ["AUS", "IND", "JPN", "USA"], CFG)
    japan = link_item("e", ["USA"], [], [], ["JPN", "USA"], CFG)
    assert pair_score(quad, japan, 1.0, CFG) is None  # a bilateral is not the Quad


# -- entities for linking ------------------------------------------------------------------


def test_a_port_tagged_as_a_place_bonds(engine: Engine) -> None:
    """Two pledges about one port, each also naming its own contractor: without the port they
    would name different entities and be kept apart; the port, a place, bonds them."""
    upgrade = "Kenya and China agreed to build three new berths at Lamu Port with Kenya Railways"
    dredge = "Kenya and China will build berths and dredge the approach channel to Lamu Port with Orient Dredging Corporation"
    cos = _cos(upgrade, dredge)
    assert cos - CFG.entity_penalty < CFG.threshold <= cos + CFG.entity_bonus  # premise
    port = ("Lamu Port", "place", "Lamu Port")
    _one(engine, "2019-04-25", upgrade, parties=("CHN", "KEN"), sectors=["ports"],
         entities=[port, ("Kenya Railways", "institution", "Kenya Railways")])
    _one(engine, "2021-06-05", dredge, parties=("CHN", "KEN"), sectors=["ports"],
         entities=[port, ("Orient Dredging Corporation", "institution", "Orient Dredging Corporation")])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, upgrade, dredge)
    port_item = link_item("a", [], [], [("Lamu Port", "place")], [], CFG)
    town = link_item("b", [], [], [("Lamu", "place")], [], CFG)
    pass_ = link_item("c", [], [], [("Khunjerab Pass", "place")], [], CFG, kind="position")
    assert port_item.entities == port_item.bridges == {"lamu port"} and town.entities == frozenset()
    assert pass_.entities == {"khunjerab pass"} and pass_.starts  # a gazetteer site starts a thread as a project does


def test_an_umbrella_gives_no_bonus(engine: Engine) -> None:
    plant = "China will finance a fertiliser plant in Sumatra under the Belt and Road Initiative"
    grants = "Both sides will expand vocational scholarships under the Belt and Road Initiative"
    cos = _cos(plant, grants)
    # premise: the bonus would link them despite their different sectors
    assert cos - CFG.sector_penalty < CFG.threshold <= cos + CFG.entity_bonus - CFG.sector_penalty
    bri = ("Belt and Road Initiative", "initiative", "Belt and Road Initiative")
    _one(engine, "2019-04-25", plant, sectors=["industry"], entities=[bri])
    _one(engine, "2021-06-05", grants, sectors=["people_to_people"], entities=[bri])
    link_new_statements(engine, embedder=EMB)
    assert not _together(engine, plant, grants)
    for name in ("CPEC", "China-Pakistan Economic Corridor", "Bangladesh-China-India-Myanmar Economic Corridor"):
        assert link_item("a", [], [], [(name, "initiative")], [], CFG).entities == frozenset(), name


def test_an_institution_named_only_as_the_source_does_not_penalise(engine: Engine) -> None:
    reported = "The two countries will double direct flights between Nairobi and Guangzhou, the Ministry of Transport said"
    airline = "Kenya Airways will add direct flights from Nairobi to Guangzhou by December"
    cos = _cos(reported, airline)
    assert cos - CFG.entity_penalty < CFG.threshold <= cos  # premise: the penalty alone would part them
    _one(engine, "2019-04-25", reported, parties=("CHN", "KEN"), sectors=["transport"],
         entities=[("Ministry of Transport", "institution", "Ministry of Transport")])
    _one(engine, "2021-06-05", airline, parties=("CHN", "KEN"), actors=["KEN"], sectors=["transport"],
         entities=[("Kenya Airways", "institution", "Kenya Airways")])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, reported, airline)


@pytest.mark.parametrize(("text", "name", "source"), [
    ("According to the Foreign Office, both sides will reopen the border market", "Foreign Office", True),
    ("Both sides will reopen the border market, the Foreign Office said on Monday", "Foreign Office", True),
    ("The Foreign Office on Monday said both sides will reopen the border market", "Foreign Office", True),
    ("Foreign Office spokesperson Jane Doe told reporters the market will reopen", "Foreign Office", True),
    ("The market will reopen, according to a statement by the Foreign Office", "Foreign Office", False),
    ("Both sides will train diplomats at the Foreign Office academy", "Foreign Office", False),
    ("The Foreign Office will fund the border market and said it would open", "Foreign Office", False),
    ("Both sides will reopen the border market, the Border Market said", "Border Market", False),  # not an institution
    # the reporting words are the segmentation codebook's: news attribution and linker share them
    ("Both sides will reopen the border market, the Foreign Office stressed", "Foreign Office", True),
    ("As per the Foreign Office, both sides will reopen the border market", "Foreign Office", True),
    ("The Foreign Office notes that both sides will reopen the border market", "Foreign Office", True),
])
def test_source_only_mentions(text: str, name: str, source: bool) -> None:
    start = text.index(name)
    kind = "institution" if name == "Foreign Office" else "project"
    assert is_source_only(text, Mention(name, kind, start, start + len(name)), CFG) is source


def test_the_linker_reads_the_one_reporting_lexicon() -> None:
    """No second list of reporting verbs in linking.yaml: the linker's are segment.yaml's."""
    attribution = Codebook.load().segmentation.attribution
    assert CFG.source_after == attribution.reporting_words()
    assert {"said", "stressed", "notes"} <= CFG.source_after
    assert ("according", "to") in CFG.source_before and ("quoted", "by") in CFG.source_before
    assert set(yaml.safe_load((DATA_DIR / "linking.yaml").read_text(encoding="utf-8"))["source_cues"]) == {"between", "venue"}  # no before/after lists


def test_a_source_named_elsewhere_in_the_statement_still_bonds() -> None:
    text = "The Foreign Office will fund the border market, the Foreign Office said"
    first, second = text.index("Foreign Office"), text.rindex("Foreign Office")
    mentions = [("Foreign Office", "institution", first, first + 14), ("Foreign Office", "institution", second, second + 14)]
    assert link_item("a", [], [], mentions, [], CFG, text=text).entities == {"foreign office"}
    assert link_item("a", [], [], mentions[1:], [], CFG, text=text).entities == frozenset()


# -- configuration -------------------------------------------------------------------------


def _config_with(tmp_path: Path, old: str, new: str):
    text = (DATA_DIR / "linking.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{len(list(tmp_path.iterdir()))}" / "linking.yaml"  # a new path: load_config caches by path
    path.parent.mkdir()
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_config(path)


def test_kinds_and_the_start_rule_are_validated_data(tmp_path: Path) -> None:
    cfg = _config_with(tmp_path, "start_entity_kinds: [project]", "start_entity_kinds: [project, agreement]")
    welcome = link_item("a", [], [], [("Paris Agreement", "agreement")], [], cfg, kind="appreciation")
    assert welcome.starts and not link_item("a", [], [], [("Paris Agreement", "agreement")], [], CFG,
                                             kind="appreciation").starts
    with pytest.raises(CodebookError, match="start_kinds"):
        _config_with(tmp_path, "start_kinds: [commitment]", "start_kinds: [meeting]")
    with pytest.raises(CodebookError, match="kinds"):
        _config_with(tmp_path, "kinds: [commitment, agreement", "kinds: [commitment, pledge")
    with pytest.raises(CodebookError, match="start_entity_kinds"):
        _config_with(tmp_path, "start_entity_kinds: [project]", "start_entity_kinds: [railway]")
