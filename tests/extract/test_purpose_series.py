"""Coordinated purposes after one undertaking are one commitment each ("work in partnership to
lift growth, boost resilience and strengthen institutions" = three, annotation guide §3); what
is appropriate or what a nearer verb governs stays inside. Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


def test_purposes_of_one_undertaking_are_one_commitment_each(extractor):
    found = _commitments(extractor, "We commit to work in partnership to lift exports, boost food security and "
                                    "strengthen regional institutions.")
    assert found == ["We commit to work in partnership to lift exports", "boost food security",
                     "strengthen regional institutions"]


def test_what_an_adjective_governs_stays_inside(extractor):
    found = _commitments(extractor, "We will ensure our fiscal policies are appropriate to support growth, "
                                    "strengthen demand and promote global rebalancing.")
    assert len(found) == 1


def test_bare_verbs_under_a_nearer_verb_stay_inside(extractor):
    found = _commitments(extractor, "We are committed to align around shared targets to help vaccinate the region, "
                                    "save lives now, and build back better.")
    assert len(found) == 1


def test_a_stance_verb_ending_a_series_stays_a_stance(extractor):
    record = extractor.extract_text(HEADER + "In Somalia, we continue to work together to support the Somali "
                                             "government in its fight against extremism, and reaffirm our strong "
                                             "cooperation in the fight against terrorism.")
    kinds = {" ".join(s.text.split()).split()[0]: s.kind for s in record.statements}
    assert kinds.get("reaffirm") == "position"
