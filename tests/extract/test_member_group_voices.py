"""Regional groups with no voice of their own in the codebook (annotation guide §10 session 14:
groups the codebook lacks keep member codes; session 15 added IGAD, SADC, the CPLP, the
Organization of Turkic States, the Visegrad Group and the Arctic Council as groups that speak as
their members): their texts' parties are the members on the text's date, "We, the Ministers
representing the eight Arctic States" opens a text in their voice, the group's call on its own
member states is its undertaking (§2, session 13), and the group's name stays an entity.
Invented sentences."""

import pytest

from pledgebook.codebook import Codebook
from pledgebook.read.base import RawDocument

BOOK = Codebook.load().actors
SADC = ["AGO", "BWA", "COD", "COM", "LSO", "MDG", "MOZ", "MUS", "MWI", "NAM", "SWZ", "SYC", "TZA", "ZAF", "ZMB", "ZWE"]
ARCTIC = ["CAN", "DNK", "FIN", "ISL", "NOR", "RUS", "SWE", "USA"]


@pytest.mark.parametrize("name, date, members", [
    ("Intergovernmental Authority on Development", "2009-06-01", ["DJI", "ETH", "KEN", "SDN", "SOM", "UGA"]),
    ("IGAD", "2016-08-13", ["DJI", "ETH", "KEN", "SDN", "SOM", "SSD", "UGA"]),  # South Sudan from 2011
    ("IGAD", "2024-01-10", ["DJI", "ERI", "ETH", "KEN", "SDN", "SOM", "SSD", "UGA"]),  # Eritrea back in 2023
    ("SADC", "2016-08-17", [c for c in SADC if c != "COM"]),  # the Comoros from 2017
    ("Southern African Development Community", "2024-08-17", SADC),
    ("CPLP", "2012-07-20", ["AGO", "BRA", "CPV", "GNB", "MOZ", "PRT", "STP", "TLS"]),  # Equatorial Guinea from 2014
    ("Community of Portuguese Language Countries", "2018-07-18",
     ["AGO", "BRA", "CPV", "GNB", "GNQ", "MOZ", "PRT", "STP", "TLS"]),
    ("Turkic Council", "2015-09-11", ["AZE", "KAZ", "KGZ", "TUR"]),  # Uzbekistan from 2019
    ("Organization of Turkic States", "2022-11-11", ["AZE", "KAZ", "KGZ", "TUR", "UZB"]),
    ("Visegrád Group", None, ["CZE", "HUN", "POL", "SVK"]),
    ("Arctic Council", None, ARCTIC),
])
def test_a_member_voiced_group_is_its_members_on_the_date(name, date, members):
    assert BOOK.as_parties(BOOK.lookup(name), date) == members


def test_the_group_of_77_and_china_is_the_g77_not_china():
    assert BOOK.lookup("Group of 77 and China") == "G77"


ARCTIC_TEXT = ("We, the Ministers representing the eight Arctic States, met in Tromsø on 12 May 2031. "
               "We instruct the Senior Arctic Officials to prepare a shipping safety plan by 2033. "
               "Reaffirming our commitment to the Arctic Council, we welcome Norway's offer to host the next meeting.")


def test_ministers_representing_the_groups_states_speak_as_its_members(extractor):
    record = extractor.extract_text(ARCTIC_TEXT)
    assert record.document.parties == ARCTIC
    instructed = next(s for s in record.statements if "instruct the Senior" in s.text)
    assert (instructed.kind, instructed.strength, instructed.actors) == ("commitment", "firm", ARCTIC)
    assert "Arctic Council" in [e.name for s in record.statements for e in s.entities]  # still an institution


def test_ministers_representing_no_group_name_no_group(extractor):
    text = ("We, the Ministers representing the coastal provinces, met in Tromsø on 12 May 2031. "
            "We instruct the officials to prepare a shipping safety plan by 2033.")
    assert extractor.extract_text(text).document.parties != ARCTIC


def _dated(extractor, text: str, date: str):
    """``text`` as a document of ``date`` (the file name dates it)."""
    return extractor.extract(RawDocument(source=f"{date}_summit.txt", text=text))


SADC_OPENING = "We, the Heads of State and Government of the Southern African Development Community, "


@pytest.mark.parametrize("call", ["urge Member States to ratify the Protocol on Fisheries by 2030.",
                                  "call on Member States to contribute artefacts to the regional liberation museum."])
def test_a_member_voiced_group_calling_on_its_member_states_undertakes_it(extractor, call):
    record = _dated(extractor, SADC_OPENING + call, "2024-08-17")
    assert [(s.kind, s.strength, s.actors, s.rule) for s in record.statements] == \
        [("commitment", "firm", SADC, "own_members_called")]


@pytest.mark.parametrize("call", ["urge the international community to fund the Protocol on Fisheries.",
                                  "urge all UN Member States to implement the arms embargo."])
def test_its_call_on_others_stays_a_call(extractor, call):
    record = _dated(extractor, SADC_OPENING + call, "2024-08-17")
    assert [s.kind for s in record.statements] == ["position"]


def test_two_states_calling_on_member_states_make_a_call(extractor):
    record = extractor.extract_text("Kenya and Ghana urged Member States to ratify the Protocol on Fisheries.")
    assert [s.kind for s in record.statements] == ["position"]
