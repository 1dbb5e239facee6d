"""`confirm(ed) their commitment to` + an action is a renewed commitment, moderate as `reaffirmed
their commitment to` is (annotation guide §5); `confirm` with no undertaking noun reports. (Since
session 15 the speakers' own effort confirmed, `confirm their efforts to X`, is a moderate
commitment: tests/extract/test_own_efforts.py.) Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[str | None]:
    return [s.strength for s in extractor.extract_text(HEADER + sentence).statements if s.kind == "commitment"]


def test_confirmed_commitment_to_act_is_moderate(extractor):
    assert _commitments(extractor, "The two ministers confirmed their commitment to dredge the port of Lamu by 2027.") \
        == ["moderate"]
    assert _commitments(extractor, "Norway and Kenya confirm their intention to open a joint trade office in Nairobi.") \
        == ["moderate"]


def test_confirmed_facts_and_efforts_undertake_nothing(extractor):
    assert _commitments(extractor, "The two ministers confirmed that the talks had been useful.") == []
    assert _commitments(extractor, "The two sides confirmed the efforts of the mediators to keep the region calm.") == []
