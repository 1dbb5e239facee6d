"""The object clause of "ensure" that the parser joins to the main verb is no commitment of its
own (extract/object_clauses.py). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


def test_what_an_undertaking_is_to_bring_about_is_inside_it(extractor):
    found = _commitments(extractor, "Leaders committed to work together to ensure regulations and investments will "
                                    "make clean energy technologies more affordable for all nations and help drive a "
                                    "global energy transition.")
    assert len(found) == 1
    assert found[0].startswith("Leaders committed to work together to ensure")


def test_a_party_named_before_its_own_will_keeps_its_commitment(extractor):
    found = _commitments(extractor, "The leaders agreed to fund the port and Kenya will build the railway.")
    assert found == ["The leaders agreed to fund the port", "Kenya will build the railway"]


def test_support_noted_for_an_institutions_work_is_a_commitment(extractor):
    record = extractor.extract_text(HEADER + "The leaders noted their strong support for the efforts underway by "
                                             "the regional development banks to review their lending models.")
    assert [s.kind for s in record.statements] == ["commitment"]
    record = extractor.extract_text(HEADER + "The leaders noted the importance of the partnership.")
    assert [s.kind for s in record.statements] == ["position"]
