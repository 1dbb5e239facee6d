"""The line between commitment and position in the G20 Research Group's sense (issue 11,
classes 0, 1, 2, 4 and 7). Every sentence is invented for these tests."""

import pytest


def statements(extractor, text):
    return [(s.kind, s.rule, s.strength, " ".join(s.text.split())) for s in extractor.extract_text(text).statements]


def commitments(extractor, text):
    return [st for st in statements(extractor, text) if st[0] == "commitment"]


# -- class 0: an action after "committed to" is found, whatever its form ------------------------
@pytest.mark.parametrize("text", [
    "We remain committed to pay the remaining tranche of the adaptation fund by 2026.",  # bare infinitive
    "The member states remain committed to promote decent work in the garment sector.",
    "We remain firmly committed to further strengthening the global financial safety net.",  # gerund
    "We are committed to the timely completion of the review of quotas.",  # action noun
    "We commit to and prioritise the implementation of the action plan on food security.",  # stranded "to"
    "We commit to, and will prioritize, the implementation of the anti-corruption action plan.",
])
def test_an_action_after_committed_to_makes_a_commitment(extractor, text):
    found = statements(extractor, text)
    assert [k for k, *_ in found] == ["commitment"], found
    assert all(rule != "fallback_without_action" for _, rule, *_ in found)


@pytest.mark.parametrize("text", [
    "We remain committed to multilateralism.",
    "We reaffirm our commitment to the purposes and principles of the Charter.",
    "We are committed to a rules-based international order.",
])
def test_a_principle_after_committed_to_stays_a_position(extractor, text):
    assert [(k, rule) for k, rule, *_ in statements(extractor, text)] == [("position", "fallback_without_action")]


def test_gerunds_and_action_nouns_listed_under_commit_to_are_one_commitment_each(extractor):
    found = commitments(extractor, "We commit to:\n(a) expanding fast-payment links between our countries;\n"
                                   "(b) the full implementation of the roadmap for payments;\n"
                                   "(c) a stronger voice for developing countries.")
    assert [(rule, text) for _, rule, _, text in found] == [
        ("listed_undertaking", "expanding fast-payment links between our countries"),
        ("listed_undertaking", "the full implementation of the roadmap for payments")]
    # a discussion leads no list of undertakings, whatever its items name
    assert commitments(extractor, "The ministers discussed:\n- expanding trade;\n- the implementation of the roadmap.") == []


# -- class 1: support for an action, a plan, a process or an institution's work --------------------
@pytest.mark.parametrize("text", [
    "We endorse the Action Plan on Sustainable Agriculture.",
    "We support the work of the Financial Stability Board on crypto-assets.",
    "We support efforts aimed at strengthening debt transparency among creditors.",
    "We support the reform of the multilateral development banks.",
    "We endorse the principles and action plan of the task force on nature-related disclosures.",
    # support voiced for an action to come undertakes it too (annotation guide §2, session 11)
    "The leaders expressed support for the reform of the banks.",
    "We support the mediator's six-point formula for ending the border dispute.",
    "On the island's status, we support a negotiated political solution under the auspices of the envoy.",
    "We back the Chair's proposal for a standing review mechanism.",
])
def test_support_or_endorsement_of_a_plan_or_process_is_a_soft_commitment(extractor, text):
    found = commitments(extractor, text)
    assert [(rule, strength) for _, rule, strength, _ in found] == [("stance_with_action", "soft")], statements(extractor, text)


@pytest.mark.parametrize("text", [
    "We support the sovereignty and territorial integrity of Ukraine.",
    "We endorse the principle of common but differentiated responsibilities.",
    "We support the right of all peoples to self-determination.",
    "We support a free and open Indo-Pacific.",
    "We support sustainable development and climate action.",  # an aim, named in general
    "The leaders expressed support for Ghana's participation in the council.",  # a party's place in a body
    "We reaffirm our strong support for the independence of central banks.",
    "A negotiated solution is the only way out of the crisis.",  # no support voiced
    "We support the people of the island in their hour of need.",
])
def test_support_for_a_principle_or_a_state_of_affairs_stays_a_position(extractor, text):
    assert commitments(extractor, text) == [], statements(extractor, text)


@pytest.mark.parametrize("text", [
    "We are committed to apprenticeship schemes that equip young people with digital skills.",
    "We reaffirm our commitment to the 2030 Agenda for Sustainable Development.",
    "We reiterate our commitment to the global strategy on digital health.",
])
def test_a_commitment_to_a_plan_or_programme_is_a_commitment(extractor, text):
    assert [rule for _, rule, _, _ in commitments(extractor, text)] == ["trigger_with_action"], statements(extractor, text)


def test_an_instrument_agreed_to_stays_an_agreement_though_a_framework_is_a_plan(extractor):
    assert [k for k, *_ in statements(extractor, "The ministers agreed to a Framework for negotiating a trade pact.")] \
        == ["agreement"]


@pytest.mark.parametrize("text", [
    "We are setting up a fund to support pandemic preparedness.",
    "The two sides are restoring the military hotline between their defence ministries.",
    "Kenya is building two new hospitals in Mombasa.",
])
def test_an_undertaking_in_the_present_progressive_is_a_commitment(extractor, text):
    assert [rule for _, rule, _, _ in commitments(extractor, text)] == ["progressive_undertaking"]


@pytest.mark.parametrize("text", [
    "The two sides were restoring the hotline when the talks broke down.",  # the past
    "Prices are increasing across the region.",  # no party, nothing acted on
    "We are not building new coal plants.",  # negated
])
def test_a_progressive_that_reports_or_describes_is_no_undertaking(extractor, text):
    assert all(rule != "progressive_undertaking" for _, rule, _, _ in statements(extractor, text))


# -- class 2: meetings to come are commitments -------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("We will meet again in person before the end of next year.", "convened_meeting"),
    ("We agree to hold the next summit in Nairobi in 2027.", "meeting_to_come"),
    ("We will convene an investors' forum on clean energy next spring.", "convened_meeting"),
    ("Ghana will host the next meeting of energy ministers in Accra.", "convened_meeting"),
    ("The leaders look forward to the next summit in Lima.", "anticipated_meeting"),
])
def test_a_meeting_to_come_is_a_commitment_in_diplomacy(extractor, text, rule):
    [st] = extractor.extract_text(text).statements
    assert (st.kind, st.rule, st.sectors[0], st.plover) == ("commitment", rule, "diplomacy", "CONSULT")


@pytest.mark.parametrize("text", [
    "The leaders met in Nairobi on 18 November.",
    "The President visited Nairobi last week.",
    "The President invited the Prime Minister to visit Washington.",
])
def test_a_meeting_that_took_place_stays_a_meeting(extractor, text):
    assert [k for k, *_ in statements(extractor, text)] == ["meeting"]


# -- class 4: an undertaking behind a stance lead-in ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Recognising that food security is a shared priority, we will work to expand fertilizer production.",
    "We recognise that food security is a shared priority and will work to expand fertilizer production.",
    "The leaders, stressing the importance of open markets, agreed to reduce tariffs on machinery.",
])
def test_a_stance_lead_in_is_a_position_and_the_rest_a_commitment(extractor, text):
    found = statements(extractor, text)
    assert [k for k, *_ in found] == ["position", "commitment"], found
    assert "expand" in found[1][3] or "reduce" in found[1][3]


def test_a_reported_clause_after_a_stance_is_not_read_as_the_speakers_undertaking(extractor):
    # "noted" reports: Chile hosts, one statement (not a second one for the speakers)
    found = commitments(extractor, "The ministers noted that Chile is a reliable partner and will host the next round of talks.")
    assert len(found) == 1


# -- class 7: two undertakings with different actions in one sentence ----------------------------
@pytest.mark.parametrize("text", [
    "We will strengthen tax transparency and will implement the global minimum tax.",
    "We commit to scaling up blended finance, and to mobilizing private capital for infrastructure.",
    "We commit to reducing food waste and to doubling investment in irrigation.",
    "We endorse the roadmap on critical minerals and will implement its recommendations.",
    "We will meet again next year and will review the implementation of this action plan.",
])
def test_two_undertakings_in_one_sentence_are_two_commitments(extractor, text):
    assert len(commitments(extractor, text)) == 2, statements(extractor, text)


def test_two_verbs_on_one_object_stay_one_commitment(extractor):
    assert len(commitments(extractor, "We will adopt and implement a common tariff on steel.")) == 1


# -- an offer or openness to act is a soft undertaking (coders of the third blind batch) ---------
@pytest.mark.parametrize("text", [
    "As a leader in desalination, we are offering to share our technology with coastal cities.",
    "Norway offered to mediate between the two parties.",
    "We are open to entering into joint ventures on battery recycling.",
    "We remain open to dialogue with the northern provinces.",
])
def test_an_offer_or_openness_to_act_is_a_soft_commitment(extractor, text):
    assert [strength for _, _, strength, _ in commitments(extractor, text)] == ["soft"], statements(extractor, text)


@pytest.mark.parametrize("text", [
    "The market is open to foreign investors.",  # no action: a state of affairs
    "We offer our condolences to the families of the victims.",
    "The new corridor is offering opportunities to young people to study abroad.",  # what its object is to do
])
def test_openness_or_an_offer_with_no_action_undertakes_nothing(extractor, text):
    assert commitments(extractor, text) == [], statements(extractor, text)


@pytest.mark.parametrize("text", [
    "The ministers declared that the mountain pass will be open throughout the year.",
    "We will offer scholarships to 500 engineering students next year.",
])
def test_will_with_a_trigger_that_lacks_its_action_stays_firm(extractor, text):
    assert [strength for _, _, strength, _ in commitments(extractor, text)] == ["firm"], statements(extractor, text)



# -- "stand for X" reads as "support X" (codebook trigger stand: object_after for; lowdocs15) -----------------
@pytest.mark.parametrize("text", [
    "We stand for a negotiated settlement of the border dispute between the two republics.",
    "The ministers stand for the gradual removal of tariffs on farm goods.",
    "We stand for a peaceful resolution of the river dispute through talks.",  # "resolution of": the act, not a document
    "We support the declaration of a ceasefire along the coast.",
])
def test_standing_for_a_process_is_a_soft_commitment(extractor, text):
    found = commitments(extractor, text)
    assert [(rule, strength) for _, rule, strength, _ in found] == [("stance_with_action", "soft")], statements(extractor, text)


@pytest.mark.parametrize("text", [
    "We stand for the sovereignty and territorial integrity of the island republic.",
    "Our country stands for justice and equality among nations.",
    "We will stand with the people of the valley for as long as it takes.",  # "for" with no object
    "We stand ready to share our experience in flood control.",  # not "stand for": the volunteered help is soft
    "We support the resolution of the General Assembly on ocean plastics.",  # a document, not an act
])
def test_standing_for_a_principle_or_not_for_anything_makes_no_stance_with_action(extractor, text):
    assert [rule for _, rule, _, _ in commitments(extractor, text) if rule == "stance_with_action"] == [], statements(extractor, text)
