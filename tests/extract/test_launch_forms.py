"""Forms of announcing that the launch and noun rules read (extract/launches.py, asides.py):
a launch in the present progressive is made now; a launch with a past date recounts; an
undertaking noun keeps its action across a participial aside. Invented texts."""

from tests.conftest import joint_statements


def _statements(extractor, body: str, title: str = "Joint Statement of the Leaders of Kenya and Norway"):
    return [(kind, rule, text) for kind, _strength, text, rule in joint_statements(extractor, body, title)]


def test_a_launch_in_the_present_progressive_is_made_now(extractor):
    found = _statements(extractor, "Today we are announcing a new regional Fisheries Initiative for Training on "
                                   "Lake Victoria (FITLV), to enable our partners to monitor their waters.")
    assert [(k, r) for k, r, _ in found] == [("commitment", "launched_mechanism")]


def test_a_progressive_of_another_verb_or_a_past_progressive_is_no_launch(extractor):
    found = _statements(extractor, "We were announcing a new Fisheries Initiative when the storm hit.")
    assert not any(r == "launched_mechanism" for _, r, _ in found)


def test_a_launch_with_a_past_date_recounts_even_with_a_purpose(extractor):
    found = _statements(extractor, "In 2022, we announced the Lake Victoria Partnership for Fisheries Awareness "
                                   "(LVPFA) to offer near-real-time data to partners in the region.")
    assert [(k, r) for k, r, _ in found] == [("appreciation", "launch_recounted")]


def test_a_launch_announced_today_with_a_purpose_is_undertaken(extractor):
    found = _statements(extractor, "Today we announce the Lake Victoria Partnership for Fisheries Awareness to "
                                   "offer near-real-time data to partners in the region.")
    assert [k for k, _, _ in found] == ["commitment"]


def test_an_intent_keeps_its_action_across_an_aside(extractor):
    found = _statements(extractor, "Today Norway announces its intent, working with its parliament, to invest an "
                                   "additional $3.4 million to extend this training program.")
    assert [(k, text) for k, _, text in found] == [
        ("commitment", "Today Norway announces its intent, working with its parliament, to invest an additional "
                       "$3.4 million to extend this training program")]


def test_a_year_inside_what_is_launched_is_no_past_date(extractor):
    found = _statements(extractor, "The Presidents announced a new educational exchange initiative amounting to $6 "
                                   "million that aims to serve 2,025 students, symbolic of the year 2025.")
    assert not any(r == "launch_recounted" for _, r, _ in found)


def test_a_date_in_a_framing_participle_or_in_a_name_is_not_the_launchs(extractor):
    found = _statements(extractor, "Building on the ministers' March 3, 2024, meeting in Oslo, the leaders launched the "
                                   "Kenya-Norway Partnership for Fisheries 2030 to share catch data.")
    assert ("commitment", "launched_mechanism") in [(k, r) for k, r, _ in found]


def test_a_launch_dated_in_the_past_stays_no_launch(extractor):
    for body in ("The leaders launched the Kenya-Norway Partnership for Fisheries in March 2024.",
                 "Building on their meeting, the leaders launched the Fisheries Partnership in March 2024."):
        assert not any(r == "launched_mechanism" for _, r, _ in _statements(extractor, body))


def test_the_noun_after_a_quoted_title_is_what_is_launched(extractor):
    found = _statements(extractor, "Prime Minister Store also announced twenty prestigious “fish together, farm "
                                   "together” fellowships for Kenyan researchers to complete PhDs in Norway.")
    assert ("commitment", "launched_mechanism") in [(k, r) for k, r, _ in found]


def test_a_quoted_phrase_that_names_no_new_mechanism_is_no_launch(extractor):
    for body in ("The leaders announced “significant progress” on the fisheries talks.",
                 "The leaders launched the “Clean Lakes” campaign."):
        assert not any(r == "launched_mechanism" for _, r, _ in _statements(extractor, body))
