"""Lists of verb phrases under one undertaking that the tagger breaks are one commitment per item
(extract/verb_lists.py; annotation guide §3). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


def test_a_bare_first_infinitive_opens_a_list_of_verbs(extractor):
    found = _commitments(extractor, "Through this new partnership, the two sides intend to coordinate, exchange "
                                    "information, share best practices with coastal states, and leverage resources "
                                    "to mobilize investment in fishing ports.")
    assert found == ["Through this new partnership, the two sides intend to coordinate", "exchange information",
                     "share best practices with coastal states",
                     "leverage resources to mobilize investment in fishing ports"]


def test_verbs_sharing_one_object_stay_one(extractor):
    assert len(_commitments(extractor, "The two sides intend to promote, protect, and fulfil the rights of "
                                       "fishing communities.")) == 1


def test_an_object_list_after_the_first_verb_stays_one(extractor):
    found = _commitments(extractor, "The two sides intend to expand trade, research cooperation, and exchange "
                                    "programmes between their universities.")
    assert len(found) == 1


def test_gerunds_after_a_continuing_verb_are_one_each(extractor):
    found = _commitments(extractor, "We commit to continue providing assistance to Somalia, imposing targeted "
                                    "sanctions on the militias, and accelerating the training of its coast guard.")
    assert found == ["We commit to continue providing assistance to Somalia",
                     "imposing targeted sanctions on the militias",
                     "accelerating the training of its coast guard"]


def test_a_participle_rider_after_a_continuing_verb_is_no_item(extractor):
    found = _commitments(extractor, "We will continue providing assistance to Somalia, ensuring that aid reaches "
                                    "the most vulnerable.")
    assert len(found) == 1
