"""Going to an event is read once (extract/meetings.goes_to_event), wherever a meeting to come is
decided: under "will", under an undertaking, on a date to come, after "look forward to"; "attend
to X" is another sense and attends no meeting (triggers.yaml attending_verbs, non_meeting_phrases;
annotation guide §2 "Meetings to come"). Invented sentences."""

import pytest

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, sentence: str) -> list[tuple[str, str, str | None]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.kind, s.rule, s.strength) for s in record.statements]


@pytest.mark.parametrize("sentence, rule", [
    ("The Foreign Minister will attend the fisheries conference in Bergen in June.", "convened_meeting"),
    ("Kenya will attend COP41 in Mombasa.", "convened_meeting"),  # a named event: the object is what is attended
    ("The ministers agreed to attend the next round of talks in Oslo.", "meeting_to_come"),
    ("The leaders agreed to travel to Lima for the fisheries summit in November.", "meeting_to_come"),
    ("NAIROBI, Jan. 10, 2025 — The President is attending the coastal summit in Accra in March 2025.", "dated_meeting"),
])
def test_going_to_an_event_to_come_is_undertaken(extractor, sentence, rule):
    assert _found(extractor, sentence) == [("commitment", rule, "firm")]


def test_attending_with_no_object_goes_to_the_event_named_before(extractor):
    found = _found(extractor, "Norway welcomes the ocean summit in Nairobi and commits to attend at a high level.")
    assert ("commitment", "meeting_to_come", "firm") in found


@pytest.mark.parametrize("sentence, rule", [
    ("The minister will attend to the needs of displaced fishermen in the north.", "binding_modal"),
    ("We shall attend to the concerns of the herding communities.", "binding_modal"),
])
def test_attending_to_a_need_under_will_is_an_act_not_a_meeting(extractor, sentence, rule):
    assert _found(extractor, sentence) == [("commitment", rule, "firm")]


@pytest.mark.parametrize("sentence", [
    "The two governments agreed to attend to the grievances of the fishing villages.",
    "Kenya has long attended to the welfare of its pastoralists.",
])
def test_attending_to_a_thing_is_no_meeting(extractor, sentence):
    assert all(kind != "meeting" and rule not in ("meeting_to_come", "convened_meeting")
               for kind, rule, _ in _found(extractor, sentence))


def test_attending_a_summit_held_is_a_meeting(extractor):
    assert _found(extractor, "The President attended the coastal summit in Accra last week.") == \
        [("meeting", "trigger_word", None)]


def test_a_visit_to_a_place_goes_to_no_event(extractor):
    assert [k for k, _, _ in _found(extractor, "The President will travel to Tromso in May.")] == ["meeting"]
