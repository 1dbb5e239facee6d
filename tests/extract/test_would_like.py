"""`would like to` / `'d like to` + an act of the subject reads as `want to`: a soft commitment
(annotation guide §5, "desire to / would like to"; codebook ``desire_verbs``). A move of the speech
itself (`would like to conclude by ...`, `want to pay tribute to X`, `take this opportunity to`;
codebook ``speech.discourse_verbs``, ``discourse_objects``, ``audience_words``) wants no act, and
neither does a wish to perceive, to be or to undergo, or another's act. Invented sentences."""

from tests.conftest import speech_statements

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, tmp_path, sentence: str) -> list[tuple[str, str | None]]:
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, sentence, speaker="MUS")]


def test_would_like_to_act_is_a_soft_commitment(extractor, tmp_path):
    assert _found(extractor, tmp_path, "Mauritius would like to train coastguards from the smaller island "
                                       "States at its new maritime academy.") == [("commitment", "soft")]


def test_contracted_would_like_in_a_quote_is_a_soft_commitment(extractor, tmp_path):
    assert _found(extractor, tmp_path, "“From fisheries, I’d like to widen our partnership to solar power "
                                       "and tourism.”") == [("commitment", "soft")]


def test_would_like_to_thank_stays_thanks(extractor, tmp_path):
    assert _found(extractor, tmp_path, "I would like to thank the President for his able leadership.") \
        == [("appreciation", None)]


def test_moves_of_the_speech_want_no_act(extractor, tmp_path):
    for sentence in ("I would like to conclude by recounting a story from my childhood.",
                     "I would like to pay tribute to the fishermen of our northern islands.",
                     "I would also like to draw the attention of the Assembly to the plight of our atolls.",
                     "We would like to take this opportunity to recount our journey since independence.",
                     "I want to begin with the story of a fisherman from Rodrigues.",
                     "I would like to leave the Assembly with a thought from our national poet.",
                     "I would like to join previous speakers in commending the outgoing President."):
        assert not any(k == "commitment" for k, _ in _found(extractor, tmp_path, sentence)), sentence


def test_wishes_to_perceive_to_be_or_to_undergo_want_no_act(extractor, tmp_path):
    for sentence in ("We would like to see a world free of plastic waste.",
                     "We would like to be treated as equal partners by the lenders.",
                     "We would like to be a bridge between the Indian Ocean and Africa."):
        assert not any(k == "commitment" for k, _ in _found(extractor, tmp_path, sentence)), sentence


def test_another_partys_act_wanted_is_no_commitment(extractor):
    record = extractor.extract_text(HEADER + "Norway would like its partners to join the reef restoration fund.")
    assert not any(s.kind == "commitment" for s in record.statements)
