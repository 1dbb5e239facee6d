"""Purposes after a light head (annotation guide §10 "Light heads", batch 5 "Purposes after one
undertaking"): a gerund with no content of its own after "committed to" ("working together",
"continuing to work with X") and a light noun after a preposition ("cooperate in efforts to")
carry their content in their purposes, one commitment each; a verb with its own object keeps its
purposes inside, and verbs sharing one object stay one. Invented sentences."""

import pytest

TITLE = "Joint Statement of Kenya and Ghana"


def _texts(extractor, sentence: str) -> list[str]:
    from pledgebook.read.base import RawDocument

    record = extractor.extract(RawDocument(source="statement.txt", text=sentence, title=TITLE))
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


@pytest.mark.parametrize("sentence, items", [
    ("The two leaders committed to working together to expand the Mombasa port and restore rail freight to Kumasi.",
     ["restore rail freight to Kumasi"]),
    ("The leaders agreed to cooperate in regional efforts to eradicate polio, recruit more midwives, and prevent cholera outbreaks.",
     ["recruit more midwives", "prevent cholera outbreaks"]),
])
def test_the_purposes_of_a_light_head_are_one_commitment_each(extractor, sentence, items):
    found = _texts(extractor, sentence)
    assert len(found) == 1 + len(items) and found[1:] == items


@pytest.mark.parametrize("sentence", [
    "The two leaders committed to mobilizing concessional finance to expand the Mombasa port and to restore rail freight.",
    "The leaders will strengthen their actions to prevent, counter, and dismantle smuggling networks in the Gulf of Guinea.",
    "The two leaders committed to working together to expand the Mombasa port.",
])
def test_an_own_object_shared_verbs_or_one_purpose_stay_one(extractor, sentence):
    assert len(_texts(extractor, sentence)) == 1
