"""An agent noun of support after a copula reads as the verb: "remains a steadfast supporter of X"
= "supports X" (annotation guide §10, "Agent nouns of support"; codebook ``support_agent_nouns``).
Invented sentences."""

from tests.conftest import speech_statements


def _found(extractor, tmp_path, sentence: str) -> list[tuple[str, str | None]]:
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, sentence, speaker="MUS")]


def test_supporter_of_an_institutions_efforts_is_soft_support(extractor, tmp_path):
    assert _found(extractor, tmp_path, "Mauritius remains a steadfast supporter of the WHO’s vaccination efforts.") \
        == [("commitment", "soft")]


def test_backer_of_a_plan_is_soft_support(extractor, tmp_path):
    assert _found(extractor, tmp_path, "Mauritius is a strong backer of the plan to build a regional power grid.") \
        == [("commitment", "soft")]


def test_supporter_of_a_principle_is_a_position(extractor, tmp_path):
    assert _found(extractor, tmp_path, "Mauritius is a staunch supporter of multilateralism.") \
        == [("position", None)]


def test_a_supporter_as_a_person_states_nothing(extractor, tmp_path):
    assert _found(extractor, tmp_path, "A supporter of the opposition party was arrested in the capital.") == []


def test_a_ranked_supporter_is_a_record_not_support_declared(extractor, tmp_path):
    assert not any(k == "commitment" for k, _ in _found(
        extractor, tmp_path, "Mauritius is the region’s largest supporter of the WHO’s vaccination efforts, with "
                             "a third of their budget."))
    assert not any(k == "commitment" for k, _ in _found(
        extractor, tmp_path, "Mauritius is a leading backer of the plan to build a regional power grid."))
