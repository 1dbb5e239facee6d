"""A news report tells an undertaking's story in every kind: achievements, plans kept alive, praise,
forecasts, undertakings pressed on, instruments concluded as a circumstance, intentions in relative
clauses, and quotations attributed by a passive tail (extract/news_prose.py). Invented sentences only."""

import pytest

OPENING = "Zambia and Angola hold talks on the railway\n\nLUSAKA, May 4, 2021 -- Zambia and Angola held talks on Monday.\n\n"


def _found(extractor, sentence: str):
    record = extractor.extract_text(OPENING + sentence)
    return [(s.kind, s.rule, s.actors, " ".join(s.text.split())) for s in record.statements if s.start >= len(OPENING)]


def _kinds(extractor, sentence: str):
    return [(kind, rule) for kind, rule, _, _ in _found(extractor, sentence)]


# -- achievements acknowledged ------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "We have completed the first section of the railway to Lobito.",
    '"With the new loan we have started to repay the debt on the railway."',
    "We have been able to identify three new projects on the corridor.",
    "The railway line has carried two million tonnes of copper since 2019, the Zambian minister said.",
    "The minister said the port has brought in a new model of financing through the partnership.",
])
def test_an_achievement_in_the_present_perfect_is_acknowledged(extractor, sentence):
    assert ("appreciation", "achievement_reported") in _kinds(extractor, sentence)


@pytest.mark.parametrize("sentence", [
    "The railway line has carried two million tonnes of copper since 2019.",  # the reporter's own background
    "We have faced long delays on the railway to Lobito.",  # a setback
    "We had completed the first section of the railway before the floods.",  # a story told in the past
    "We have not completed the first section of the railway.",  # denied
    "The first section of the railway has been completed, the minister said.",  # a passive names no achiever
])
def test_background_setbacks_and_denials_are_no_achievement(extractor, sentence):
    assert ("appreciation", "achievement_reported") not in _kinds(extractor, sentence)


def test_a_milestone_a_party_is_reported_to_have_marked_is_acknowledged(extractor):
    found = _found(extractor, "Zambia marked a historic milestone by opening the railway to Lobito, the ministry said.")
    assert [(k, r, a) for k, r, a, _ in found] == [("appreciation", "achievement_reported", ["ZMB"])]


# -- plans kept alive, praise, forecasts --------------------------------------------------------------
def test_a_plan_still_on_the_agenda_is_a_stance_for_it(extractor):
    found = _found(extractor, "The proposed rail link is still on the agenda, Zambian President Hakainde Hichilema said.")
    assert [(k, r, t) for k, r, _, t in found] == [("position", "still_on_agenda", "The proposed rail link is still on the agenda")]
    assert _kinds(extractor, "The proposed rail link is no longer on the agenda, the president said.") == []


def test_what_exemplifies_the_relationship_is_praise_of_it_in_reported_speech(extractor):
    sentence = 'The minister said: "This bridge is the best example of our countries\' cooperation."'
    assert ("appreciation", "project_appraised") in _kinds(extractor, sentence)
    # the reporter's own words praise nothing on a party's behalf
    assert _kinds(extractor, "The bridge is the best example of the two countries' cooperation.") == []


def test_a_projects_forecast_effect_is_an_appreciation_and_a_schedule_is_not(extractor):
    assert ("appreciation", "effect_forecast") in _kinds(
        extractor, "The new investment is expected to create ten thousand jobs in Lobito, the ministry said.")
    assert ("appreciation", "effect_forecast") not in _kinds(
        extractor, "The new terminal is expected to be completed in May, the ministry said.")


# -- undertakings pressed on ----------------------------------------------------------------------
def test_moving_forward_with_plans_to_act_is_a_moderate_undertaking(extractor):
    found = _found(extractor, "Zambia and Angola are moving forward with plans to build a rail link to Lobito.")
    assert [(k, r, a) for k, r, a, _ in found] == [("commitment", "advancing_with", ["AGO", "ZMB"])]
    strengths = [s.strength for s in extractor.extract_text(OPENING + "Zambia is pressing ahead with the rail link.").statements
                 if s.start >= len(OPENING)]
    assert strengths == ["firm"]


def test_a_past_step_forward_is_no_undertaking(extractor):
    assert _kinds(extractor, "Zambia moved ahead with the rail link to Lobito in 2019.") == []


# -- instruments concluded as a circumstance ----------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The ministers of Zambia and Angola were present when the rail agreement was signed.",
    "The rail link to Lobito is being built under an agreement reached in 2017.",
    "Among the 12 agreements signed after the summit, one is on setting up a joint railway board.",
])
def test_an_instrument_concluded_around_a_clause_makes_the_clause_an_agreement(extractor, sentence):
    found = _found(extractor, sentence)
    assert [(k, r) for k, r, _, _ in found] == [("agreement", "instrument_circumstance")]
    assert found[0][3] == sentence.rstrip(".")  # the whole clause


def test_a_clause_with_no_instrument_concluded_stays_silent(extractor):
    assert _kinds(extractor, "The ministers of Zambia and Angola were present when the rail link was opened.") == []


def test_a_gain_after_signing_a_deal_is_the_signing_told_whole(extractor):
    found = _found(extractor, "Zambia has secured its largest investment after signing a deal with an Angolan bank, officials said.")
    assert [(k, t) for k, _, _, t in found] == [
        ("agreement", "Zambia has secured its largest investment after signing a deal with an Angolan bank")]


# -- intentions in relative clauses ----------------------------------------------------------------
def test_a_reported_intention_in_a_relative_clause_is_the_statement_of_its_clause(extractor):
    found = _found(extractor, "Hichilema said this was one of the projects that both countries wanted to put into effect.")
    assert [(k, a, t) for k, _, a, t in found] == [
        ("commitment", ["AGO", "ZMB"], "this was one of the projects that both countries wanted to put into effect")]


def test_a_past_wish_in_a_relative_clause_told_in_narration_is_none(extractor):
    assert _kinds(extractor, "It was one of the projects that both countries wanted to put into effect.") == []


# -- attribution ---------------------------------------------------------------------------------
def test_a_quotation_attributed_by_a_passive_tail_gives_its_undertaking(extractor):
    found = _found(extractor, '"Zambia will build the rail link with Angola," Hichilema was quoted as saying by the state broadcaster.')
    assert [(k, a, t) for k, _, a, t in found] == [("commitment", ["ZMB"], "Zambia will build the rail link with Angola")]


def test_a_pronouns_wish_in_a_relative_clause_is_a_speechs_aspiration(extractor):
    assert _kinds(extractor, "This is the future that we want to build for our children.") == []


# -- company subjects ------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, company", [
    ("Lobito Road and Bridge Corporation will build the second section of the railway.", "Lobito Road and Bridge Corporation"),
    ("The Angolan contractor Benguela Harbour Engineering Company will complete the port by 2024.",
     "Benguela Harbour Engineering Company"),
])
def test_a_company_named_as_subject_is_a_non_state_actor_even_with_a_place_in_its_name(extractor, sentence, company):
    statements = [s for s in extractor.extract_text(OPENING + sentence).statements if s.start >= len(OPENING)]
    assert [(s.kind, s.actors, s.non_state_actors, s.actor_source) for s in statements] == [
        ("commitment", [], [company], "non_state")]


@pytest.mark.parametrize("sentence, actors", [
    ("Zambia will build the railway with Lobito Road and Bridge Corporation.", ["ZMB"]),  # the state undertakes
    ("The company will build the second section of the railway.", ["AGO", "ZMB"]),  # no name: the parties' side
])
def test_a_state_or_an_unnamed_company_keeps_the_parties(extractor, sentence, actors):
    statements = [s for s in extractor.extract_text(OPENING + sentence).statements if s.start >= len(OPENING)]
    assert [(s.actors, s.non_state_actors) for s in statements] == [(actors, [])]


def test_a_wish_that_others_act_in_a_relative_clause_is_no_undertaking(extractor):
    assert [k for k, _ in _kinds(extractor, "These are the rules that Angola wants to make the whole region live by.")
            if k == "commitment"] == []


def test_a_list_of_bodies_ending_in_a_group_is_no_company(extractor):
    sentence = "The Joint Working Group, the Designations Dialogue, and the new Task Force will meet in May."
    assert all(s.non_state_actors == [] for s in extractor.extract_text(OPENING + sentence).statements)


def test_everyones_deeds_and_events_told_around_an_agreement_are_no_statement(extractor):
    assert _kinds(extractor, "We have all made promises to cut emissions.") == []
    assert _kinds(extractor, "It happened a day after a settlement agreement had been reached.") == []


# -- what talks were about ---------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The talks focused on the extension of the railway to Lobito.",
    "The discussion also touched upon the financing of the port.",
    "The new dry port was among the topics discussed at the meeting.",
])
def test_what_the_talks_were_about_is_a_discussion(extractor, sentence):
    assert [(k, a) for k, _, a, _ in _found(extractor, sentence)] == [("discussion", ["AGO", "ZMB"])]


def test_work_focused_on_a_project_is_no_discussion(extractor):
    assert _kinds(extractor, "The engineers focused on the extension of the railway to Lobito.") == []
