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


def _kinds(extractor, sentence: str) -> list[str]:
    return [s.kind for s in extractor.extract_text(HEADER + sentence).statements]


def test_a_verb_of_multiplying_tagged_an_adjective_after_to_is_the_action(extractor):
    assert _kinds(extractor, "We have agreed to treble resources available to the regional development banks.") \
        == ["commitment"]
    assert _kinds(extractor, "We have agreed to quadruple loans available to small farmers.") == ["commitment"]


def test_a_multiplying_word_that_is_an_adjective_stays_one(extractor):
    assert "commitment" not in _kinds(extractor, "We have agreed to a double standard of review for the reports.")


def test_a_gerund_after_the_triggers_colon_is_the_action(extractor):
    # (a list item quoted without its full stop, as the G20 Research Group quotes them)
    assert _kinds(extractor, "We agreed today on: Following through on credit guarantees") == ["commitment"]
