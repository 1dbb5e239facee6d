"""A group's meeting or body speaking as the group ("The Summit directed the Council to ...", "the
bloc committed to ...") and its directives to the group's own organs and members ("urged Member
States to ...": annotation guide §2, calls). Every sentence is invented for these tests."""

import pytest


def statements(extractor, text):
    return [(s.kind, s.strength, " ".join(s.text.split())) for s in extractor.extract_text(text).statements]


def kinds(extractor, text):
    return [k for k, _, _ in statements(extractor, text)]


@pytest.mark.parametrize("text, strength", [
    ("The Summit directed the Secretariat to publish the tariff schedule by June 2027.", "firm"),
    ("The summit further directed the council to review the fisheries protocol and report at the next summit.", "firm"),
    ("Summit decided to extend the seed-certification programme to 2030.", "firm"),
    ("The Conference decided to establish a regional vaccine stockpile.", "firm"),
    ("The bloc committed to concluding the services negotiations with the candidate members.", "firm"),
    ("The Assembly resolved to open a liaison office in Lusaka.", "moderate"),  # guide §5: resolved
])
def test_a_group_body_undertaking_is_a_commitment(extractor, text, strength):
    found = statements(extractor, text)
    assert [k for k, _, _ in found] == ["commitment"], found
    assert found[0][1] == strength, found


@pytest.mark.parametrize("text", [
    "The Summit called upon the Council of Ministers to adopt the road-safety charter without delay.",
    "Summit urged Member States to ratify the protocol on free movement.",
    "The Conference called on the Member States to contribute to the solidarity fund.",
    "The Summit commended the host for the new museum and urged Partner States to lend artefacts to it.",
])
def test_a_group_body_calling_on_its_own_organs_directs_them(extractor, text):
    found = statements(extractor, text)
    assert ("commitment", "firm") in [(k, s) for k, s, _ in found], found


@pytest.mark.parametrize("text", [
    "The Group called on the international community to lift the blockade.",  # a call on others
    "The Summit urged the warring parties to observe the ceasefire.",
    "The summit will focus on trade and investment.",  # a forecast
    "The summit is due to discuss the border dispute.",  # a schedule
    "The summit was held in Arusha on Wednesday.",  # narration
    "The Adani group committed to invest $2 billion in the port.",  # a company group, not a grouping of states
    "A group of experts decided to publish the study next year.",
    "The Conference reaffirmed its commitment to the principles of the Charter.",  # a principle
])
def test_other_group_body_sentences_undertake_nothing(extractor, text):
    assert "commitment" not in kinds(extractor, text), statements(extractor, text)
