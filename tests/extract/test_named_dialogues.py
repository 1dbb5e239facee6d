"""A named dialogue or round of talks, and regular consultations, after a word of commitment are a
process to come, not an institution as such (codebook named_action_nouns; "consultations" in
action_nouns; annotation guide §2). Invented texts."""

from tests.conftest import joint_statements


def test_a_commitment_to_a_named_dialogue_is_an_undertaking(extractor):
    found = joint_statements(extractor, "The two leaders renewed their commitment to the Kenya-Norway Blue "
                                        "Economy Dialogue chaired by the two fisheries ministers.")
    assert [(k, s) for k, s, *_ in found] == [("commitment", "moderate")]


def test_a_commitment_to_regular_consultations_is_an_undertaking(extractor):
    found = joint_statements(extractor, "The two Presidents committed to regular consultations on fisheries "
                                        "disputes in Lake Turkana.")
    assert [(k, s) for k, s, *_ in found] == [("commitment", "firm")]


def test_a_commitment_to_a_named_body_stays_a_position(extractor):
    # an institution as such (guide §2): a name whose head is no action noun
    found = joint_statements(extractor, "The two leaders renewed their commitment to the Nairobi Convention "
                                        "Secretariat.")
    assert [k for k, *_ in found] == ["position"]
