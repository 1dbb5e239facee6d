"""A gerund right after the "to" of an undertaking that the parser reads as an adjective of the noun
after it ("commitment to continuing people-to-people ties") is re-headed as the gerund
(extract/reattach.reattach_gerunds): a reaffirmed commitment to an action is a moderate commitment
(annotation guide §2, §5). A party after the -ing word, a codebook participle adjective, or a stative
verb keeps the parser's reading. Invented sentences."""

import pytest

from tests.conftest import speech_statements


def _kinds(extractor, tmp_path, text: str):
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence, expected", [
    ("The two ministers reaffirmed their commitment to continuing people-to-people ties.", [("commitment", "moderate")]),
    ("We reaffirm our commitment to restoring coral reefs.", [("commitment", "moderate")]),
    ("We are committed to continuing work in the fisheries format.", [("commitment", "firm")]),
])
def test_the_gerund_is_the_action(extractor, tmp_path, sentence, expected):
    assert _kinds(extractor, tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "We reaffirm our commitment to lasting peace.",
    "We reaffirm our commitment to developing countries.",
    "We remain committed to remaining strong advocates of disarmament.",
])
def test_an_adjective_a_party_or_a_state_is_no_action(extractor, tmp_path, sentence):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] in ([], ["position"])


def test_the_parse_is_re_headed(extractor):
    from pledgebook.extract.reattach import reattach_gerunds

    doc = extractor.parser("Both leaders reaffirmed their commitment to continuing people-to-people ties.")
    reattach_gerunds(doc, extractor.lex)
    by_text = {t.text: t for t in doc}
    assert by_text["continuing"].dep_ == "pcomp" and by_text["continuing"].head.text == "to"
    assert by_text["ties"].head.text == "continuing"
