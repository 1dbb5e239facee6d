"""Support for a party under a binding modal, with no action named, is a position (annotation guide
§2: "Singapore will support our friends in the Pacific"; decisions._party_supported); support for
a party in an action, or for a process, stays a commitment. Invented texts."""

from tests.conftest import joint_statements, speech_statements


def _kinds(statements):
    return [(s.kind, " ".join(s.text.split())) for s in statements]


def test_support_for_partners_under_will_is_a_position(extractor, tmp_path):
    found = _kinds(speech_statements(extractor, tmp_path, "Mongolia will support our friends in Central Asia.\n"))
    assert found == [("position", "Mongolia will support our friends in Central Asia")]


def test_continued_support_for_fellow_states_is_a_position(extractor, tmp_path):
    found = _kinds(speech_statements(extractor, tmp_path, "Mongolia will continue to support our fellow landlocked "
                                                          "countries.\n"))
    assert [k for k, _ in found] == ["position"]


def test_support_for_a_party_in_an_action_stays_a_commitment(extractor):
    found = joint_statements(extractor, "Norway will support Kenya in expanding its fish landing sites.")
    assert [(k, s) for k, s, *_ in found] == [("commitment", "firm")]


def test_support_for_partners_with_a_purpose_stays_a_commitment(extractor):
    found = joint_statements(extractor, "The two sides will continue to support their partners to build cold "
                                        "storage for fish exports.")
    assert [k for k, *_ in found] == ["commitment"]


def test_continued_support_for_a_process_stays_a_commitment(extractor):
    found = joint_statements(extractor, "Norway will continue to support the peace process in South Sudan.")
    assert [k for k, *_ in found] == ["commitment"]


def test_support_for_people_qualified_by_their_plight_stays_a_commitment(extractor):
    """People named by what befell them ("the families displaced by the floods") are helped, not backed."""
    found = [s.kind for s in extractor.extract_text("Joint Statement of Norway and Kenya\n\n"
                                                    "Norway will continue to support the families displaced by the floods.").statements]
    assert "commitment" in found


# -- a principle or value supported still under "will continue to" (lowdocs15, decisions._state_supported_still)
def test_continued_support_for_a_value_or_principle_is_a_position(extractor, tmp_path):
    for text in ("Mongolia will continue to support democracy.\n",
                 "Mongolia will continue to uphold the principles of the Charter.\n"):
        found = _kinds(speech_statements(extractor, tmp_path, text))
        assert [k for k, _ in found] == ["position"], found


def test_continued_support_for_a_value_with_a_means_stays_a_commitment(extractor, tmp_path):
    found = _kinds(speech_statements(extractor, tmp_path, "Mongolia will continue to support democracy by funding "
                                                          "election observers in the region.\n"))
    assert [k for k, _ in found] == ["commitment"], found
