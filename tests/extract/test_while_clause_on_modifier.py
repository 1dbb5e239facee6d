"""A "while" clause with a subject of its own states something of its own (clauses._marked_clauses),
also when the parser hangs it on a modifier of the verb before it ("..., the first-ever by a Turkish
president, while both presidents vowed to X") rather than on that verb; a "while" clause inside a
noun phrase's own words stays where it is."""

import pytest

from tests.conftest import news_statements

TITLE, DATE = "Chad, Turkey leaders hold talks", "2017-12-26"
LEAD = "Chadian President Idriss Deby and Turkish President Recep Tayyip Erdogan met in N'Djamena on Tuesday."


def _commitments(extractor, sentence: str) -> list[str]:
    return [" ".join(s.text.split())
            for s in news_statements(extractor, TITLE, DATE, LEAD, sentence) if s.kind == "commitment"]


@pytest.mark.parametrize("sentence", [
    "Deby expressed his pleasure at the visit, the first-ever by a Turkish president to the country, "
    "while both presidents condemned terrorism and jointly vowed to fight terrorism.",
    "Deby welcomed the visit, the first by a Turkish leader in a decade, while the two sides pledged to "
    "open a direct flight between the capitals.",
])
def test_a_while_clause_on_a_modifier_of_the_verb_is_read(extractor, sentence):
    assert len(_commitments(extractor, sentence)) == 1


def test_a_while_clause_of_narration_without_undertaking_adds_none(extractor):
    assert _commitments(extractor, "Deby expressed his pleasure at the visit, the first-ever by a Turkish "
                                   "president to the country, while crowds lined the streets of the capital.") == []
