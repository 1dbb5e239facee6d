"""Money a party is contributing is still to be delivered: an undertaking in progress (codebook
progressive_undertakings; annotation guide §10, "Pledged versus spent"). Invented sentences."""

HEADER = "Readout of the Meeting of the Presidents of Norway and Kenya\n\n"


def test_a_contribution_in_progress_is_a_firm_commitment(extractor):
    record = extractor.extract_text(HEADER + "The Ministry of Foreign Affairs of Norway is contributing more than "
                                              "$12 million through international partners in Kenya.")
    assert [(s.kind, s.strength, s.rule) for s in record.statements] == [("commitment", "firm",
                                                                         "progressive_undertaking")]


def test_a_contribution_made_is_no_undertaking(extractor):
    record = extractor.extract_text(HEADER + "Norway contributed $12 million through international partners.")
    assert not any(s.kind == "commitment" for s in record.statements)
