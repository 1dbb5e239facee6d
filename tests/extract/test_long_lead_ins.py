"""A commitment clause ending in a colon that says more than a short lead-in ("we agree to the
following steps to ensure X, Y and Z:") leads the bulleted items after it: each bare action is
a commitment, and the lead-in then none of its own (extract/lists.py ListCursor.opens_list_by;
annotation guide §3). Invented sentences."""

from tests.conftest import joint_statements

LEAD = ("To this end, we agree to the following steps to ensure the lasting calm of the border, "
        "and the return of the displaced, in the districts affected by the floods:")


def _commitments(extractor, body: str) -> list[str]:
    return [text for kind, _, text, _ in joint_statements(extractor, body) if kind == "commitment"]


def test_bare_actions_under_a_long_lead_in_are_its_commitments(extractor):
    found = _commitments(extractor, f"{LEAD}\n\n- Withdraw the heavy artillery from the border districts.\n\n"
                                    "- Refrain from hostile broadcasts about the other side.\n")
    assert found == ["Withdraw the heavy artillery from the border districts",
                     "Refrain from hostile broadcasts about the other side"]


def test_the_items_take_the_lead_ins_actors(extractor):
    from pledgebook.read import read_text

    text = (f"---\ntitle: \"Joint Statement of the Leaders of Kenya and Norway\"\ndate: '2025-06-20'\n---\n\n"
            f"{LEAD}\n\n- Withdraw the heavy artillery from the border districts.\n")
    record = extractor.extract(read_text(text, source="x.md", format="markdown"))
    items = [s for s in record.statements if s.kind == "commitment"]
    assert [(" ".join(s.text.split()), sorted(s.actors)) for s in items] == [
        ("Withdraw the heavy artillery from the border districts", ["KEN", "NOR"])]


def test_a_long_lead_in_over_noun_phrases_stays_a_commitment(extractor):
    found = _commitments(extractor, "Specifically, working with the parliament, Norway will provide $20 million "
                                    "to the following efforts across the region:\n\n"
                                    "- Support for the regional seed bank to expand its stores.\n\n"
                                    "- A new fisheries training programme.\n")
    assert any(text.startswith("Specifically, working with the parliament, Norway will provide $20 million")
               for text in found)


def test_an_undertaking_that_ends_before_the_colon_leads_no_items(extractor):
    found = _commitments(extractor, "We agree to reopen the border crossings, and we note the following "
                                    "concerns of the local traders:\n\n- Restore the old market hours.\n")
    assert "Restore the old market hours" not in found
