"""Main clauses the parser hides (extract/misparsed.py): a main clause hung as a complement on a
relative clause that follows it. Invented communiqué sentences."""

HEADER = "G20 Leaders' Declaration\n\n"


def _commitments(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


def test_a_main_clause_hung_on_the_relative_clause_after_it_is_read(extractor):
    found = _commitments(extractor, "We therefore decide to set up a G20 Task-Force on Fisheries, with a focus on small "
                                    "islands, that will provide input to the G20 Ocean Ministerial Meeting to be held "
                                    "under the Brazilian Presidency in 2024.")
    assert len(found) == 1
    assert found[0].startswith("We therefore decide to set up a G20 Task-Force on Fisheries")


def test_a_sentence_rooted_at_its_own_subject_is_read_once(extractor):
    found = _commitments(extractor, "We decide to set up a G20 Task-Force on Fisheries that will report to ministers.")
    assert len(found) == 1
