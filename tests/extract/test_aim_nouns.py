""""aim" and "objective" carried by a light verb are aims of the parties' own, as "goal" is:
"share the objective of doubling X" is a moderate commitment (annotation guide §2 "Goals and aims",
§10 "share the goal of"); set with an amount it is a target set, firm, as "set the goal of raising
trade to $X" is (funding.target_nouns); "with the aim of X" stays the purpose of the clause it
ends. Invented."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, sentence: str) -> list[tuple[str, str | None]]:
    return [(s.kind, s.strength) for s in extractor.extract_text(HEADER + sentence).statements]


def test_set_the_aim_of_with_an_amount_is_a_firm_target(extractor):
    assert _found(extractor, "Norway and Kenya set the aim of raising two-way fish exports to $400 million by "
                             "2028.") == [("commitment", "firm")]


def test_share_the_objective_of_is_a_moderate_commitment(extractor):
    assert _found(extractor, "The two ministers share the objective of doubling the number of direct flights "
                             "between Oslo and Nairobi.") == [("commitment", "moderate")]


def test_met_with_the_aim_of_stays_a_meeting(extractor):
    assert _found(extractor, "The trade ministers met in Mombasa with the aim of raising fish exports.") \
        == [("meeting", None)]


def test_the_aims_of_a_charter_are_no_commitment(extractor):
    assert not any(k == "commitment" for k, _ in _found(extractor, "Norway and Kenya reaffirmed the aims of the "
                                                                   "Charter of the United Nations."))
