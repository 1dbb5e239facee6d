"""A bare verb after "and" that the parser hangs on the copula of "were determined to X" carries on
the nearest "to" infinitive under the adjective ("were determined to double trade and encourage
investment" = two undertakings of "determined to", the second not a position of its own); the
purposes of a verb with its own object stay inside it ("determined to deploy X to expand A, boost B
and create C" = one)."""

from tests.conftest import news_statements

TITLE, DATE = "Vietnam, Cambodia leaders hold talks", "2011-12-08"
LEAD = "Vietnamese leader Nguyen Phu Trong and Cambodian Prime Minister Hun Sen held talks in Phnom Penh."


def _statements(extractor, sentence: str) -> list[tuple[str, str]]:
    return [(s.kind, " ".join(s.text.split()))
            for s in news_statements(extractor, TITLE, DATE, LEAD, sentence) if s.kind != "meeting"]


def test_the_second_verb_carries_on_determined_to(extractor):
    found = _statements(extractor, "Laos and Cambodia were also determined to raise bilateral trade to 2 billion USD "
                                   "next year and encourage more investment activities in border areas.")
    assert [kind for kind, _ in found] == ["commitment", "commitment"]
    assert found[1][1] == "encourage more investment activities in border areas"


def test_purposes_of_the_infinitive_stay_inside(extractor):
    found = _statements(extractor, "Cambodia is determined to deploy efficient green technologies to expand "
                                   "industrial production, boost agricultural yields and create jobs.")
    assert [kind for kind, _ in found] == ["commitment"]
