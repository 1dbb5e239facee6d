"""A welcome of the parties' own launch, plan to launch or meeting to come is their commitment
(extract/welcomed_launches.py; annotation guide §10, "Welcoming or applauding the parties' own
launch"); another's launch, or one told with a past date, stays what the welcome rule makes it.
Invented texts."""

from tests.conftest import joint_statements

_RULE = "welcomed_own_launch"


def _own(found):
    return [(kind, strength, text) for kind, strength, text, rule in found if rule == _RULE]


def test_the_launch_of_a_body_with_the_parties_name_is_firm(extractor):
    found = joint_statements(extractor, "The leaders welcomed the launch of a Kenya-Norway Ocean Data Platform "
                                        "to share fisheries data.")
    assert _own(found) == [("commitment", "firm", "The leaders welcomed the launch of a Kenya-Norway Ocean Data "
                                                  "Platform to share fisheries data")]


def test_a_bilateral_body_established_is_firm(extractor):
    found = joint_statements(extractor, "The two Presidents welcome the establishment of a bilateral Tea Trade Council.")
    assert _own(found) == [("commitment", "firm", "The two Presidents welcome the establishment of a bilateral Tea "
                                                  "Trade Council")]


def test_a_plan_to_launch_is_moderate(extractor):
    found = joint_statements(extractor, "The leaders welcome plans to launch a bilateral Green Shipping Partnership "
                                        "next year.")
    assert [s for k, s, _ in _own(found)] == ["moderate"]


def test_the_parties_own_meeting_to_come_is_soft(extractor):
    found = joint_statements(extractor, "The leaders welcome the bilateral energy dialogue planned in Nairobi in "
                                        "September.")
    assert [s for k, s, _ in _own(found)] == ["soft"]


def test_another_bodys_launch_is_no_commitment_of_the_parties(extractor):
    found = joint_statements(extractor, "The leaders welcomed the establishment of the African Medicines Agency.")
    assert _own(found) == []
    assert [k for k, *_ in found] == ["appreciation"]


def test_a_launch_told_with_a_past_date_stays_an_appreciation(extractor):
    found = joint_statements(extractor, "The leaders welcomed the launch of the bilateral Tea Trade Council in 2019.")
    assert _own(found) == []


def test_a_meeting_of_the_parties_already_held_is_no_meeting_to_come(extractor):
    found = joint_statements(extractor, "The leaders welcomed the bilateral energy dialogue held in Oslo.")
    assert _own(found) == []
