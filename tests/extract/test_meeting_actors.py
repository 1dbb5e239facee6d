"""A meeting's actors are all who meet (annotation guide §4): the subject's and those it meets
"with" (or meets by name) when they resolve to a party of the document, by name or through a
leader (extract/meetings.counterparts, pipeline._with_counterparts). Invented sentences."""

import pytest

HEADER = "Joint Statement of Norway and Kenya\n\nOslo, March 3, 2025\n\n"


def _found(extractor, text: str) -> list[tuple[str, list[str]]]:
    # (a second sentence names Kenya, so the parties are Kenya and Norway whatever the first names)
    record = extractor.extract_text(HEADER + text + " Kenya will host the next round of talks in Mombasa in 2026.")
    assert record.document.parties == ["KEN", "NOR"]
    return [(s.kind, s.actors) for s in record.statements if s.kind != "commitment"]


@pytest.mark.parametrize("sentence", [
    "Norway met with Kenya in Oslo on Monday to review the fisheries accord.",
    "The Prime Minister of Norway held talks with the President of Kenya on Monday.",
    "The Norwegian Prime Minister met President Ruto of Kenya on the sidelines of the summit.",
    "Norway discussed fisheries with Kenya in Oslo on Monday.",
])
def test_the_side_met_is_an_actor_of_the_meeting(extractor, sentence):
    assert ("KEN", "NOR") == tuple(_found(extractor, sentence)[0][1])


@pytest.mark.parametrize("sentence", [
    "Norway met with representatives of the fishing industry in Oslo on Monday.",  # no party
    "Norway met with the Secretary-General of the United Nations in Oslo on Monday.",  # not a party of the text
    "Norway held talks with the European Commission on fisheries in Oslo on Monday.",  # not a party of the text
])
def test_no_party_met_leaves_the_subject_alone(extractor, sentence):
    assert all(actors == ["NOR"] for _, actors in _found(extractor, sentence))


def test_a_pronoun_after_the_meeting_is_the_subject_not_both(extractor):
    found = _found(extractor, "The Prime Minister of Norway met with the President of Kenya on Monday. "
                              "He also reaffirmed Norway's support for the ocean treaty.")
    assert found[0] == ("meeting", ["KEN", "NOR"])
    assert found[1][1] == ["NOR"]
