"""The codebook loads from a directory, is consistent, and refuses broken data with a
CodebookError that names the file and the key."""

import shutil
from pathlib import Path

import pytest
import yaml

from pledgebook.codebook import BUNDLED, Codebook, CodebookError
from pledgebook.codebook.book import FILES
from pledgebook.codebook.entities import ENTITY_KINDS

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the gazetteer is large
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
REQUIRED_SECTORS = {
    "diplomacy", "core_interests", "connectivity", "transport", "ports", "energy", "climate_environment", "industry",
    "mining", "agriculture", "ict", "science_technology", "space", "trade", "investment", "finance", "security",
    "counter_terrorism", "nuclear_nonproliferation", "people_to_people", "health", "socio_economic", "humanitarian",
    "regional_affairs", "multilateralism", "governance_rule_of_law", "human_rights_democracy", "labor",
    "maritime_security",
}


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(BUNDLED / name, tmp_path / name)
    return tmp_path


def _edit(directory: Path, name: str, change) -> None:
    data = yaml.load((directory / name).read_text(encoding="utf-8"), Loader=_LOADER)
    change(data)
    (directory / name).write_text(yaml.dump(data, Dumper=_DUMPER, allow_unicode=True), encoding="utf-8")


def _refused(directory: Path, message: str) -> None:
    with pytest.raises(CodebookError, match=message):
        Codebook.load(directory)


def test_sector_taxonomy_is_complete_and_broad():
    sectors = Codebook.load().sectors
    ids = [s.id for s in sectors]
    assert REQUIRED_SECTORS <= set(ids)
    assert len(ids) == len(set(ids))
    for s in sectors:
        assert s.label and s.description
        assert len(s.keywords) >= 20, s.id


def test_every_entity_has_a_known_kind_and_known_sectors():
    book = Codebook.load()
    assert len(book.gazetteer) >= 150
    for e in book.gazetteer:
        assert e.kind in ENTITY_KINDS
        assert e.sectors and set(e.sectors) <= book.sector_ids, e.name


def test_gazetteer_knows_the_named_aliases():
    by_name = {e.name: e for e in Codebook.load().gazetteer}
    assert {"Main Line-1", "ML-I", "Mainline-1", "ML 1"} <= set(by_name["ML-1"].aliases)
    assert "China-Pakistan Economic Corridor" in by_name["CPEC"].aliases
    for name in ("Gwadar Port", "Khunjerab Pass", "IMEC", "Lobito Corridor", "AUKUS", "iCET", "NPT", "FATF",
                 "Artemis Accords", "International Lunar Research Station", "Strait of Hormuz"):
        assert name in by_name


def test_actor_book_combines_pycountry_with_aliases_demonyms_and_capitals():
    book = Codebook.load().actors
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
    events = Codebook.load().events
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


# -- one directory, read once ------------------------------------------------------------------
def test_a_copied_directory_loads_the_same_books_and_is_read_once(data_copy: Path):
    copy = Codebook.load(data_copy)
    assert copy is not Codebook.load() and copy.directory == data_copy.resolve()
    assert copy.digest == Codebook.load().digest
    assert len(copy.gazetteer) == len(Codebook.load().gazetteer)
    assert Codebook.load(str(data_copy / ".." / data_copy.name)) is copy  # cached per resolved directory


def test_the_digest_changes_with_any_file(data_copy: Path, tmp_path_factory):
    before = Codebook.load(data_copy).digest
    for name in ("time.yaml", "sectors.yaml"):
        edited = tmp_path_factory.mktemp("edited")
        for other in FILES:
            shutil.copy(data_copy / other, edited / other)
        (edited / name).write_text((edited / name).read_text(encoding="utf-8") + "\n# note\n", encoding="utf-8")
        assert Codebook.load(edited).digest != before, name


def test_missing_file_or_directory_is_a_codebook_error(data_copy: Path, tmp_path: Path):
    (data_copy / "sectors.yaml").unlink()
    _refused(data_copy, "sectors.yaml: cannot read")
    _refused(tmp_path / "nowhere", "not a codebook directory")


def test_an_unknown_yaml_file_is_refused(data_copy: Path):
    (data_copy / "linking.yaml").write_text("version: 2\n")
    _refused(data_copy, r"unknown codebook files \['linking.yaml'\]")


def test_other_files_are_ignored(data_copy: Path):
    (data_copy / "README.md").write_text("Our codebook.\n")
    assert Codebook.load(data_copy).digest == Codebook.load().digest


# -- what is refused, and how it is named ------------------------------------------------------
def test_invalid_yaml_is_a_codebook_error(data_copy: Path):
    (data_copy / "sectors.yaml").write_text("version: 1\nsectors: [unclosed\n")
    _refused(data_copy, "sectors.yaml: not valid YAML")


def test_missing_version_is_rejected(data_copy: Path):
    _edit(data_copy, "events.yaml", lambda d: d.pop("version"))
    _refused(data_copy, "events.yaml: unsupported or missing version")


@pytest.mark.parametrize(("name", "change", "message"), [
    ("triggers.yaml", lambda d: d.update(polite_verbs="like"), r"triggers.yaml: polite_verbs: Input should be a valid list \(got 'like'\)"),
    ("sectors.yaml", lambda d: d["sectors"][0].update(keywords="railway"), r"sectors.yaml: sectors\[0\].keywords: Input should be a valid list"),
    ("actors.yaml", lambda d: d["groups"]["G7"].update(members="USA"), r"actors.yaml: groups.G7.members: Input should be a valid list"),
    ("entities.yaml", lambda d: d["discovery"].update(months="May"), r"entities.yaml: discovery.months: Input should be a valid list"),
    ("leaders.yaml", lambda d: d["leaders"][0].update(names="Biden"), r"leaders.yaml: leaders\[0\].names: Input should be a valid list"),
    ("time.yaml", lambda d: d["kinds"].update(vague=r"\bsoon\b"), r"time.yaml: kinds.vague: Input should be a valid list"),
])
def test_a_string_where_a_list_belongs_is_refused(data_copy: Path, name, change, message):
    _edit(data_copy, name, change)
    _refused(data_copy, message)


@pytest.mark.parametrize(("name", "change", "message"), [
    ("entities.yaml", lambda d: d["entities"][0].update(sector=["ports"]), r"entities.yaml: entities\[0\].sector: unknown key"),
    ("triggers.yaml", lambda d: d["verbs"]["agree"].update(settles_instrumnet=True), r"triggers.yaml: verbs.agree.settles_instrumnet: unknown key"),
    ("actors.yaml", lambda d: d["countries"]["IND"].update(capital=["New Delhi"]), r"actors.yaml: countries.IND.capital: unknown key"),
    ("segment.yaml", lambda d: d.update(abbreviation="mr"), r"segment.yaml: abbreviation: unknown key"),
    ("documents.yaml", lambda d: d.pop("dateline"), r"documents.yaml: dateline: missing"),
])
def test_unknown_and_missing_keys_are_refused(data_copy: Path, name, change, message):
    _edit(data_copy, name, change)
    _refused(data_copy, message)


def test_a_bare_yaml_boolean_is_not_taken_for_a_word(data_copy: Path):
    text = (data_copy / "triggers.yaml").read_text(encoding="utf-8")
    (data_copy / "triggers.yaml").write_text(text.replace('particles: ["on", upon, for]', "particles: [on, upon, for]"))
    _refused(data_copy, r"triggers.yaml: verbs.call.particles\[0\]: Input should be a valid string \(got True\)")


def test_a_pattern_must_compile(data_copy: Path):
    _edit(data_copy, "documents.yaml", lambda d: d.update(dateline="(?P<place>[A-Z]"))
    _refused(data_copy, "documents.yaml: dateline: not a valid regular expression")


def test_a_sector_may_claim_statement_kinds_but_only_known_ones(data_copy: Path):
    assert {s.id: s.statement_kinds for s in Codebook.load().sectors}["diplomacy"] == ("meeting", "commitment.meet")
    _edit(data_copy, "sectors.yaml", lambda d: d["sectors"][0].update(statement_kinds=["gossip"]))
    _refused(data_copy, r"sectors.yaml: sectors\[0\].statement_kinds: .*unknown statement kind\(s\): \['gossip'\]")
    _edit(data_copy, "sectors.yaml", lambda d: d["sectors"][0].update(statement_kinds=["gossip.meet"]))
    _refused(data_copy, r"unknown statement kind\(s\): \['gossip.meet'\]")


def test_entity_with_unknown_sector_is_rejected(data_copy: Path):
    _edit(data_copy, "entities.yaml", lambda d: d["entities"][0].update(sectors=["railways"]))
    _refused(data_copy, "unknown sector ids \\['railways'\\]")


def test_entity_with_bad_kind_is_rejected(data_copy: Path):
    _edit(data_copy, "entities.yaml", lambda d: d["entities"][0].update(kind="megaproject"))
    _refused(data_copy, r"entities.yaml: entities\[0\].kind: Input should be 'project'.*\(got 'megaproject'\)")


def test_alias_shared_by_two_entities_is_rejected(data_copy: Path):
    _edit(data_copy, "entities.yaml", lambda d: d["entities"][1]["aliases"].append("China Pakistan Economic Corridor"))
    _refused(data_copy, "belongs to both")


def test_alias_naming_two_countries_is_rejected(data_copy: Path):
    _edit(data_copy, "actors.yaml", lambda d: d["countries"]["IND"]["aliases"].append("Islamic Republic of Pakistan"))
    _refused(data_copy, "names both")


def test_unknown_country_code_is_rejected(data_copy: Path):
    _edit(data_copy, "actors.yaml", lambda d: d["countries"].update(XXX={"aliases": ["Freedonia"]}))
    _refused(data_copy, "'XXX' is not an ISO 3166-1 alpha-3 code")


def test_a_leader_must_stand_for_a_known_actor(data_copy: Path):
    _edit(data_copy, "leaders.yaml", lambda d: d["leaders"][0].update(code="XYZ"))
    _refused(data_copy, "leaders.yaml: 'Joseph R. Biden': unknown actor code 'XYZ'")


def test_event_mapping_to_unknown_cameo_code_is_rejected(data_copy: Path):
    _edit(data_copy, "events.yaml", lambda d: d["categories"]["commitment"]["default"].update(cameo="999"))
    _refused(data_copy, "CAMEO code '999' is not in cameo_codes")


def test_an_unquoted_cameo_code_is_refused(data_copy: Path):
    _edit(data_copy, "events.yaml", lambda d: d["categories"]["commitment"]["default"].update(cameo=30))
    _refused(data_copy, r"events.yaml: categories.commitment.default.cameo: Input should be a valid string \(got 30\)")


def test_linking_yaml_is_validated_the_same_way(tmp_path: Path):
    from pledgebook.link.config import DATA_DIR, load_config

    data = yaml.safe_load((DATA_DIR / "linking.yaml").read_text(encoding="utf-8"))
    data["top_k"] = "8"
    (tmp_path / "linking.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(CodebookError, match=r"linking.yaml: top_k: Input should be a valid integer \(got '8'\)"):
        load_config(tmp_path / "linking.yaml")
