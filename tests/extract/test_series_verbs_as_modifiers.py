"""An item of a comma series of bare verbs whose verb the tagger reads as a noun or an adjective,
and the parser joins to the previous item's object ("improve public health, advance physical
connectivity, and create jobs"; "invest in education, advance workers' rights"), is an undertaking of
its own, cut from the item before it (extract/clauses.py _verbs_read_as_modifiers; rules.yaml
series_action). A verb-like word before a bare noun may be that noun's modifier and stays inside
("improve clinics, support services"). Invented sentences."""

from tests.conftest import joint_statements


def _commitments(extractor, sentence: str) -> list[str]:
    return [text for kind, _, text, _ in joint_statements(extractor, sentence) if kind == "commitment"]


def test_verb_read_as_modifier_opens_its_own_item(extractor):
    texts = _commitments(extractor, "The two sides will modernize the port, improve public health, advance physical "
                                    "connectivity, and create new jobs.")
    assert "improve public health" in texts
    assert "advance physical connectivity" in texts


def test_verb_before_a_possessive_opens_its_own_item(extractor):
    texts = _commitments(extractor, "We also seek to promote the transition to formal employment, invest in education "
                                    "and workforce development, advance workers' rights, and encourage responsible "
                                    "business conduct.")
    assert "advance workers' rights" in texts
    assert not any("development, advance" in t for t in texts)


def test_modifier_before_a_bare_noun_stays_in_its_item(extractor):
    texts = _commitments(extractor, "The two sides will build schools, improve clinics, support services and training centres.")
    assert not any(t.startswith("support services") for t in texts)
    texts = _commitments(extractor, "The two sides will improve roads, bridges, transit systems and ports.")
    assert len(texts) == 1


def test_noun_list_without_a_verb_series_is_untouched(extractor):
    # no series of verbs: "advance" after a comma in a plain object list is not split off
    texts = _commitments(extractor, "Kenya will fund roads, bridges, advance warning systems and ports.")
    assert len(texts) == 1


def test_verb_after_an_aside_inside_one_item_stays(extractor):
    # "deter and, where appropriate, counter X": the comma closes an aside, not an item
    texts = _commitments(extractor, "We will share information, deter and, where appropriate, counter cyber attacks.")
    assert not any(t.startswith("counter") for t in texts)
