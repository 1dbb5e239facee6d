"""A second infinitive with its own "to" after the act of an aspectual gerund under an undertaking
("are committed to continuing to expand X and to open Y", "share the goal of continuing to bolster X
and to contribute to Y") is a second act of the undertaking (extract/clauses.py
_infinitives_after_continuing; rules.yaml coordinated_action). Invented sentences."""

from tests.conftest import joint_statements


def _commitments(extractor, sentence: str) -> list[str]:
    return [text for kind, _, text, _ in joint_statements(extractor, sentence) if kind == "commitment"]


def test_second_infinitive_after_continuing_is_its_own_act(extractor):
    texts = _commitments(extractor, "We are committed to continuing to expand trade in farm goods and to open new "
                                    "consulates in the north.")
    assert texts == ["We are committed to continuing to expand trade in farm goods",
                     "to open new consulates in the north"]
    texts = _commitments(extractor, "Kenya and Norway share the goal of continuing to bolster coastal patrols as a core "
                                    "element of our cooperation and to contribute to the security of the region.")
    assert len(texts) == 2 and texts[1] == "to contribute to the security of the region"


def test_one_infinitive_with_two_objects_stays_one(extractor):
    texts = _commitments(extractor, "We are committed to continuing to expand trade and investment in the region.")
    assert len(texts) == 1
