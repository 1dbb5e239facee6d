"""A vote to come that a party organises is its undertaking (extract/votes.py), as a meeting to
come is: "Mongolia will hold presidential elections", "a referendum will be held in Mongolia".
Invented UN-speech sentences."""

import pytest

from pledgebook.read import read_document


def _statements(extractor, tmp_path, text: str):
    path = tmp_path / "MNG_78_2023.txt"
    path.write_text(text, encoding="utf-8")
    return extractor.extract(read_document(path)).statements


@pytest.mark.parametrize("sentence, actors", [
    ("In March, Mongolia will hold presidential elections, followed by local elections in the autumn.", ["MNG"]),
    ("We will organize a referendum on the new constitution next year.", ["MNG"]),
    ("A constitutional referendum will be held in Mongolia next year.", ["MNG"]),
    ("Parliamentary elections will be held in Kenya in August.", ["KEN"]),
])
def test_a_vote_to_come_is_a_firm_commitment_of_who_holds_it(extractor, tmp_path, sentence, actors):
    found = [(s.kind, s.strength, s.actors, s.rule) for s in _statements(extractor, tmp_path, sentence)]
    assert found == [("commitment", "firm", actors, "vote_to_hold")]


@pytest.mark.parametrize("sentence", [
    "Mongolia held free and fair presidential elections in March.",  # a vote held: a fact told
    "We will not hold early elections.",  # negated
    "Elections will be held over the coming months.",  # no one named who holds them
])
def test_no_vote_to_hold(extractor, tmp_path, sentence):
    assert [s for s in _statements(extractor, tmp_path, sentence) if s.kind == "commitment"] == []
