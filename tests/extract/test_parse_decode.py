"""GreedyParser (parse_decode.py) decodes spaCy's dependency parser in numpy: it must leave
exactly the heads, labels, sentence starts, children and edges that the spaCy component does."""

from __future__ import annotations

import pytest

from pledgebook.extract.nlp import PARSE_BATCH
from pledgebook.extract.parse_decode import GreedyParser
from pledgebook.extract.pipeline import Extractor
from tests.conftest import example_lines

# invented: long and nested sentences, several sentences in one text (the parser's own breaks),
# non-projective labels, line breaks and spaces, one-token and empty texts
INVENTED = [
    "The two ministers, who met in Strelsau on Monday, agreed that their governments would open a consulate.",
    "Ruritania will fund the bridge. Zenda will build the road, and both will share the costs!",
    "What the leaders decided, the ministers will carry out by the end of the year.",
    "A report was issued yesterday on the new harbour that the council had approved.",
    "The  Joint  Commission on Trade\nwill convene in Vienna",
    "We welcome",
    "Thanks",
    "",
    "They reaffirmed their commitment to expand, deepen and diversify cooperation in energy; trade; and health.",
    "In 2027, as agreed, the sides will hold the first meeting of the council whose members the presidents appoint.",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _parse(doc) -> list[tuple]:
    return [(t.i, t.head.i, t.dep_, t.is_sent_start, t.left_edge.i, t.right_edge.i, t.n_lefts, t.n_rights)
            for t in doc] + [doc.has_annotation("DEP")]


def _unparsed(extractor, texts):
    """The texts through the components before the parser (the parser and what follows it off)."""
    parser = extractor.parser
    return list(extractor.nlp.pipe([parser.tokenizer(t) for t in texts], disable=parser.disabled))


def test_the_extractor_decodes_the_parse_in_numpy(extractor):
    assert isinstance(extractor.parser.parser, GreedyParser)
    assert "parser" in extractor.parser.disabled


def test_numpy_decoding_parses_as_spacy_parses(extractor):
    texts = INVENTED + example_lines()
    ours, theirs = _unparsed(extractor, texts), _unparsed(extractor, texts)
    list(extractor.parser.parser.pipe(ours, batch_size=PARSE_BATCH))
    list(extractor.nlp.get_pipe("parser").pipe(theirs, batch_size=PARSE_BATCH))
    assert [_parse(d) for d in ours] == [_parse(d) for d in theirs]
    assert sum(t.dep_ == "ROOT" for d in ours for t in d) > 500


def test_numpy_decoding_alike_in_any_batch(extractor):
    batched, singly = _unparsed(extractor, INVENTED), _unparsed(extractor, INVENTED)
    list(extractor.parser.parser.pipe(batched, batch_size=3))
    for doc in singly:
        extractor.parser.parser(doc)
    assert [_parse(d) for d in batched] == [_parse(d) for d in singly]
    assert len(list(batched[1].sents)) >= 2


def test_preset_sentence_starts_are_honoured(extractor):
    """A word preset as a sentence start (or as none) is one the decoding keeps, as spaCy's does."""
    text = "The council met in Vienna and the ministers agreed on a plan for the harbour next year"
    ours, theirs = _unparsed(extractor, [text] * 2), _unparsed(extractor, [text] * 2)
    for docs in (ours, theirs):
        docs[0][6].is_sent_start = True
        docs[1][6].is_sent_start = False
    list(extractor.parser.parser.pipe(ours))
    list(extractor.nlp.get_pipe("parser").pipe(theirs))
    assert [_parse(d) for d in ours] == [_parse(d) for d in theirs]
    assert ours[0][6].is_sent_start and not ours[1][6].is_sent_start


def test_preset_heads_are_left_to_spacy(extractor):
    ours, theirs = _unparsed(extractor, INVENTED[:2]), _unparsed(extractor, INVENTED[:2])
    for docs in (ours, theirs):
        docs[0][1].head = docs[0][2]
    list(extractor.parser.parser.pipe(ours))
    list(extractor.nlp.get_pipe("parser").pipe(theirs))
    assert [_parse(d) for d in ours] == [_parse(d) for d in theirs]


def test_the_sentence_parser_gives_the_same_parses(extractor):
    from pledgebook.extract.nlp import SentenceParser

    plain = SentenceParser(extractor.nlp, extractor.tokenizer)
    plain.parser, plain.disabled = None, plain.replaced
    texts = INVENTED + example_lines()[:200]
    ours, theirs = list(extractor.parser.pipe(texts)), list(plain.pipe(texts))
    assert [_parse(d) + [(t.lemma_, t.tag_, t.pos_) for t in d] for d in ours] \
        == [_parse(d) + [(t.lemma_, t.tag_, t.pos_) for t in d] for d in theirs]
    assert _parse(extractor.parser(INVENTED[0])) == _parse(plain(INVENTED[0]))


def test_an_unknown_model_keeps_the_component():
    class Other:
        model = None

    other = Other()
    assert GreedyParser.wrap(other) is other
