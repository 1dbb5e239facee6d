"""A bare number standing for the parties a report has named ("The two also pledged to ...",
"all three agreed to ...") is a subject that can be a party, as "both" is; a number that heads a
noun or an "of" phrase ("two of the projects", "the two agreements") or is the subject of a passive
("the two were signed") is not."""

import pytest

from tests.conftest import news_statements

TITLE, DATE = "Kenya, Norway leaders hold talks in Nairobi", "2024-05-13"
LEAD = "Kenyan President William Ruto and Norwegian Prime Minister Jonas Gahr Store held talks in Nairobi on Monday."


def _commitments(extractor, sentence: str) -> list[tuple[str, list[str]]]:
    return [(" ".join(s.text.split()), s.actors)
            for s in news_statements(extractor, TITLE, DATE, LEAD, sentence) if s.kind == "commitment"]


@pytest.mark.parametrize("sentence", [
    "The two also pledged to build a new ferry terminal at Kisumu.",
    "The two agreed to set up a joint commission on fisheries.",
    "The two vowed to double bilateral trade within five years.",
])
def test_the_two_as_subject_speaks_for_both_parties(extractor, sentence):
    found = _commitments(extractor, sentence)
    assert [actors for _, actors in found] == [["KEN", "NOR"]]
    assert found[0][0].startswith("The two")


@pytest.mark.parametrize("sentence", [
    "Two of the projects will be completed next year.",
    "The two agreements were signed in the presence of the leaders.",
    "The two were signed in the presence of the leaders.",
])
def test_a_number_of_things_is_no_party(extractor, sentence):
    assert _commitments(extractor, sentence) == []
