"""Some members of a group named as a set (annotation guide, batch 5): "Euro Area members of the G20
will take all necessary measures" is theirs, the members of both groups (extract/actors.py)."""

import pytest


@pytest.mark.parametrize("phrase", ["Euro Area members of the G20", "the euro area members of the G20"])
def test_the_members_of_one_group_in_another_are_both_groups_members(extractor, phrase):
    assert extractor.actors.resolve(phrase, ["G20"], "G20") == ["DEU", "FRA", "ITA"]


@pytest.mark.parametrize("phrase, codes", [
    ("G20 members", ["G20"]),  # the group itself
    ("the members of the Council", []),  # no groups with members named
    ("Euro Area members of the Committee", ["EA"]),  # the second is no group with members
])
def test_a_phrase_that_names_no_two_groups_with_members_is_read_as_before(extractor, phrase, codes):
    assert extractor.actors.resolve(phrase, ["G20"], "G20") == codes


def test_a_statement_of_some_members_has_them_as_actors(extractor):
    record = extractor.extract_text("G20 Leaders' Declaration\n\nEuro Area members of the G20 will take all necessary "
                                    "policy measures to safeguard the integrity and stability of the area.")
    assert [tuple(s.actors) for s in record.statements if s.kind == "commitment"] == [("DEU", "FRA", "ITA")]
