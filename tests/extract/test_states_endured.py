"""The passive of a verb of suffering tells what the subject endures, no undertaking, also under
"continue to" or "will" (extract/decisions.py ``_state_endured``; codebook ``endured_participles``).
Invented sentences."""

HEADER = "Joint Statement of Haiti and Kenya\n\n"


def _kinds(extractor, sentence: str) -> list[str]:
    return [s.kind for s in extractor.extract_text(HEADER + sentence).statements]


def test_continues_to_be_confronted_by_is_no_commitment(extractor):
    assert "commitment" not in _kinds(extractor, "Haiti continues to be confronted by grave security challenges.")


def test_will_continue_to_be_affected_by_is_no_commitment(extractor):
    assert "commitment" not in _kinds(extractor, "Kenya will continue to be affected by recurrent drought.")


def test_continue_to_be_deprived_of_is_no_commitment(extractor):
    assert "commitment" not in _kinds(extractor, "The fishing communities of Kenya continue to be deprived of "
                                                 "their livelihoods.")


def test_continuing_an_action_on_the_sufferers_stays_a_commitment(extractor):
    assert "commitment" in _kinds(extractor, "Kenya will continue to support the communities affected by the drought.")


def test_continuing_to_confront_a_threat_stays_a_commitment(extractor):
    assert "commitment" in _kinds(extractor, "Haiti and Kenya will continue to confront the gangs that threaten "
                                             "the region.")


def test_continues_to_be_engaged_in_talks_stays_a_commitment(extractor):
    assert "commitment" in _kinds(extractor, "Kenya continues to be engaged in the mediation talks in good faith.")


def test_continuing_to_suffer_or_face_is_no_commitment(extractor):
    # a verb of undergoing or perceiving continued (codebook non_agentive_verbs) tells a state
    assert "commitment" not in _kinds(extractor, "Haiti continues to suffer the impact of the hurricane.")
    assert "commitment" not in _kinds(extractor, "Kenya will continue to face recurrent drought in the north.")


def test_continuing_to_believe_stays_a_stance_and_face_down_an_act(extractor):
    assert "position" in _kinds(extractor, "Kenya continues to believe that dialogue is the only way forward.")
    assert "commitment" in _kinds(extractor, "Haiti and Kenya will continue to face down the gangs in the region.")
