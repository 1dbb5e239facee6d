"""Praise of another party's undertaking is the praising party's appreciation, and the undertaking
praised a commitment of that party of its own; a welcome reports the undertaking by itself
(extract/praise.py; annotation guide §10 and §2). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, sentence: str) -> list[tuple[str, list[str], str]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.kind, s.actors, " ".join(s.text.split())) for s in record.statements]


def test_praise_of_a_commitment_is_cut_into_praise_and_undertaking(extractor):
    assert _found(extractor, "Norway also commended Kenya’s commitment to using trusted providers in its upcoming "
                             "fisheries tender.") == [
        ("appreciation", ["NOR"], "Norway also commended Kenya’s commitment"),
        ("commitment", ["KEN"], "using trusted providers in its upcoming fisheries tender")]


def test_a_welcome_of_an_intent_is_the_other_partys_commitment(extractor):
    assert _found(extractor, "Norway welcomed Kenya’s intent to revise its national fisheries strategy.") == [
        ("commitment", ["KEN"], "Norway welcomed Kenya’s intent to revise its national fisheries strategy")]


def test_praise_of_a_commitment_to_a_principle_is_praise_only(extractor):
    assert [k for k, _, _ in _found(extractor, "Norway commended Kenya’s commitment to democracy.")] \
        == ["appreciation"]
