"""Heads the extractor did not read (recall14b): subjects named by a noun of office ("the two heads of
state agreed"), and the other classes of this file's tests. Invented sentences, both ways."""

import pytest

from tests.conftest import commitment_texts, speech_statements, titled_statements

TITLE = "Joint Statement of Kenya and Ghana"


def _statements(extractor, sentence: str):
    return [(s.kind, s.strength, " ".join(s.text.split())) for s in titled_statements(extractor, sentence, TITLE)]


def _commitments(extractor, sentence: str) -> list[str]:
    return commitment_texts(titled_statements(extractor, sentence, TITLE))


@pytest.mark.parametrize("sentence", [
    "The two heads of state agreed to open a consulate in Mombasa.",
    "Both heads of government agreed to resume direct flights between Accra and Nairobi.",
    "The heads of delegation will meet again in May.",
])
def test_heads_of_state_or_government_are_the_parties_speakers(extractor, sentence):
    assert len(_commitments(extractor, sentence)) == 1


@pytest.mark.parametrize("sentence", [
    "The head of the agency will review the plan next year.",
    "The heads of the two companies will sign a supply contract.",
])
def test_a_head_of_another_body_is_no_party(extractor, sentence):
    assert _commitments(extractor, sentence) == []


@pytest.mark.parametrize("sentence", [
    "The two leaders agreed to speak again when opportunity allowed.",
    "The ministers will talk again next month.",
    "They agreed to speak again in the coming days.",
])
def test_a_call_repeated_is_a_meeting_to_come_undertaken(extractor, sentence):
    assert [(k, s) for k, s, _t in _statements(extractor, sentence)] == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "The two leaders spoke again on Monday.",
    "The President will speak with the Prime Minister on Tuesday.",
])
def test_a_call_held_or_not_repeated_stays_a_meeting(extractor, sentence):
    assert [k for k, _s, _t in _statements(extractor, sentence)] == ["meeting"]


def _speech(extractor, tmp_path, text):
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, text, speaker="PRT")]


@pytest.mark.parametrize("sentence", [
    "We are therefore candidates to the Security Council for the term 2031 to 2032.",
    "Portugal is a candidate for the Human Rights Council in next year's elections.",
    "My country is a candidate for a non-permanent seat on the Security Council.",
])
def test_the_speaker_said_to_be_a_candidate_presents_its_candidacy(extractor, tmp_path, sentence):
    assert _speech(extractor, tmp_path, sentence) == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "There are many candidates for the post of Secretary-General.",
    "They are worthy candidates for permanent membership in the Council.",
    "We are good candidates to lead the transition.",
])
def test_others_or_no_body_named_are_no_candidacy(extractor, tmp_path, sentence):
    assert ("commitment", "firm") not in _speech(extractor, tmp_path, sentence)


@pytest.mark.parametrize("sentence, second, strength", [
    ("We reaffirm our joint commitment to regional energy security and to accelerating the transition to clean energy.",
     "to accelerating the transition to clean energy", "moderate"),
    ("The two sides are committed to the rule of law and to strengthening the electoral commission.",
     "to strengthening the electoral commission", "firm"),
    ("The leaders expressed their support for the ceasefire and for rebuilding the port of Mombasa.",
     "for rebuilding the port of Mombasa", "soft"),
])
def test_an_action_after_a_repeated_preposition_is_its_own_commitment(extractor, sentence, second, strength):
    found = _statements(extractor, sentence)
    assert len(found) == 2 and found[1] == ("commitment", strength, second)


@pytest.mark.parametrize("sentence", [
    "We reaffirm our commitment to multilateralism and to the United Nations.",
    "We are committed to peace and to working together.",
    "The two sides remain committed to the people of Sudan and to supporting its sovereignty.",
    "We are deeply committed to the values of democracy and to fostering peace and security.",
])
def test_no_action_with_an_object_after_the_repeated_preposition_stays_one(extractor, sentence):
    assert len(_statements(extractor, sentence)) == 1


def test_gerund_items_after_semicolons_under_a_preposition_of_the_action(extractor):
    sentence = ("We will work together on the protection and sustainable management of the coastal fisheries of the Gulf; "
                "expanding the port of Tema, including by supporting the dredging of its northern channel; "
                "and promoting maritime security, including by training coast guard crews in both countries.")
    found = _commitments(extractor, sentence)
    assert len(found) == 3
    assert found[1].startswith("expanding the port of Tema") and found[2].startswith("promoting maritime security")


def test_noun_items_after_semicolons_stay_one(extractor):
    sentence = ("We will work together on the protection and sustainable management of the coastal fisheries of the Gulf; "
                "the expansion of the port of Tema, including the dredging of its northern channel; "
                "and maritime security, including the training of coast guard crews in both countries.")
    assert len(_commitments(extractor, sentence)) == 1


def test_a_verb_after_a_relative_clause_is_the_main_verbs_second_verb(extractor):
    sentence = ("The ministers welcomed the successful conclusion of the Programme for the Digital Integration of the "
                "Andean Community, the implementation of which led to notable gains in the volume of regional trade, "
                "and reiterated their commitment to remove non-tariff barriers within the bloc.")
    assert _commitments(extractor, sentence) == ["reiterated their commitment to remove non-tariff barriers within the bloc"]


def test_a_relative_clause_keeps_its_own_second_verb(extractor):
    sentence = "The two sides welcomed the new port, which created many jobs and reduced shipping costs."
    assert _commitments(extractor, sentence) == []


@pytest.mark.parametrize("sentence", [
    "Today, we launch discussions to orient our future negotiations on a regional customs union.",
    "The leaders launched negotiations on a free trade agreement.",
])
def test_a_process_launched_now_is_a_firm_commitment(extractor, sentence):
    assert [(k, s) for k, s, _t in _statements(extractor, sentence)] == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "We launched negotiations on a free trade agreement in 2019.",
    "The leaders have launched consultations on the reform of the customs code.",
])
def test_a_process_launched_in_the_past_is_no_new_commitment(extractor, sentence):
    assert _commitments(extractor, sentence) == []
