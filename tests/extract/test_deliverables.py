"""What an undertaking will deliver, listed after "Key projects will include", is that
undertaking's, one commitment per item (extract/deliverables.py). Invented texts."""

from pledgebook.read import read_text


def _commitments(extractor, body: str):
    text = f"---\ntitle: \"Readout of President Ruto's Meeting with Prime Minister Store\"\ndate: '2025-06-20'\n---\n\n{body}\n"
    record = extractor.extract(read_text(text, source="x.md", format="markdown"))
    return [(s.actors, " ".join(s.text.split())) for s in record.statements if s.kind == "commitment"]


def test_the_items_of_a_deliverables_list_are_the_undertaking_before(extractor):
    found = _commitments(extractor, "Norway, through its development agency, will support new projects to protect "
                                    "Kenya's fisheries. Key projects will include up to $20 million in support for "
                                    "coastal patrol stations; strengthening Kenya's Fisheries Training College; "
                                    "expanding the community reef programme; and increasing support to the coast "
                                    "guard.")
    assert [a for a, _ in found] == [["NOR"]] * 5
    assert [t for _, t in found][1:] == ["Key projects will include up to $20 million in support for coastal patrol "
                                         "stations", "strengthening Kenya's Fisheries Training College",
                                         "expanding the community reef programme",
                                         "increasing support to the coast guard"]


def test_a_plan_that_lists_no_action_or_money_lists_nothing(extractor):
    found = _commitments(extractor, "The leaders agreed to hold a summit in Nairobi. The agenda will include "
                                    "discussions on trade; fisheries; and energy.")
    assert [t for _, t in found] == ["The leaders agreed to hold a summit in Nairobi"]
    found = _commitments(extractor, "Norway will fund a new clinic. Japan's projects will include $5 million for "
                                    "roads; building bridges; and paving streets.")
    assert [t for _, t in found] == ["Norway will fund a new clinic"]
