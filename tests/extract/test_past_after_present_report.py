"""A subjectless past verb after "and" that the parser hangs on the present-tense verb of a
that-clause the past main verb reports ("agreed that trade is the key to growth and urged X") is the
main verb's second verb, a statement of its own; and a call on the speakers' own agents ("urged their
business sectors to X", "called on their companies to Y") is their commitment (annotation guide §2,
calls and encouragement), a call on others ("urged the international community to X") a position."""

import pytest

from tests.conftest import news_statements

TITLE, DATE = "Kenya, Norway leaders hold talks in Nairobi", "2024-05-13"
LEAD = "Kenyan President William Ruto and Norwegian Prime Minister Jonas Gahr Store held talks in Nairobi on Monday."


def _statements(extractor, sentence: str) -> list[tuple[str, str]]:
    return [(s.kind, " ".join(s.text.split()))
            for s in news_statements(extractor, TITLE, DATE, LEAD, sentence) if s.kind != "meeting"]


@pytest.mark.parametrize(("sentence", "second"), [
    ("The two leaders agreed that trade is the key to growth and urged their business sectors to work more closely together.",
     ("commitment", "urged their business sectors to work more closely together")),
    ("The two leaders agreed that the region is at a turning point and called for an end to the blockade.",
     ("position", "called for an end to the blockade")),
])
def test_the_past_verb_is_the_main_verbs_second_statement(extractor, sentence, second):
    found = _statements(extractor, sentence)
    assert second in found
    assert found[0][1].startswith("The two leaders agreed that")


@pytest.mark.parametrize("sentence", [
    "The two leaders urged their companies to invest in the lake region.",
    "The two leaders called on their private sectors to explore joint ventures in fisheries.",
])
def test_a_call_on_own_agents_is_a_commitment(extractor, sentence):
    assert [kind for kind, _ in _statements(extractor, sentence)] == ["commitment"]


@pytest.mark.parametrize("sentence", [
    "The two leaders urged the international community to support the peace process.",
    "The two leaders urged development partners to invest in the lake region.",
])
def test_a_call_on_others_stays_a_position(extractor, sentence):
    assert [kind for kind, _ in _statements(extractor, sentence)] == ["position"]
