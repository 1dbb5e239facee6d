"""GreedyNer (ner_decode.py) decodes spaCy's NER in numpy: it must find exactly the entities,
and leave exactly the token annotations, that the spaCy component itself does."""

from __future__ import annotations

import pytest

from pledgebook.extract.ner_decode import GreedyNer
from pledgebook.extract.nlp import PARSE_BATCH
from pledgebook.extract.pipeline import Extractor
from tests.conftest import example_lines

# invented: names of every kind, names that run to a sentence's end or across the parser's
# sentence break, spaces and line breaks inside a sentence, one-token and empty texts
INVENTED = [
    "The Ministry of Foreign Affairs of Ruritania and the Zenda Development Bank signed the Strelsau Accord.",
    "Both sides welcomed the Northern Rail Link project, the Blue Harbour Terminal and the Treaty of Osterlich.",
    "The leaders will meet at the Grand Palace Hotel in March 2027 with the Secretary-General of the United Nations.",
    "They agreed to expand the Lake Moro Solar Park. The Moro Energy Company will build it by 2030.",
    "The  Joint  Commission on Trade\nwill convene in Vienna",
    "Acme Holdings Ltd",
    "OK",
    "",
    "President Jane Roe thanked Prime Minister John Doe for the Ruritanian Space Agency's support.",
    "The Eastern Partnership Summit, the Pacific Islands Forum and the G20 Summit in New Delhi were discussed.",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return INVENTED + example_lines()[:300]


def _entities(doc) -> list[tuple]:
    return [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents] + [[(t.ent_iob_, t.ent_type_) for t in doc]]


def test_the_extractor_decodes_ner_in_numpy(extractor):
    assert isinstance(extractor.ner, GreedyNer)


def test_numpy_decoding_finds_what_spacy_finds(extractor, sentences):
    spacy_ner = extractor.nlp.get_pipe("ner")
    ours = list(extractor.parser.pipe(sentences))
    theirs = list(extractor.parser.pipe(sentences))
    list(extractor.ner.pipe(ours, batch_size=PARSE_BATCH))
    list(spacy_ner.pipe(theirs, batch_size=PARSE_BATCH))
    assert [_entities(d) for d in ours] == [_entities(d) for d in theirs]
    assert sum(len(d.ents) for d in ours) > 100


def test_numpy_decoding_alike_in_any_batch(extractor):
    ours = [extractor.parser(t) for t in INVENTED]
    singly = [extractor.parser(t) for t in INVENTED]
    list(extractor.ner.pipe(ours, batch_size=4))
    for doc in singly:
        extractor.ner(doc)
    assert [_entities(d) for d in ours] == [_entities(d) for d in singly]
    assert any(e.label_ == "ORG" for d in ours for e in d.ents)


def test_preset_entities_are_left_to_spacy(extractor):
    """A doc with entities already set goes to spaCy's own decoding (its rules keep them)."""
    from spacy.tokens import Span

    doc = extractor.parser("The Zenda Development Bank will fund the Northern Rail Link.")
    doc.set_ents([Span(doc, 1, 4, label="ORG")], default="unmodified")
    other = extractor.parser("The Zenda Development Bank will fund the Northern Rail Link.")
    other.set_ents([Span(other, 1, 4, label="ORG")], default="unmodified")
    list(extractor.ner.pipe([doc]))
    list(extractor.nlp.get_pipe("ner").pipe([other]))
    assert _entities(doc) == _entities(other)
    assert (1, 4, "ORG", "") in [e[:4] for e in _entities(doc)[:-1]]


def test_an_unknown_model_keeps_the_component():
    class Other:
        model = None

    other = Other()
    assert GreedyNer.wrap(other) is other
