"""`intend for X to do Y`: with the parties' own agents as X (their private sectors, enterprises,
agencies, ministries) it is the parties' commitment, moderate (annotation guide §10, "intend for X
to do Y"; codebook ``for_subject_verbs``, ``own_agent_nouns``); with a thing as X it undertakes
nothing. Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[tuple[str | None, tuple[str, ...]]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.strength, tuple(s.actors)) for s in record.statements if s.kind == "commitment"]


def test_own_private_sectors_to_act_is_a_moderate_commitment(extractor):
    assert _commitments(extractor, "Norway and Kenya intend for our private sectors to build three wind farms "
                                   "on the coast.") == [("moderate", ("KEN", "NOR"))]
    assert _commitments(extractor, "Under the new accord, Norway and Kenya intend for our private sectors, "
                                   "know-how, and capital to build three wind farms on the coast.")[:1] \
        == [("moderate", ("KEN", "NOR"))]


def test_own_companies_to_act_is_a_moderate_commitment(extractor):
    assert _commitments(extractor, "Norway intends for its state companies to invest in the fish processing plant "
                                   "at Lamu.") == [("moderate", ("NOR",))]


def test_own_agencies_to_act_is_a_moderate_commitment(extractor):
    assert _commitments(extractor, "The two governments plan for their development agencies to co-finance "
                                   "the water project.") == [("moderate", ("KEN", "NOR"))]


def test_a_thing_as_x_undertakes_nothing(extractor):
    assert _commitments(extractor, "The two sides intend for the gains of the accord to reach small farmers first.") == []
    assert _commitments(extractor, "Norway and Kenya intend for the new corridor to become a model of integration.") == []


def test_others_as_x_undertake_nothing(extractor):
    assert _commitments(extractor, "The two sides intend for other donors to join the fund next year.") == []
