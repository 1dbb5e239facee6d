"""A meeting of the parties' as the subject of its holding, in a text they issue, is a meeting to
come they undertake (rule meeting_to_be_held; annotation guide §2 "Meetings to come"): "The next
session of the Joint Commission will be held in Nairobi", "the next round will commence in May".
Not in a relative clause, a speech, the past, or with an agent. Invented sentences."""

import pytest

from tests.conftest import speech_statements

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, text: str):
    record = extractor.extract_text(HEADER + text)
    return [(s.kind, s.actors, " ".join(s.text.split()), s.rule) for s in record.statements]


@pytest.mark.parametrize("sentence", [
    "The next session of the Joint Commission will be held in Nairobi in March.",
    "The second round of consultations will take place in Oslo before the end of the year.",
    "The first meeting of the working group on fisheries shall commence in May.",
])
def test_a_meeting_to_be_held_is_the_parties_commitment(extractor, sentence):
    found = _found(extractor, sentence)
    assert [(k, a, r) for k, a, _, r in found] == [("commitment", ["KEN", "NOR"], "meeting_to_be_held")]
    assert found[0][2] == sentence.rstrip(".")


def test_the_items_after_an_agreed_lead_in_are_one_commitment_each(extractor):
    found = _found(extractor, "The Ministers agreed to the following:\n\n(i) The meeting of experts on the border "
                              "will be held over the next two months.\n\n(ii) The next round of talks will begin "
                              "in June in Oslo and Nairobi.")
    held = [t for k, _, t, r in found if r == "meeting_to_be_held"]
    assert len(held) == 2 and held[1].startswith("The next round of talks will begin")


@pytest.mark.parametrize("sentence", [
    "The leaders welcomed the Ocean Conference, which will be held in Nice in June.",
    "The first session of the Joint Commission was held in Nairobi in March.",
    "The talks will not take place this year.",
    "The new railway line will be completed in May.",
])
def test_no_meeting_to_come_is_undertaken(extractor, sentence):
    assert not any(r == "meeting_to_be_held" for _, _, _, r in _found(extractor, sentence))


def test_in_a_speech_a_meeting_to_be_held_is_a_mention(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "The next Conference on Oceans will be held in Lisbon in 2027.")
    assert not any(s.rule == "meeting_to_be_held" for s in found)
