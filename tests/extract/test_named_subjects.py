"""Subjects that name a party the clause rules cannot read (extract/named_subjects.py). Invented texts."""

from pledgebook.read import read_text

TITLE = "Joint Statement of the Leaders of India, Israel, United Arab Emirates, and the United States (I2U2)"


def _commitments(extractor, body: str):
    text = f"---\ntitle: \"{TITLE}\"\ndate: '2025-06-20'\n---\n\n{body}\n"
    record = extractor.extract(read_text(text, source="x.md", format="markdown"))
    return [(s.actors, " ".join(s.text.split())) for s in record.statements if s.kind == "commitment"]


def test_a_group_by_its_full_name_is_a_party(extractor):
    found = _commitments(extractor, "The I2U2 Group will advance a solar project in Rajasthan.")
    assert found and found[0][0] == ["I2U2"]


def test_a_party_after_a_bullet_label_is_the_subject(extractor):
    found = _commitments(extractor, "-   **Water Security:**  Israel – home to leading desalination firms – will "
                                    "finance two desalination plants in Gujarat.")
    assert found and found[0][0] == ["ISR"]


def test_a_named_regime_or_a_thing_stays_no_party(extractor):
    assert _commitments(extractor, "The Wassenaar Group will review its control lists.") == []
    assert _commitments(extractor, "The Food Security Programme: its budget will rise next year.") == []


def test_a_group_that_is_no_party_of_the_text_stays_none(extractor):
    record = extractor.extract_text("Peru supports the United Nations in its work on oceans. ECOWAS will deploy "
                                    "observers to the region.")
    # (support for the UN in its work on oceans is support for an institution's work, a soft commitment,
    # annotation guide §2; the point here is that ECOWAS, no party of the text, makes no statement)
    assert [s.kind for s in record.statements] == ["commitment"]
    assert not any("ECOWAS" in s.text for s in record.statements)
