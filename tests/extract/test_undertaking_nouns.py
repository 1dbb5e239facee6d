"""Undertakings a noun carries whatever verb holds it (extract/undertaking_nouns.py): the speaker's
own undertaking noun under a verb that is no trigger, and an undertaking kept in a relative
clause. Invented UN-speech sentences."""

import pytest

from tests.conftest import speech_statements


def _commitments(extractor, tmp_path, text: str, speaker: str = "MNG"):
    return [s for s in speech_statements(extractor, tmp_path, text, speaker) if s.kind == "commitment"]


@pytest.mark.parametrize("sentence, strength", [
    ("The new budget law enshrines our promise to double the adaptation fund by 2028.", "firm"),
    ("Our national plan reflects my pledge to plant one billion trees by 2030.", "firm"),
    ("Last month we adopted a water law, which anchors our commitment to restoring the steppe lakes.", "moderate"),
])
def test_an_own_undertaking_noun_held_by_any_verb_is_a_commitment(extractor, tmp_path, sentence, strength):
    found = _commitments(extractor, tmp_path, sentence)
    assert [(s.strength, tuple(s.actors)) for s in found] == [(strength, ("MNG",))]


@pytest.mark.parametrize("sentence", [
    "The new budget law enshrines their promise to double the adaptation fund.",  # not the speaker's own
    "The new budget law enshrines our commitment to multilateralism.",  # no action
    "The new budget law enshrines our promise.",
])
def test_an_undertaking_noun_that_is_not_the_speakers_or_names_no_action_is_none(extractor, tmp_path, sentence):
    assert _commitments(extractor, tmp_path, sentence) == []


@pytest.mark.parametrize("sentence", [
    "That is a commitment that my Government will honour and uphold.",
    "Reform of the pension system is overdue. It is a pledge that Mongolia will fulfil.",
])
def test_an_undertaking_kept_in_a_relative_clause_is_a_commitment(extractor, tmp_path, sentence):
    found = _commitments(extractor, tmp_path, sentence)
    assert [(s.strength, tuple(s.actors)) for s in found] == [("firm", ("MNG",))]


@pytest.mark.parametrize("sentence", [
    "That is a commitment that others have failed to honour.",  # no binding modal
    "That is a decision that the Council may respect.",
    "It is a question that my Government will study.",  # no undertaking noun
])
def test_a_relative_clause_that_keeps_no_undertaking_is_none(extractor, tmp_path, sentence):
    assert _commitments(extractor, tmp_path, sentence) == []


def test_an_own_undertaking_to_keep_a_principle_is_no_commitment(extractor, tmp_path):
    text = "Our candidacy for the Council reflects our deep commitment to upholding international law."
    assert _commitments(extractor, tmp_path, text) == []
