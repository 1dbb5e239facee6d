"""News names who acts by common nouns: a company, contractor or investor undertakes for its side,
and an intention ("wants to build") is a soft undertaking. Invented sentences only."""

import pytest


def _commitments(extractor, text: str):
    return [(s.actors, s.strength, " ".join(s.text.split())) for s in extractor.extract_text(text).statements
            if s.kind == "commitment"]


LEAD = "Chile and Peru signed a ferry deal in Lima on Monday. "


@pytest.mark.parametrize("sentence, words", [
    ("The Peruvian firm will hold a 60 per cent stake in the ferry terminal.",
     "The Peruvian firm will hold a 60 per cent stake in the ferry terminal"),
    ("The contractor will complete the Arica ferry terminal by 2028.",
     "The contractor will complete the Arica ferry terminal by 2028"),
    ("The company will operate the terminal for 35 years, officials said.",
     "The company will operate the terminal for 35 years"),
])
def test_a_company_subject_undertakes_for_its_side(extractor, sentence, words):
    assert [w for _, _, w in _commitments(extractor, LEAD + sentence)] == [words]


def test_a_company_named_by_its_country_takes_that_country(extractor):
    found = _commitments(extractor, LEAD + "The Peruvian firm will hold a 60 per cent stake in the ferry terminal.")
    assert found[0][0] == ["PER"]


@pytest.mark.parametrize("sentence", [
    "The company reported a loss last year.",
    "The firm's shares will rise after the deal.",  # the subject is shares, not the firm
    "The investors met the minister on Monday.",
])
def test_a_company_that_undertakes_nothing_makes_no_commitment(extractor, sentence):
    assert _commitments(extractor, LEAD + sentence) == []


@pytest.mark.parametrize("sentence, words", [
    ("The chief executive said the company wanted to make Arica the gateway to the Pacific.",
     "the company wanted to make Arica the gateway to the Pacific"),
    ("Peruvian investors want to put their money into the Arica ferry terminal.",
     "Peruvian investors want to put their money into the Arica ferry terminal"),
])
def test_an_intention_to_act_is_a_soft_undertaking(extractor, sentence, words):
    found = _commitments(extractor, LEAD + sentence)
    assert len(found) == 1 and found[0][1] == "soft" and words in found[0][2]


@pytest.mark.parametrize("sentence", [
    "We wanted to sit with Peru to discuss all issues.",  # a past wish told in narration
    "We want to see a permanent ferry service.",  # a wish to perceive, no act
    "Peru wanted a bigger share, but Chile refused.",  # no action
])
def test_a_wish_that_undertakes_nothing_is_no_commitment(extractor, sentence):
    assert _commitments(extractor, LEAD + sentence) == []
