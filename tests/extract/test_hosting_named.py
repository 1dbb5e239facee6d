"""Looking forward to a named party hosting an event is that host's meeting to come, a soft
commitment (extract/asides.hosting_named; annotation guide §2). Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _found(extractor, sentence: str) -> list[tuple[str, str | None, list[str]]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.kind, s.strength, s.actors) for s in record.statements]


def test_looking_forward_to_a_party_hosting_a_workshop(extractor):
    assert _found(extractor, "We look forward to Kenya hosting the inaugural fisheries workshop in 2026.") \
        == [("commitment", "soft", ["KEN"])]


def test_looking_forward_to_a_party_doing_something_else_stays_a_hope(extractor):
    assert [k for k, _, _ in _found(extractor, "We look forward to Kenya joining the fisheries workshop in 2026.")] \
        != ["commitment"]
