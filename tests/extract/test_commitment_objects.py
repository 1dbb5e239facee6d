"""What follows "commitment to" decides between an undertaking and a stance (extract/grammar.py,
decisions._upholds_principle): a verb the tagger read as a noun is the action; a purpose of a
thing the commitment is to is not; standing with a party is solidarity. Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _kinds(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [s.kind for s in record.statements]


def test_a_bare_verb_after_commitment_to_is_the_action(extractor):
    assert _kinds(extractor, "The two leaders reaffirmed their steadfast commitment to partner in advancing "
                             "regional efforts to end malaria.") == ["commitment"]


def test_a_noun_after_commitment_to_stays_a_stance(extractor):
    assert _kinds(extractor, "The two leaders reaffirmed their steadfast commitment to peace in the region.") \
        == ["position"]


def test_the_purpose_of_a_future_committed_to_is_not_the_action(extractor):
    assert _kinds(extractor, "We underscore our commitment to an inclusive, open, sustainable, fair, safe, reliable "
                             "and secure digital future to advance our shared prosperity and sustainable development "
                             "across East Africa.") == ["position"]
    assert _kinds(extractor, "We reaffirm our commitment to an open, inclusive and secure digital future to advance "
                             "our shared prosperity across East Africa.") == ["position"]


def test_an_infinitive_right_after_commitment_is_the_action(extractor):
    assert _kinds(extractor, "We underscore our commitment to advance our shared prosperity across East "
                             "Africa.") == ["commitment"]


def test_standing_with_a_party_is_solidarity(extractor):
    assert _kinds(extractor, "We reaffirm our commitment to stand with Somalia against terrorism.") == ["position"]
    assert _kinds(extractor, "We continue to stand by our neighbours in the region.") == ["position"]


def test_standing_up_a_body_is_an_action(extractor):
    assert _kinds(extractor, "We will stand up a new task force on fisheries.") == ["commitment"]
