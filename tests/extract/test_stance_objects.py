"""The object decides between a commitment and a position (annotation guide §2; §10 session 12):
solidarity with a party and advocacy of an outcome stay positions under "will" unless their means
are named; an adjective rider with its own action is a statement of its own; support for a party
in an effort named by a noun, and support for an initiative's unstated goal, are soft commitments.
Invented sentences (rhetoric.voiced_stance, grammar._effort_of_one_helped, grammar._aim_action)."""

import pytest

from tests.conftest import speech_statements


def _kinds(extractor, tmp_path, text: str):
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence", [
    "We will continue to stand with the people of Sudan for as long as it takes.",
    "Mongolia will always stand by its friends in the region.",
    "We will stand alongside the island states of the Pacific.",
    "We will continue to advocate for a ban on cluster munitions.",
    "Norway will continue pressing for a global levy on shipping emissions.",
    "We remain committed to advocating for the abolition of the death penalty.",
])
def test_solidarity_and_advocacy_under_an_undertaking_are_positions(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("position", None)]


@pytest.mark.parametrize("sentence", [
    "We will continue to stand by Moldova by providing budget support and energy equipment.",
    "We will press for a binding treaty on plastics, including by hosting the next round of negotiations.",
    "We will press ahead with the reform of the pension system.",
    "We will argue the case at the next ministerial meeting in Nairobi.",  # no "for": no advocacy
])
def test_named_means_or_no_advocacy_keep_the_undertaking(extractor, tmp_path, sentence):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == ["commitment"]


def test_a_joined_action_after_solidarity_is_its_own_undertaking(extractor, tmp_path):
    found = _kinds(extractor, tmp_path,
                   "We will stand with the victims of the earthquake and provide shelter to the displaced.")
    assert found == [("position", None), ("commitment", "firm")]


@pytest.mark.parametrize("sentence, expected", [
    ("Chile will stand by its neighbours, ready to help them.", [("position", None), ("commitment", "soft")]),
    ("We will work closely with the new government, ready to support its reform agenda.",
     [("commitment", "firm"), ("commitment", "soft")]),
])
def test_an_adjective_rider_with_its_own_action_is_a_statement(extractor, tmp_path, sentence, expected):
    assert _kinds(extractor, tmp_path, sentence) == expected


def test_an_adjective_rider_without_an_action_stays_inside(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "Peru will host the summit next year, determined to make it a success.")
    assert len(found) == 1


@pytest.mark.parametrize("sentence", [
    "We support Ghana in its fight against malaria.",
    "Kenya supports Uganda in its efforts to eradicate sleeping sickness.",
    "We express support for the goal of the Lake Chad Restoration Initiative.",
    "We support the goal of the Green Wall initiative to restore 100 million hectares.",
])
def test_support_for_an_effort_or_a_plan_is_a_soft_commitment(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "soft")]


@pytest.mark.parametrize("sentence", [
    "We support Malaysia in its role as chair of the regional forum.",
    "We support the Cuban people in their struggle to defend their sovereignty.",
    "We support Nepal in its fight for democracy.",
    "We support Kenya in accordance with our shared principles.",
    "We express support for the initiative's goal of a peaceful region.",
    "We reaffirm our unwavering support for Ukraine.",
])
def test_support_for_a_party_a_role_or_a_principle_stays_a_position(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("position", None)]


@pytest.mark.parametrize("sentence", [
    "We will stand behind the peace plan the mediators tabled in Doha.",  # a plan, not a party
    "We will always stand by our neighbours in rebuilding their schools and clinics.",  # helped in an act
    "Chile will stand with the coastal states to restore the fish stocks of the Pacific.",  # a purpose with an object
])
def test_solidarity_that_names_its_action_stays_an_undertaking(extractor, tmp_path, sentence):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == ["commitment"]


def test_an_act_joined_to_solidarity_under_will_stays_an_undertaking(extractor, tmp_path):
    found = _kinds(extractor, tmp_path, "Kenya will continue to stand with Somalia's federal institutions and support "
                                        "the regional efforts aimed at ending the drought.")
    assert [k for k, _ in found] == ["position", "commitment"]
