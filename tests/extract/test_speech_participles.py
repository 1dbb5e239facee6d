"""A speech set out line by line: "We will change how we work." then paragraphs that open with
a gerund and have no subject ("Listening more…", "Joining the Pact…") carry that undertaking on,
one commitment each, as the lines after "we will …" do. A line with a subject of its own, a gerund
that is a subject, or a run after a stance carries nothing. Invented text."""

SPEECH = "Statement by the Prime Minister of Norway to the General Assembly\n\n"


def _statements(extractor, *lines: str) -> list[tuple[str, str]]:
    record = extractor.extract_text(SPEECH + "\n\n".join(lines) + "\n")
    return [(s.kind, " ".join(s.text.split())) for s in record.statements]


def _commitments(extractor, *lines: str) -> list[str]:
    return [text for kind, text in _statements(extractor, *lines) if kind == "commitment"]


def test_gerund_paragraphs_carry_on_an_undertaking(extractor):
    found = _commitments(extractor, "We will also change how Norway works abroad.",
                         "Listening a lot more to our partners…", "Towards real partnership.",
                         "Joining the Coalition for Clean Shipping…", "Pursuing a new Arctic Research Alliance…",
                         "Standing for a seat on the Council… And joining forces to tackle malaria…")
    assert found == ["We will also change how Norway works abroad", "Listening a lot more to our partners…",
                     "Joining the Coalition for Clean Shipping…", "Pursuing a new Arctic Research Alliance…",
                     "Standing for a seat on the Council…", "joining forces to tackle malaria…"]


def test_a_line_trailing_off_is_no_heading(extractor):
    found = _commitments(extractor, "We will also change how Norway works abroad.",
                         "Joining the Coalition for Clean Shipping…")
    assert "Joining the Coalition for Clean Shipping…" in found


def test_gerund_paragraphs_after_a_stance_carry_nothing(extractor):
    found = _commitments(extractor, "This is the approach the world needs to take.",
                         "Innovating…", "Thinking differently…", "Moving faster…")
    assert found == []


def test_a_gerund_that_is_a_subject_makes_a_clause(extractor):
    found = _commitments(extractor, "We will deepen our cooperation with the United Nations.",
                         "Strengthening domestic governance is also essential for peace.")
    assert found == ["We will deepen our cooperation with the United Nations"]


def test_a_paragraph_between_ends_the_run(extractor):
    found = _commitments(extractor, "We will also change how Norway works abroad.",
                         "The world has changed a great deal since then.",
                         "Joining the Coalition for Clean Shipping…")
    assert found == ["We will also change how Norway works abroad"]


def test_a_title_line_that_opens_with_a_gerund_carries_nothing(extractor):
    found = _commitments(extractor, "We will deepen our cooperation with the United Nations.",
                         "*Building resilient supply chains*",
                         "Supply chains were disrupted by the pandemic.")
    assert found == ["We will deepen our cooperation with the United Nations"]


def test_a_gerund_line_with_a_clause_of_its_own_keeps_all_it_says(extractor):
    found = _statements(extractor, "We will expand cooperation on fisheries.",
                        "Recognizing the importance of clean oceans, we will fund a pilot project.")
    assert ("position", "Recognizing the importance of clean oceans") in found
    assert ("commitment", "we will fund a pilot project") in found


def test_a_broken_line_or_a_paragraph_of_sentences_carries_nothing(extractor):
    found = _commitments(extractor, "We will support the transition in Sudan.",
                         "Turning to the situation in Mali. Algeria is playing a lead role in mediation.",
                         "footing.")
    assert found == ["We will support the transition in Sudan"]
