"""A name's acronym in parentheses inside a possessive ("the Agency's (IAEA) continued presence") is
read as the phrase without it (extract/reattach.reattach_acronyms): the owned noun is the object, so
support for an institution's work or presence is a soft commitment and support for its standing
stays a position (annotation guide §2). Invented sentences."""

import pytest

from tests.conftest import speech_statements


def _kinds(extractor, tmp_path, text: str):
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence, expected", [
    ("We strongly support the World Food Programme's (WFP) continued presence in the border camps.",
     [("commitment", "soft")]),
    ("We reaffirm our support for the International Maritime Organization's (IMO) ongoing review of port rules.",
     [("commitment", "moderate")]),
    ("We support the Southern African Development Community's (SADC) centrality in regional affairs.",
     [("position", None)]),
    ("We support the International Civil Aviation Organization (ICAO).", [("position", None)]),
])
def test_the_owned_noun_after_an_acronym_decides(extractor, tmp_path, sentence, expected):
    assert _kinds(extractor, tmp_path, sentence) == expected


def test_the_parse_is_re_headed(extractor):
    from pledgebook.extract.reattach import reattach_acronyms

    doc = extractor.parser("We support the World Food Programme's (WFP) continued presence in the camps.")
    reattach_acronyms(doc)
    by_text = {t.text: t for t in doc}
    assert by_text["presence"].head.text == "support" and by_text["presence"].dep_ == "dobj"
    assert by_text["Programme"].head.text == "presence" and by_text["Programme"].dep_ == "poss"
    assert by_text["WFP"].head.text == "Programme"
    heads = [t.head.i for t in doc]
    reattach_acronyms(doc)  # (a parse already right is left alone)
    assert [t.head.i for t in doc] == heads


def test_an_acronym_with_no_possessive_is_left_alone(extractor):
    from pledgebook.extract.reattach import reattach_acronyms

    doc = extractor.parser("We thank the Food and Agriculture Organization (FAO) for its report.")
    heads = [t.head.i for t in doc]
    reattach_acronyms(doc)
    assert [t.head.i for t in doc] == heads
