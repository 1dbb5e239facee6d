"""Nouns of striving ("quest", "pursuit") are action nouns, as "effort", "drive" and "fight" are
(triggers.yaml action_nouns): a commitment to another party's quest for peace, in a named place, is
a process backed (annotation guide §2), a moderate commitment when it "remains". Invented texts."""

from tests.conftest import speech_statements


def _kinds(statements):
    return [(s.kind, s.strength) for s in statements]


def test_remaining_committed_to_a_partys_quest_is_a_commitment(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "As a guarantor country, Mongolia remains committed to "
                                                   "Somalia's quest for lasting peace.\n")
    assert _kinds(found) == [("commitment", "moderate")]


def test_commitment_to_a_principle_stays_a_position(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "Mongolia remains committed to the principles of the Charter.\n")
    assert [k for k, _ in _kinds(found)] == ["position"]
