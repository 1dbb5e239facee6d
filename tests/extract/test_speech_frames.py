"""How a speaker frames what it states (extract/speech_frames.py): "That is why we will ...",
"I am pleased to report that X will ...", "I would like to inform the Assembly that X will ...".
The frame says nothing; the clause it frames is the statement. Invented UN-speech sentences."""

import pytest

from pledgebook.read import read_document


def _statements(extractor, tmp_path, text: str, speaker: str = "MNG"):
    path = tmp_path / f"{speaker}_79_2024.txt"
    path.write_text(text, encoding="utf-8")
    return extractor.extract(read_document(path)).statements


def _kinds(extractor, tmp_path, text: str):
    return [(s.kind, s.strength) for s in _statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence", [
    "That is why we are committed to the implementation of the regional water strategy.",
    "This is why Mongolia will host the next ministerial conference on desertification in 2026.",
    "Droughts are worsening, and that is why we will double our funding for early warning systems.",
])
def test_the_clause_after_a_reason_frame_is_the_statement(extractor, tmp_path, sentence):
    found = _statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.strength) for s in found] == [("commitment", "firm")]
    assert found[0].actors == ["MNG"]


@pytest.mark.parametrize("sentence", [
    "That is why the reform of the Council matters so much.",  # no clause of its own
    "That is why many countries have suffered from the floods.",  # a fact told, no undertaking
])
def test_a_reason_frame_over_no_undertaking_gives_no_commitment(extractor, tmp_path, sentence):
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence", [
    "I am pleased to report that Mongolia will ratify the treaty on plastic pollution next year.",
    "I would like to inform this Assembly that Mongolia will host the regional forum on rangelands in May 2025.",
    "I am happy to confirm that my Government is committed to implementing the convention on migrant workers.",
    "I am proud to confirm that my Government will ratify the convention on migrant workers this year.",
])
def test_a_frame_of_feeling_or_politeness_reports_the_undertaking(extractor, tmp_path, sentence):
    found = _statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.strength, tuple(s.actors)) for s in found] == [("commitment", "firm", ("MNG",))]


def test_a_frame_still_reports_another_party_as_the_actor(extractor, tmp_path):
    found = _statements(extractor, tmp_path, "I am pleased to report that Kenya will co-host the conference.")
    assert [(s.kind, tuple(s.actors)) for s in found] == [("commitment", ("KEN",))]


@pytest.mark.parametrize("sentence, kind", [
    ("I am pleased to welcome the adoption of the resolution on rangelands.", "appreciation"),  # no report
    ("I would like to thank the Secretary-General for his leadership.", "appreciation"),
    ("I would like to inform the Assembly of the floods that struck our western provinces.", "discussion"),
])
def test_a_frame_without_a_reported_clause_keeps_its_own_reading(extractor, tmp_path, sentence, kind):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == [kind]


def test_a_polite_frame_over_a_report_of_the_past_undertakes_nothing(extractor, tmp_path):
    # "wish" is no hope here: the speaker wishes to report, and what it reports is done
    sentence = "I wish to report that our presidency has already delivered a draft text aimed at protecting the sea."
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence", [
    "In doing so, I wish to convey warm greetings from the people of Mongolia.",
    "We wish to state our views on three questions before this Assembly.",
])
def test_a_wish_to_speak_is_no_hope(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == []


def test_a_wish_to_speak_keeps_what_the_speech_act_states(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "I wish to thank the President of the Assembly for her leadership.") \
        == [("appreciation", None)]
    # a wish for an act of one's own (not of speaking) stays a soft undertaking
    assert _kinds(extractor, tmp_path, "We wish to expand our cooperation with the small island States.") \
        == [("commitment", "soft")]


def test_it_that_intends_is_the_party_named_before(extractor, tmp_path):
    text = ("Mongolia will continue to supply vaccines to its neighbours. "
            "It also intends to expand its cooperation with the World Health Organization.")
    found = [(s.kind, tuple(s.actors)) for s in _statements(extractor, tmp_path, text)]
    assert found == [("commitment", ("MNG",)), ("commitment", ("MNG",))]


def test_it_that_is_a_thing_undertakes_nothing(extractor, tmp_path):
    text = "The new railway opened last year. It will boost trade with our neighbours."
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, text))


@pytest.mark.parametrize("sentence", [
    "If those trends continue, almost 600 million people will continue to live in extreme poverty in 2030.",
    "Without action, millions of children will go hungry this year.",
])
def test_a_counted_population_is_no_party(extractor, tmp_path, sentence):
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


def test_a_people_named_without_a_count_can_still_undertake(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "The two countries will build a bridge across the river.") \
        == [("commitment", "firm")]
