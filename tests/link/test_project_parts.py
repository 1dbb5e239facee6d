"""Parts of a project and statements about many (issue 10, linker side): a later phase of a line
named by the two cities it joins is the line's extension, a phase of a project named otherwise is the
project; a statement that names a line and a section of it is about the section; a bare head ("the
railway") bonds to the line, not to its parts; "projects" (plural) is about many, not the report's one.
Invented sentences (real city names: the route test reads GeoNames cities)."""

from __future__ import annotations

from pledgebook.extract.variants import ProjectKey
from pledgebook.link.cluster import link_item, pair_score, with_document_projects
from pledgebook.link.config import load_config
from pledgebook.link import HashingEmbedder

CFG = load_config().for_embedder(HashingEmbedder().family)
PARTIES = ("CHN", "NGA")
LINE = ("Lagos-Kano Standard Gauge Railway", "project")
LINE_KEY = ProjectKey("lagos kano", "railway")
EXTENSION = ProjectKey("lagos kano extension", "railway", part=True)


def _item(doc: str, text: str, entities: list[tuple[str, str, str]], sectors=("transport",), kind="commitment"):
    """``entities``: (name, kind, the words of ``text`` that name it)."""
    ents = [(name, k, text.index(said), text.index(said) + len(said)) for name, k, said in entities]
    return link_item(doc, ("CHN",), sectors, ents, PARTIES, CFG, kind=kind, text=text)


def test_a_later_phase_of_a_line_named_by_two_cities_is_its_extension() -> None:
    assert _item("d1", "China will finance the SGR to completion", [(*LINE, "SGR")]).anchor == LINE_KEY
    for text in ("Kenya asked China to finance the third phase of the SGR",
                 "They signed a MoU for preliminary designs for phase two of the SGR",
                 "A contract for Phase 2A of the SGR was signed"):
        assert _item("d2", text, [(*LINE, "SGR")]).anchor == EXTENSION, text
    assert _item("d3", "China will finance the first phase of the SGR", [(*LINE, "SGR")]).anchor == LINE_KEY


def test_a_phase_of_a_project_named_otherwise_stays_the_project() -> None:
    coast = ("Savanna Coast Rail Link", "project")
    item = _item("d1", "CCCC signed a contract for Phase 2 of the Savanna Coast Rail Link", [(*coast, "Savanna Coast Rail Link")])
    assert item.anchor == ProjectKey("savanna coast", "railway")


def test_a_statement_naming_a_line_and_a_section_of_it_is_about_the_section() -> None:
    section = ("Kaduna–Kano railway", "project")
    text = "Two weeks to the launch of the SGR, the President moved to start work on the Kaduna to Kano stretch of the line"
    item = _item("d1", text, [(*LINE, "SGR"), (*section, "Kaduna to Kano stretch")])
    assert item.anchor == ProjectKey("kaduna kano", "railway", part=True)  # from one of its ends: a section of its own
    plain = "Two weeks to the launch of the SGR, the President moved to start work on the Kaduna to Kano railway too"
    assert _item("d2", plain, [(*LINE, "SGR"), (*section, "Kaduna to Kano railway")]).anchor == LINE_KEY


def test_a_bare_head_bonds_to_the_line_not_to_its_extension() -> None:
    signed = _item("d1", "Formal agreements to build a new railway line were signed", [], kind="agreement")
    line = _item("d2", "China will secure the SGR through surveillance", [(*LINE, "SGR")])
    extension = _item("d3", "Kenya asked China to finance the third phase of the SGR", [(*LINE, "SGR")])
    assert "railway" in signed.heads and extension.anchor.part
    assert pair_score(signed, line, 0.3, CFG) - pair_score(signed, extension, 0.3, CFG) >= CFG.head_bonus - 1e-9


def test_projects_in_the_plural_are_not_the_reports_one_project() -> None:
    hsr = ("Abuja-Kano High Speed Rail", "project")
    items = with_document_projects([
        _item("d1", "Japan offered support to introduce the Abuja-Kano High Speed Rail", [(*hsr, "Abuja-Kano High Speed Rail")]),
        _item("d1", "Japan pledged to invest $35 billion in a wide spectrum of projects over five years", [], ("investment",)),
        _item("d1", "The project will be financed by a Japanese loan", [], ("finance",)),
    ], CFG)
    assert items[1].anchor is None and "*s" in items[1].heads
    assert items[2].contextual and items[2].anchor.matches(items[0].anchor)  # "the project" (singular) does


def test_a_report_naming_no_project_gives_its_one_class_to_a_statement_naming_nothing() -> None:
    """"the high-speed rail initiative ... pledged to accelerate the timeline for its operation": the
    second uses the report's one class (railway), so it bonds with the relationship's railway; a
    statement of another sector (an investment target) does not take it."""
    hsr = ("Abuja-Kano High Speed Rail", "project")
    items = with_document_projects([
        _item("d1", "Both leaders reiterated the significance of the high-speed rail initiative", []),
        _item("d1", "They pledged to accelerate the timeline for its operation", [], ()),
        _item("d1", "Japan set an investment goal of 10 trillion yen", [], ("investment",)),
    ], CFG)
    assert items[1].heads == {"railway"} and not items[2].heads
    line = _item("d2", "Japan will lend for the Abuja-Kano High Speed Rail", [(*hsr, "Abuja-Kano High Speed Rail")])
    alone = _item("d1", "They pledged to accelerate the timeline for its operation", [], ())
    assert pair_score(items[1], line, 0.3, CFG) - pair_score(alone, line, 0.3, CFG) >= CFG.head_bonus - 1e-9
    two = with_document_projects([
        _item("d3", "Both leaders praised the high-speed rail initiative", []),
        _item("d3", "They also praised the new deep-sea port", []),
        _item("d3", "They pledged to accelerate the timeline for its operation", [], ()),
    ], CFG)
    assert not two[2].heads  # two classes: "its" could be either


def test_a_company_named_after_a_port_is_not_the_port() -> None:
    text = "Tana Port Holdings signed a deal with Kenya"
    item = _item("d1", text, [("Tana Port Holdings", "institution", "Tana Port Holdings")])
    assert item.anchor is None and not item.bridges
    assert _item("d1", "China will expand Tana Port", [("Tana Port", "place", "Tana Port")]).anchor == ProjectKey("tana", "port")


def test_a_site_where_the_words_were_said_is_no_anchor() -> None:
    said = "We thank China for this investor, the minister told the gathering in Tana port where the deal was signed"
    assert _item("d1", said, [("Tana port", "project", "Tana port")], kind="appreciation").anchor is None
    about = "We thank China for expanding Tana port, the minister told the gathering"
    assert _item("d1", about, [("Tana port", "project", "Tana port")], kind="appreciation").anchor == ProjectKey("tana", "port")
