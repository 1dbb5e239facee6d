"""News prose attributes what it reports ("..., officials said"): the attribution is peeled off
the sentence, so the report is read alone; the source is kept apart. Invented sentences."""

import pytest

from pledgebook.codebook import Codebook
from pledgebook.read.base import RawDocument
from pledgebook.segment.attribution import peel_attribution
from pledgebook.segment.segmenter import segment

BOOK = Codebook.load().segmentation


def _peel(text: str):
    raw = RawDocument(source="t.txt", text=text)
    sentence = segment(raw, BOOK)[0].sentences[0]
    peeled = peel_attribution(sentence, BOOK.attribution)
    if peeled is None:
        return None
    span = peeled.sentence.span
    assert raw.text[span.start : span.end] == peeled.sentence.view.clean  # still grounded in the text
    return peeled.sentence.view.clean, peeled.source


@pytest.mark.parametrize("text, report, source", [
    ("Zambia will build a new bridge at Kazungula, officials said.", "Zambia will build a new bridge at Kazungula", "officials"),
    ("Zambia will build a new bridge at Kazungula, officials maintained.", "Zambia will build a new bridge at Kazungula", "officials"),
    ("The two sides agreed to widen the canal, the statement said.", "The two sides agreed to widen the canal", "the statement"),
    ("The two sides agreed to widen the canal, the ministry said in a statement on Monday.",
     "The two sides agreed to widen the canal", "the ministry"),
    ("Chile will fund the new ferry terminal, the minister told reporters in Valparaiso.",
     "Chile will fund the new ferry terminal", "the minister"),
    ("Chile will fund the new ferry terminal, said the Chilean ambassador.", "Chile will fund the new ferry terminal",
     "the Chilean ambassador"),
    ("Chile will fund the new ferry terminal, according to the Foreign Office.", "Chile will fund the new ferry terminal",
     "the Foreign Office"),
    ("Chile will fund the new ferry terminal, it was learnt.", "Chile will fund the new ferry terminal", ""),
    ("“We will finish the dam by May,” the minister said.", "“We will finish the dam by May", "the minister"),
])
def test_a_trailing_attribution_is_peeled_off(text, report, source):
    assert _peel(text) == (report, source)


def test_an_according_to_lead_in_is_peeled_off():
    text = "According to a statement from the Foreign Office, Chile and Peru agreed to build a ferry terminal."
    assert _peel(text) == ("Chile and Peru agreed to build a ferry terminal.", "a statement from the Foreign Office")


@pytest.mark.parametrize("text", [
    "Chile will fund the terminal, and Peru said it would build the road.",  # a clause, not an attribution
    "Chile will fund the terminal, the minister said the road would follow.",  # the verb reports a clause
    "We welcomed the partnership between Chile and the United States.",  # "States" is no verb
    "The leaders met in Lima, Peru.",
    "It grew, officials said.",  # too short a report to stand alone
    "Chile will fund the terminal, which officials said was vital.",
    "Chile, which hosted the talks in May, highlighted the results of the partnership with Peru.",  # a verb and its object
])
def test_other_tails_are_left_alone(text):
    assert _peel(text) is None
