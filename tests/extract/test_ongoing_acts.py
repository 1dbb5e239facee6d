"""An act in progress, in the present progressive, with any verb of action on a concrete object is
the party's undertaking (annotation guide §2, "Ongoing action in the present progressive"; rule
``ongoing_act``), not only the listed forms of ``progressive_undertakings``. Verbs of perception,
undergoing, state, harm, speaking or keeping are no act (codebook ``non_agentive_verbs``,
``stative_verbs``, ``endured_participles``, ``progressive_states``, ...). In a speech only the
speaker's own side's act counts; in a news report's narration none. Invented sentences."""

from tests.conftest import speech_statements

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[tuple[str | None, tuple[str, ...]]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.strength, tuple(s.actors)) for s in record.statements if s.kind == "commitment"]


def test_goods_being_coordinated_are_a_firm_commitment(extractor):
    assert _commitments(extractor, "Norway is also coordinating sustained deliveries of water pumps to the "
                                   "northern counties.") == [("firm", ("NOR",))]


def test_an_act_in_progress_with_any_verb_of_action(extractor):
    assert _commitments(extractor, "The two sides are retraining customs officers at the Namanga border post.") \
        == [("firm", ("KEN", "NOR"))]


def test_the_prefilter_lets_an_unlisted_progressive_through(extractor):
    assert extractor.prefilter.search("Norway is coordinating deliveries of water pumps.")


def test_states_undergone_perceived_or_played_are_no_act(extractor):
    for sentence in ("Kenya is facing the worst drought in forty years.",
                     "Norway and Kenya are witnessing a surge of piracy in the Gulf.",
                     "Kenya is experiencing rapid growth in its tea exports.",
                     "Kenya is playing a key role in the regional peace process.",
                     "Norway is honouring its pledges on climate finance."):
        assert _commitments(extractor, sentence) == [], sentence


def test_harm_done_is_no_act(extractor):
    assert _commitments(extractor, "Norway and Kenya note that the militia is waging a campaign of terror "
                                   "against the herders.") == []


def test_the_past_progressive_is_a_report(extractor):
    assert _commitments(extractor, "Norway was retraining customs officers when the floods came.") == []


def test_in_a_speech_only_the_speakers_own_act(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "We are retrofitting the schools of our outer islands.",
                              speaker="MUS")
    assert [(s.kind, s.actors) for s in found] == [("commitment", ["MUS"])]
    found = speech_statements(extractor, tmp_path, "Russia is pumping out lies about the grain deal.",
                              speaker="MUS")
    assert not any(s.kind == "commitment" for s in found)
