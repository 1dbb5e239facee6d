"""Linking news reports (issue 10, linking.yaml v8): a report that shortens a project's name
keeps the project; a report read as one side, naming the same project, is that relationship's;
a pronoun-led statement continues the statement right before it; sections of a line beyond both
its end points (Ajaokuta, Itakpe: small towns) are the line's extension. Invented sentences (real city names: the route rule
reads GeoNames cities); the ledger tests use real SQLite ledgers and the hashing embedder, and
check first that the pair does not link without the rule."""

from __future__ import annotations

from dataclasses import replace

from recordkit import CODEBOOK, EXTRACTOR, make_record
from sqlalchemy import Engine

from pledgebook.extract.variants import ProjectKey
from pledgebook.link import HashingEmbedder, link_new_statements, list_threads
from pledgebook.link.cluster import link_item, pair_score, with_document_projects
from pledgebook.link.config import load_config
from pledgebook.link.views import ThreadFilter
from pledgebook.store import ingest_record

EMB = HashingEmbedder()
CFG = load_config().for_embedder(EMB.family)
PARTIES = ("CHN", "NGA")


def _item(doc: str, text: str, entities: list[tuple[str, str, str]], sectors=("transport",), *,
          kind: str = "commitment", parties=PARTIES, span: tuple[int, int] | None = None, cfg=CFG):
    """``entities``: (name, kind, the words of ``text`` that name it)."""
    ents = [(name, k, text.index(said), text.index(said) + len(said)) for name, k, said in entities]
    return link_item(doc, ("CHN",), sectors, ents, parties, cfg, kind=kind, text=text, span=span)


# --- a report shortens a name it has given in full ------------------------------------------

CITY = ("Negombo Marina City", "project", "Negombo Marina City")
SHORT = ("Marina City", "project", "Marina City")


def test_a_shortened_name_is_the_full_name_of_its_report() -> None:
    full = _item("d1", "China will build the Negombo Marina City on reclaimed land", [CITY])
    short = _item("d1", "The cabinet approved a committee to speed up laws for Marina City", [SHORT])
    assert not short.anchor.matches(full.anchor)  # premise: two keys
    items = with_document_projects([full, short], CFG)
    assert items[1].anchor == full.anchor and not items[1].contextual
    other = with_document_projects([_item("d2", "The cabinet approved a committee for Marina City", [SHORT])], CFG)
    assert other[0].anchor == ProjectKey("marina city", None)  # another report says nothing of Negombo


# --- a report read as one side ----------------------------------------------------------------

REFINERY = ("Galle Refinery", "project", "Galle Refinery")


def test_a_report_read_as_one_side_naming_the_project_is_its_relationships() -> None:
    pledged = _item("d1", "Sinochem pledged to invest in the Galle Refinery", [REFINERY], parties=("CHN",))
    agreed = _item("d2", "Sri Lanka and China agreed to fast-track the Galle Refinery", [REFINERY], parties=("CHN", "LKA"))
    other = _item("d3", "India agreed to build the Galle Refinery", [REFINERY], parties=("CHN", "IND"))
    assert pair_score(pledged, agreed, 0.1, CFG) >= 0.1 + CFG.project_bonus
    assert pair_score(other, agreed, 0.1, CFG) < CFG.project_bonus  # two relationships: a bridge, no bonus
    unnamed = with_document_projects([
        _item("d1", "Sinochem pledged to invest in the Galle Refinery", [REFINERY], parties=("CHN",)),
        _item("d1", "The refinery will export most of its output", [], ("energy",), parties=("CHN",)),
    ], CFG)
    assert unnamed[1].contextual and pair_score(unnamed[1], agreed, 0.1, CFG) is None  # a report's project never crosses


# --- a pronoun-led statement continues the one before ----------------------------------------

LED = "Both leaders pledged to accelerate the timeline for the bullet train"
THEY = "They agreed that Japanese technology would be installed without delay"


def _report(second: str, gap: int = 2) -> list:
    start = len(LED) + gap
    return with_document_projects([
        _item("d1", LED, [], span=(0, len(LED))),
        _item("d1", second, [], ("science_technology",), span=(start, start + len(second))),
    ], CFG)


def test_a_pronoun_led_statement_takes_the_heads_and_sectors_of_the_one_before() -> None:
    led, they = _report(THEY)
    assert they.heads == {"railway"} and they.sectors == {"transport", "science_technology"} and not they.exclusive
    assert not _report(THEY, gap=40)[1].heads  # a sentence between: not the statement before
    japan = "Japan agreed that Japanese technology would be installed without delay"
    assert not _report(japan)[1].heads  # no pronoun
    assert not with_document_projects([_item("d1", LED, []), _item("d1", THEY, [], ("science_technology",))], CFG)[1].heads


def test_a_pronoun_led_statement_takes_the_project_of_the_one_before() -> None:
    dam = ("Kiri Gorge Dam", "project", "Kiri Gorge Dam")
    first = "China will build the Kiri Gorge Dam"
    items = with_document_projects([
        _item("d1", first, [dam], ("energy",), span=(0, len(first))),
        _item("d1", THEY, [], ("science_technology",), span=(len(first) + 2, len(first) + 2 + len(THEY))),
    ], CFG)
    assert items[1].contextual and items[1].anchor == items[0].anchor


def _doc(engine: Engine, date: str, statements: list[tuple[str, str, list, list[str]]], parties=("IND", "JPN")) -> None:
    specs = [{"quote": q, "kind": kind, "sectors": sectors, "entities": ents, "actors": list(parties),
              "strength": "firm" if kind == "commitment" else None} for q, kind, ents, sectors in statements]
    text = ". ".join(q for q, *_ in statements) + "."
    record = make_record(text, specs, source=f"{date}.txt", date=date, parties=parties)
    ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)


def _together(engine: Engine, *texts: str) -> bool:
    threads = [{m.text for m in t.members} for t in list_threads(engine, ThreadFilter(min_docs=1))]
    return any(set(texts) <= members for members in threads)


def test_a_continued_statement_joins_the_project_thread_in_the_ledger(engine: Engine) -> None:
    """The ledger gives statements their spans: "They agreed ..." right after a bullet-train pledge
    joins the bullet train's thread of another report, though its own words are about technology."""
    hsr = ("Pune-Nagpur High Speed Rail", "project")
    LEND = "Japan will lend for the Pune-Nagpur High Speed Rail, whose Japanese technology will accelerate the timeline"
    _doc(engine, "2021-05-01", [(LEND, "commitment",
                                 [(*hsr, "Pune-Nagpur High Speed Rail")], ["transport"])])
    _doc(engine, "2025-08-30", [(LED, "commitment", [], ["transport"]), (THEY, "commitment", [], ["science_technology"])])
    link_new_statements(engine, embedder=EMB, config=replace(CFG, continuation_leads=frozenset()))
    assert not _together(engine, THEY, LED)  # premise: without the rule it keeps to itself
    link_new_statements(engine, embedder=EMB, rebuild=True)
    assert _together(engine, LEND, LED, THEY)


# --- sections beyond a line -----------------------------------------------------------------

LINE = ("Lagos-Kano Standard Gauge Railway", "project")
EXTENSION = ProjectKey("lagos kano extension", "railway", part=True)
def test_a_stretch_beyond_the_line_is_its_extension() -> None:
    section = ("Ajaokuta–Itakpe railway", "project")
    text = "Before the launch of the SGR, the President moved to start work on the Ajaokuta to Itakpe stretch of the line"
    item = _item("d1", text, [(*LINE, "SGR"), (*section, "Ajaokuta to Itakpe stretch")])
    assert item.anchor == EXTENSION
    extension = _item("d2", "Nigeria asked China to finance the third phase of the SGR", [(*LINE, "SGR")])
    assert pair_score(item, extension, 0.0, CFG) >= CFG.project_bonus


def test_a_dashed_route_in_a_report_naming_the_line_is_a_section_of_it() -> None:
    route = ("Ajaokuta–Itakpe railway", "project", "railway from Ajaokuta to Itakpe")
    keen = "I am very keen to develop the railway from Ajaokuta to Itakpe"
    items = with_document_projects([
        _item("d1", "Nigeria asked China to finance the third phase of the SGR", [(*LINE, "SGR")]),
        _item("d1", keen, [route]),
    ], CFG)
    assert items[1].anchor == EXTENSION
    alone = with_document_projects([_item("d2", keen, [route])], CFG)
    assert alone[0].anchor == ProjectKey("ajaokuta itakpe", "railway")  # no line named: a project of its own
    adjoining = ("Kano–Itakpe railway", "project", "railway from Kano to Itakpe")  # from one of the line's ends
    items = with_document_projects([
        _item("d1", "Nigeria asked China to finance the third phase of the SGR", [(*LINE, "SGR")]),
        _item("d1", "I am very keen to develop the railway from Kano to Itakpe", [adjoining]),
    ], CFG)
    assert items[1].anchor == ProjectKey("kano itakpe", "railway", part=True)  # a section of its own


def test_a_bare_name_in_a_report_about_the_lines_extension_is_the_extension() -> None:
    """"Your commitment to the SGR ... will go all the way", in a report most of whose statements are
    about the SGR's extension, is about the extension; the line named by its own end points stays the
    line, and so does the bare name in a report that is not mostly about the extension."""
    third = _item("d1", "Nigeria asked China to finance the third phase of the SGR", [(*LINE, "SGR")])
    further = _item("d1", "China will finance the extension of the SGR to Maiduguri", [(*LINE, "SGR")])
    hope = "It is my hope that your commitment to the SGR will go all the way"
    ride = "The maiden ride from Lagos to Kano will be secured by China"
    grant = _item("d1", "Nigeria asked that half of the extension of the SGR be a grant", [(*LINE, "SGR")])
    items = with_document_projects([third, further, _item("d1", hope, [(*LINE, "SGR")], kind="position"),
                                    _item("d1", ride, [(*LINE, "Lagos to Kano")]), grant], CFG)
    assert third.anchor == further.anchor == grant.anchor == EXTENSION
    assert items[2].anchor == EXTENSION and items[3].anchor == ProjectKey("lagos kano", "railway")
    assert pair_score(items[2], _item("d2", ride, [(*LINE, "Lagos to Kano")]), 0.3, CFG) < CFG.threshold
    mixed = with_document_projects([third, _item("d1", hope, [(*LINE, "SGR")], kind="position"),
                                    _item("d1", ride, [(*LINE, "Lagos to Kano")])], CFG)
    assert mixed[1].anchor == ProjectKey("lagos kano", "railway")  # the extension is no majority
