"""News-writing habits do not hide the undertakings a report states. Invented sentences only."""

import pytest


def _statements(extractor, text: str):
    return [(s.kind, s.actors, " ".join(s.text.split())) for s in extractor.extract_text(text).statements]


def _commitments(extractor, text: str):
    return [(actors, words) for kind, actors, words in _statements(extractor, text) if kind == "commitment"]


# -- attribution tails and lead-ins -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Chile and Peru agreed to build a ferry terminal at Arica, officials maintained.",
    "Chile and Peru agreed to build a ferry terminal at Arica, sources said on Monday.",
    "Chile and Peru agreed to build a ferry terminal at Arica, it was learnt.",
    "Chile and Peru agreed to build a ferry terminal at Arica, the Bolivian ministry said in a statement.",
    "According to the Bolivian embassy, Chile and Peru agreed to build a ferry terminal at Arica.",
])
def test_an_attributed_report_gives_the_reported_undertaking_with_its_own_actors(extractor, text):
    found = _commitments(extractor, text)
    assert found == [(["CHL", "PER"], "Chile and Peru agreed to build a ferry terminal at Arica")]


def test_a_tail_that_is_no_attribution_stays_part_of_the_sentence(extractor):
    # "the statement added" is not an actor's undertaking, and the clause before it is one
    found = _commitments(extractor, "The two sides will expand the port at Arica and open a new terminal, the statement added.")
    assert [words for _, words in found] == ["The two sides will expand the port at Arica", "open a new terminal"]


def test_a_reported_passive_undertaking_is_the_parties_own(extractor):
    text = "Chile and Peru held talks in Lima. The ferry terminal will be completed by 2027, officials said."
    assert (["CHL", "PER"], "The ferry terminal will be completed by 2027") in _commitments(extractor, text)
