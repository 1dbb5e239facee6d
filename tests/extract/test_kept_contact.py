"""Contact kept up ("agreed to remain in close contact", "will remain in touch"): the speakers'
contact to come, a commitment as "agreed to stay in close contact" and "maintain high-level
exchanges" are (annotation guide §2, contacts whose participants are the speakers), not the state
that "remain" otherwise says ("will remain a member")."""

import pytest

from tests.conftest import joint_statements


@pytest.mark.parametrize("sentence", [
    "The two leaders agreed to remain in close contact over the coming days.",
    "They agreed to remain in regular touch directly and through their teams.",
    "Both ministers will remain in close contact as the talks advance.",
    "The presidents committed to remain in contact on the reconstruction conference.",
])
def test_contact_kept_up_is_a_commitment(extractor, sentence):
    kinds = [(kind, strength) for kind, strength, _, _ in joint_statements(extractor, sentence)]
    assert ("commitment", "firm") in kinds


@pytest.mark.parametrize("sentence", [
    "Norway will remain a member of the Council.",  # a state under "will": a stance
    "The two leaders remained in close contact throughout the crisis.",  # contact that was kept: no pledge
    "Both sides will remain in a state of readiness.",  # "in" names no contact
])
def test_remain_without_contact_to_come_is_no_commitment(extractor, sentence):
    kinds = [kind for kind, _, _, _ in joint_statements(extractor, sentence)]
    assert "commitment" not in kinds
