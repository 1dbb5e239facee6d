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
    found = [(s.kind, s.strength, s.rule) for s in extractor.extract_text(text).statements]
    assert ("commitment", "firm", "own_members_called") in found, found


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


# -- the parties' own text adopted or issued (guide §10 "The parties' own texts": an agreement) ----------
@pytest.mark.parametrize("text", [
    "The leaders adopted the Lusaka Declaration on regional value chains.",
    "The two sides issued a joint statement on the fisheries dispute.",
    "We adopted a declaration on universal access to clean water.",
    "The Conference adopted a charter on cultural heritage.",
    "The heads of state also adopted a statement on the anniversary of the organisation.",
])
def test_adopting_or_issuing_the_parties_own_text_is_an_agreement(extractor, text):
    assert kinds(extractor, text) == ["agreement"], statements(extractor, text)


@pytest.mark.parametrize("text", [
    "The General Assembly adopted a resolution on the rights of migrant workers.",  # another body's act, narrated
    "The Organization for Economic Cooperation and Development issued a report on tax havens.",
    "The ministry issued new visas to 300 students.",  # no instrument
    "The leaders adopted a cautious approach to the talks.",
])
def test_other_adoptions_are_no_agreement_of_the_parties(extractor, text):
    assert "agreement" not in kinds(extractor, text), statements(extractor, text)


def test_adopting_a_text_under_will_stays_an_undertaking(extractor):
    assert kinds(extractor, "We will adopt a declaration on food security at the next summit.") == ["commitment"]
