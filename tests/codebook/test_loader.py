"""The codebook loads, is consistent, and refuses broken data with a clear CodebookError."""

import shutil
from pathlib import Path

import pytest
import yaml

from pledgebook.codebook import loader
from pledgebook.codebook.loader import (
    ENTITY_KINDS,
    CodebookError,
    codebook_version,
    load_actor_book,
    load_event_map,
    load_gazetteer,
    load_sectors,
)

DATA = Path(loader.__file__).parent / "data"
REQUIRED_SECTORS = {
    "diplomacy", "core_interests", "connectivity", "transport", "ports", "energy", "climate_environment", "industry",
    "mining", "agriculture", "ict", "science_technology", "space", "trade", "investment", "finance", "security",
    "counter_terrorism", "nuclear_nonproliferation", "people_to_people", "health", "socio_economic", "humanitarian",
    "regional_affairs", "multilateralism", "governance_rule_of_law", "human_rights_democracy", "labor",
    "maritime_security",
}


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in loader.FILES:
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _edit(directory: Path, name: str, change) -> None:
    data = yaml.safe_load((directory / name).read_text(encoding="utf-8"))
    change(data)
    (directory / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_sector_taxonomy_is_complete_and_broad():
    sectors = load_sectors()
    ids = [s.id for s in sectors]
    assert REQUIRED_SECTORS <= set(ids)
    assert len(ids) == len(set(ids))
    for s in sectors:
        assert s.label and s.description
        assert len(s.keywords) >= 20, s.id


def test_every_entity_has_a_known_kind_and_known_sectors():
    ids = {s.id for s in load_sectors()}
    entries = load_gazetteer()
    assert len(entries) >= 150
    for e in entries:
        assert e.kind in ENTITY_KINDS
        assert e.sectors and set(e.sectors) <= ids, e.name


def test_gazetteer_knows_the_named_aliases():
    by_name = {e.name: e for e in load_gazetteer()}
    assert {"Main Line-1", "ML-I", "Mainline-1", "ML 1"} <= set(by_name["ML-1"].aliases)
    assert "China-Pakistan Economic Corridor" in by_name["CPEC"].aliases
    for name in ("Gwadar Port", "Khunjerab Pass", "IMEC", "Lobito Corridor", "AUKUS", "iCET", "NPT", "FATF",
                 "Artemis Accords", "International Lunar Research Station", "Strait of Hormuz"):
        assert name in by_name


def test_actor_book_combines_pycountry_with_aliases_demonyms_and_capitals():
    book = load_actor_book()
    cases = {
        "US": "USA", "U.S.": "USA", "the United States": "USA", "America": "USA", "American": "USA",
        "South Korea": "KOR", "ROK": "KOR", "Republic of Korea": "KOR", "Russia": "RUS", "UK": "GBR",
        "Britain": "GBR", "Türkiye": "TUR", "Turkey": "TUR", "Iran": "IRN", "Vietnam": "VNM", "Laos": "LAO",
        "Chinese": "CHN", "Pakistanis": "PAK", "Beijing": "CHN", "Islamabad": "PAK", "Kyiv": "UKR",
        "New Delhi": "IND", "Pakistan’s": "PAK", "the Quad": "QUAD", "Group of Seven": "G7", "European Union": "EU",
        "Afghanistan": "AFG",  # pycountry name, no alias needed
    }
    for phrase, code in cases.items():
        assert book.lookup(phrase) == code, phrase
    assert book.lookup("us") is None  # an acronym alias only matches in capitals
    assert book.lookup("Atlantis") is None
    assert set(book.groups["QUAD"].members) == {"AUS", "IND", "JPN", "USA"}
    assert len(book.groups["G7"].members) == 7
    assert {"both sides", "two countries", "parties", "they"} <= book.collective_phrases
    assert "we" in book.first_person_plural


def test_event_map_covers_plover_and_refines_by_sector():
    events = load_event_map()
    assert len(events.plover_types) == 16
    assert events.plover_types["AGREE"] == "verbal_cooperation"
    assert events.for_category("commitment") == ("AGREE", "030")
    assert events.for_category("commitment", ["transport", "trade"]) == ("AGREE", "0311")
    assert events.for_category("commitment", ["security"]) == ("AGREE", "0312")
    assert events.for_category("commitment", ["diplomacy"]) == ("AGREE", "032")
    assert events.for_category("position.condemn") == ("ACCUSE", "111")
    assert events.for_category("position.call") == ("REQUEST", "020")
    assert events.for_category("appreciation") == ("SUPPORT", "051")
    assert events.for_category("agreement") == ("AGREE", "057")
    assert events.for_category("meeting.visit") == ("CONSULT", "042")
    assert events.for_category("position.unheard_of") == events.for_category("position")
    with pytest.raises(CodebookError, match="no mapping"):
        events.for_category("gossip")


def test_codebook_version_changes_with_the_data(data_copy: Path):
    assert codebook_version() == codebook_version(DATA)
    before = codebook_version(data_copy)
    (data_copy / "sectors.yaml").write_text((data_copy / "sectors.yaml").read_text() + "\n# note\n")
    assert codebook_version(data_copy) != before


def test_copied_data_loads(data_copy: Path):
    assert len(load_gazetteer(data_copy)) == len(load_gazetteer())


def test_invalid_yaml_is_a_codebook_error(data_copy: Path):
    (data_copy / "sectors.yaml").write_text("version: 1\nsectors: [unclosed\n")
    with pytest.raises(CodebookError, match="sectors.yaml: not valid YAML"):
        load_sectors(data_copy)


def test_missing_version_is_rejected(data_copy: Path):
    _edit(data_copy, "events.yaml", lambda d: d.pop("version"))
    with pytest.raises(CodebookError, match="events.yaml: unsupported or missing version"):
        load_event_map(data_copy)


def test_a_sector_may_claim_statement_kinds_but_only_known_ones(data_copy: Path):
    assert {s.id: s.statement_kinds for s in load_sectors()}["diplomacy"] == ("meeting",)
    _edit(data_copy, "sectors.yaml", lambda d: d["sectors"][0].update(statement_kinds=["gossip"]))
    with pytest.raises(CodebookError, match="unknown statement kinds \\['gossip'\\]"):
        load_sectors(data_copy)


def test_entity_with_unknown_sector_is_rejected(data_copy: Path):
    _edit(data_copy, "entities.yaml", lambda d: d["entities"][0].update(sectors=["railways"]))
    with pytest.raises(CodebookError, match="unknown sector ids \\['railways'\\]"):
        load_gazetteer(data_copy)


def test_entity_with_bad_kind_is_rejected(data_copy: Path):
    _edit(data_copy, "entities.yaml", lambda d: d["entities"][0].update(kind="megaproject"))
    with pytest.raises(CodebookError, match="kind 'megaproject'"):
        load_gazetteer(data_copy)


def test_alias_shared_by_two_entities_is_rejected(data_copy: Path):
    _edit(data_copy, "entities.yaml", lambda d: d["entities"][1]["aliases"].append("China Pakistan Economic Corridor"))
    with pytest.raises(CodebookError, match="belongs to both"):
        load_gazetteer(data_copy)


def test_alias_naming_two_countries_is_rejected(data_copy: Path):
    _edit(data_copy, "actors.yaml", lambda d: d["countries"]["IND"]["aliases"].append("Islamic Republic of Pakistan"))
    with pytest.raises(CodebookError, match="names both"):
        load_actor_book(data_copy)


def test_unknown_country_code_is_rejected(data_copy: Path):
    _edit(data_copy, "actors.yaml", lambda d: d["countries"].update(XXX={"aliases": ["Freedonia"]}))
    with pytest.raises(CodebookError, match="'XXX' is not an ISO 3166-1 alpha-3 code"):
        load_actor_book(data_copy)


def test_event_mapping_to_unknown_cameo_code_is_rejected(data_copy: Path):
    _edit(data_copy, "events.yaml", lambda d: d["categories"]["commitment"]["default"].update(cameo="999"))
    with pytest.raises(CodebookError, match="CAMEO code '999' is not in cameo_codes"):
        load_event_map(data_copy)


def test_missing_file_is_a_codebook_error(tmp_path: Path):
    with pytest.raises(CodebookError, match="sectors.yaml: cannot read"):
        load_sectors(tmp_path)
