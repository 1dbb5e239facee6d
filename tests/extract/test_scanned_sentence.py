"""A ScannedSentence (grammar.py) reads as the spaCy sentence it wraps: the same tokens in the same
order, by iteration and by index, the Span's own attributes, and the tokens of a dependency label
in sentence order. The clause finders of find_statements scan it instead of the Span."""

from __future__ import annotations

from pledgebook.extract.grammar import ScannedSentence

SENTENCE = ("The delegates, who will meet again in spring, said that the council would publish the report "
            "that the members prepared and that the committee will review it after the ministers arrive.")


def _pair(extractor):
    span = next(extractor.parser(SENTENCE).sents)
    return span, ScannedSentence(span)


def test_iteration_index_and_length_are_the_spans(extractor):
    span, sent = _pair(extractor)
    assert [t.i for t in sent] == [t.i for t in span]
    assert len(sent) == len(span)
    assert [sent[k].i for k in (0, 3, -1)] == [span[k].i for k in (0, 3, -1)]
    assert sent[1:4].text == span[1:4].text  # a slice is the Span's own


def test_span_attributes_pass_through(extractor):
    span, sent = _pair(extractor)
    assert sent.root.i == span.root.i
    assert (sent.start, sent.end, sent.text) == (span.start, span.end, span.text)


def test_tokens_of_a_label_in_sentence_order(extractor):
    span, sent = _pair(extractor)
    for labels in (("relcl",), ("advcl",), ("relcl", "advcl", "ccomp"), ("nsubj",), ("no-such-label",)):
        expected = [t.i for t in span if t.dep_ in labels]
        assert [t.i for t in sent.with_dep(*labels)] == expected
    assert sent.with_dep("nsubj")  # the sentence has subjects: the test above compared something
