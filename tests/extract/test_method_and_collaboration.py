"""The commitment/position line by the object (annotation guide §2, §5), continued: a way of acting
(codebook method_nouns, "approach") committed to with its purpose named is a plan, a commitment;
with none it is a principle, a position (grammar._method_purpose). Invented sentences."""

import pytest

from tests.conftest import speech_statements


def _kinds(extractor, tmp_path, text: str):
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence, expected", [
    ("We are committed to a whole-of-society approach to end tuberculosis by 2030.", [("commitment", "firm")]),
    ("We remain committed to a joint approach to tackling marine litter in the Baltic.", [("commitment", "moderate")]),
    ("The ministers reaffirmed their commitment to a regional approach to curb wildlife trafficking.",
     [("commitment", "moderate")]),
])
def test_an_approach_with_its_purpose_is_a_plan(extractor, tmp_path, sentence, expected):
    assert _kinds(extractor, tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "We are committed to a multilateral approach.",
    "The ministers reaffirmed their commitment to an approach that respects human rights.",
    "We are committed to an approach to fisheries that is led by coastal communities.",
])
def test_an_approach_with_no_purpose_is_a_principle(extractor, tmp_path, sentence):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == ["position"]


# "keep" + a gerund reads as "continue to" (codebook aspectual_gerund_verbs): a stance kept up under
# "will" is the stance (rhetoric.voiced_stance), an act kept up an undertaking
@pytest.mark.parametrize("sentence, expected", [
    ("We will keep advocating for the rights of landlocked states.", [("position", None)]),
    ("Uruguay will keep standing with the people of Haiti.", [("position", None)]),
    ("We will keep investing in solar power in the Sahel.", [("commitment", "firm")]),
    ("We will keep our promises to the farmers of the delta.", [("commitment", "firm")]),
])
def test_keep_with_a_gerund_reads_as_continue(extractor, tmp_path, sentence, expected):
    assert _kinds(extractor, tmp_path, sentence) == expected


def test_a_perception_kept_up_is_no_undertaking(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "We keep hearing calls for the island to give up its fishing grounds.") == []
