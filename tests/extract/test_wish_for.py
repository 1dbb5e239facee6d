"""A wish noun takes "for" + its action, as support does: "expressed their desire for the swift
resolution of X" is a soft commitment; a desire for a state of affairs is none
(decisions._governed_action). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, sentence: str) -> list[tuple[str, str | None]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.kind, s.strength) for s in record.statements]


def test_a_desire_for_an_action_is_a_soft_commitment(extractor):
    assert _found(extractor, "The two leaders also expressed their desire for the swift resolution of fisheries "
                             "disputes.") == [("commitment", "soft")]


def test_a_desire_for_a_state_of_affairs_is_no_commitment(extractor):
    assert ("commitment", "soft") not in _found(extractor, "The two leaders expressed their desire for peace.")


def test_a_hope_for_others_effort_is_no_commitment(extractor):
    record = extractor.extract_text("Statement of the Holy See\n\nThe Holy See hopes for an effort by the "
                                    "international community to prohibit this practice universally.")
    assert not any(s.kind == "commitment" for s in record.statements)
