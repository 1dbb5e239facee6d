"""A news report's one project (issue 10, linker side): a statement that names no project in a
report about one project takes it as anchor (linking.yaml `document_projects`); a project's
extension or a section named by other end points is a part of its own (`extension_words`,
``ProjectKeys.part``). Invented reports, the real ledger (SQLite in a tmp dir) and the hashing
embedder; each test that relies on the rule checks first that the pair does not link without it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.codebook import Codebook
from pledgebook.extract.variants import ProjectKey, ProjectKeys
from pledgebook.link import HashingEmbedder, link_new_statements, list_threads
from pledgebook.link.cluster import link_item, pair_score, with_document_projects
from pledgebook.link.config import load_config
from pledgebook.link.views import ThreadFilter
from pledgebook.store import ingest_record

EMB = HashingEmbedder()
CFG = load_config().for_embedder(EMB.family)
KEYS = ProjectKeys(Codebook.load().discovery)
PARTIES = ("CHN", "KEN")
DAM = ("Tana Gorge Dam", "project", "Tana Gorge Dam")

SIGNED = "Kenya and China signed a contract to build the Tana Gorge Dam"
FUNDED = "It will be fully funded by a Chinese loan at two percent interest"  # names no project
PRAISE = "Kenya thanked China for the Tana Gorge Dam, which opened on Monday"
LOAN_AGAIN = "A further loan at two percent interest will be fully funded by China"
IMPORTS = "China will also import more Kenyan avocados and tea"  # another matter, same report


def _doc(engine: Engine, date: str, statements: list[tuple[str, str, list, list[str]]]) -> None:
    specs = [{"quote": q, "kind": kind, "sectors": sectors, "entities": ents, "actors": ["CHN"],
              "strength": "firm" if kind == "commitment" else None} for q, kind, ents, sectors in statements]
    text = "Nairobi, " + date + ". " + ". ".join(q for q, *_ in statements) + "."
    record = make_record(text, specs, source=f"{date}.txt", date=date, parties=PARTIES)
    ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)


def _together(engine: Engine, *texts: str) -> bool:
    threads = [{m.text for m in t.members} for t in list_threads(engine, ThreadFilter(min_docs=1))]
    return any(set(texts) <= members for members in threads)


def _reports(engine: Engine, *, second: list[tuple[str, str, list, list[str]]]) -> None:
    _doc(engine, "2019-03-01", [(SIGNED, "agreement", [DAM], ["energy"]), (FUNDED, "commitment", [], ["finance"])])
    _doc(engine, "2024-11-20", second)


def test_an_unnamed_statement_of_a_one_project_report_joins_the_project(engine: Engine) -> None:
    _reports(engine, second=[(PRAISE, "appreciation", [DAM], ["energy"])])
    link_new_statements(engine, embedder=EMB, config=replace(CFG, document_projects=False))
    assert not _together(engine, FUNDED, PRAISE)  # premise: the wording alone does not link them
    link_new_statements(engine, embedder=EMB, rebuild=True)
    assert _together(engine, SIGNED, FUNDED, PRAISE)


def test_two_unnamed_statements_of_two_reports_about_one_project_meet(engine: Engine) -> None:
    """Both take their report's project: one story, though neither names it."""
    _reports(engine, second=[(PRAISE, "appreciation", [DAM], ["energy"]), (LOAN_AGAIN, "commitment", [], ["finance"])])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, SIGNED, FUNDED, PRAISE, LOAN_AGAIN)


def test_a_statement_of_another_sector_keeps_to_itself(engine: Engine) -> None:
    _reports(engine, second=[(PRAISE, "appreciation", [DAM], ["energy"]), (IMPORTS, "commitment", [], ["trade"])])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, SIGNED, PRAISE) and not _together(engine, PRAISE, IMPORTS)


def _item(doc: str, text: str, entities: list, sectors: tuple[str, ...] = ("energy",), parties=PARTIES, kind="commitment"):
    ents = [(name, k, text.index(s), text.index(s) + len(s)) for name, k, s in entities]
    return link_item(doc, ("CHN",), sectors, ents, parties, CFG, kind=kind, text=text)


def test_a_report_about_two_projects_gives_no_statement_a_project() -> None:
    park = ("Voi Textile Park", "project", "Voi Textile Park")
    items = with_document_projects([
        _item("d1", SIGNED, [DAM]),
        _item("d1", "China pledged to build the Voi Textile Park", [park]),
        _item("d1", FUNDED, [], ("finance",)),
    ], CFG)
    assert items[2].anchor is None


def test_a_head_of_another_class_keeps_its_statement_off_the_reports_project() -> None:
    items = with_document_projects([
        _item("d1", SIGNED, [DAM]),
        _item("d1", "Kenya also plans a railway line to the coast", [], ("energy",)),
        _item("d1", "The dam will be completed by 2027", [], ("energy",)),
    ], CFG)
    assert items[1].anchor is None and items[2].contextual and items[2].anchor.matches(items[0].anchor)


def test_a_reports_project_never_links_across_relationships() -> None:
    """A named project bridges two relationships (an actor shared); a report's project does not."""
    kenya = with_document_projects([_item("d1", SIGNED, [DAM]), _item("d1", FUNDED, [], ("finance",))], CFG)
    uganda = with_document_projects([
        _item("d2", "China will build the Tana Gorge Dam", [DAM], parties=("CHN", "UGA")),
        _item("d2", LOAN_AGAIN, [], ("finance",), parties=("CHN", "UGA")),
    ], CFG)
    assert pair_score(kenya[0], uganda[0], 0.1, CFG) is not None  # premise: the named project bridges
    assert pair_score(kenya[1], uganda[1], 0.1, CFG) is None
    assert pair_score(kenya[1], kenya[0], 0.1, CFG) >= CFG.threshold  # within its relationship, one story


def test_head_classes() -> None:
    assert KEYS.head_classes("NPP units will be put into operation") == {"power plant"}
    assert KEYS.head_classes("the loan for India's bullet train") == {"railway"}
    assert KEYS.head_classes("85 per cent of the project will be financed") == {"*"}
    assert KEYS.head_classes("in line with the plan, imports will grow") == frozenset()
    assert KEYS.head_classes("Turkey plans to build a second nuclear plant") == frozenset()  # another one


def test_in_a_report_about_two_projects_a_head_of_one_class_picks_it() -> None:
    pipeline = ("Blue Reef pipeline", "project", "Blue Reef pipeline")
    plant = ("Kestrel nuclear power plant", "project", "Kestrel nuclear power plant")
    items = with_document_projects([
        _item("d1", "Russia welcomed the approval of the Blue Reef pipeline", [pipeline]),
        _item("d1", "The agreement for the Kestrel nuclear power plant was signed in 2010", [plant]),
        _item("d1", "On Turkey's first nuclear plant, he said the first unit would run by 2023", []),
        _item("d1", "We will make every effort to achieve this", [], ()),
        _item("d1", "Both sides will intensify their relations", [], ("diplomacy",)),
        _item("d1", "We will make every effort to achieve it", [], ()),
    ], CFG)
    plant_key = KEYS.key("Kestrel nuclear power plant")
    assert items[2].anchor == plant_key and items[2].contextual
    assert items[3].anchor == plant_key  # naming nothing, right after the plant's statement
    assert items[4].anchor is None and items[5].anchor is None  # "it" after a statement of no project


def test_a_head_of_a_projects_class_bonds_like_a_shared_entity() -> None:
    """No project named, no report project: "the first high-speed railway" and the Jakarta–Bandung
    railway of one relationship get ``head_bonus``; a port's statement does not."""
    hsr = ("Jakarta-Bandung High-Speed Railway", "project", "Jakarta-Bandung High-Speed Railway")
    port = ("Tanjung Emas Port", "project", "Tanjung Emas Port")
    deal = _item("d1", "State companies signed a deal to build the first high-speed railway", [], ("transport",),
                 parties=("CHN", "IDN"))
    line = _item("d2", "China will complete the Jakarta-Bandung High-Speed Railway", [hsr], ("transport",),
                 parties=("CHN", "IDN"))
    harbour = _item("d3", "China will expand the Tanjung Emas Port", [port], ("transport",), parties=("CHN", "IDN"))
    assert deal.anchor is None and "railway" in deal.heads
    assert CFG.head_bonus > 0
    assert pair_score(deal, line, 0.3, CFG) - pair_score(deal, harbour, 0.3, CFG) == pytest.approx(CFG.head_bonus)


SGR = KEYS.key("Lamu-Garissa Standard Gauge Railway")


def _part(text: str, mention: str) -> ProjectKey:
    at = text.index(mention)
    return KEYS.part(SGR, text, at, at + len(mention), CFG.extension_words)


def test_an_extension_and_a_section_are_parts_of_their_own() -> None:
    assert SGR == ProjectKey("lamu garissa", "railway")
    extension = ProjectKey("lamu garissa extension", "railway", part=True)
    assert _part("China will finance the extension of the SGR (standard gauge) to Isiolo", "SGR") == extension
    assert _part("Kenya stressed extending the railway from Garissa to Isiolo", "railway") == extension
    assert _part("I am keen to develop the railway from Garissa to Isiolo", "railway") == ProjectKey("garissa isiolo", "railway", part=True)
    assert _part("the maiden ride on the line from Lamu to Garissa", "line") == SGR  # its own end points
    assert _part("financing of phase two of the SGR", "SGR") == SGR  # a phase stays the project


def test_an_extension_pledge_does_not_link_to_the_lines_own_pledges() -> None:
    name = ("Lamu-Garissa Standard Gauge Railway", "project")
    base = link_item("d1", ("CHN",), ("transport",), [(*name, 22, 25)], PARTIES, CFG,
                     text="China would secure the SGR through surveillance")
    ext_text = "China committed to financing the extension of the SGR to Isiolo"
    at = ext_text.index("SGR")
    extension = link_item("d2", ("CHN",), ("transport",), [(*name, at, at + 3)], PARTIES, CFG, text=ext_text)
    assert base.anchor == SGR and extension.anchor == ProjectKey("lamu garissa extension", "railway", part=True)
    assert not base.entities & extension.entities and not base.bridges & extension.bridges
    assert pair_score(base, extension, 0.3, CFG) < CFG.threshold


def test_a_company_named_after_its_country_anchors_no_project() -> None:
    """"China Railway" tagged as a project is a company, not a project called "China"."""
    firm = ("China Railway", "project", "China Railway")
    item = _item("d1", "China Railway signed a deal with Indonesian state companies", [firm], ("transport",),
                 parties=("CHN", "IDN"))
    assert item.anchor is None


def test_a_stance_naming_nothing_never_joins_a_projects_statement_on_wording_alone() -> None:
    stance = _item("d1", "Turkey stressed it was joining the club of countries with such power", [], ("energy",),
                   parties=("RUS", "TUR"), kind="position")
    pipeline = ("Blue Reef pipeline", "project", "Blue Reef pipeline")
    opened = _item("d2", "Turkey and Russia inaugurated the Blue Reef pipeline", [pipeline], ("energy",),
                   parties=("RUS", "TUR"), kind="appreciation")
    pledge = _item("d3", "Turkey will join the club of countries with such power by 2030", [], ("energy",),
                   parties=("RUS", "TUR"))
    assert pair_score(stance, opened, 0.9, CFG) is None
    assert pair_score(stance, pledge, 0.9, CFG) is not None  # wording may still join an unnamed pledge


HEADLINE = "Japan to invest 3.2 lakh crore rupees in India over next 5 years"
LEAD = "Japan will raise its investment target in India to 5 trillion yen, or 3.2 lakh crore rupees"
EARLIER = "Japan pledged to invest 3.5 trillion yen in India over the next five years"
LATER = "Japan set an investment target of 10 trillion yen in India over the next decade"


def test_is_headline() -> None:
    from pledgebook.link.scope import is_headline

    assert is_headline("Japan to invest 3.2 lakh crore rupees in India over the next five years", HEADLINE)
    assert not is_headline(LEAD, HEADLINE) and not is_headline(HEADLINE, None)


def _titled(engine: Engine, date: str, title: str | None, quotes: list[str]) -> None:
    specs = [{"quote": q, "kind": "commitment", "sectors": ["investment"], "actors": ["JPN"], "strength": "firm"}
             for q in quotes]
    text = ". ".join(quotes) + "."
    record = make_record(text, specs, source=f"{date}.txt", date=date, parties=("IND", "JPN"))
    record = record.model_copy(update={"document": record.document.model_copy(update={"title": title})})
    ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)


def test_a_headline_and_its_lead_may_share_a_thread(engine: Engine) -> None:
    """One commitment per document, except a headline restating the lead: the investment target's
    story runs through both."""
    _titled(engine, "2014-09-01", None, [EARLIER])
    _titled(engine, "2022-03-20", HEADLINE, [HEADLINE, LEAD])
    _titled(engine, "2025-08-30", None, [LATER])
    link_new_statements(engine, embedder=EMB)
    assert _together(engine, HEADLINE, LEAD)
