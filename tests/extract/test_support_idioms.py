"""Going on record in support of an action is a moderate commitment (extract/support_idioms.py;
annotation guide §10, fact sheets). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, sentence: str) -> list[tuple[str, str | None, list[str]]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.kind, s.strength, s.actors) for s in record.statements]


def test_came_out_in_support_of_an_action(extractor):
    assert _found(extractor, "Kenya came out in support of ending public finance for new coal plants abroad.") \
        == [("commitment", "moderate", ["KEN"])]


def test_came_out_in_support_of_an_aim_to_act(extractor):
    assert _found(extractor, "The two leaders also came out in support of a regional ambition to channel $5 "
                             "billion to the poorest fishing communities.") == [("commitment", "moderate", ["KEN", "NOR"])]


def test_came_out_in_support_of_a_party_or_of_a_meeting_is_no_commitment(extractor):
    assert not any(k == "commitment" for k, _, _ in _found(extractor, "Norway came out in support of Somalia."))
    assert not any(k == "commitment" for k, _, _ in _found(extractor, "The ministers came out of the meeting in "
                                                                          "support of nothing new."))
