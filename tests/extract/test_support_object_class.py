"""The support object as a class (annotation guide §2): a party named by a noun of party, a
principle kept ("adherence to the rule of law") and support assured to a person are positions;
negotiations, progress in a process, and a plan coordinated with the first object are what is
supported, a soft commitment. Invented sentences (grammar.is_action_noun / keeps_a_principle /
_progress_in / _coordinated_plan, decisions._support_assured; codebook triggers.yaml)."""

import pytest

from tests.conftest import speech_statements


def _kinds(extractor, tmp_path, text: str):
    return [s.kind for s in speech_statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence", [
    "The ministers expressed support for the transitional government in Haiti.",
    "We support good governance and strict adherence to the rule of law.",
    "Peru reiterates its respect for the sovereignty of its neighbours.",
    "I assure the President of Norway's full support during his tenure.",
    "Kenya assures her of its unwavering support.",
    "Please be assured of Fiji's support throughout your term.",
    "We support progress towards lasting peace in the region.",
])
def test_support_for_a_party_a_principle_or_a_person_is_a_position(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == ["position"]


@pytest.mark.parametrize("sentence", [
    "We support progress in the negotiations on a fisheries subsidies agreement.",
    "The two countries are committed to the negotiations under way on a regional trade pact.",
    "We reaffirm our support for the Pacific women, peace and security agenda.",
    "I assure her of Kenya's support in carrying out her mission.",
    "We assure him of our full support for the programme of work he has set out.",
    "We support strict compliance with the new export controls on dual-use goods.",
])
def test_support_for_a_process_a_plan_or_named_work_is_a_commitment(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == ["commitment"]


def test_an_undertaking_noun_joined_to_support_for_a_party_is_its_own_commitment(extractor, tmp_path):
    found = _kinds(extractor, tmp_path,
                   "The ministers expressed support for the elected government in Chad and commitment to extending the ceasefire.")
    assert found == ["position", "commitment"]
