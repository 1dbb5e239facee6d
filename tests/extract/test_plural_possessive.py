"""A curly apostrophe after -s ("the United States’ commitment") is read as a possessive, as a
straight one is: the welcomed undertaking keeps its owner. Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _statements(extractor, sentence: str, header: str = HEADER):
    return [(s.kind, s.actors, s.rule) for s in extractor.extract_text(header + sentence).statements]


def test_a_welcomed_plural_possessor_commitment_with_a_curly_apostrophe(extractor):
    # the Netherlands is a party: a welcome of a non-party's commitment is the welcomers' position (guide §10)
    dutch = "Joint Statement of the Netherlands and Kenya\n\n"
    curly = _statements(extractor, "Kenyan leaders welcome the Netherlands’ commitment to expanding flood defences "
                                   "in Mombasa.", dutch)
    straight = _statements(extractor, "Kenyan leaders welcome the Netherlands' commitment to expanding flood defences "
                                      "in Mombasa.", dutch)
    assert curly == straight
    assert ("commitment", ["NLD"], "welcomed_undertaking_of_party") in curly


def test_the_parties_own_plans_welcomed_with_a_curly_apostrophe(extractor):
    found = _statements(extractor, "The leaders welcome their countries’ plans to prioritize bilateral trade "
                                   "through the new framework.")
    assert any(kind == "commitment" and actors == ["KEN", "NOR"] for kind, actors, _ in found)


def test_a_closing_quote_after_s_is_still_a_quote_when_no_word_follows(extractor):
    record = extractor.extract_text(HEADER + "Norway will fund the ‘clean seas’ programme of Kenya.")
    texts = [" ".join(s.text.split()) for s in record.statements]
    assert any("‘clean seas’ programme" in t for t in texts)  # offsets kept: the text is the source's


def test_a_singular_possessive_with_a_curly_apostrophe_before_a_name_keeps_the_phrase_whole(extractor):
    curly = extractor.extract_text(HEADER + "We want to use next month’s Ocean Conference to launch the reef fund.")
    texts = [" ".join(s.text.split()) for s in curly.statements if s.kind == "commitment"]
    assert texts == ["We want to use next month’s Ocean Conference to launch the reef fund"]
