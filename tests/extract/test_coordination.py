"""Two purposes joined by a bare "and", and a series of gerunds after a preposition, are one
commitment each when each names its own object (annotation guide §3, "Coordinated purposes after
one undertaking"); one verb pair on one object, the purposes of a verb that has its own object,
an item of a colon list, and means after "including" stay inside. Invented sentences."""

import pytest

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _commitments(extractor, sentence: str) -> list[str]:
    record = extractor.extract_text(HEADER + sentence)
    return [" ".join(s.text.split()) for s in record.statements if s.kind == "commitment"]


def test_two_purposes_of_a_bare_modal_are_two_commitments(extractor):
    found = _commitments(extractor, "We will work together to expand fish stocks and protect coastal wetlands.")
    assert len(found) == 2
    assert found[1].startswith("protect coastal wetlands")


def test_a_second_infinitive_after_and_to_is_its_own_commitment(extractor):
    found = _commitments(extractor, "The ministers renewed their commitment to support the river authority and "
                                    "to respond to the needs of fishing communities.")
    assert len(found) == 2
    assert found[1].startswith("to respond to the needs")


def test_the_purposes_of_an_effort_are_one_commitment_each(extractor):
    found = _commitments(extractor, "We are committed to renew our efforts to reduce maternal deaths and improve "
                                    "rural clinics.")
    assert len(found) == 2


def test_a_verb_pair_on_one_object_stays_one(extractor):
    assert len(_commitments(extractor, "We will take steps to monitor and report illegal fishing.")) == 1


def test_purposes_of_a_verb_with_its_own_object_stay_inside(extractor):
    found = _commitments(extractor, "We will adopt new port rules to deter illegal landings and protect local fishers.")
    assert len(found) == 1


def test_an_item_of_a_colon_list_keeps_its_and(extractor):
    found = _commitments(extractor, "The two sides will seek to: expand tourism and increase direct flights; and "
                                    "strengthen port security.")
    assert not any(f.startswith("increase direct flights") for f in found)


def test_gerunds_after_a_preposition_are_one_commitment_each(extractor):
    found = _commitments(extractor, "We agreed to step up joint efforts in restoring fish stocks, protecting "
                                    "coastal wetlands, and training local rangers.")
    assert len(found) == 3
    assert found[1].startswith("protecting coastal wetlands")


def test_gerunds_of_means_after_including_stay_inside(extractor):
    found = _commitments(extractor, "We will deepen cooperation in protecting the coast, including by training "
                                    "rangers, funding patrols, and mapping the reefs.")
    assert len(found) == 1


def test_a_second_infinitive_after_a_long_object_is_its_own_commitment(extractor):
    found = _commitments(extractor, "Kenya intends to apply the lower of either the most-favoured-nation rate or a "
                                    "rate of 5 percent on originating goods of Norway and Iceland and to apply a zero "
                                    "rate on listed fish products.")
    assert len(found) == 2
    assert found[1].startswith("to apply a zero rate")


def test_gerunds_of_means_after_by_stay_inside(extractor):
    found = _commitments(extractor, "We will strengthen our flood defences by building levees, restoring wetlands, "
                                    "and training local crews.")
    assert len(found) == 1


def test_a_participle_of_effect_after_one_gerund_stays_inside(extractor):
    found = _commitments(extractor, "Norway announced plans to assist Kenya in training port engineers, "
                                    "contributing to the growth of its fisheries.")
    assert len(found) == 1


def test_comma_and_to_opens_a_second_commitment(extractor):
    found = _commitments(extractor, "We commit to strengthen our clinics, and to expand vaccine production.")
    assert len(found) == 2


def test_gerunds_after_including_as_a_preposition_stay_inside(extractor):
    found = _commitments(extractor, "We are providing emergency assistance to the region, including sending "
                                    "medical teams, and supporting local clinics.")
    assert not any(f.startswith("supporting local clinics") for f in found)


# -- light and generic objects: their purposes are the undertakings (guide §10 "Light heads") -------------
def test_purposes_of_a_light_object_under_a_modal_are_one_each(extractor):
    found = _commitments(extractor, "We will take steps to protect the coral reefs and restore mangrove forests.")
    assert len(found) == 2
    assert found[1].startswith("restore mangrove forests")


def test_purposes_of_unnamed_new_projects_are_one_each(extractor):
    found = _commitments(extractor, "Norway, through its development agency, will support new projects to modernize "
                                    "Kenya’s fish markets and combat illegal trawling.")
    assert len(found) == 2
    assert found[1].startswith("combat illegal trawling")


def test_purposes_of_a_named_initiative_stay_inside(extractor):
    found = _commitments(extractor, "The ministers will launch the Blue Reef Initiative to restore wetlands and to "
                                    "expand fish hatcheries.")
    assert len(found) == 1


# -- a ", while" rider with an action of its own (guide, third blind batch: counting) ----------------------
def test_a_while_rider_with_its_own_action_is_a_commitment_with_the_heads_verb_strength(extractor):
    record = extractor.extract_text(HEADER + "The two ministers agreed to consider new quotas for tuna, while "
                                             "expanding joint patrols in the northern waters.")
    found = [s for s in record.statements if s.kind == "commitment"]
    assert len(found) == 2
    assert found[1].text.startswith("while expanding joint patrols")
    assert found[0].strength == "soft" and found[1].strength == "firm"  # "agreed" undertakes; "consider" softens only its own


def test_a_conditioning_while_rider_is_no_commitment(extractor):
    found = _commitments(extractor, "The two ministers agreed to review the fisheries quota, while respecting the "
                                    "rights of coastal villages.")
    assert len(found) == 1


def test_a_while_rider_that_keeps_a_principle_is_no_commitment(extractor):
    found = _commitments(extractor, "We will expand the coastal patrols, while promoting human rights at sea.")
    assert len(found) == 1


def test_a_while_participle_without_a_comma_is_no_rider(extractor):
    found = _commitments(extractor, "We will impose sanctions on vessels engaged in fishing while flying false flags.")
    assert len(found) == 1


def test_a_while_rider_that_sets_a_standard_tells_a_manner(extractor):
    found = _commitments(extractor, "The two ministers agreed to open a new fish market in Mombasa, while setting "
                                    "the highest hygiene standard in the region.")
    assert len(found) == 1
    found = _commitments(extractor, "We will fund rural fish markets, while promoting high safety standards and "
                                    "creating benefits for local traders.")
    assert len(found) == 1


def test_a_while_rider_that_tells_an_effect_on_others_stays_inside(extractor):
    found = _commitments(extractor, "We will restore the coastal mangroves, while inspiring other nations to "
                                    "protect theirs.")
    assert len(found) == 1


def test_a_while_rider_with_its_own_act_is_still_one_more_commitment(extractor):
    found = _commitments(extractor, "We will restore the coastal mangroves, while training local rangers in "
                                    "reef monitoring.")
    assert len(found) == 2


# -- a series "to A, to B, and to C": one statement per item, each with its own kind (guide §3, §10) -------
def test_an_item_of_an_infinitive_series_that_keeps_a_principle_is_a_position(extractor):
    record = extractor.extract_text(HEADER + "The ministers resolve to expand rural clinics, to uphold the rule of "
                                             "law, and to train new nurses.")
    found = [(s.kind, " ".join(s.text.split())) for s in record.statements]
    assert ("position", "to uphold the rule of law") in found
    assert [t for k, t in found if k == "commitment"][-1] == "to train new nurses"
    assert len([k for k, _ in found if k == "commitment"]) == 2


def test_an_infinitive_series_after_a_that_clause_is_one_statement_per_item(extractor):
    record = extractor.extract_text(HEADER + "They resolve to ensure that every village has clean water, to uphold "
                                             "the rule of law, to defend the rights of fishers, and to counter "
                                             "illegal logging.")
    found = [(s.kind, " ".join(s.text.split())) for s in record.statements]
    assert found[0] == ("commitment", "They resolve to ensure that every village has clean water")
    assert ("commitment", "to counter illegal logging") in found
    assert len(found) == 4


def test_a_lone_comma_purpose_stays_the_actions_purpose(extractor):
    found = _commitments(extractor, "We will expand the coast guard fleet, to protect fishing grounds.")
    assert len(found) == 1


# -- examples after "such as" (annotation guide §3, session 13): a series only after a generic head ----

def test_gerund_examples_after_a_generic_head_are_one_commitment_each(extractor):
    found = _commitments(extractor, "The ministers agreed to tackle common challenges such as restoring the "
                                    "mangrove belt, expanding coastal radar and hiring more harbour pilots.")
    assert len(found) == 3
    assert found[1].startswith("expanding coastal radar")
    assert found[2].startswith("hiring more harbour pilots")


def test_gerund_examples_after_generic_measures_with_an_oxford_comma(extractor):
    found = _commitments(extractor, "We will take measures such as mapping the reefs, licensing small boats, "
                                    "and banning bottom trawling.")
    assert len(found) == 3


def test_gerund_examples_after_a_head_with_content_stay_inside(extractor):
    found = _commitments(extractor, "We will remove the barriers to fish exports such as requiring double "
                                    "inspections, charging port levies, and limiting cold-chain permits.")
    assert len(found) == 1


def test_examples_that_are_fields_stay_with_the_generic_head(extractor):
    found = _commitments(extractor, "The two sides will deepen cooperation in areas such as fisheries, "
                                    "ocean science and port management.")
    assert len(found) == 1


# -- a ", while" rider that voices thanks or a stance through a light verb (lowdocs15) ---------------------
@pytest.mark.parametrize("sentence", [
    "The minister said he would expand the rice programme, while also expressing his gratitude for the loans.",
    "The two ministers agreed to hold joint naval drills, while voicing concern over piracy in the strait.",
])
def test_a_while_rider_voicing_thanks_or_a_stance_is_no_commitment(extractor, sentence):
    assert len(_commitments(extractor, sentence)) == 1


def test_a_while_rider_with_a_light_verb_and_an_action_noun_is_still_a_commitment(extractor):
    found = _commitments(extractor, "The two ministers agreed to review the fisheries quota, while announcing "
                                    "the construction of a new harbour in the north.")
    assert len(found) == 2


def test_thanks_voiced_after_an_undertakings_action_is_cut_out_of_its_span(extractor):
    record = extractor.extract_text(HEADER + "The minister stated that he would like to deepen the fisheries "
                                             "partnership with Kenya, while also expressing his gratitude for "
                                             "Kenya's help in the past.")
    kinds = [(s.kind, " ".join(s.text.split())) for s in record.statements]
    assert ("appreciation", "while also expressing his gratitude for Kenya's help in the past") in kinds, kinds
    assert not any(k == "commitment" and "gratitude" in t for k, t in kinds), kinds
