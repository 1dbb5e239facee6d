"""The speakers' own effort at an action, carried by a verb of (re)affirming (codebook
own_effort_nouns, own_effort_verbs; extract/decisions._own_effort): "confirm their joint effort to
fight X" is a moderate commitment, as a reaffirmed commitment is (guide §5); others' efforts, a
support for efforts, an effort noted or shown stay what they were. Invented texts."""

import pytest

from tests.conftest import joint_statements


def _statements(extractor, body: str):
    return [(kind, strength) for kind, strength, *_ in joint_statements(extractor, body)]


@pytest.mark.parametrize("sentence", [
    "Kenya and Norway confirm their joint effort to combat illegal fishing on Lake Victoria.",
    "We reaffirm our continued efforts to expand grid interconnection between our regions.",
    "The two leaders reiterated their efforts to double bilateral trade by 2030.",
])
def test_the_speakers_own_effort_reaffirmed_is_a_moderate_commitment(extractor, sentence):
    assert ("commitment", "moderate") in _statements(extractor, sentence)


@pytest.mark.parametrize("sentence", [
    "The leaders noted the efforts of the African Union to mediate the conflict.",
    "We reaffirm the efforts of the Secretary-General to mediate the conflict.",
    "These reforms confirm our efforts to modernise the fisheries sector.",
    "The leaders noted their efforts to modernise the fisheries sector.",
])
def test_others_efforts_or_efforts_noted_are_no_commitment(extractor, sentence):
    assert not any(kind == "commitment" for kind, _ in _statements(extractor, sentence))
