"""A group's call on its own members in a text the group issues ("The Assembly urged Member States
to accelerate X") is the group's own undertaking (annotation guide §2 "Calls and encouragement",
session 13); a call on others, or a state's call on the members of a body, stays a call. Invented
sentences."""

import pytest

from tests.conftest import speech_statements

AU = "We, the Heads of State and Government of the African Union, "


def _kinds(extractor, text: str) -> list[tuple[str, str | None, list[str]]]:
    record = extractor.extract_text(text)
    return [(s.kind, s.strength, s.actors) for s in record.statements]


@pytest.mark.parametrize("call", ["urge Member States to ratify the Charter on Maritime Security by 2026.",
                                  "call on all Member States to accelerate the roll-out of malaria vaccines.",
                                  "call upon members to share data on locust swarms with the Commission."])
def test_a_group_calling_on_its_members_undertakes_it_firmly(extractor, call):
    assert _kinds(extractor, AU + call) == [("commitment", "firm", ["AU"])]
    assert [s.rule for s in extractor.extract_text(AU + call).statements] == ["own_members_called"]


@pytest.mark.parametrize("call", ["urge the international community to ratify the Charter on Maritime Security.",
                                  "urge Member States and development partners to fund the malaria programme.",
                                  "call on Member States."])
def test_a_call_on_others_or_on_no_act_stays_a_call(extractor, call):
    assert [k for k, _, _ in _kinds(extractor, AU + call)] == ["position"]


@pytest.mark.parametrize("text", ["Kenya calls on all Member States to ratify the Charter on Maritime Security.",
                                  "Kenya and Ghana urged Member States to ratify the Charter on Maritime Security."])
def test_states_calling_on_member_states_make_a_call(extractor, text):
    assert [k for k, _, _ in _kinds(extractor, text)] == ["position"]


@pytest.mark.parametrize("call", ["urge all UN Member States to implement the sanctions on arms transfers.",
                                  "call on the members of the Security Council to renew the mission's mandate."])
def test_the_members_of_another_body_are_others(extractor, call):
    assert [k for k, _, _ in _kinds(extractor, AU + call)] == ["position"]


def test_in_a_states_speech_the_assembly_calling_on_members_is_narrated(extractor, tmp_path):
    """The body addressed in a speech ("this Assembly") is not the speaker's group: its call is no
    directive of the speaker's."""
    text = ("Last month this Assembly adopted a resolution on ocean acidification and called on Members to act "
            "to restore coral reefs.")
    assert "commitment" not in [s.kind for s in speech_statements(extractor, tmp_path, text)]


def test_in_a_report_of_the_group_its_body_calling_on_its_organs_directs_them(extractor):
    text = "ARUSHA, 3 May -- The Summit urged Partner States to ratify the protocol on free movement."
    found = [(s.kind, s.strength, s.rule) for s in extractor.extract_text(text).statements]
    assert ("commitment", "firm", "own_members_called") in found, found
