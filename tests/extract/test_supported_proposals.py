"""Support for proposals, in the plural as in the singular, is a soft commitment (annotation guide
§2/§10: support for a proposal or a plan to come; grammar.names_plan: a noun of the codebook's
plan_nouns is a plan before it is read as an "idea of doing" noun). Support for what a proposal
aims at, for an idea with no act, or a call to support proposals, is not. Invented texts."""

from tests.conftest import joint_statements, speech_statements


def _kinds(statements):
    return [(s.kind, s.strength, " ".join(s.text.split())) for s in statements]


def test_support_for_proposals_in_the_plural_is_a_soft_commitment(extractor, tmp_path):
    found = _kinds(speech_statements(extractor, tmp_path, "We support the Secretary-General's proposals on "
                                                          "debt relief for small island States.\n"))
    assert [(k, s) for k, s, _ in found] == [("commitment", "soft")]


def test_plural_and_singular_proposal_read_alike(extractor, tmp_path):
    singular = _kinds(speech_statements(extractor, tmp_path, "Mongolia supports the proposal of the "
                                                             "Chair for a standing forum on desertification.\n"))
    plural = _kinds(speech_statements(extractor, tmp_path, "Mongolia supports the proposals of the "
                                                           "Chair for a standing forum on desertification.\n"))
    assert [(k, s) for k, s, _ in singular] == [(k, s) for k, s, _ in plural] == [("commitment", "soft")]


def test_support_for_a_panels_recommendations_is_a_soft_commitment(extractor):
    found = joint_statements(extractor, "Kenya and Norway support the recommendations of the review panel "
                                        "on fisheries management in the Indian Ocean.")
    assert [(k, s) for k, s, *_ in found] == [("commitment", "soft")]


def test_support_for_the_goals_of_a_report_stays_a_position(extractor, tmp_path):
    found = _kinds(speech_statements(extractor, tmp_path, "We support the goals of the report.\n"))
    assert [k for k, _, _ in found] == ["position"]


def test_support_for_an_idea_with_no_act_stays_a_position(extractor, tmp_path):
    found = _kinds(speech_statements(extractor, tmp_path, "We support the idea of a world free of hunger.\n"))
    assert "commitment" not in [k for k, _, _ in found]


def test_a_call_to_support_proposals_is_not_our_commitment(extractor, tmp_path):
    found = _kinds(speech_statements(extractor, tmp_path, "All Member States must support these proposals.\n"))
    assert "commitment" not in [k for k, _, _ in found]
