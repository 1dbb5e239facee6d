"""Forms of undertaking summit communiqués use (extract/communique.py, annotation guide §10),
and the speaking group of a declaration whose opening names no speaker (extract/metadata.py).
Invented sentences."""

HEADER = "Joint Statement of Norway and Kenya\n\n"


def _statements(extractor, sentence: str) -> list[tuple[str, str | None]]:
    record = extractor.extract_text(HEADER + sentence)
    return [(s.kind, s.strength) for s in record.statements]


def test_a_plan_settled_on_is_an_agreement(extractor):
    assert _statements(extractor, "We have agreed on an Action Plan for Coastal Fisheries.") == [("agreement", None)]


def test_a_named_plan_settled_on_stays_an_agreement_whatever_its_purpose(extractor):
    found = _statements(extractor, "We have agreed today on a coordinated Mombasa Fisheries Action Plan to reach "
                                   "those goals.")
    assert found == [("agreement", None)]


def test_a_plan_to_act_settled_on_stays_an_undertaking(extractor):
    found = _statements(extractor, "We agreed on a plan to build a fish market in Lamu.")
    assert ("commitment", "firm") in found


def test_agreeing_to_a_plan_s_action_stays_an_undertaking(extractor):
    assert _statements(extractor, "We agreed to implement the action plan.") == [("commitment", "firm")]


def test_an_undertaking_noun_after_united_in_is_an_undertaking(extractor):
    assert _statements(extractor, "We are united in our resolve to expand rural electrification.") == \
        [("commitment", "moderate")]


def test_steadfast_in_a_commitment_to_act_is_an_undertaking(extractor):
    found = _statements(extractor, "We remain steadfast in our commitment to train ten thousand nurses.")
    assert found and found[0][0] == "commitment"


def test_united_in_an_aim_for_the_relationship_is_no_undertaking(extractor):
    found = _statements(extractor, "We are united in our determination to modernize our ties for a new era.")
    assert ("commitment", "moderate") not in found


def test_united_in_a_belief_is_no_undertaking(extractor):
    found = _statements(extractor, "We are united in our belief that trade lifts incomes.")
    assert all(kind != "commitment" for kind, _ in found)


def test_an_infinitive_after_a_directed_object_is_what_is_directed(extractor):
    found = _statements(extractor, "We have tasked the regional agencies (the Fisheries Board, the Port Council) "
                                   "to report to ministers on stock levels.")
    assert found == [("commitment", "firm")]


def test_decisions_taken_to_act_are_an_undertaking(extractor):
    found = _statements(extractor, "Today we have taken decisions to expand irrigation.")
    assert found == [("commitment", "firm")]


def test_support_for_an_increase_is_a_soft_undertaking(extractor):
    found = _statements(extractor, "Norway supports the increase of private investment in Kenyan ports.")
    assert found == [("commitment", "soft")]


def test_a_declaration_speaks_for_the_group_it_names_most(extractor):
    text = ("Building our common future\n\n1. Growth has weakened. We reaffirm our commitment to work together. "
            "We commit to coordinate our policies. We decide to set up a G20 task force on jobs. We have asked "
            "the G20 finance ministers to report to us. We look forward to the meeting under the Mexican "
            "presidency.")
    record = extractor.extract_text(text)
    assert record.document.parties == ["G20"]
    assert {tuple(s.actors) for s in record.statements if s.kind == "commitment"} == {("G20",)}


def test_a_text_naming_its_parties_keeps_them(extractor):
    text = ("Joint Statement of India and Japan\n\nWe reaffirm our partnership. We will expand trade in textiles, "
            "machinery, medicines and farm goods, and we will open new consulates in Osaka and Chennai so that "
            "travellers, students, scholars and business people can obtain visas faster than they do today, "
            "which both governments see as the foundation of closer ties between their peoples in the decade "
            "ahead, and as the best answer to those who doubt that two democracies can build a partnership "
            "for the century. We will cooperate at the G20 and at the G20 summit next year.")
    record = extractor.extract_text(text)
    assert record.document.parties == ["IND", "JPN"]


def test_a_participle_after_have_and_adverbs_is_the_clause_verb(extractor):
    found = _statements(extractor, "We have today therefore pledged to restore fish stocks in the lake.")
    assert found == [("commitment", "firm")]


def test_have_as_a_main_verb_states_nothing_of_its_own(extractor):
    assert _statements(extractor, "We have today a shared history of trade.") == []


def test_deciding_to_become_more_of_something_is_an_undertaking(extractor):
    found = _statements(extractor, "The ministers decided to be even more transparent about fishing quotas.")
    assert found == [("commitment", "firm")]


def test_committed_to_be_a_partner_stays_a_position(extractor):
    found = _statements(extractor, "We are committed to be a reliable partner.")
    assert all(kind != "commitment" for kind, _ in found)


def test_support_for_a_people_s_efforts_aimed_at_an_action_is_a_soft_undertaking(extractor):
    found = _statements(extractor, "We support the efforts of the Somali people aimed at rebuilding their ports.")
    assert found == [("commitment", "soft")]


def test_support_for_a_people_stays_a_position(extractor):
    assert _statements(extractor, "We support the Somali people.") == [("position", None)]


def test_the_purpose_of_a_proposed_thing_is_not_directed(extractor):
    found = _statements(extractor, "The Commission has proposed new rules on storage to ensure that tanks are full.")
    assert ("commitment", "firm") not in found


def test_a_commitment_to_the_goal_of_doing_is_an_undertaking(extractor):
    found = _statements(extractor, "We remain committed to the goal of mobilising $2 billion for coastal towns.")
    assert found == [("commitment", "moderate")]


def test_a_recommitment_to_a_pledge_to_act_is_an_undertaking(extractor):
    found = _statements(extractor, "We recommit to our pledge to phase out coal power by 2035.")
    assert found == [("commitment", "moderate")]


def test_a_commitment_to_a_goal_with_no_action_stays_a_position(extractor):
    found = _statements(extractor, "We remain committed to the goals of the Charter.")
    assert all(kind != "commitment" for kind, _ in found)

