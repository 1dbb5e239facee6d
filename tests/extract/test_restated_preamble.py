"""A declaration's preambular line that is only a gerund restating the speakers' own noun of
undertaking ("Reiterating their resolve to X;", "Emphasizing their commitment to Y;") names its
undertakers by "their"/"our" though it has no subject; a gerund that tells another's undertaking
("Noting their commitment to X;") or a noun no one owns ("Reaffirming the commitment to X;") stays a
subjectless fragment that undertakes nothing."""

import pytest

from tests.conftest import joint_statements

OPENING = "The Leaders of Kenya and Norway met in Nairobi on 20 June 2025.\n\n{line}\n\nThe leaders agreed to open a consulate in Mombasa.\n"


def _commitments(extractor, line: str) -> list[tuple[str, str]]:
    return [(strength, text) for kind, strength, text, _ in joint_statements(extractor, OPENING.format(line=line))
            if kind == "commitment" and "Mombasa" not in text]


@pytest.mark.parametrize("line", [
    "Reiterating their resolve to further deepen cooperation in renewable energy;",
    "Emphasizing their commitment to enhance the role of the joint commission in trade;",
    "Reaffirming our commitment to building a new ferry terminal at Kisumu;",
])
def test_a_restated_own_undertaking_standing_alone_is_a_commitment(extractor, line):
    assert _commitments(extractor, line) == [("moderate", line.rstrip(";"))]


@pytest.mark.parametrize("line", [
    "Noting their commitment to hold elections next year;",
    "Reaffirming the commitment to building a new ferry terminal at Kisumu;",
    "Recalling their pledge to open the border crossing;",
])
def test_others_or_no_ones_undertaking_in_a_fragment_is_none(extractor, line):
    assert _commitments(extractor, line) == []
