"""How a speaker states its own programme (extract/programmes.py): leading an action, a target
made, general aims under "will". Invented UN-speech sentences."""

import pytest

from tests.conftest import speech_statements


def _kinds(extractor, tmp_path, text: str):
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence", [
    "Mongolia will remain at the forefront of expanding access to clean energy in Central Asia.",
    "We will stay in the vanguard of promoting the rights of landlocked countries.",
])
def test_remaining_at_the_head_of_an_action_undertakes_it(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "Mongolia will remain a reliable partner of the United Nations.",
    "Mongolia will remain at the heart of the region.",  # no action named
])
def test_remaining_something_stays_a_stance(extractor, tmp_path, sentence):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == ["position"]


@pytest.mark.parametrize("sentence", [
    "Mongolia will be the first country to phase out mercury in its gold mines.",
    "We will be among the first States to ratify the high-seas treaty.",
    "Mongolia will be the next country to host the rangelands forum.",
])
def test_being_the_first_to_act_undertakes_the_act(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "We will be the first victims of the rising seas.",  # no act
    "Small island States will be the first to suffer the consequences of inaction.",  # undergone
    "Mongolia was the first country to ratify the treaty.",  # done: no undertaking
])
def test_being_first_without_an_act_to_come_undertakes_nothing(extractor, tmp_path, sentence):
    assert all(k != "commitment" for k, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence", [
    "We have made the eradication of tuberculosis a national objective.",
    "We have made universal access to clean water a national goal and every province now has a water authority.",
])
def test_a_target_made_is_a_firm_commitment(extractor, tmp_path, sentence):
    found = [s for s in speech_statements(extractor, tmp_path, sentence) if s.kind == "commitment"]
    assert [(s.strength, s.rule) for s in found] == [("firm", "target_made")]
    assert "every province" not in found[0].text  # the next clause is no part of the target


@pytest.mark.parametrize("sentence", [
    "We have made the eradication of tuberculosis a national success.",
    "The drought has made water a scarce resource.",
])
def test_making_something_else_sets_no_target(extractor, tmp_path, sentence):
    assert all(s.rule != "target_made" for s in speech_statements(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence", [
    "We will promote world peace and development.",
    "Through our reforms we will make greater contributions to the advancement of human civilization.",
])
def test_a_general_aim_under_will_is_a_position(extractor, tmp_path, sentence):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == ["position"]


@pytest.mark.parametrize("sentence", [
    "We will promote the development of the northern railway.",
    "We will strengthen peace and security in the Sahel through a new peacekeeping battalion.",
    "We will host a conference on peace and development next year.",
])
def test_an_action_with_a_concrete_object_stays_an_undertaking(extractor, tmp_path, sentence):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == ["commitment"]
