"""Document parties of summit texts: a title opening with the sides of a meeting ("23rd Japan-EU
Summit ...") names a grouping side as it names a state side; a "Joint Press Statement" is a joint
statement; a report that no dateline or publisher marks ("other") on one grouping's meeting is
that grouping's; a long list of heads met in a lead gives all their states."""

from pathlib import Path

import pytest

PAGE = """---
title: "{title}"
date: "2015-05-29"
{publisher}---
{body}
"""

JAPAN_EU = ("The 23rd Summit between Japan and the European Union was held in Tokyo. Japan was represented by "
            "Prime Minister Shinzo Abe. The EU was represented by Donald Tusk, President of the European Council.\n\n"
            "The leaders agreed to accelerate negotiations on the Economic Partnership Agreement.")
TRADE_ROW = ("WASHINGTON, 29 May 2015 (Reuters) - The United States said on Friday it would impose tariffs on steel "
             "from the European Union. Washington said the tariffs would take effect in June.")
ECOWAS = ("Heads of State of the Economic Community of West African States (ECOWAS) ended their summit in Abuja on "
          "Monday. President John Mahama of Ghana, the chairman, said the leaders agreed to set up a standby force. "
          "The summit decided to hold the next session in Accra.")


def _parties(extractor, tmp_path: Path, title: str, body: str, publisher: bool = True) -> list[str]:
    from pledgebook.read import read_document

    path = tmp_path / "2015-05-29_text.md"
    path.write_text(PAGE.format(title=title, body=body, publisher='publisher: "Example Wire"\n' if publisher else ""),
                    encoding="utf-8")
    return extractor.extract(read_document(path)).document.parties


@pytest.mark.parametrize("title", [
    "23rd Japan-EU Summit Tokyo, 29 May 2015 Joint Press Statement",  # issued, a meeting's number first
    "23rd Japan-EU Summit held in Tokyo",  # a news headline
    "The Japan-EU Summit ends with trade pledge",
])
def test_a_titles_summit_sides_include_the_grouping(extractor, tmp_path, title):
    assert _parties(extractor, tmp_path, title, JAPAN_EU) == ["EU", "JPN"]


def test_a_joint_press_statement_is_a_joint_statement(extractor, tmp_path):
    from pledgebook.read import read_document

    path = tmp_path / "2015-05-29_text.md"
    path.write_text(PAGE.format(title="Joint Press Statement of the Annual Consultation", body=JAPAN_EU, publisher=""),
                    encoding="utf-8")
    assert extractor.extract(read_document(path)).document.kind == "joint_statement"


TRADE_PACT = ("TOKYO, 29 May 2015 (Reuters) - Japan's trade ministry said on Friday it would cut tariffs on wine. "
              "Tokyo said Japan would review the cuts in June.")


@pytest.mark.parametrize("title, body", [
    ("US-EU trade row deepens over steel tariffs", TRADE_ROW),  # a compound that is no meeting's
    ("Japan-EU ties: what the trade pact means", TRADE_PACT),
])
def test_a_compound_with_no_meeting_word_adds_no_grouping(extractor, tmp_path, title, body):
    assert "EU" not in _parties(extractor, tmp_path, title, body)


@pytest.mark.parametrize("publisher", [True, False])
def test_a_headline_on_a_groupings_summit_is_the_groupings_without_a_publisher_too(extractor, tmp_path, publisher):
    assert _parties(extractor, tmp_path, "ECOWAS leaders end summit in Abuja", ECOWAS, publisher) == ["ECOWAS"]


def test_a_headline_naming_a_state_at_a_groupings_summit_keeps_the_states(extractor, tmp_path):
    parties = _parties(extractor, tmp_path, "Ghana's Mahama hails ECOWAS summit in Abuja", ECOWAS, False)
    assert "ECOWAS" not in parties and "GHA" in parties


TWELVE = ("BRASILIA, 30 May 2023 (Reuters) - The presidents of Argentina, Bolivia, Brazil, Chile, Colombia, Ecuador, "
          "Guyana, Paraguay, Peru and Suriname, as well as Uruguay and Venezuela, met in Brasilia on Tuesday. {tail}")


def test_twelve_presidents_met_in_a_lead_are_all_the_parties(extractor, tmp_path):
    body = TWELVE.format(tail="The leaders agreed to set up a contact group to revive regional integration.")
    assert _parties(extractor, tmp_path, "South American leaders meet in Brasilia", body) == [
        "ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PER", "PRY", "SUR", "URY", "VEN"]


# -- a plain text (no title: its headline is its first sentence) -------------------------------------

PLAIN = {
    "ECOWAS": "ECOWAS leaders end summit in Abuja\n\nHeads of State of the Economic Community of West African States "
              "(ECOWAS) ended their summit in Abuja on Monday. President John Mahama of Ghana, the chairman, said the "
              "leaders agreed to set up a standby force. The summit decided to hold the next session in Accra.",
    "PIF": "Pacific Islands Forum leaders issue communique\n\nHONIARA, 12 September 2025 - Leaders of the Pacific "
           "Islands Forum met in Honiara, Solomon Islands, hosted by Prime Minister Jeremiah Manele. Australia's Prime "
           "Minister and Tonga's Prime Minister attended. Leaders agreed to strengthen the ocean of peace declaration.",
    "AU": "Continental bloc closes meeting\n\nThe heads of state and government of the African Union met in "
          "Addis Ababa, Ethiopia on Saturday. President Macky Sall of Senegal said the leaders agreed to deploy a "
          "mission to Mozambique. South Africa will host the next meeting.",
}


@pytest.mark.parametrize("group", sorted(PLAIN))
def test_the_heads_of_one_grouping_met_in_the_opening_make_it_the_party(extractor, group):
    assert extractor.extract_text(PLAIN[group]).document.parties == [group]


def test_a_plain_texts_headline_names_the_summit_sides(extractor):
    text = "23rd Japan-EU Summit Tokyo, 29 May 2015 Joint Press Statement\n\n" + JAPAN_EU
    assert extractor.extract_text(text).document.parties == ["EU", "JPN"]


def test_the_summit_between_a_state_and_a_grouping_in_the_opening_names_both(extractor):
    assert extractor.extract_text(JAPAN_EU).document.parties == ["EU", "JPN"]


@pytest.mark.parametrize("sentence", [
    "Leaders of ASEAN met in Jakarta with Chinese Premier Li Qiang on Monday.",  # a state beside the grouping
    "Foreign ministers of the G7 said on Monday they would tighten sanctions.",  # no meeting
    "The presidents of Argentina, Brazil and Uruguay met in Montevideo.",  # states, no grouping
    "Leaders of Japan and the European Union met in Tokyo.",  # a state first
])
def test_no_opening_grouping_when_a_state_is_named_or_none_met(extractor, sentence):
    from pledgebook.extract.metadata import _opening_group

    assert _opening_group((sentence,), extractor.actors, extractor.codebook.documents) == []


@pytest.mark.parametrize("sentence, sides", [
    ("The 23rd Summit between Japan and the European Union was held in Tokyo.", {"EU", "JPN"}),
    ("A meeting between the African Union and the European Union took place in Brussels.", {"AU", "EU"}),
    ("The rivalry between Japan and the European Union over trade deepened.", set()),  # no meeting
    ("The summit in Tokyo discussed the gap between Japan and the European Union.", set()),
])
def test_the_sides_of_a_meeting_between(extractor, sentence, sides):
    from pledgebook.extract.metadata import _sides_between

    assert _sides_between((sentence,), extractor.actors, extractor.codebook.documents.group_meeting) == sides


@pytest.mark.parametrize("sentence, parties", [
    ("The Leaders of the Group of Twenty met virtually on 2 April 2009 to address the crisis.", ["G20"]),  # no place
    ("Heads of State of the Economic Community of West African States (ECOWAS) ended their summit on Monday.",
     ["ECOWAS"]),
    ("The leaders of the G7 said the economy would recover.", []),  # no meeting
])
def test_the_heads_of_a_grouping_met_without_a_place(extractor, sentence, parties):
    from pledgebook.extract.metadata import _opening_group

    assert _opening_group((sentence,), extractor.actors, extractor.codebook.documents) == parties


def test_a_summit_side_with_no_voice_of_its_own_gives_its_members(extractor):
    from pledgebook.extract.metadata import _summit_sides

    sides = _summit_sides("U.S.-Nordics Summit meeting", extractor.actors, extractor.codebook.documents.group_meeting)
    assert sides == {"USA", "DNK", "FIN", "ISL", "NOR", "SWE"}
