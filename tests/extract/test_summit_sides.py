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


@pytest.mark.parametrize("title, expected", [
    ("US-EU trade row deepens over steel tariffs", ["USA"]),  # a compound that is no meeting's
    ("Japan-EU ties: what the trade pact means", ["JPN"]),
])
def test_a_compound_with_no_meeting_word_adds_no_grouping(extractor, tmp_path, title, expected):
    assert _parties(extractor, tmp_path, title, TRADE_ROW if "US" in title else JAPAN_EU) == expected


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
