"""What a speech's rhetoric states that a trigger would over-read (extract/rhetoric.py): denied
triggers, attempts told of others, solidarity, things as subjects, same-day meetings, bodies
hosted, manners with no target, purposes of the verb's own object. Invented UN-speech sentences."""

import pytest

from tests.conftest import speech_statements


def _commitments(extractor, tmp_path, text: str):
    return [s for s in speech_statements(extractor, tmp_path, text) if s.kind == "commitment"]


@pytest.mark.parametrize("sentence", [
    "We do not seek to dominate the region or its markets.",
    "Mongolia has never tried to impose its model of development on its neighbours.",
    "We are not ready to accept a settlement imposed from outside.",
])
def test_a_denied_trigger_undertakes_nothing(extractor, tmp_path, sentence):
    assert _commitments(extractor, tmp_path, sentence) == []


@pytest.mark.parametrize("sentence", [
    "We will not allow the illegal trade in wildlife to continue on our territory.",  # the modal binds
    "We seek to double the area of protected rangelands by 2030.",
    "We are trying to reach an agreement on water sharing with our neighbours this year.",  # its own auxiliary
])
def test_an_undertaking_that_is_not_denied_stays_one(extractor, tmp_path, sentence):
    assert len(_commitments(extractor, tmp_path, sentence)) == 1


@pytest.mark.parametrize("sentence", [
    "Belarus is spreading falsehoods, trying to shift the blame for the famine onto the aid agencies.",
    "The smugglers cross the border every night, attempting to avoid the new customs posts.",
])
def test_an_attempt_told_as_a_participle_is_no_undertaking(extractor, tmp_path, sentence):
    assert _commitments(extractor, tmp_path, sentence) == []


@pytest.mark.parametrize("sentence", [
    "We continue to stand with the people of the Sahel as they face drought and conflict.",
    "Mongolia continues to stand by its neighbours in their hour of need.",
])
def test_solidarity_with_a_party_is_a_position(extractor, tmp_path, sentence):
    found = speech_statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.rule) for s in found] == [("position", "principle_upheld")]


def test_continued_support_for_an_action_stays_an_undertaking(extractor, tmp_path):
    found = _commitments(extractor, tmp_path, "We continue to support the rebuilding of schools in the flooded provinces.")
    assert len(found) == 1


@pytest.mark.parametrize("sentence", [
    "Anything short of a binding treaty will continue to undermine the credibility of this Organization.",
    "The Council must act in these situations, as doing so would only strengthen its legitimacy.",
])
def test_a_thing_as_subject_undertakes_nothing(extractor, tmp_path, sentence):
    assert _commitments(extractor, tmp_path, sentence) == []


def test_a_party_after_a_subordinated_clause_still_undertakes(extractor, tmp_path):
    found = _commitments(extractor, tmp_path, "Mongolia will ratify the convention this year, as it has promised its partners.")
    assert [tuple(s.actors) for s in found] == [("MNG",)]


@pytest.mark.parametrize("sentence", [
    "Later today, I will host the pledging conference of the fund for rangeland restoration.",
    "This afternoon, we will convene a meeting of the landlocked developing countries.",
])
def test_a_meeting_later_the_same_day_is_a_meeting(extractor, tmp_path, sentence):
    assert [s.kind for s in speech_statements(extractor, tmp_path, sentence)] == ["meeting"]


def test_a_meeting_on_a_later_day_stays_a_commitment(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "Next year, we will host the pledging conference of the fund for rangeland restoration.")
    assert [(s.kind, s.strength) for s in found] == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "We will be hosting the regional Climate Data Centre, a programme of the World Meteorological Organization.",
    "Mongolia will host the secretariat of the new convention on rangelands.",
])
def test_hosting_a_body_is_an_undertaking_not_a_meeting(extractor, tmp_path, sentence):
    found = speech_statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.strength) for s in found] == [("commitment", "firm")]


def test_hosting_a_person_is_still_a_visit(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "We will host the President of Kenya in Ulaanbaatar.")
    assert all(s.kind != "commitment" for s in found)


def test_a_manner_with_no_target_is_one_undertaking_with_the_action(extractor, tmp_path):
    text = "I am pleased to announce that Mongolia will lead by example and contribute $20 million to the adaptation fund."
    found = _commitments(extractor, tmp_path, text)
    assert len(found) == 1
    assert "lead by example and contribute $20 million" in found[0].text


def test_two_actions_with_their_own_targets_stay_two(extractor, tmp_path):
    text = "Mongolia will expand its solar capacity and contribute $20 million to the adaptation fund."
    assert len(_commitments(extractor, tmp_path, text)) == 2


def test_the_purposes_of_the_verbs_own_object_stay_inside_its_undertaking(extractor, tmp_path):
    text = "We support a regionally led mediation process to end the fighting and restore services for all its people."
    assert len(_commitments(extractor, tmp_path, text)) == 1


def test_a_party_asked_to_act_keeps_its_two_actions(extractor, tmp_path):
    text = "Both sides encouraged Mongolian enterprises to join the park and invest in the zone."
    assert len(_commitments(extractor, tmp_path, text)) == 2


def test_encouraging_efforts_not_our_own_is_a_call(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "We encourage efforts to widen access to the adaptation fund and to simplify its rules.")
    assert [(s.kind, s.rule) for s in found] == [("position", "others_urged")]


def test_encouraging_our_own_enterprises_stays_an_undertaking(extractor, tmp_path):
    found = _commitments(extractor, tmp_path, "We encourage Mongolian enterprises to invest in the new industrial park.")
    assert len(found) == 1


def test_what_a_supported_party_does_is_no_meeting_of_the_speakers(extractor, tmp_path):
    text = "We fully support the initiative of the Secretary-General in convening a world summit on water next year."
    found = speech_statements(extractor, tmp_path, text)
    assert [(s.kind, s.rule) for s in found] == [("commitment", "stance_with_action")]


def test_a_gerund_clause_before_the_verb_is_still_read(extractor, tmp_path):
    text = "In hosting the regional water summit next year, we will support the work of the river basin commission."
    assert any(s.kind == "commitment" and "hosting" in s.text for s in speech_statements(extractor, tmp_path, text))


def test_joining_others_in_doing_is_the_speakers_own_act(extractor, tmp_path):
    text = "Earlier this week, I joined other leaders in signing the agreement on marine biodiversity."
    assert [s.kind for s in speech_statements(extractor, tmp_path, text)] == ["agreement"]


def test_a_trigger_joined_to_a_verb_under_do_not_shares_the_denial(extractor, tmp_path):
    text = "I do not speak of the floods in the north and seek to forget the drought in the south."
    assert _commitments(extractor, tmp_path, text) == []


def test_a_trigger_after_but_is_not_denied(extractor, tmp_path):
    text = "We do not accept the closure of the border but seek to reopen it through talks with our neighbours."
    assert len(_commitments(extractor, tmp_path, text)) == 1
