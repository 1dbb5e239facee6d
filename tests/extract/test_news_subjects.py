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
    "Peru wants Chile to guarantee the ferry loan.",  # another's act: a demand
    "Peru no longer wants to build the ferry terminal.",  # denied
    "Peru does not want to build the ferry terminal.",
    "I want to speak about the ferry terminal today.",  # a manner of speaking
])
def test_a_wish_that_undertakes_nothing_is_no_commitment(extractor, sentence):
    assert _commitments(extractor, LEAD + sentence) == []


# -- a reported "would" with a time to come -------------------------------------------------------
def _dated_commitments(extractor, tmp_path, body: str):
    from pledgebook.read import read_document
    path = tmp_path / "report.md"
    path.write_text(f"---\ntitle: Ferry report\ndate: '2020-03-02'\n---\n\n{LEAD}\n\n{body}\n", encoding="utf-8")
    record = extractor.extract(read_document(str(path)))
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


@pytest.mark.parametrize("body, words", [
    ("The minister told his counterpart that the second phase of the terminal would be completed in June next year.",
     "the second phase of the terminal would be completed in June next year"),
    ("The minister said the Arica ferry terminal would be finished by 2022.",
     "the Arica ferry terminal would be finished by 2022"),
    ("The Arica ferry terminal would be opened by the end of next year, officials said.",
     "The Arica ferry terminal would be opened by the end of next year"),
])
def test_a_reported_would_with_a_time_to_come_is_an_undertaking(extractor, tmp_path, body, words):
    assert any(words in found for found in _dated_commitments(extractor, tmp_path, body))


@pytest.mark.parametrize("body", [
    "The minister said the Arica ferry terminal would be finished.",  # no time: may be a condition
    "The minister said an attack on the terminal would invoke the treaty.",
    "The minister said the Arica ferry terminal would be finished in 2015.",  # a past date: a report
    "The minister said the terminal would have been finished by 2021 without the floods.",  # counterfactual
])
def test_a_reported_would_without_a_time_to_come_is_no_undertaking(extractor, tmp_path, body):
    assert all("terminal" not in found for found in _dated_commitments(extractor, tmp_path, body))


# -- "It is my hope that ..." -------------------------------------------------------------------------
def _kinds(extractor, text: str):
    return [(s.kind, s.strength, s.rule) for s in extractor.extract_text(LEAD + text).statements
            if "ferry deal" not in s.text]


def test_a_hope_that_another_acts_is_a_stance(extractor):
    text = "“It is therefore my hope that your commitment to the ferry, which has been clear, will go all the way.”"
    assert _kinds(extractor, text) == [("position", None, "fallback_without_action")]


@pytest.mark.parametrize("text, strength", [
    ("It is our hope that we will finish the ferry terminal by 2027.", "soft"),
    ("It is our intention that we will open the ferry terminal by 2027.", "moderate"),
])
def test_a_hope_for_ones_own_act_is_a_soft_undertaking(extractor, text, strength):
    assert _kinds(extractor, text) == [("commitment", strength, "stated_aim")]


@pytest.mark.parametrize("text", [
    "It is my belief that the terminal will be built.",  # a belief is no aim
    "It is a hope that many share.",  # no one's hope, no clause hoped for
])
def test_it_is_without_a_possessed_aim_and_its_clause_is_nothing(extractor, text):
    assert _kinds(extractor, text) == []


@pytest.mark.parametrize("sentence, kind", [
    ("I want to thank our contractors for their speed.", "appreciation"),  # "want" passes on the thanks
    ("We want to reaffirm our respect for international law.", "position"),
])
def test_want_before_a_stance_or_thanks_takes_its_kind(extractor, sentence, kind):
    assert [k for k, _, _ in _kinds(extractor, sentence)] == [kind]
