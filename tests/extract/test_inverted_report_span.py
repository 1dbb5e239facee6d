"""A report whose reporting verb follows it after a comma ("The participants agreed to meet again
..., said the document that was released by the government") is spanned over the report alone, also
when a later item of the report is a statement of its own; a reporting verb before its report
("The document said that the participants agreed to X") keeps its reporting clause in the span."""

from pledgebook.extract.clauses import find_statements
from pledgebook.extract.pipeline import Extractor


def _spans(extractor: Extractor, sentence: str) -> list[str]:
    parsed = extractor._parse_one(sentence)
    return [sentence[f.start:f.end] for f in find_statements(parsed, extractor.lex)]


def test_the_trailing_attribution_is_cut_off(extractor):
    sentence = ("The leaders agreed to meet again, at a date to be determined, to review the corridor projects and "
                "determine the next steps, said the document that was released by the host government.")
    spans = _spans(extractor, sentence)
    assert spans[0].startswith("The leaders agreed to meet again")
    assert not any("said the document" in s for s in spans)


def test_a_short_attribution_too(extractor):
    assert _spans(extractor, "The leaders agreed to build a railway, said the statement that was issued on Friday.") \
        == ["The leaders agreed to build a railway"]


def test_a_reporting_clause_before_the_report_stays(extractor):
    spans = _spans(extractor, "The document that was released on Friday said that the leaders agreed to build a railway.")
    assert any(s.startswith("The document") for s in spans)
