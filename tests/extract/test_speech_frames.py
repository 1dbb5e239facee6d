"""How a speaker frames what it states (extract/speech_frames.py): "That is why we will ...",
"I am pleased to report that X will ...", "I would like to inform the Assembly that X will ...".
The frame says nothing; the clause it frames is the statement. Invented UN-speech sentences."""

import pytest

from tests.conftest import speech_statements


def _kinds(extractor, tmp_path, text: str):
    return [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, text)]


@pytest.mark.parametrize("sentence", [
    "That is why we are committed to the implementation of the regional water strategy.",
    "This is why Mongolia will host the next ministerial conference on desertification in 2026.",
    "Droughts are worsening, and that is why we will double our funding for early warning systems.",
])
def test_the_clause_after_a_reason_frame_is_the_statement(extractor, tmp_path, sentence):
    found = speech_statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.strength) for s in found] == [("commitment", "firm")]
    assert found[0].actors == ["MNG"]


def test_a_reason_frame_read_as_an_adverb_still_frames_its_clause(extractor, tmp_path):
    text = "That is why Mongolia supports the regional action plan (A/79/123) as a framework for restoring rangelands."
    found = speech_statements(extractor, tmp_path, text)
    assert [(s.kind, s.strength, s.actors) for s in found] == [("commitment", "soft", ["MNG"])]


@pytest.mark.parametrize("sentence", [
    "That is why the reform of the Council matters so much.",  # no clause of its own
    "That is why many countries have suffered from the floods.",  # a fact told, no undertaking
])
def test_a_reason_frame_over_no_undertaking_gives_no_commitment(extractor, tmp_path, sentence):
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence", [
    "I am pleased to report that Mongolia will ratify the treaty on plastic pollution next year.",
    "I would like to inform this Assembly that Mongolia will host the regional forum on rangelands in May 2025.",
    "I am happy to confirm that my Government is committed to implementing the convention on migrant workers.",
    "I am proud to confirm that my Government will ratify the convention on migrant workers this year.",
])
def test_a_frame_of_feeling_or_politeness_reports_the_undertaking(extractor, tmp_path, sentence):
    found = speech_statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.strength, tuple(s.actors)) for s in found] == [("commitment", "firm", ("MNG",))]


def test_a_frame_still_reports_another_party_as_the_actor(extractor, tmp_path):
    found = speech_statements(extractor, tmp_path, "I am pleased to report that Kenya will co-host the conference.")
    assert [(s.kind, tuple(s.actors)) for s in found] == [("commitment", ("KEN",))]


@pytest.mark.parametrize("sentence, kind", [
    ("I am pleased to welcome the adoption of the resolution on rangelands.", "appreciation"),  # no report
    ("I would like to thank the Secretary-General for his leadership.", "appreciation"),
    ("I would like to inform the Assembly of the floods that struck our western provinces.", "discussion"),
])
def test_a_frame_without_a_reported_clause_keeps_its_own_reading(extractor, tmp_path, sentence, kind):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == [kind]


def test_a_polite_frame_over_a_report_of_the_past_undertakes_nothing(extractor, tmp_path):
    # "wish" is no hope here: the speaker wishes to report, and what it reports is done
    sentence = "I wish to report that our presidency has already delivered a draft text aimed at protecting the sea."
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence", [
    "In doing so, I wish to convey warm greetings from the people of Mongolia.",
    "We wish to state our views on three questions before this Assembly.",
])
def test_a_wish_to_speak_is_no_hope(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == []


def test_a_wish_to_speak_keeps_what_the_speech_act_states(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "I wish to thank the President of the Assembly for her leadership.") \
        == [("appreciation", None)]
    # a wish for an act of one's own (not of speaking) stays a soft undertaking
    assert _kinds(extractor, tmp_path, "We wish to expand our cooperation with the small island States.") \
        == [("commitment", "soft")]


def test_it_that_intends_is_the_party_named_before(extractor, tmp_path):
    text = ("Mongolia will continue to supply vaccines to its neighbours. "
            "It also intends to expand its cooperation with the World Health Organization.")
    found = [(s.kind, tuple(s.actors)) for s in speech_statements(extractor, tmp_path, text)]
    assert found == [("commitment", ("MNG",)), ("commitment", ("MNG",))]


def test_it_that_is_a_thing_undertakes_nothing(extractor, tmp_path):
    text = "The new railway opened last year. It will boost trade with our neighbours."
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, text))


@pytest.mark.parametrize("sentence", [
    "If those trends continue, almost 600 million people will continue to live in extreme poverty in 2030.",
    "Without action, millions of children will go hungry this year.",
    "As the Secretary-General reminds us, some 200 million farmers will lose their harvests by 2030.",
    "On current trends, only a third of countries will meet the target of halving hunger.",
    "Half of all nations will miss the emissions goal, the report tells us.",
])
def test_a_counted_population_is_no_party(extractor, tmp_path, sentence):
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


def test_a_people_named_without_a_count_can_still_undertake(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "The two countries will build a bridge across the river.") \
        == [("commitment", "firm")]


def test_states_counted_among_the_parties_can_still_undertake(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "Our three countries will build a bridge across the river.") \
        == [("commitment", "firm")]


def test_a_leading_concessive_clause_states_its_own_undertaking(extractor, tmp_path):
    sentence = ("While Mongolia looks forward to hosting the regional rangelands forum in 2026, we call on all "
                "partners to support it.")
    found = [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, sentence)]
    assert found == [("commitment", "soft"), ("position", None)]


def test_a_leading_concessive_clause_of_a_stance_stays_a_stance(extractor, tmp_path):
    sentence = "While we welcome the progress made, we remain concerned about the pace of reform."
    assert _kinds(extractor, tmp_path, sentence) == [("appreciation", None), ("position", None)]


@pytest.mark.parametrize("sentence", [
    "Last month the leaders of the region held a summit, at which we agreed on measures to protect the river basin.",
    "We met in Ulaanbaatar last year, where we agreed to double our trade by 2030.",
])
def test_an_undertaking_at_a_meeting_is_cut_from_the_meeting(extractor, tmp_path, sentence):
    found = [(s.kind, s.strength) for s in speech_statements(extractor, tmp_path, sentence)]
    assert found == [("meeting", None), ("commitment", "firm")]


def test_an_undertaking_named_as_background_is_no_statement_of_its_own(extractor, tmp_path):
    sentence = "These crises severely hamper the urgent action we all agreed to take to combat climate change."
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence, kind", [
    ("Since 2021, the Government has undertaken several reforms of the courts.", "appreciation"),
    ("The Government undertook a census of the herds last year.", "appreciation"),
    ("The Government will undertake several reforms of the courts next year.", "commitment"),
    ("We have undertaken to halve our emissions by 2035.", "commitment"),
])
def test_a_deed_done_is_no_undertaking(extractor, tmp_path, sentence, kind):
    assert [k for k, _ in _kinds(extractor, tmp_path, sentence)] == [kind]


@pytest.mark.parametrize("sentence", [
    "Today I propose a regional pact against drought.",
    "I would like to reiterate our proposal to establish a regional centre for climate science.",
    "I take this opportunity to propose a regional pact against drought.",
])
def test_the_speakers_own_proposal_is_a_soft_undertaking(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "soft")]


@pytest.mark.parametrize("sentence", [
    "Thirty years ago we proposed the idea of a regional conference on security.",  # background
    "Some delegations propose a new committee.",  # not the speaker's
])
def test_no_own_proposal(extractor, tmp_path, sentence):
    assert [s for s in speech_statements(extractor, tmp_path, sentence) if s.rule == "own_proposal"] == []


def test_taking_the_occasion_says_nothing_its_infinitive_does(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "I take this opportunity to thank the Secretary-General.") \
        == [("appreciation", None)]
    assert _kinds(extractor, tmp_path, "I take this opportunity to announce that we will double our contribution "
                                       "to the adaptation fund.") == [("commitment", "firm")]
    # the purpose of a means stays inside its undertaking
    found = speech_statements(extractor, tmp_path, "We will use the new fund to build schools in the provinces.")
    assert [(s.kind, s.text) for s in found] == [("commitment", "We will use the new fund to build schools in the provinces")]


def test_a_pledge_with_no_action_keeps_its_strength(extractor, tmp_path):
    sentence = "In Mongolia, we have pledged the transformation of the coal sector into a net zero economy by 2060."
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "We are going to build a new hospital in every province.",
    "We're going to keep working with our partners to end the war.",
])
def test_going_to_is_will(extractor, tmp_path, sentence):
    found = speech_statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.strength) for s in found] == [("commitment", "firm")]
    assert found[0].text.startswith("going to ")


@pytest.mark.parametrize("sentence", [
    "I am going to speak about three issues today.",  # the speech itself
    "The crisis is going to get worse.",  # a thing: a forecast
    "And if we are going to deliver, we need partners.",  # a condition
])
def test_going_to_without_an_undertaking(extractor, tmp_path, sentence):
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("sentence, strength", [
    ("Mongolia has presented its candidature for a non-permanent seat on the Security Council for 2031-2032.", "firm"),
    ("We count on your support for our candidacy to the Human Rights Council.", "soft"),
    ("We are seeking a seat on the Human Rights Council for the term 2027-2029.", "soft"),
    ("We are running for re-election to the Council.", "firm"),
])
def test_the_speakers_own_candidacy_is_an_undertaking(extractor, tmp_path, sentence, strength):
    found = speech_statements(extractor, tmp_path, sentence)
    assert [(s.kind, s.strength, s.rule) for s in found] == [("commitment", strength, "own_candidacy")]


def test_support_for_another_candidacy_stays_a_position(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "We support the candidacy of Kenya to the Human Rights Council.") \
        == [("position", None)]


@pytest.mark.parametrize("sentence", [
    "My country is proud to host the next Conference of the Parties in 2026.",
    "We are proud to announce a new educational exchange programme in science and engineering.",
])
def test_a_feeling_over_an_act_to_come_is_that_undertaking(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "firm")]


@pytest.mark.parametrize("sentence", [
    "I am proud to be here today.",
    "We are proud to have hosted the summit last year.",
    "I am pleased to welcome the adoption of the resolution.",
    "I am proud to be standing here before you.",
    "I am pleased to extend to you our warmest congratulations.",
    "We are proud that Kenya will soon take up a seat on the Security Council.",  # another's act
])
def test_a_feeling_over_a_state_a_deed_or_a_welcome_stays_a_feeling(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("appreciation", None)]


@pytest.mark.parametrize("sentence", ["Our goal is to reach net zero by 2050.",
                                      "Our goal is to plant one billion trees by 2030."])
def test_a_stated_goal_of_the_speaker_is_a_moderate_commitment(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "moderate")]


def test_the_goal_of_a_thing_is_no_undertaking(extractor, tmp_path):
    assert _kinds(extractor, tmp_path, "The goal of the Charter is to save succeeding generations from war.") == []


@pytest.mark.parametrize("sentence", [
    "It is our hope that both sides can resume talks, with the goal of establishing two states.",  # a hope
    "All States must rediscover a spirit of service with the intention of building solidarity.",  # a call
    "We are committed to deepening our ties with the shared objective of fostering understanding.",  # a purpose
])
def test_no_intent_rider_on_a_hope_a_call_or_an_undertaking(extractor, tmp_path, sentence):
    assert [s for s in speech_statements(extractor, tmp_path, sentence) if s.rule == "intent_rider"] == []


def test_a_condition_with_when_is_no_undertaking_at_a_meeting(extractor, tmp_path):
    sentence = "We share the belief that democracy thrives when we commit to strengthening our institutions."
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


def test_a_goal_of_the_past_is_no_undertaking(extractor, tmp_path):
    assert all(kind != "commitment" for kind, _ in
               _kinds(extractor, tmp_path, "Our goal was to provide an initial impetus for a lasting peace."))


@pytest.mark.parametrize("sentence", [
    "We remain firm in our process of accession to the Organisation for Economic Co-operation and Development.",
    "Mongolia remains steadfast in its commitment to reform the Security Council.",
])
def test_steadfastness_in_a_process_or_an_undertaking_is_a_moderate_commitment(extractor, tmp_path, sentence):
    assert _kinds(extractor, tmp_path, sentence) == [("commitment", "moderate")]


@pytest.mark.parametrize("sentence", ["The ground remains firm in the dry season.",
                                      "We remain firm in our belief in multilateralism."])
def test_steadfastness_in_no_action_is_no_commitment(extractor, tmp_path, sentence):
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, sentence))


@pytest.mark.parametrize("text", [
    "The new terminals mark a milestone for the port. Not only will they serve today's trade, "
    "but they will also strengthen the region's future growth.",
    "If you invest in our solar parks, you will earn steady returns.",
])
def test_they_or_you_in_a_speech_is_never_the_speaker_undertaking(extractor, tmp_path, text):
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, text))


def test_we_in_a_speech_still_undertakes(extractor, tmp_path):
    text = "The new terminals mark a milestone for the port. We will also build a rail link to them."
    assert ("commitment", "firm") in _kinds(extractor, tmp_path, text)


def test_a_feeling_over_an_announcement_of_a_that_clause_leaves_the_report_to_decide(extractor, tmp_path):
    kept = "I am pleased to announce today that Mongolia is honouring its pledges on climate financing."
    assert all(kind != "commitment" for kind, _ in _kinds(extractor, tmp_path, kept))  # pledges kept: no new undertaking
    new = "I am pleased to announce today that Mongolia is doubling its funding for snow-disaster relief."
    assert _kinds(extractor, tmp_path, new) == [("commitment", "firm")]
