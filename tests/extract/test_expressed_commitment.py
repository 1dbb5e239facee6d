"""`expressed (their) commitment to` + an action is firm (annotation guide §5), while a renewed
commitment (`reaffirmed / reiterated / underscored their commitment to`) stays moderate and a
commitment to a principle stays a position (§2: the object decides). The light verbs that bind
the noun are codebook data (triggers.yaml `binding_light_verbs`). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _read(extractor, sentence: str) -> list[tuple[str, str | None]]:
    return [(s.kind, s.strength) for s in extractor.extract_text(HEADER + sentence).statements]


def test_expressed_commitment_to_an_action_is_firm(extractor):
    assert _read(extractor, "The two ministers expressed their commitment to dredge the port of Lamu by 2027.") \
        == [("commitment", "firm")]
    assert _read(extractor, "The presidents expressed their strong commitment to reopening the rail link to Mombasa.") \
        == [("commitment", "firm")]


def test_renewed_commitment_stays_moderate(extractor):
    assert _read(extractor, "The two ministers reaffirmed their commitment to dredge the port of Lamu by 2027.") \
        == [("commitment", "moderate")]
    assert _read(extractor, "The presidents reiterated their commitment to reopening the rail link to Mombasa.") \
        == [("commitment", "moderate")]


def test_expressed_determination_and_principles_are_unchanged(extractor):
    assert _read(extractor, "The two ministers expressed their determination to dredge the port of Lamu.") \
        == [("commitment", "moderate")]
    assert _read(extractor, "The presidents expressed their commitment to the rules-based international order.") \
        == [("position", None)]


def test_binding_light_verbs_are_codebook_data():
    from pledgebook.codebook import Codebook

    assert "express" in Codebook.load().triggers.binding_light_verbs["commitment"]
    assert "reaffirm" not in Codebook.load().triggers.binding_light_verbs["commitment"]


def test_expressed_continued_commitment_is_a_renewal(extractor):
    assert _read(extractor, "The presidents expressed their continued commitment to reopening the rail link to Mombasa.") \
        == [("commitment", "moderate")]
