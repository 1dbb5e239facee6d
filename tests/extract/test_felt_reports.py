"""A feeling about the speaker's own act to come frames its report (extract/speech_frames.py,
``_felt_report``; annotation guide, "a frame of feeling or politeness around a report": the report is
the statement). Invented sentences."""

from tests.conftest import speech_statements

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, sentence: str) -> list[tuple[str, str | None]]:
    return [(s.kind, s.strength) for s in extractor.extract_text(HEADER + sentence).statements]


def test_proud_that_our_capital_will_host_a_meeting_is_a_commitment(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "We are proud that our capital, Port Louis, will host the "
                                                   "next summit of the Indian Ocean Commission.", speaker="MUS")
    assert [(s.kind, s.strength, s.actors) for s in found] == [("commitment", "firm", ["MUS"])]


def test_pleased_that_we_will_convene_a_forum_is_a_commitment(extractor):
    assert _found(extractor, "We are pleased that we will convene a regional forum on fisheries in May.") \
        == [("commitment", "firm")]


def test_pleased_that_a_thing_was_done_stays_a_feeling(extractor):
    assert _found(extractor, "We are pleased that the talks were held in a constructive spirit.") \
        == [("appreciation", None)]


def test_glad_that_a_thing_will_happen_is_no_commitment(extractor):
    assert _found(extractor, "We are glad that the economy will grow by five per cent.") == [("appreciation", None)]


def test_proud_that_another_state_will_act_is_no_commitment_of_the_speaker(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "We are proud that Tonga will soon take up its seat on the "
                                                   "Human Rights Council.", speaker="MUS")
    assert not any(s.kind == "commitment" for s in found)


def test_happy_that_we_will_not_host_is_no_commitment(extractor):
    assert not any(k == "commitment" for k, _ in _found(extractor, "We are happy that we will not host the forum."))
