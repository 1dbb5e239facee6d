"""An intent riding on a statement of a past act ("signed the treaty, with the intention of
ratifying it") is the subject's own undertaking (extract/intent_riders.py). Invented sentences."""

import pytest

from pledgebook.read import read_text


def _statements(extractor, text: str):
    return extractor.extract(read_text(text, source="MNG_78_2023.txt")).statements


@pytest.mark.parametrize("sentence, strength", [
    ("Last week I joined other leaders in signing the fisheries treaty, with the intention of ratifying it soon.",
     "moderate"),
    ("Norway and Kenya adopted the roadmap with the intent to expand trade in services by 2027.", "moderate"),
    ("We signed the accord with the desire to deepen our ties with the region.", "soft"),
])
def test_an_intent_rider_is_an_undertaking_of_the_clause_subject(extractor, sentence, strength):
    riders = [s for s in _statements(extractor, sentence) if s.rule == "intent_rider"]
    assert [(s.kind, s.strength) for s in riders] == [("commitment", strength)]
    assert riders[0].text.startswith("with the ")


def test_the_rider_is_cut_out_of_the_past_act(extractor):
    found = _statements(extractor, "We signed the fisheries treaty last week, with the intention of ratifying it.")
    assert [(s.kind, s.text) for s in found] == [
        ("agreement", "We signed the fisheries treaty last week"),
        ("commitment", "with the intention of ratifying it")]


@pytest.mark.parametrize("sentence", [
    "We signed the fisheries treaty with great satisfaction.",  # no aim noun
    "Norway welcomed the plan with the intention of the parties.",  # the aim governs no action
])
def test_no_intent_rider(extractor, sentence):
    assert [s for s in _statements(extractor, sentence) if s.rule == "intent_rider"] == []
