"""Extraction parses a document's candidate sentences in batches of PARSE_BATCH and runs NER
over its queued sentences at once: a sentence's parse and entities must not depend on the
batch it came in (the records would then depend on the document around it)."""

from __future__ import annotations

import pytest

from pledgebook.extract.nlp import PARSE_BATCH, SentenceParser
from pledgebook.extract.pipeline import Extractor
from tests.conftest import example_lines

ODD = [
    "We will not stand by, and we won't give up; they'd've agreed.",
    "THE TWO SIDES WILL ESTABLISH A JOINT WORKING GROUP ON MARITIME SECURITY.",
    "The parties re-emphasize their commitment to the co-chairs' plan, the U.S.-led initiative.",
    "Prices rose 3.5% in 2024 to $1.2bn (€1.1bn) — see §4(b), item iii.",
    "",
    "2.",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    texts = example_lines()[:400] + ODD
    assert len(texts) > PARSE_BATCH  # more than one batch of the pipeline's size
    return texts


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_a_sentence_parses_alike_in_any_batch(extractor, sentences):
    alone = SentenceParser(extractor.nlp, extractor.tokenizer, batch_size=1)
    assert extractor.parser.batch_size == PARSE_BATCH
    batched = list(extractor.parser.pipe(sentences))
    singly = list(alone.pipe(sentences))
    assert [_annotations(d) for d in batched] == [_annotations(d) for d in singly]
    assert [_annotations(d) for d in batched[:7]] == [_annotations(alone(t)) for t in sentences[:7]]


def test_ner_finds_the_same_entities_in_any_batch(extractor, sentences):
    docs = list(extractor.parser.pipe(sentences))
    one_by_one = list(extractor.parser.pipe(sentences))
    list(extractor.ner.pipe(docs, batch_size=PARSE_BATCH))
    for doc in one_by_one:
        list(extractor.ner.pipe([doc], batch_size=1))
    ents = [[(e.start, e.end, e.label_) for e in d.ents] for d in docs]
    assert ents == [[(e.start, e.end, e.label_) for e in d.ents] for d in one_by_one]
    assert sum(map(len, ents)) > 50  # the examples name many organisations, laws and places
