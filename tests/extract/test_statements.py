"""Statement finding on sentences of every genre (written for these tests, not taken from the gold set)."""

import pytest


def kinds(extractor, text):
    record = extractor.extract_text(text)
    return [(s.kind, " ".join(s.text.split())) for s in record.statements]


def only(extractor, text):
    found = kinds(extractor, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The two ministers agreed to open a consulate in Lahore.", "commitment"),
        ("We will double climate finance for adaptation by 2027.", "commitment"),
        ("We commit to phasing out unabated coal power.", "commitment"),
        ("The parties shall notify each other of any change in tariffs.", "commitment"),
        ("We will not allow our territory to be used against any third country.", "commitment"),
        ("The leaders reiterated their support for building resilient supply chains.", "commitment"),
        ("We reaffirm our commitment to the Charter of the United Nations.", "position"),
        ("Japan remains committed to upholding international law.", "position"),
        ("The ministers condemned the attack on the embassy.", "position"),
        ("We call on all parties to exercise restraint.", "position"),
        ("The President thanked the Prime Minister for his hospitality.", "appreciation"),
        ("The two sides signed five memoranda of understanding.", "agreement"),
        ("The Chancellor met with the Emir in Doha.", "meeting"),
        ("They discussed regional security and energy markets.", "discussion"),
    ],
)
def test_kind_of_one_statement(extractor, text, kind):
    assert only(extractor, text)[0] == kind


def test_may_is_not_an_undertaking(extractor):
    assert [k for k, _ in kinds(extractor, "The two countries may consider a joint venture in mining.")] != ["commitment"]


def test_a_thing_that_will_happen_is_not_a_party_pledge(extractor):
    assert kinds(extractor, "The new terminal will handle two million containers a year.") == []


def test_one_statement_per_undertaking(extractor):
    found = kinds(extractor, "Ghana pledged to lower fuel subsidies and assured investors of stable tax rules.")
    assert [k for k, _ in found] == ["commitment", "commitment"]


def test_coordinated_actions_with_their_own_objects_split(extractor):
    found = kinds(extractor, "The sides agreed to build a bridge over the river and to open a border market.")
    assert len([k for k, _ in found if k == "commitment"]) == 2


def test_a_series_of_actions_under_one_will_is_one_commitment_each(extractor):
    found = kinds(extractor, "Within this Coordination Platform, we will use early warning and rapid information "
                             "sharing, regularly consult each other, collaboratively assess situations, and explore "
                             "coordinated responses.")
    assert found == [
        ("commitment", "Within this Coordination Platform, we will use early warning and rapid information sharing"),
        ("commitment", "regularly consult each other"),
        ("commitment", "collaboratively assess situations"),
        ("commitment", "explore coordinated responses"),
    ]


def test_a_series_item_stops_before_the_next_verb_of_the_clause(extractor):
    found = kinds(extractor, "We will share approaches to capacity building, highlight resources and programs "
                             "that are available, and take steps to coordinate such work.")
    assert [t for _, t in found] == ["We will share approaches to capacity building",
                                     "highlight resources and programs that are available",
                                     "take steps to coordinate such work"]


def test_nouns_in_a_list_after_will_are_not_a_series_of_actions(extractor):
    found = kinds(extractor, "Canada will prioritize four areas for enforcement cooperation: synthetic drugs, "
                             "firearms trafficking, illicit finance, and precursor chemicals.")
    assert [k for k, _ in found] == ["commitment"]


def test_a_hyphenated_re_verb_is_still_the_verb(extractor):
    assert only(extractor, "The leaders re-affirmed their commitment to expanding trade.")[0] == "commitment"
    assert only(extractor, "We re-emphasize the importance of freedom of navigation.")[0] == "position"


def test_helping_a_party_do_something_under_will_is_an_undertaking(extractor):
    assert only(extractor, "Peru will vigorously support other developing countries in building clinics.")[0] == "commitment"
    # support for an institution's work is an undertaking too (soft: PRODUCT.md, the G20 Research
    # Group's sense); support for a party alone, or a call to support, is a stance
    assert only(extractor, "Peru supports the United Nations in serving as the main channel.")[0] == "commitment"
    assert only(extractor, "Peru will support developing countries.")[0] == "position"
    assert only(extractor, "We must support countries in developing green energy.")[0] == "position"


def test_commit_to_with_a_bare_verb_is_an_undertaking(extractor):
    assert only(extractor, "Chile and Peru commit to strengthen their cooperation to achieve greater transparency.")[0] \
        == "commitment"


def test_talks_promised_under_will_are_an_undertaking(extractor):
    assert only(extractor, "The two leaders affirmed they would review these factors.")[0] == "commitment"
    assert only(extractor, "Chile and Peru will consult closely on regional security.")[0] == "commitment"


def test_a_series_of_actions_after_an_infinitive_is_one_commitment_each(extractor):
    found = kinds(extractor, "Chile affirmed continued support for Peru’s efforts to upgrade its ports, cut fishing "
                             "subsidies, and gradually expand water networks to its cities.")
    assert [t for k, t in found if k == "commitment"] == [
        "Chile affirmed continued support for Peru’s efforts to upgrade its ports", "cut fishing subsidies",
        "gradually expand water networks to its cities"]


def test_a_series_item_ends_where_a_mistagged_verb_begins_the_next(extractor):
    found = kinds(extractor, "We will provide funding, build capacity, and train personnel, and review progress annually.")
    assert ("commitment", "build capacity") in found


def test_a_series_that_carries_on_a_purpose_clause_is_not_split(extractor):
    found = kinds(extractor, "We are committed to agree on common standards to help protect the oceans, restore "
                             "reefs now, and build fisheries back better.")
    assert [k for k, _ in found] == ["commitment"]


def test_a_repeated_preposition_gives_a_second_action(extractor):
    found = kinds(extractor, "Chile is committed to reducing its emissions by 40 per cent by 2030, and then to "
                             "achieving carbon neutrality by 2050.")
    assert found == [("commitment", "Chile is committed to reducing its emissions by 40 per cent by 2030"),
                     ("commitment", "then to achieving carbon neutrality by 2050")]


def test_what_the_speakers_undertake_in_a_relative_clause_is_a_statement(extractor):
    found = kinds(extractor, "We welcome the success of the Summit in Lima, where we will act together to end hunger.")
    assert found == [("appreciation", "We welcome the success of the Summit in Lima"),  # the clause is cut out
                     ("commitment", "where we will act together to end hunger")]
    # a relative clause about others undertakes nothing for the speakers
    assert kinds(extractor, "Our priority is the Conference, where delegates will review the loss of species.") == []


def test_let_me_introduces_the_speakers_own_statement(extractor):
    assert only(extractor, "Let me also reiterate Peru’s continued support for strengthening regional organizations.") \
        == ("commitment", "Let me also reiterate Peru’s continued support for strengthening regional organizations")
    found = kinds(extractor, "Let me also thank the Secretary-General, and let me reiterate our commitment to the "
                             "Andean Water Pact.")
    assert [t for _, t in found] == ["Let me also thank the Secretary-General",
                                     "let me reiterate our commitment to the Andean Water Pact"]


def test_seeking_an_action_noun_is_a_soft_undertaking(extractor):
    assert only(extractor, "We seek resolution of disputes through comprehensive dialogue.")[0] == "commitment"
    assert kinds(extractor, "We seek assistance from donors for reconstruction.") == []  # a request


def test_an_undertaking_to_meet_is_a_meeting_to_come(extractor):
    """An undertaking to hold or convene a meeting is a commitment (PRODUCT.md: users track
    whether it was held), in the diplomacy sector, PLOVER CONSULT (category commitment.meet)."""
    record = extractor.extract_text("The two sides agreed to hold the next summit in Lima.")
    [st] = record.statements
    assert (st.kind, st.sectors[0], st.plover, st.cameo) == ("commitment", "diplomacy", "CONSULT", "036")
    assert only(extractor, "The leaders affirmed their intent to convene the Andean Security Dialogue.")[0] == "commitment"
    # a visit to come stays a meeting
    assert only(extractor, "The Prime Minister expressed her intention to visit Lima next year.")[0] == "meeting"
    # a directive to one's ministers stays an undertaking of the leaders
    assert only(extractor, "The leaders instructed their foreign ministers to hold a meeting soon.")[0] == "commitment"
    # a meeting joined to another undertaking does not swallow it
    assert [k for k, _ in kinds(extractor, "The leaders agreed to hold the next summit in Tokyo and to launch a new "
                                           "fund.")] == ["commitment", "commitment"]


def test_verbs_sharing_one_object_stay_one_undertaking(extractor):
    found = kinds(extractor, "Chile commits to adopt and maintain strict fishing quotas.")
    assert [k for k, _ in found] == ["commitment"]


def test_participle_is_its_own_statement(extractor):
    found = kinds(extractor, "Both sides decided to expand flights, recognizing the role of tourism in growth.")
    assert ("commitment", "Both sides decided to expand flights") in found
    assert any(k == "position" and t.startswith("recognizing") for k, t in found)


def test_reported_undertaking_keeps_the_reporting_party(extractor):
    record = extractor.extract_text("Kenya and Ethiopia met in Nairobi. Kenya said that it would reopen the border crossing.")
    st = [s for s in record.statements if s.kind == "commitment"]
    assert len(st) == 1 and st[0].actors == ["KEN"]
    assert st[0].text.startswith("Kenya said that it would reopen")


def test_we_will_list_items_are_one_commitment_each(extractor):
    text = "We, the leaders of the G7, met in Rome.\n\nWe will:\n\n- mobilize finance for clean energy;\n- strengthen supply chains for critical minerals; and\n- support health systems in Africa.\n"
    record = extractor.extract_text(text)
    items = [s for s in record.statements if s.kind == "commitment"]
    assert [" ".join(s.text.split()) for s in items] == [
        "mobilize finance for clean energy",
        "strengthen supply chains for critical minerals",
        "support health systems in Africa",
    ]
    assert all(s.actors == ["G7"] for s in items)


def test_enumerated_obligations_are_one_commitment_each(extractor):
    text = "Under the framework, Peru will (i) remove tariffs on wheat; (ii) accept U.S. vehicle standards; and (iii) streamline customs procedures."
    record = extractor.extract_text(text)
    commitments = [s for s in record.statements if s.kind == "commitment"]
    assert [s.text for s in commitments] == [
        "remove tariffs on wheat", "accept U.S. vehicle standards", "streamline customs procedures"]
    assert all(s.actors == ["PER"] for s in commitments)


def test_semicolon_clauses_continue_the_undertaking(extractor):
    text = ("Vietnam will, among other measures, remove duties on machinery imported from the region; "
            "simplify licensing for foreign banks operating in Hanoi; and publish draft regulations for comment.")
    record = extractor.extract_text(text)
    assert len([s for s in record.statements if s.kind == "commitment"]) == 3


def test_optional_ner_adds_names_the_gazetteer_does_not_know():
    from pledgebook.extract.pipeline import Extractor

    text = "The two leaders agreed to expand the partnership between Zentrix Semiconductor Corporation and Tata Electronics."
    with_ner = Extractor(ner=True).extract_text(text)
    names = {e.name for s in with_ner.statements for e in s.entities if e.source == "discovered"}
    assert any("Tata" in n for n in names), names
    for s in with_ner.statements:
        for e in s.entities:
            assert text[e.start : e.end] == e.surface


def test_an_undertaking_verb_hung_on_an_embedded_clause_is_its_own_statement(extractor):
    # the parser attaches "commit" to "threaten" inside the relative clause
    found = kinds(extractor, "Chile and Peru oppose all actions that weaken or threaten the regional order "
                             "and commit to maintaining an open Pacific.")
    assert found == [("position", "Chile and Peru oppose all actions that weaken or threaten the regional order"),
                     ("commitment", "commit to maintaining an open Pacific")]


def test_an_undertaking_verb_in_a_reported_clause_stays_there(extractor):
    found = kinds(extractor, "I stress that my country does not claim foreign lands and does not intend to cede any of its own.")
    # one statement over the whole reported clause, not a second one for "does not intend to cede"
    assert [text for _, text in found] == [
        "I stress that my country does not claim foreign lands and does not intend to cede any of its own"]


def test_tasking_ones_own_officials_is_an_undertaking(extractor):
    kind, text = only(extractor, "In light of this, we task our relevant Ministers and officials to implement these measures "
                              "in time for the fund to start lending next year.")
    assert kind == "commitment"


def test_coordinated_undertaking_nouns_are_two_commitments(extractor):
    found = kinds(extractor, "The presidents stress their shared commitment to the elimination of landmines "
                             "and their intent to fund clearance programs in the border region.")
    assert [k for k, _ in found] == ["commitment", "commitment"]
    assert found[1][1] == "their intent to fund clearance programs in the border region"


def test_a_gerund_after_as_well_as_is_a_second_action(extractor):
    found = kinds(extractor, "We remain committed to helping Moldova meet its energy needs, "
                             "as well as supporting its integration into regional markets.")
    assert [k for k, _ in found] == ["commitment", "commitment"]
    assert found[1][1] == "supporting its integration into regional markets"


def test_a_commitment_noun_with_means_named_by_including_by_is_an_undertaking(extractor):
    kind, _ = only(extractor, "We reiterate our commitment to Georgia’s long-term stability, "
                              "including by implementing the bilateral security arrangements.")
    assert kind == "commitment"


def test_a_clause_with_its_own_subject_is_not_swallowed_by_the_previous_one(extractor):
    found = kinds(extractor, "We will build on the Nairobi conference held in May and we look forward to the next "
                             "conference in Accra in 2026.")
    assert found[0] == ("commitment", "We will build on the Nairobi conference held in May")
    # the conference looked forward to is a meeting to come of its own (a soft commitment), not part of the first
    assert ("commitment", "we look forward to the next conference in Accra in 2026") in found
    assert "look forward" not in found[0][1]


def test_a_listed_item_whose_only_subject_is_inside_its_purpose_clause_is_an_undertaking(extractor):
    found = kinds(extractor, "Chile will, among other measures, ban imports of goods made with forced labor; "
                             "revise its labor code to ensure that workers’ rights to organize are protected; "
                             "and strengthen labor inspections.")
    assert [k for k, _ in found] == ["commitment"] * 3
    assert found[1][1].startswith("revise its labor code")


def test_a_bare_verb_the_tagger_took_for_a_noun_is_a_second_action(extractor):
    found = kinds(extractor, "Both sides decided to consult regularly on regional fisheries, "
                             "as well as work together as partners in ocean science.")
    assert [k for k, _ in found] == ["commitment", "commitment"]
    assert found[1][1].startswith("work together")


def test_an_undertaking_of_another_party_inside_a_welcome_list_is_a_commitment(extractor):
    record = extractor.extract_text(
        "The Norwegian side welcomed Kenya’s participation at the recent Nairobi forum, its membership of the "
        "Ocean Alliance, and Kenya’s announcement to generate all of its electricity from renewables by 2030.")
    commitments = [s for s in record.statements if s.kind == "commitment"]
    assert len(commitments) == 1
    assert commitments[0].text.startswith("Kenya’s announcement to generate")
    assert commitments[0].actors == ["KEN"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Norway will meet its emissions target by 2030.", "commitment"),
        ("The Chancellor will meet the Emir in Doha next week.", "meeting"),
        ("Ghana hosted the regional conference on maritime security.", "meeting"),
        ("We reaffirm that we will undertake urgent action to cut methane emissions.", "commitment"),
        ("We welcome U.S. plans to establish a regional training center in Manila.", "commitment"),
    ],
)
def test_sense_of_meet_and_commitments_inside_stances(extractor, text, kind):
    assert only(extractor, text)[0] == kind


def test_a_series_of_actions_after_one_will_is_one_commitment_each(extractor):
    found = kinds(extractor, "We will use early warning indicators to detect risks, regularly coordinate on supply "
                             "disruptions, explore joint responses, and deter coercive practices.")
    assert [k for k, _ in found] == ["commitment"] * 4


def test_listed_items_led_by_and_an_adverb_or_to_are_undertakings(extractor):
    found = kinds(extractor, "Peru has committed to eliminate existing tariff lines on copper wire products and suspend "
                             "related requirements on import licences; to support a permanent moratorium on customs duties "
                             "on electronic transmissions at the WTO; and to jointly promote investment in mining and "
                             "energy projects in the Andean region.")
    assert [k for k, _ in found] == ["commitment"] * 4
    assert found[2][1].startswith("support a permanent moratorium")
    assert found[3][1].startswith("promote investment in mining")


def test_two_verbs_on_one_object_are_one_statement_unless_they_say_different_things(extractor):
    assert kinds(extractor, "Chile will, among other measures, adopt and implement a ban on imports of goods made "
                            "with forced labor.") == [
        ("commitment", "Chile will, among other measures, adopt and implement a ban on imports of goods made with forced labor")]
    assert [k for k, _ in kinds(extractor, "Norway commends and commits to supporting the new mine-clearance fund.")] == \
        ["appreciation", "commitment"]


def test_a_stranded_preposition_shares_the_next_verbs_object(extractor):
    assert kinds(extractor, "The G7 will work with and fully support a future Libyan government.") == [
        ("commitment", "The G7 will work with and fully support a future Libyan government")]


def test_a_participle_glued_to_a_noun_is_that_nouns_action_not_the_speakers(extractor):
    found = kinds(extractor, "We welcome and underscore the significance of Moldova itself continuing to implement "
                             "judicial reform.")
    assert all(kind != "commitment" for kind, _ in found)
    found = kinds(extractor, "The ministers met in Rome, pledging to expand grain corridors through the Black Sea.")
    assert ("commitment", "pledging to expand grain corridors through the Black Sea") in found


def test_a_gerund_closing_a_list_of_nouns_is_not_a_second_action(extractor):
    found = kinds(extractor, "We agree to expand regional coordination on customs, aviation safety, public health "
                             "and promoting a green recovery.")
    assert [k for k, _ in found] == ["commitment"]


def test_agreeing_to_an_instrument_is_an_agreement(extractor):
    assert only(extractor, "Today, Chile and Korea agreed to a Framework for negotiating a trade agreement.")[0] == "agreement"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("I would like to thank the President of the Assembly for his leadership.", "appreciation"),
        ("I wish to congratulate Hungary on the election of its representative.", "appreciation"),
        ("I would like to reaffirm our determination to continue contributing to peacekeeping.", "commitment"),
        ("We will never forget the bravery of our soldiers.", "position"),
        ("We hope that the Security Council will soon agree on a candidate.", "position"),
    ],
)
def test_manners_of_speaking_wishes_and_avowals(extractor, text, kind):
    assert only(extractor, text)[0] == kind


def test_i_would_say_is_no_statement(extractor):
    assert kinds(extractor, "I would say the same of the other delegations.") == []


def test_a_non_partys_ongoing_action_is_a_description(extractor):
    found = kinds(extractor, "Canada stands with the people of Gaza. Unfortunately, Hamas continues to operate in Gaza "
                             "and refuses to release hostages.")
    assert all(kind != "commitment" for kind, _ in found)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The leaders look forward to establishing a trilateral dialogue with Australia.", "commitment"),
        ("Prime Minister Modi looked forward to welcoming President Biden to the summit.", "commitment"),
        ("We look forward to the next recovery conference in Rome in 2025.", "commitment"),
        ("We look forward to what Chile and Peru will achieve together for their people.", "position"),
        ("We reaffirm our strong will to support the least developed countries.", "commitment"),
        ("I can announce today that we are creating a new facility to help countries adapt.", "commitment"),
        ("We encourage all nations to support these principles on resilient supply chains.", "position"),
        ("Both sides encouraged Chinese enterprises to join the new industrial parks.", "commitment"),
    ],
)
def test_looking_forward_announcing_and_encouraging(extractor, text, kind):
    assert only(extractor, text)[0] == kind


def test_looking_at_something_is_no_statement(extractor):
    assert kinds(extractor, "We look at the options carefully.") == []


@pytest.mark.parametrize("text", ["To recommit to the UN, to internationalism, to the rule of law…",
                                  "Willing to act – not paralysed by politics.",
                                  "Being ready to change how we do things."])
def test_a_subjectless_fragment_of_a_speech_undertakes_nothing(extractor, text):
    assert all(kind != "commitment" for kind, _ in kinds(extractor, text))


def test_a_reported_condition_binds_no_one_but_a_reported_will_does(extractor):
    assert all(kind != "commitment" for kind, _ in kinds(
        extractor, "The President stressed that an armed attack on the coast guard would invoke the treaty."))
    assert only(extractor, "Both nations declared that the border crossing will be open throughout the year.")[0] == "commitment"


def test_a_speech_item_after_an_ellipsis_carries_the_open_undertaking(extractor):
    found = kinds(extractor, "Under my leadership, Norway will lead again…\n\nAnd restoring our commitment to ocean science.\n")
    assert found == [("commitment", "Under my leadership, Norway will lead again"),
                     ("commitment", "restoring our commitment to ocean science")]


def test_recall_is_not_a_call(extractor):
    [statement] = extractor.extract_text("We recall our commitment to the Paris Agreement.").statements
    assert (statement.kind, statement.plover) == ("position", "SUPPORT")


@pytest.mark.parametrize("text, kinds", [
    ("In the decades ahead we will all face the task of feeding ten billion people.", ["position"]),
    ("We will experience more frequent droughts in the south.", ["position"]),
    ("We will face down the smugglers with new coastal patrols.", ["commitment"]),  # a phrasal verb acts
])
def test_a_verb_of_undergoing_under_will_is_a_forecast_not_an_undertaking(extractor, text, kinds):
    assert [s.kind for s in extractor.extract_text(text).statements] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("Next month our Foreign Minister will attend the ocean conference in Lisbon.", ["commitment"]),
    ("I will travel to Nadi for the Pacific Islands Forum summit.", ["commitment"]),
    ("The President will visit Ghana in May.", ["meeting"]),  # a visit to a place, no event attended
])
def test_going_to_an_event_to_come_is_attending_it(extractor, text, kinds):
    assert [s.kind for s in extractor.extract_text(text).statements] == kinds
